import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { InspectorItem } from '@anzhi/core';
import { App, Button, Card, DatePicker, Drawer, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { PageContainer } from '../../../../components/page-container.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { RegionTreeSelect } from '../../../../components/region-tree-select.tsx';
import { UnitSelect } from '../../../../components/unit-select.tsx';
import { errorMessage } from '../../../../lib/api-client.ts';
import { useCan, useCurrentUser } from '../../../../lib/session.ts';
import { useListParams } from '../../../../lib/use-list-params.ts';
import { useDeactivateInspector, useInspectors, useSaveInspector } from '../api.ts';

const filterKeys = ['unitId', 'validity', 'q', 'includeInactive'] as const;

interface FormValues {
  unitId: number;
  name: string;
  certificateNo: string;
  certificateValidUntil: dayjs.Dayjs;
  homeRegionCode?: string | null;
  field?: string;
}

function InspectorDrawer({ editing, open, onClose }: { editing: InspectorItem | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const user = useCurrentUser();
  const save = useSaveInspector();
  const { message } = App.useApp();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        ...editing,
        certificateValidUntil: dayjs(editing.certificateValidUntil),
        field: editing.field ?? undefined,
      });
    else if (user.unitId) form.setFieldsValue({ unitId: user.unitId });
  }, [open, editing, form, user.unitId]);
  const submit = async (v: FormValues) => {
    const fields = {
      name: v.name,
      certificateNo: v.certificateNo,
      certificateValidUntil: v.certificateValidUntil.format('YYYY-MM-DD'),
      homeRegionCode: (v.homeRegionCode as string | null | undefined) ?? null,
      field: v.field?.trim() || null,
    };
    try {
      await save.mutateAsync(
        editing ? { id: editing.id, body: { version: editing.version, ...fields } } : { body: { unitId: v.unitId, ...fields } },
      );
      message.success(editing ? '已保存' : '已登记');
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Drawer title={editing ? `修改执法人员：${editing.name}` : '登记执法人员'} open={open} onClose={onClose} width={440} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="unitId" label="执法单位" rules={[{ required: true, message: '请选择执法单位' }]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="certificateNo" label="执法证号" rules={[{ required: true, message: '请填写执法证号' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="certificateValidUntil" label="执法证有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="homeRegionCode" label="户籍或居住地（村/社区，用于回避）">
          <RegionTreeSelect placeholder="不填则不按属地回避" hideAbolished />
        </Form.Item>
        <Form.Item name="field" label="执法门类">
          <Input maxLength={50} placeholder="如 危化、工贸" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Drawer>
  );
}

function DeactivateButton({ inspector }: { inspector: InspectorItem }) {
  const [reason, setReason] = useState('');
  const deactivate = useDeactivateInspector();
  const { message } = App.useApp();
  return (
    <Popconfirm
      title="停用执法人员"
      description={<Input placeholder="停用原因（调离、退休等）" value={reason} onChange={(e) => setReason(e.target.value)} />}
      onConfirm={() =>
        deactivate
          .mutateAsync({ id: inspector.id, version: inspector.version, reason })
          .then(() => message.success('已停用'))
          .catch((e) => message.error(errorMessage(e)))
      }
    >
      <Button size="small" danger>
        停用
      </Button>
    </Popconfirm>
  );
}

/** 执法检查人员名录库: a unit's inspectors with their 执法证; expired certificates in red. */
export function InspectorsPage() {
  const list = useListParams(filterKeys);
  const canManage = useCan('enforcement.manage');
  const q = useInspectors(list.filters, list.page, list.pageSize);
  const [editing, setEditing] = useState<InspectorItem | null>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  useEffect(
    () => form.setFieldsValue({ ...list.filters, unitId: list.filters.unitId ? Number(list.filters.unitId) : undefined }),
    [form, list.filters],
  );
  const columns: ColumnsType<InspectorItem> = [
    { title: '姓名', dataIndex: 'name' },
    { title: '执法单位', dataIndex: 'unitName' },
    { title: '执法证号', dataIndex: 'certificateNo' },
    {
      title: '有效期至',
      dataIndex: 'certificateValidUntil',
      render: (v: string, r) => (r.certificateValid ? v : <Tag color="red">{v} 已过期</Tag>),
    },
    { title: '户籍/居住地', dataIndex: 'homeRegionName', render: (v: string | null) => v ?? <span className="muted">未填</span> },
    { title: '执法门类', dataIndex: 'field' },
    { title: '状态', dataIndex: 'active', render: (v: boolean) => (v ? '在岗' : <Tag>已停用</Tag>) },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'ops',
            render: (_: unknown, r: InspectorItem) =>
              r.active ? (
                <Space>
                  <Button
                    size="small"
                    onClick={() => {
                      setEditing(r);
                      setOpen(true);
                    }}
                  >
                    修改
                  </Button>
                  <DeactivateButton inspector={r} />
                </Space>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <PageContainer
      title="执法人员名录库"
      testId="inspectors-page"
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            登记执法人员
          </Button>
        ) : null
      }
    >
      <Card size="small" className="search-form">
        <Form
          form={form}
          layout="inline"
          className="search-form-body"
          onFinish={(v) =>
            list.setFilters({
              unitId: v.unitId ? String(v.unitId) : undefined,
              validity: v.validity,
              q: v.q?.trim(),
              includeInactive: v.includeInactive,
            })
          }
        >
          <Form.Item name="unitId" label="单位">
            <UnitSelect style={{ width: 200 }} placeholder="全部" />
          </Form.Item>
          <Form.Item name="validity" label="执法证">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 120 }}
              options={[
                { value: 'valid', label: '有效' },
                { value: 'expired', label: '已过期' },
              ]}
            />
          </Form.Item>
          <Form.Item name="includeInactive" label="停用人员">
            <Select allowClear placeholder="不含" style={{ width: 100 }} options={[{ value: 'true', label: '包含' }]} />
          </Form.Item>
          <Form.Item name="q" label="姓名/证号">
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card className="table-card">
        {q.isError ? (
          <QueryError error={q.error} onRetry={() => void q.refetch()} />
        ) : (
          <Table<InspectorItem>
            rowKey="id"
            columns={columns}
            dataSource={q.data?.items ?? []}
            loading={q.isFetching}
            scroll={{ x: 800 }}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: q.data?.total ?? 0,
              showTotal: (t) => `共 ${t} 人`,
              onChange: list.setPage,
            }}
            locale={{ emptyText: '名录库中还没有执法人员' }}
          />
        )}
      </Card>
      <InspectorDrawer editing={editing} open={open} onClose={() => setOpen(false)} />
    </PageContainer>
  );
}
