import { DownloadOutlined, PlusOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { type LedgerObject, ledgerObjectStatusLabels } from '@anzhi/core';
import { App, Button, Empty, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { RegionTreeSelect } from '../../../components/region-tree-select.tsx';
import { SearchForm } from '../../../components/search-form.tsx';
import { apiUrl, errorMessage } from '../../../lib/api-client.ts';
import { useCan } from '../../../lib/session.ts';
import { useListParams } from '../../../lib/use-list-params.ts';
import { useLedgerObjects, useObjectTypes, useRemoveObject } from './api.ts';
import { ImportModal } from './import-modal.tsx';
import { ObjectDrawer } from './object-drawer.tsx';
import { fieldText } from './object-fields.tsx';

const filterKeys = ['typeId', 'regionCode', 'q', 'status'] as const;

/** 专项台账: one tab per object type; search, the table (server pages), the object drawer, import, export and labels. */
export function LedgersPage() {
  const { message } = App.useApp();
  const canManage = useCan('ledger.manage');
  const types = useObjectTypes();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(filterKeys);
  const active = (types.data?.items ?? []).filter((x) => !x.archived);
  const type = active.find((x) => String(x.id) === filters.typeId) ?? active[0];
  const query = { ...filters, typeId: type?.id, status: (filters.status as LedgerObject['status'] | undefined) ?? undefined };
  const objects = useLedgerObjects(query, page, pageSize, type !== undefined);
  const remove = useRemoveObject();
  const [form] = Form.useForm();
  const [drawer, setDrawer] = useState<{ object: LedgerObject | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [removing, setRemoving] = useState<LedgerObject | null>(null);
  const [reason, setReason] = useState('');
  const shownFields = useMemo(() => (type?.fields ?? []).slice(0, 4), [type]);

  if (types.isError) return <QueryError error={types.error} onRetry={() => types.refetch()} />;
  const labelsHref = type
    ? apiUrl('/ledger-objects/labels.docx', selected.length ? { ids: selected.join(',') } : { typeId: type.id })
    : undefined;

  return (
    <PageContainer
      title="专项台账"
      extra={
        type ? (
          <Space wrap>
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ object: null })}>
                登记{type.name}
              </Button>
            ) : null}
            {canManage ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} href={apiUrl('/ledger-objects/export.xlsx', { typeId: type.id })}>
              导出
            </Button>
            <Button icon={<PrinterOutlined />} href={labelsHref}>
              {selected.length ? `打印所选标签（${selected.length}）` : '打印全部标签'}
            </Button>
          </Space>
        ) : null
      }
    >
      <Tabs
        activeKey={type ? String(type.id) : undefined}
        onChange={(k) => {
          setSelected([]);
          setFilters({ typeId: k });
        }}
        items={active.map((x) => ({ key: String(x.id), label: `${x.name}（${x.objectCount}）` }))}
      />
      <SearchForm
        form={form}
        values={filters}
        onSearch={(v) => setFilters({ ...v, typeId: type ? String(type.id) : undefined })}
        onReset={() => setFilters({ typeId: filters.typeId })}
      >
        <Form.Item name="q" label="关键词">
          <Input allowClear placeholder="名称、地址或企业" />
        </Form.Item>
        <Form.Item name="regionCode" label="区划">
          <RegionTreeSelect placeholder="全部" />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder="全部"
            options={Object.entries(ledgerObjectStatusLabels).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </SearchForm>
      {objects.isError ? (
        <QueryError error={objects.error} onRetry={() => objects.refetch()} />
      ) : (
        <Table
          rowKey="id"
          loading={types.isLoading || objects.isLoading}
          dataSource={objects.data?.items ?? []}
          scroll={{ x: 1000 }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), preserveSelectedRowKeys: true }}
          pagination={{
            current: page,
            pageSize,
            total: objects.data?.total ?? 0,
            showSizeChanger: true,
            onChange: setPage,
            showTotal: (n) => `共 ${n} 个`,
          }}
          locale={{ emptyText: <Empty description={type ? `还没有登记${type.name}` : '没有台账类型'} /> }}
          columns={[
            {
              title: '名称',
              dataIndex: 'name',
              render: (v: string, r) => <Typography.Link onClick={() => setDrawer({ object: r })}>{v}</Typography.Link>,
            },
            {
              title: type?.anchor === 'enterprise' ? '所属企业' : '所在村（社区）',
              render: (_, r) => (type?.anchor === 'enterprise' ? r.enterpriseName : r.regionName),
            },
            ...shownFields.map((f) => ({
              title: f.label,
              key: f.key,
              render: (_: unknown, r: LedgerObject) => fieldText(f, r.data[f.key]),
            })),
            { title: '标签码', dataIndex: 'labelCode', width: 120 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: LedgerObject['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{ledgerObjectStatusLabels[s]}</Tag>,
            },
            {
              title: '操作',
              width: 150,
              render: (_, r) => (
                <Space size={4}>
                  <Button size="small" onClick={() => setDrawer({ object: r })}>
                    查看
                  </Button>
                  {canManage && r.status === 'active' ? (
                    <Button size="small" danger onClick={() => setRemoving(r)}>
                      注销
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      )}
      {type ? <ObjectDrawer type={type} open={drawer !== null} object={drawer?.object ?? null} onClose={() => setDrawer(null)} /> : null}
      {type ? <ImportModal type={type} open={importing} onClose={() => setImporting(false)} /> : null}
      <Modal
        open={removing !== null}
        title={`注销：${removing?.name ?? ''}`}
        okText="注销"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: remove.isPending }}
        onCancel={() => setRemoving(null)}
        onOk={() =>
          removing &&
          remove.mutateAsync({ id: removing.id, reason: reason.trim() }).then(
            () => {
              message.success('已注销');
              setRemoving(null);
              setReason('');
            },
            (e) => message.error(errorMessage(e)),
          )
        }
      >
        <Input.TextArea
          rows={3}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="注销原因（如：已拆除、已停用封闭）"
        />
      </Modal>
    </PageContainer>
  );
}
