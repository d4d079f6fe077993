import { CalendarOutlined } from '@ant-design/icons';
import { type CheckStatus, checkStatusLabels, type EnforcementPlanDetail, type EnforcementPlanMonth } from '@anzhi/core';
import { App, Button, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useEnforcementPlanMonth, useSchedulePlanMonth } from './plan-api.ts';

type MonthItem = EnforcementPlanMonth['items'][number];

/** 月度计划: the month's targets and their checks; the month's 重点检查 are generated here, the 一般检查 drawn by 双随机. */
export function PlanMonthTab({ plan, canManage }: { plan: EnforcementPlanDetail; canManage: boolean }) {
  const nowMonth = new Date().getMonth() + 1;
  const months = plan.capacity.planMonths;
  const [month, setMonth] = useState<number>(months.includes(nowMonth) ? nowMonth : (months[0] ?? 1));
  const q = useEnforcementPlanMonth(plan.id, month);
  const schedule = useSchedulePlanMonth(plan.id);
  const { message } = App.useApp();
  const run = async () => {
    try {
      const r = await schedule.mutateAsync(month);
      message.success(`已生成 ${r.created} 项重点检查${r.skipped ? `，${r.skipped} 项此前已生成` : ''}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Select style={{ width: 120 }} value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: `${m} 月` }))} />
        <span className="muted">当月检查能力 {q.data?.capacity ?? '—'} 次</span>
        {canManage && plan.status === 'approved' ? (
          <Button type="primary" icon={<CalendarOutlined />} loading={schedule.isPending} onClick={run}>
            生成本月重点检查
          </Button>
        ) : null}
        <Link to={`/enforcement/checks?unitId=${plan.unitId}&month=${plan.year}-${String(month).padStart(2, '0')}`}>查看本月检查</Link>
      </Flex>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<MonthItem>
          rowKey="planItemId"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          pagination={false}
          scroll={{ x: 600 }}
          locale={{ emptyText: '本月没有计划检查的对象' }}
          columns={[
            { title: '被检查单位', dataIndex: 'enterpriseName' },
            {
              title: '类别',
              dataIndex: 'kind',
              width: 100,
              render: (k: string) => (k === 'key' ? <Tag color="red">重点</Tag> : <Tag>一般</Tag>),
            },
            {
              title: '检查',
              key: 'check',
              width: 200,
              render: (_, i) =>
                i.checkId ? (
                  <Link to={`/enforcement/checks/${i.checkId}`}>
                    {i.checkCode}{' '}
                    {i.done ? (
                      <Tag color="green">已完成</Tag>
                    ) : (
                      <Tag>{checkStatusLabels[i.checkStatus as CheckStatus] ?? i.checkStatus}</Tag>
                    )}
                  </Link>
                ) : (
                  <span className="muted">{i.kind === 'key' ? '尚未生成' : '待双随机抽取'}</span>
                ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
