import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import {
  type PlanAssignee,
  type PlanProgressNode,
  type PlanReportView,
  type PlanTaskStatus,
  planReportFilingLabels,
  planReportStatusLabels,
  planTaskStatusLabels,
} from '@anzhi/core';
import { Tag, Tooltip } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { assigneeKey, taskStatusColours } from '../plan-labels.ts';

const tagStyle = { marginInlineEnd: 0 };

export function TaskStatusTag({ status }: { status: PlanTaskStatus }) {
  return (
    <Tag color={taskStatusColours[status]} style={tagStyle} variant={status === 'overdue' ? 'solid' : undefined}>
      {planTaskStatusLabels[status]}
    </Tag>
  );
}

/** Whether an assignee has reported this period; `silent` once the report day has passed without a word. */
export type ReportState = 'reported' | 'pending' | 'silent';

export function reportOf(node: Pick<PlanProgressNode, 'reports'>, a: PlanAssignee): PlanReportView | undefined {
  const key = assigneeKey(a);
  return node.reports.find((r) => assigneeKey(r) === key);
}

export function reportState(report: PlanReportView | undefined, period: string, pastDue: boolean): ReportState {
  if (report && report.period === period) return 'reported';
  return pastDue ? 'silent' : 'pending';
}

export interface Village {
  code: string;
  name: string;
}

/** 各村（社区）: the task goes to every village; each reports for itself. */
export const isVillagesAssignee = (a: PlanAssignee) => a.unitId == null && a.villageCode == null;

/** The villages without a report for the period (all villages of the township, else those that ever reported). */
export function missingVillages(node: Pick<PlanProgressNode, 'reports'>, period: string, villages: readonly Village[]): Village[] {
  const reports = node.reports.filter((r) => r.villageCode);
  const expected = villages.length
    ? villages
    : [...new Map(reports.map((r) => [r.villageCode as string, { code: r.villageCode as string, name: r.assigneeName }])).values()];
  return expected.filter((v) => !reports.some((r) => r.villageCode === v.code && r.period === period));
}

/** One state per assignee; for 各村（社区） reported only when every village has. */
export function assigneeState(
  node: Pick<PlanProgressNode, 'reports'>,
  a: PlanAssignee,
  period: string,
  pastDue: boolean,
  villages: readonly Village[],
): ReportState {
  if (!isVillagesAssignee(a)) return reportState(reportOf(node, a), period, pastDue);
  const missing = missingVillages(node, period, villages);
  if (!missing.length && node.reports.some((r) => r.villageCode)) return 'reported';
  return pastDue ? 'silent' : 'pending';
}

interface AssigneeTagProps {
  a: PlanAssignee;
  lead: boolean;
  state: ReportState;
  report: PlanReportView | undefined;
  /** A done task needs no more reports: no warning for silence. */
  quiet?: boolean;
  /** The name to show (a unit's short name); the full name goes in the tooltip. */
  label?: string;
  /** The signed-in user's own unit. */
  own?: boolean;
  /** For 各村（社区）: the villages still to report. */
  missing?: Village[];
}

/** A unit on a task: blue when it leads; a tick when it reported this month, red 未报 when it stayed silent. */
export function AssigneeTag({ a, lead, state, report, quiet, label, own, missing }: AssigneeTagProps) {
  const icon =
    state === 'reported' ? (
      <CheckCircleFilled style={{ color: '#389e0d' }} />
    ) : state === 'silent' && !quiet ? (
      <ExclamationCircleFilled style={{ color: '#cf1322' }} />
    ) : (
      <ClockCircleOutlined />
    );
  const tip = missing
    ? missing.length
      ? `未报：${missing.map((v) => v.name).join('、')}`
      : '各村（社区）均已报送'
    : report
      ? `${report.period} ${report.filing === 'noChange' ? `${planReportFilingLabels.noChange}，` : ''}${planReportStatusLabels[report.status]} · ${report.reportedByName} ${formatDateTime(report.reportedAt)}${report.late ? '（逾期报送）' : ''}`
      : '尚无填报';
  const silent = state === 'silent' && !quiet;
  const silentText = missing?.length ? ` ${missing.length}个未报` : ' 未报';
  return (
    <Tooltip title={`${a.name}（${lead ? '牵头' : '配合'}）：${tip}`}>
      <Tag
        style={tagStyle}
        color={silent ? 'error' : lead ? 'blue' : undefined}
        icon={icon}
        className={[silent ? 'plan-silent' : '', own ? 'plan-own' : ''].filter(Boolean).join(' ') || undefined}
        data-silent={silent ? 'true' : undefined}
      >
        {label ?? a.name}
        {silent ? silentText : ''}
      </Tag>
    </Tooltip>
  );
}
