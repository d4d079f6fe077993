import { PlusOutlined } from '@ant-design/icons';
import { type DrawListItem, drawStatusLabels } from '@anzhi/core';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageContainer } from '../../../../components/page-container.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { UnitSelect } from '../../../../components/unit-select.tsx';
import { errorMessage } from '../../../../lib/api-client.ts';
import { useCan, useCurrentUser } from '../../../../lib/session.ts';
import { useListParams } from '../../../../lib/use-list-params.ts';
import { useEnforcementPlans } from '../../plans/plan-api.ts';
import { useCommitDraw, useDraws } from '../api.ts';

const filterKeys = ['unitId', 'status'] as const;

interface NewDraw {
  unitId: number;
  title: string;
  targetCount: number;
  inspectorsPerCheck: number;
  scheduledOn: dayjs.Dayjs;
  planId?: number;
}

/** The unit's approved yearly plans: a draw for a plan draws from its 一般 units (its 重点 targets are left out). */
function PlanSelect({ unitId, value, onChange }: { unitId?: number; value?: number; onChange?: (v: number | undefined) => void }) {
  const plans = useEnforcementPlans({ unitId: unitId ? String(unitId) : undefined, status: 'approved' }, 1, 50);
  return (
    <Select
      allowClear
      disabled={!unitId}
      placeholder="不关联（从整个检查对象名录库抽取）"
      loading={plans.isPending && !!unitId}
      value={value}
      onChange={onChange}
      options={(plans.data?.items ?? []).map((p) => ({
        value: p.id,
        label: `${p.year} 年度监督检查计划（一般检查对象 ${p.generalTargets} 家）`,
      }))}
    />
  );
}

function NewDrawButton() {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewDraw>();
  const user = useCurrentUser();
  const commit = useCommitDraw();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const submit = async (v: NewDraw) => {
    try {
      const d = await commit.mutateAsync({
        unitId: v.unitId,
        title: v.title,
        targetCount: v.targetCount,
        inspectorsPerCheck: v.inspectorsPerCheck,
        scheduledOn: v.scheduledOn.format('YYYY-MM-DD'),
        planId: v.planId ?? null,
      });
      setOpen(false);
      navigate(`/enforcement/draws/${d.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        新建抽查
      </Button>
      <Modal
        open={open}
        title="新建双随机抽查"
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={commit.isPending}
        okText="生成种子并公示哈希"
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ unitId: user.unitId ?? undefined, targetCount: 5, inspectorsPerCheck: 2, scheduledOn: dayjs().add(7, 'day') }}
        >
          <Form.Item name="unitId" label="执法单位" rules={[{ required: true, message: '请选择执法单位' }]}>
            <UnitSelect />
          </Form.Item>
          <Form.Item noStyle dependencies={['unitId']}>
            {({ getFieldValue }) => (
              <Form.Item name="planId" label="关联年度计划（重点检查对象不参与抽取）">
                <PlanSelect unitId={getFieldValue('unitId')} />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item name="title" label="抽查名称" rules={[{ required: true, message: '请填写抽查名称' }]}>
            <Input maxLength={100} placeholder={`${dayjs().year()}年第X批一般检查对象双随机抽查`} />
          </Form.Item>
          <Form.Item name="targetCount" label="抽取检查对象数" rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="inspectorsPerCheck" label="每组执法人员数（不少于 2 名）" rules={[{ required: true }]}>
            <InputNumber min={2} max={10} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="scheduledOn" label="检查日期（执法证须在该日有效）" rules={[{ required: true, message: '请选择检查日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <div className="muted">提交后冻结名录库快照并生成随机种子，先公示种子的哈希值；抽取后公开种子，任何人可重算验证。</div>
        </Form>
      </Modal>
    </>
  );
}

const columns: ColumnsType<DrawListItem> = [
  { title: '抽查名称', dataIndex: 'title', render: (v: string, r) => <Link to={`/enforcement/draws/${r.id}`}>{v}</Link> },
  { title: '执法单位', dataIndex: 'unitName' },
  { title: '检查日期', dataIndex: 'scheduledOn' },
  { title: '抽取/名录库', key: 'n', render: (_, r) => `${r.status === 'drawn' ? r.drawnChecks : r.targetCount} / ${r.targetPool}` },
  {
    title: '状态',
    dataIndex: 'status',
    render: (v: DrawListItem['status']) => <Tag color={v === 'drawn' ? 'green' : 'blue'}>{drawStatusLabels[v]}</Tag>,
  },
  { title: '种子哈希', dataIndex: 'seedHash', render: (v: string) => <code title={v}>{v.slice(0, 16)}…</code> },
];

/** 双随机抽查: the unit's draws, newest first; a new one shows its seed hash before anything is drawn. */
export function DrawsPage() {
  const list = useListParams(filterKeys);
  const canManage = useCan('enforcement.manage');
  const q = useDraws(list.filters, list.page, list.pageSize);
  return (
    <PageContainer title="双随机抽查" testId="draws-page" extra={canManage ? <NewDrawButton /> : null}>
      <Card className="table-card">
        {q.isError ? (
          <QueryError error={q.error} onRetry={() => void q.refetch()} />
        ) : (
          <Table<DrawListItem>
            rowKey="id"
            columns={columns}
            dataSource={q.data?.items ?? []}
            loading={q.isFetching}
            scroll={{ x: 760 }}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: q.data?.total ?? 0,
              showTotal: (t) => `共 ${t} 次`,
              onChange: list.setPage,
            }}
            locale={{ emptyText: '还没有抽查' }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
