import { InboxOutlined } from '@ant-design/icons';
import type { ImportResult, ObjectType } from '@anzhi/core';
import { Alert, App, Button, Modal, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client.ts';
import { useImportObjects } from './api.ts';

/** Import a ledger sheet: a preview first (nothing written), then the import — all rows or none. */
export function ImportModal({ type, open, onClose }: { type: ObjectType; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const importer = useImportObjects();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const close = () => {
    setFile(null);
    setResult(null);
    onClose();
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    try {
      const r = await importer.mutateAsync({ typeId: type.id, file, dryRun });
      setResult(r);
      if (!dryRun && r.errors.length === 0) message.success(`已导入：新增 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const done = result && !result.dryRun && result.errors.length === 0;
  return (
    <Modal
      open={open}
      onCancel={close}
      width={760}
      title={`导入${type.name}台账`}
      footer={
        <Space>
          <Button onClick={close}>{done ? '完成' : '取消'}</Button>
          {!done ? (
            <>
              <Button disabled={!file} loading={importer.isPending} onClick={() => run(true)}>
                预览
              </Button>
              <Button
                type="primary"
                disabled={!file || !result?.dryRun || result.errors.length > 0}
                loading={importer.isPending}
                onClick={() => run(false)}
              >
                确认导入
              </Button>
            </>
          ) : null}
        </Space>
      }
    >
      <Upload.Dragger
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setResult(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setResult(null);
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>点击或拖入 .xlsx 文件（≤ 10 MB）</p>
        <p className="ant-upload-hint">
          列名：名称、{type.anchor === 'enterprise' ? '所属企业' : '所在村（社区）'}、地址，及 {type.fields.map((f) => f.label).join('、')}
          。可先“导出”一份作模板。
        </p>
      </Upload.Dragger>
      {result ? (
        <div style={{ marginTop: 16 }}>
          <Alert
            type={result.errors.length ? 'error' : 'success'}
            showIcon
            message={
              result.errors.length
                ? `有 ${result.errors.length} 处错误，${result.dryRun ? '请改正后再导入' : '全部未导入'}（任一行有错则全部不导入）`
                : `${result.dryRun ? '预览：将' : '已'}新增 ${result.created} 个，更新 ${result.updated} 个，${result.unchanged} 个未变`
            }
            description={result.ignoredColumns.length ? `未识别的列（已忽略）：${result.ignoredColumns.join('、')}` : undefined}
          />
          {result.errors.length ? (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey={(r) => `${r.row}-${r.column}`}
              dataSource={result.errors}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: '行', dataIndex: 'row', width: 60 },
                { title: '列', dataIndex: 'column', width: 140 },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
