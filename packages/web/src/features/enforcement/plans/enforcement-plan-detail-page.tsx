import { CheckOutlined, DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import type { EnforcementPlanDetail, EnforcementPlanItem } from '@anzhi/core';
import { Alert, App, Button, Card, Descriptions, Flex, List, Popconfirm, Result, Space, Spin, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageContainer } from '../../../components/page-container.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { apiUrl, errorMessage } from '../../../lib/api-client.ts';
import { useCan } from '../../../lib/session.ts';
import { PlanStatusTag } from './enforcement-plan-list-page.tsx';
import { useAmendPlan, useApprovePlan, useEnforcementPlan, usePatchPlan } from './plan-api.ts';
import { PlanCapacityModal } from './plan-capacity-form.tsx';
import { type ItemEdit, PlanItemModal } from './plan-item-modal.tsx';
import { PlanMonthTab } from './plan-month-tab.tsx';

/** The work-day arithmetic (安监总政法〔2017〕150号) on top of the plan, and what the proposal could not fit. */
function CapacityMaths({ plan }: { plan: EnforcementPlanDetail }) {
  const c = plan.capacity;
  const over = plan.plannedChecks > c.capacityChecks;
  return (
    <Card size="small">
      <Alert
        type={over ? 'error' : 'info'}
        showIcon
        message={
          <span data-testid="plan-capacity-maths">
            执法人员 {c.inspectors} 人 × 每月 {c.inspectionDaysPerMonth} 天 × {c.months} 个月 = {c.inspectionPersonDays} 人日，÷ 每次{' '}
            {c.personDaysPerCheck} 人日 = <strong>可检查 {c.capacityChecks} 次</strong>；计划 <strong>{plan.plannedChecks} 次</strong>
            {plan.leftOut.length ? `；因能力所限未列入 ${plan.leftOut.length} 家` : ''}
          </span>
        }
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} style={{ marginTop: 8 }}>
        <Descriptions.Item label="总法定工作日">{c.legalWorkdays} 日</Descriptions.Item>
        <Descriptions.Item label="计划期">
          {c.planMonths[0]}–{c.planMonths.at(-1)} 月
        </Descriptions.Item>
        <Descriptions.Item label="重点检查">{plan.keyTargets} 家</Descriptions.Item>
        <Descriptions.Item label="一般检查">
          {plan.generalTargets} 家（对象库 {plan.generalPool} 家，双随机抽取）
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function itemColumns(actions: ((i: EnforcementPlanItem) => React.ReactNode) | null): ColumnsType<EnforcementPlanItem> {
  const cols: ColumnsType<EnforcementPlanItem> = [
    { title: '被检查单位', dataIndex: 'enterpriseName', fixed: 'left', width: 200 },
    {
      title: '类别',
      dataIndex: 'kind',
      width: 90,
      filters: [
        { text: '重点检查', value: 'key' },
        { text: '一般检查', value: 'general' },
      ],
      onFilter: (v, i) => i.kind === v,
      render: (k: string) => (k === 'key' ? <Tag color="red">重点检查</Tag> : <Tag>一般检查</Tag>),
    },
    {
      title: '列入理由',
      dataIndex: 'reasons',
      render: (rs: string[]) => (
        <Space size={[4, 4]} wrap>
          {rs.map((r) => (
            <Tag key={r} color="orange">
              {r}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: '次/年', dataIndex: 'checksPerYear', width: 70 },
    { title: '安排月份', dataIndex: 'months', width: 160, render: (ms: number[]) => ms.map((m) => `${m}月`).join('、') },
  ];
  if (actions) cols.push({ title: '操作', key: 'actions', width: 130, render: (_, i) => actions(i) });
  return cols;
}

/** 年度监督检查计划: capacity maths, the targets, what was left out, the monthly plan, amendments. */
export function EnforcementPlanDetailPage() {
  const id = Number(useParams().id);
  const q = useEnforcementPlan(id);
  const canManage = useCan('enforcement.manage');
  const patch = usePatchPlan(id);
  const approve = useApprovePlan(id);
  const amend = useAmendPlan(id);
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ item: EnforcementPlanItem; remove: boolean } | null>(null);
  const [capacityOpen, setCapacityOpen] = useState(false);

  if (q.isError)
    return (
      <PageContainer title="年度监督检查计划">
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      </PageContainer>
    );
  if (!q.data)
    return (
      <PageContainer title="年度监督检查计划">
        <Spin />
      </PageContainer>
    );
  const plan = q.data;
  const approved = plan.status === 'approved';

  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };
  const saveItem = async (edit: ItemEdit) => {
    if (!editing) return;
    const { item, remove } = editing;
    const changes = remove
      ? { remove: [item.id] }
      : { update: [{ id: item.id, kind: edit.kind, checksPerYear: edit.checksPerYear, months: edit.months }] };
    const ok = approved
      ? await run(() => amend.mutateAsync({ version: plan.version, reason: edit.reason ?? '', changes }), '变更已提交并记入审计')
      : await run(() => patch.mutateAsync({ version: plan.version, ...changes }), '已保存');
    if (ok) setEditing(null);
  };
  const actions = canManage
    ? (i: EnforcementPlanItem) => (
        <Space>
          <Button size="small" onClick={() => setEditing({ item: i, remove: false })}>
            调整
          </Button>
          {approved ? (
            <Button size="small" danger onClick={() => setEditing({ item: i, remove: true })}>
              移除
            </Button>
          ) : (
            <Popconfirm
              title="从计划中移除该对象？"
              onConfirm={() => run(() => patch.mutateAsync({ version: plan.version, remove: [i.id] }), '已移除')}
            >
              <Button size="small" danger>
                移除
              </Button>
            </Popconfirm>
          )}
        </Space>
      )
    : null;

  return (
    <PageContainer
      title={
        <Flex gap={8} align="center" wrap>
          {plan.unitName} {plan.year} 年度监督检查计划 <PlanStatusTag status={plan.status} />
        </Flex>
      }
      testId="enforcement-plan-detail-page"
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={apiUrl(`/enforcement-plans/${plan.id}/export`)}>
            导出 Excel
          </Button>
          {canManage && !approved ? (
            <>
              <Button icon={<SettingOutlined />} onClick={() => setCapacityOpen(true)}>
                调整检查能力
              </Button>
              <Popconfirm
                title="批准后只能通过“变更”（须说明理由）修改，确认批准？"
                onConfirm={() => run(() => approve.mutateAsync(plan.version), '计划已批准')}
              >
                <Button type="primary" icon={<CheckOutlined />} loading={approve.isPending}>
                  批准计划
                </Button>
              </Popconfirm>
            </>
          ) : null}
        </>
      }
    >
      <CapacityMaths plan={plan} />
      <Card size="small" style={{ marginTop: 12 }}>
        <Tabs
          items={[
            {
              key: 'items',
              label: `检查对象（${plan.items.length}）`,
              children: (
                <Table<EnforcementPlanItem>
                  rowKey="id"
                  size="small"
                  dataSource={plan.items}
                  columns={itemColumns(actions)}
                  scroll={{ x: 900 }}
                  pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 家` }}
                  locale={{ emptyText: '检查对象名录库为空，或检查能力为 0' }}
                />
              ),
            },
            {
              key: 'leftOut',
              label: `未列入与降频（${plan.leftOut.length + plan.reduced.length}）`,
              children:
                plan.leftOut.length + plan.reduced.length ? (
                  <>
                    <List
                      header="因检查能力所限未列入"
                      size="small"
                      dataSource={plan.leftOut}
                      renderItem={(l) => (
                        <List.Item>
                          <strong>{l.enterpriseName}</strong>：{l.reason}
                        </List.Item>
                      )}
                    />
                    <List
                      header="降低检查频次"
                      size="small"
                      dataSource={plan.reduced}
                      renderItem={(r) => (
                        <List.Item>
                          <strong>{r.enterpriseName}</strong>：由每年 {r.from} 次降为 {r.to} 次
                        </List.Item>
                      )}
                    />
                  </>
                ) : (
                  <Result status="success" title="所有对象均已按频次列入计划" />
                ),
            },
            { key: 'month', label: '月度计划', children: <PlanMonthTab plan={plan} canManage={canManage} /> },
            {
              key: 'amendments',
              label: `变更记录（${plan.amendments.length}）`,
              children: (
                <List
                  size="small"
                  dataSource={plan.amendments}
                  locale={{ emptyText: approved ? '批准后没有变更' : '计划批准后的修改会记录在这里' }}
                  renderItem={(a) => (
                    <List.Item>
                      <List.Item.Meta title={a.reason} description={`${a.actorName ?? ''} · ${new Date(a.at).toLocaleString('zh-CN')}`} />
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      </Card>
      <PlanItemModal
        item={editing?.item ?? null}
        remove={editing?.remove ?? false}
        approved={approved}
        planMonths={plan.capacity.planMonths}
        busy={patch.isPending || amend.isPending}
        onCancel={() => setEditing(null)}
        onSave={saveItem}
      />
      <PlanCapacityModal
        plan={plan}
        open={capacityOpen}
        busy={patch.isPending}
        onCancel={() => setCapacityOpen(false)}
        onSave={async (v) => {
          if (await run(() => patch.mutateAsync({ version: plan.version, capacity: v }), '已按新的检查能力重新生成建议'))
            setCapacityOpen(false);
        }}
      />
    </PageContainer>
  );
}
