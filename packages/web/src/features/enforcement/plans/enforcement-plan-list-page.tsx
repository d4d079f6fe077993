import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { type EnforcementPlanSummary, enforcementPlanStatusLabels } from '@anzhi/core';
import { App, Button, Card, Form, InputNumber, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useCan } from '../../../lib/session.ts';
import { useListParams } from '../../../lib/use-list-params.ts';
import { type EnforcementPlanFilters, useEnforcementPlanDefaults, useEnforcementPlans, useProposePlan } from './plan-api.ts';

const filterKeys = ['unitId', 'year', 'status'] as const;
const thisYear = () => new Date().getFullYear();

export function PlanStatusTag({ status }: { status: EnforcementPlanSummary['status'] }) {
  return <Tag color={status === 'approved' ? 'green' : 'gold'}>{enforcementPlanStatusLabels[status]}</Tag>;
}

const columns: ColumnsType<EnforcementPlanSummary> = [
  { title: '年度', dataIndex: 'year', width: 80 },
  { title: '执法单位', dataIndex: 'unitName', render: (name: string, p) => <Link to={`/enforcement/plans/${p.id}`}>{name}</Link> },
  { title: '状态', dataIndex: 'status', width: 90, render: (s: EnforcementPlanSummary['status']) => <PlanStatusTag status={s} /> },
  { title: '检查能力（次）', dataIndex: 'capacityChecks', width: 120 },
  { title: '计划检查（次）', dataIndex: 'plannedChecks', width: 120 },
  { title: '重点检查（家）', dataIndex: 'keyTargets', width: 120 },
  { title: '一般检查（家）', dataIndex: 'generalTargets', width: 120 },
  { title: '未列入（家）', dataIndex: 'leftOutCount', width: 110 },
];

interface ProposeValues {
  unitId?: number;
  year: number;
  inspectors?: number;
  inspectionDaysPerMonth?: number;
  personDaysPerCheck?: number;
}

/** 生成计划建议: unit, year and the capacity (empty fields take the township's settings and the unit's inspectors). */
function ProposeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ProposeValues>();
  const propose = useProposePlan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const unitId = Form.useWatch('unitId', form);
  const year = Form.useWatch('year', form);
  const defaults = useEnforcementPlanDefaults(unitId, year);
  // Prefill from the township's settings and the unit's 执法人员名录库 when the unit or year changes.
  useEffect(() => {
    const d = defaults.data;
    if (d)
      form.setFieldsValue({
        inspectors: d.inspectors || undefined,
        inspectionDaysPerMonth: d.inspectionDaysPerMonth,
        personDaysPerCheck: d.personDaysPerCheck,
      });
  }, [form, defaults.data]);
  const submit = async (v: ProposeValues) => {
    try {
      const plan = await propose.mutateAsync({
        unitId: v.unitId as number,
        year: v.year,
        capacity: { inspectors: v.inspectors, inspectionDaysPerMonth: v.inspectionDaysPerMonth, personDaysPerCheck: v.personDaysPerCheck },
      });
      message.success(`已生成计划建议：计划检查 ${plan.plannedChecks} 次，检查能力 ${plan.capacityChecks} 次`);
      onClose();
      navigate(`/enforcement/plans/${plan.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      title="生成年度监督检查计划建议"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="生成建议"
      confirmLoading={propose.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ year: thisYear() }} onFinish={submit}>
        {defaults.data ? (
          <p className="muted" data-testid="plan-defaults">
            {defaults.data.inspectors
              ? `名录库执法证有效的在职执法人员 ${defaults.data.inspectors} 人`
              : '名录库中暂无执法证有效的执法人员，请填写人数'}
            ；计划期 {defaults.data.months} 个月
          </p>
        ) : null}
        <Form.Item name="unitId" label="执法单位" rules={[{ required: true, message: '请选择执法单位' }]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={thisYear()} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="inspectors" label="执法人员数" extra="不填时取本单位执法人员名录库中执法证有效的在职人数">
          <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} placeholder="名录库在职人数" />
        </Form.Item>
        <Form.Item
          name="inspectionDaysPerMonth"
          label="每人每月监督检查工作日"
          extra="法定工作日扣除其他执法工作日、非执法工作日；不填取本镇设置"
        >
          <InputNumber min={0.5} max={23} step={0.5} style={{ width: '100%' }} placeholder="本镇设置" />
        </Form.Item>
        <Form.Item name="personDaysPerCheck" label="每次检查所需人日" extra="不填取本镇设置">
          <InputNumber min={0.5} max={20} step={0.5} style={{ width: '100%' }} placeholder="本镇设置" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 年度监督检查计划: the plans of the units in scope, by unit and year. */
export function EnforcementPlanListPage() {
  const list = useListParams(filterKeys);
  const filters = list.filters as EnforcementPlanFilters;
  const plans = useEnforcementPlans(filters, list.page, list.pageSize);
  const canManage = useCan('enforcement.manage');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ unitId?: number; year?: number; status?: string }>();
  useEffect(
    () =>
      form.setFieldsValue({
        unitId: filters.unitId ? Number(filters.unitId) : undefined,
        year: filters.year ? Number(filters.year) : undefined,
        status: filters.status,
      }),
    [form, filters],
  );
  const empty = canManage ? '还没有年度计划，点击“生成计划建议”开始编制' : '暂无年度计划';
  return (
    <PageContainer
      title="年度监督检查计划"
      testId="enforcement-plan-list-page"
      extra={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            生成计划建议
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
              year: v.year ? String(v.year) : undefined,
              status: v.status,
            })
          }
        >
          <Form.Item name="unitId" label="执法单位">
            <UnitSelect style={{ width: 220 }} placeholder="全部" />
          </Form.Item>
          <Form.Item name="year" label="年度">
            <InputNumber min={2000} max={2100} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 110 }}
              options={[
                { value: 'draft', label: '草稿' },
                { value: 'approved', label: '已批准' },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {plans.isError ? (
        <Card>
          <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
        </Card>
      ) : (
        <Card className="table-card">
          <Table<EnforcementPlanSummary>
            rowKey="id"
            columns={columns}
            dataSource={plans.data?.items ?? []}
            loading={plans.isFetching}
            scroll={{ x: 800 }}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: plans.data?.total ?? 0,
              showTotal: (t) => `共 ${t} 份`,
              onChange: list.setPage,
            }}
            locale={{ emptyText: empty }}
          />
        </Card>
      )}
      <ProposeModal open={open} onClose={() => setOpen(false)} />
    </PageContainer>
  );
}
