import { CalendarOutlined, DownOutlined, RightOutlined } from '@ant-design/icons';
import { type PlanProgressNode, type PlanTaskStatus, planTaskStatuses, planTaskStatusLabels } from '@anzhi/core';
import { Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { daysLeftText, taskStatusHex } from '../plan-labels.ts';
import { type TreeNode, tasksUnder } from '../plan-tree.ts';
import { AssigneeTag, assigneeState, isVillagesAssignee, missingVillages, reportOf, TaskStatusTag, type Village } from './plan-status.tsx';

interface PlanProgressTreeProps {
  tree: Array<TreeNode<PlanProgressNode>>;
  period: string;
  pastDue: boolean;
  onOpen: (node: PlanProgressNode) => void;
  /** Unit short names by id. */
  names: ReadonlyMap<number, string>;
  ownUnitId: number | null;
  villages: readonly Village[];
}

type RowProps = Omit<PlanProgressTreeProps, 'tree' | 'onOpen'> & { node: PlanProgressNode; onOpen: () => void };

/** A section's tasks as one stacked bar: how much is done, going, behind. */
function StatusBar({ tasks }: { tasks: PlanProgressNode[] }) {
  const counts = new Map<PlanTaskStatus, number>();
  for (const t of tasks) if (t.status) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
  const total = tasks.length || 1;
  const order: PlanTaskStatus[] = ['done', 'inProgress', 'lagging', 'overdue', 'notStarted'];
  const tip = planTaskStatuses
    .filter((s) => counts.get(s))
    .map((s) => `${planTaskStatusLabels[s]} ${counts.get(s)}`)
    .join('，');
  return (
    <Tooltip title={tip || '无任务'}>
      <div className="plan-status-bar" role="img" aria-label={tip}>
        {order.map((s) =>
          counts.get(s) ? (
            <span key={s} style={{ width: `${((counts.get(s) ?? 0) / total) * 100}%`, background: taskStatusHex[s] }} />
          ) : null,
        )}
      </div>
    </Tooltip>
  );
}

function DeadlineText({ node }: { node: PlanProgressNode }) {
  if (!node.nextDeadline) return node.recurrence.length ? <span className="muted">{node.recurrence.join('、')}</span> : null;
  const days = dayjs(node.nextDeadline).diff(dayjs().startOf('day'), 'day');
  const danger = node.overdue || (days < 0 && node.status !== 'done');
  return (
    <span className={danger ? 'plan-deadline is-overdue' : 'plan-deadline'}>
      <CalendarOutlined /> {node.nextDeadline}
      {node.status !== 'done' ? <span className="plan-deadline-days">{daysLeftText(days)}</span> : null}
    </span>
  );
}

function TaskRow({ node, period, pastDue, onOpen, names, ownUnitId, villages }: RowProps) {
  const status = node.status ?? 'notStarted';
  const done = status === 'done';
  const people = [...node.leads.map((a) => ({ a, lead: true })), ...node.cos.map((a) => ({ a, lead: false }))];
  const silent = people.filter(({ a }) => assigneeState(node, a, period, pastDue, villages) === 'silent').length;
  const cls = ['plan-progress-task', `is-${status}`, !done && silent ? 'has-silent' : ''].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      className={cls}
      onClick={onOpen}
      data-testid="plan-progress-task"
      style={{ borderInlineStartColor: taskStatusHex[status] }}
    >
      <Flex justify="space-between" gap={8} wrap align="baseline">
        <Flex gap={6} align="baseline" style={{ minWidth: 0, flex: '1 1 300px' }}>
          <TaskStatusTag status={status} />
          <span className="plan-ordinal">{node.ordinal}</span>
          <Typography.Text strong className="plan-task-title">
            {node.title}
          </Typography.Text>
        </Flex>
        <DeadlineText node={node} />
      </Flex>
      <Flex gap={4} wrap className="plan-node-tags">
        {people.map(({ a, lead }) => {
          const report = reportOf(node, a);
          return (
            <AssigneeTag
              key={`${lead ? 'l' : 'c'}-${a.unitId ?? a.villageCode ?? a.name}`}
              a={a}
              lead={lead}
              report={report}
              state={assigneeState(node, a, period, pastDue, villages)}
              missing={isVillagesAssignee(a) ? missingVillages(node, period, villages) : undefined}
              quiet={done}
              label={a.unitId != null ? names.get(a.unitId) : undefined}
              own={a.unitId != null && a.unitId === ownUnitId}
            />
          );
        })}
        {people.length ? null : <Tag className="plan-tag-pending">未定责任单位</Tag>}
      </Flex>
    </button>
  );
}

function Group({ item, depth, ...rest }: { item: TreeNode<PlanProgressNode>; depth: number } & Omit<PlanProgressTreeProps, 'tree'>) {
  const [open, setOpen] = useState(true);
  const tasks = tasksUnder(item);
  const behind = tasks.filter((t) => t.status === 'overdue' || t.status === 'lagging').length;
  return (
    <section className={`plan-progress-group depth-${Math.min(depth, 3)}`}>
      <button type="button" className="plan-progress-heading" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? <DownOutlined /> : <RightOutlined />}
        <span className="plan-progress-heading-title">
          {item.node.ordinal} {item.node.title}
        </span>
        <span className="muted">
          {tasks.filter((t) => t.status === 'done').length}/{tasks.length}
          {behind ? <Typography.Text type="danger"> · {behind} 项滞后或逾期</Typography.Text> : null}
        </span>
        <StatusBar tasks={tasks} />
      </button>
      {open ? <Nodes items={item.children} depth={depth + 1} {...rest} /> : null}
    </section>
  );
}

function Nodes({
  items,
  depth,
  ...rest
}: { items: Array<TreeNode<PlanProgressNode>>; depth: number } & Omit<PlanProgressTreeProps, 'tree'>) {
  return items.map((item) =>
    item.node.kind === 'group' ? (
      <Group key={item.node.id} item={item} depth={depth} {...rest} />
    ) : (
      <div key={item.node.id}>
        <TaskRow {...rest} node={item.node} onOpen={() => rest.onOpen(item.node)} />
        {item.children.length ? <Nodes items={item.children} depth={depth + 1} {...rest} /> : null}
      </div>
    ),
  );
}

/** The whole plan as sections of coloured task rows: overdue in red, silent units flagged on each task. */
export function PlanProgressTree({ tree, ...rest }: PlanProgressTreeProps) {
  if (!tree.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的任务" />;
  return (
    <div className="plan-progress-tree" data-testid="plan-progress-tree">
      <Nodes items={tree} depth={0} {...rest} />
    </div>
  );
}
