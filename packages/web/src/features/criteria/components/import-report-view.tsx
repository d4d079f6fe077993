import { CheckOutlined, RedoOutlined } from '@ant-design/icons';
import type { CriteriaImportReport } from '@anzhi/core';
import { Alert, Button, Checkbox, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../../lib/format.ts';
import { ConfidenceCounts, SetStatusTag } from './criteria-tags.tsx';

type ImportError = CriteriaImportReport['errors'][number] & { key: string };

interface ImportReportViewProps {
  fileName: string;
  report: CriteriaImportReport;
  importing: boolean;
  error: string | null;
  onConfirm: (overwrite: boolean) => void;
  onRestart: () => void;
}

function place(format: CriteriaImportReport['format'], row: number): string {
  if (row === 0) return format === 'xlsx' ? '标准信息' : '整个文件';
  return format === 'xlsx' ? `第 ${row} 行` : `第 ${row} 条条款`;
}

function SetSummary({ set }: { set: NonNullable<CriteriaImportReport['set']> }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'title', label: '标准名称', children: `${set.title}（${set.id}）` },
        { key: 'docNumber', label: '文号', children: set.docNumber },
        { key: 'effective', label: '施行日期', children: formatDate(set.effective) },
        { key: 'status', label: '状态', children: <SetStatusTag status={set.status} /> },
        { key: 'count', label: '条款数', children: `${set.itemCount} 条` },
        { key: 'confidence', label: '可信度', children: <ConfidenceCounts counts={set.confidenceCounts} /> },
      ]}
    />
  );
}

/** Step 2: what the check found — the set, what importing it changes, and every problem by row and column. */
export function ImportReportView({ fileName, report, importing, error, onConfirm, onRestart }: ImportReportViewProps) {
  const [overwrite, setOverwrite] = useState(false);
  const { set, errors, warnings, mode, supersede } = report;
  const importable = !!set && errors.length === 0;
  return (
    <Flex vertical gap={16} data-testid="criteria-import-preview">
      <Typography.Text type="secondary">文件：{fileName}</Typography.Text>
      {set ? <SetSummary set={set} /> : null}
      {set && mode ? (
        <Flex gap={8} wrap align="center">
          <Tag color={mode === 'create' ? 'green' : 'orange'}>{mode === 'create' ? '新增标准' : '替换库中同编号的标准'}</Tag>
          {supersede ? (
            <Typography.Text>
              将替代《{supersede.title}》（{supersede.repealedOn} 起）
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
      {errors.length ? (
        <Alert type="error" showIcon title={`发现 ${errors.length} 处问题，改正后重新选择文件`} description="有问题时不会导入任何内容。" />
      ) : (
        <Alert type="success" showIcon title="检查通过" description="确认后写入标准库。" />
      )}
      {warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} />
      ))}
      {report.ignoredColumns.length ? (
        <Alert
          type="info"
          showIcon
          title="以下列未能识别，已忽略"
          description={
            <Flex gap={4} wrap>
              {report.ignoredColumns.map((c) => (
                <Tag key={c}>{c}</Tag>
              ))}
            </Flex>
          }
        />
      ) : null}
      {errors.length ? (
        <Table<ImportError>
          data-testid="criteria-import-errors"
          size="small"
          bordered
          rowKey="key"
          dataSource={errors.map((e, i): ImportError => ({ ...e, key: `${e.row}-${e.column}-${i}` }))}
          pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 处问题` } : false}
          columns={[
            { title: '位置', dataIndex: 'row', width: 120, render: (row: number) => place(report.format, row) },
            { title: '列', dataIndex: 'column', width: 140, render: (c: string) => c || '—' },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      ) : null}
      {importable && mode === 'update' ? (
        <Checkbox checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} data-testid="criteria-overwrite">
          我已核对，确认用本文件替换库中编号为“{set.id}”的标准
        </Checkbox>
      ) : null}
      {error ? <Alert type="error" showIcon title="导入失败" description={error} /> : null}
      <Flex gap={8} wrap>
        <Button
          type="primary"
          size="large"
          icon={<CheckOutlined />}
          loading={importing}
          disabled={!importable || (mode === 'update' && !overwrite)}
          onClick={() => onConfirm(overwrite)}
          data-testid="criteria-import-confirm"
        >
          确认导入
        </Button>
        <Button size="large" icon={<RedoOutlined />} onClick={onRestart} disabled={importing}>
          重新选择文件
        </Button>
      </Flex>
    </Flex>
  );
}
