import { type PlanCounts, type PlanSummary, planStatusLabels } from '@anzhi/core';
import { Empty, Flex, Progress, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format.ts';
import { taskStatusHex } from '../plan-labels.ts';

export const planHref = (p: Pick<PlanSummary, 'id' | 'status'>) => (p.status === 'draft' ? `/plans/${p.id}/review` : `/plans/${p.id}`);

export function periodText(p: Pick<PlanSummary, 'periodStart' | 'periodEnd'>): string {
  if (!p.periodStart) return '—';
  return p.periodEnd && p.periodEnd !== p.periodStart ? `${p.periodStart}—${p.periodEnd}年` : `${p.periodStart}年`;
}

export function PlanStatusTag({ status }: { status: PlanSummary['status'] }) {
  return <Tag color={status === 'draft' ? 'gold' : 'green'}>{planStatusLabels[status]}</Tag>;
}

/** Done of all tasks as a bar; in progress shown as the bar's second colour, overdue and lagging beside it. */
export function CountsBar({ counts }: { counts: PlanCounts }) {
  if (!counts.tasks) return <span className="muted">无任务</span>;
  const done = Math.round((counts.done / counts.tasks) * 100);
  const going = Math.round(((counts.done + counts.inProgress) / counts.tasks) * 100);
  return (
    <Flex vertical gap={2} style={{ minWidth: 160 }}>
      <Tooltip title={`已完成 ${counts.done}、推进中 ${counts.inProgress}、未启动 ${counts.notStarted}`}>
        <Progress
          percent={going}
          success={{ percent: done, strokeColor: taskStatusHex.done }}
          strokeColor={taskStatusHex.inProgress}
          size="small"
          format={() => `${counts.done}/${counts.tasks}`}
        />
      </Tooltip>
      <Flex gap={4} wrap>
        {counts.overdue ? <Tag color="error">逾期 {counts.overdue}</Tag> : null}
        {counts.lagging ? <Tag color="warning">滞后 {counts.lagging}</Tag> : null}
      </Flex>
    </Flex>
  );
}

export const planColumns: ColumnsType<PlanSummary> = [
  {
    title: '方案名称',
    dataIndex: 'title',
    render: (title: string, p) => (
      <Flex vertical>
        <Link to={planHref(p)} data-testid="plan-link">
          {title}
        </Link>
        <span className="muted">{[p.docNumber, p.issuer].filter(Boolean).join(' · ')}</span>
      </Flex>
    ),
  },
  { title: '实施期间', key: 'period', width: 120, render: (_: unknown, p) => periodText(p) },
  { title: '状态', dataIndex: 'status', width: 90, render: (s: PlanSummary['status']) => <PlanStatusTag status={s} /> },
  { title: '任务进度', key: 'counts', width: 220, render: (_: unknown, p) => <CountsBar counts={p.counts} /> },
  { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
];

export function EmptyPlans({ filtered, canImport }: { filtered: boolean; canImport: boolean }) {
  const text = filtered ? '没有符合条件的方案' : canImport ? '还没有方案，点击“导入方案”上传实施方案文件' : '暂无已发布的方案';
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}
