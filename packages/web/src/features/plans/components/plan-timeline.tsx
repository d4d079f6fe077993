import type { PlanTimeline } from '@anzhi/core';
import { Checkbox, Empty, Flex, Skeleton, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error.tsx';
import { usePlanTimeline } from '../api.ts';
import { daysLeftText, taskStatusHex } from '../plan-labels.ts';
import { TaskStatusTag } from './plan-status.tsx';

type Item = PlanTimeline['items'][number];

function colourOf(item: Item): string {
  if (item.overdue) return taskStatusHex.overdue;
  if (item.status === 'done') return taskStatusHex.done;
  if (item.beforeBaseline) return taskStatusHex.notStarted;
  if (item.daysLeft <= 30) return taskStatusHex.lagging;
  return taskStatusHex.inProgress;
}

/** Every deadline of the plan on one line: the overdue ones first, then what falls due next. */
export function PlanTimelineView({ planId, onOpenTask }: { planId: number; onOpenTask: (taskId: number) => void }) {
  const timeline = usePlanTimeline(planId);
  const [showDone, setShowDone] = useState(false);

  if (timeline.isError) return <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />;
  if (timeline.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  const all = timeline.data;
  const items = showDone ? all : all.filter((i) => i.status !== 'done');
  const overdue = all.filter((i) => i.overdue).length;

  return (
    <Flex vertical gap={12} data-testid="plan-timeline">
      <Flex justify="space-between" wrap gap={8}>
        <span>
          共 {all.length} 个时间节点
          {overdue ? <Typography.Text type="danger">，{overdue} 个已逾期</Typography.Text> : null}
        </span>
        <Checkbox checked={showDone} onChange={(e) => setShowDone(e.target.checked)}>
          显示已完成
        </Checkbox>
      </Flex>
      {items.length ? (
        <Timeline
          mode="start"
          titleSpan="120px"
          items={items.map((i) => ({
            key: `${i.taskId}-${i.date}-${i.raw}`,
            color: colourOf(i),
            title: (
              <Flex vertical align="end">
                <strong className="plan-deadline">{i.date}</strong>
                <Typography.Text type={i.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {i.status === 'done' ? '已完成' : i.beforeBaseline ? '基准日期前（不计逾期）' : daysLeftText(i.daysLeft)}
                </Typography.Text>
              </Flex>
            ),
            content: (
              <button type="button" className="plan-timeline-item" onClick={() => onOpenTask(i.taskId)}>
                <Flex gap={6} align="baseline" wrap>
                  <TaskStatusTag status={i.status} />
                  <span>
                    {i.ordinal} {i.title}
                  </span>
                </Flex>
                <div className="muted">
                  {i.raw} · {i.assignees.join('、') || '未定责任单位'}
                </div>
              </button>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={all.length ? '时间节点均已完成' : '方案中没有识别出完成时限'} />
      )}
    </Flex>
  );
}
