// The ledger's arithmetic over loaded rows: who each task falls to, the latest report of each, the derived status.
import {
  deriveTaskStatus,
  fileThumbUrl,
  fileUrl,
  type PlanAssignee,
  type PlanCounts,
  type PlanReportStatus,
  type PlanReportView,
  type PlanTaskStatus,
} from '@anzhi/core';
import type { PlanTaskRow } from './plan.repo.ts';
import type { PlanReportRow } from './plan-report.repo.ts';

export interface Village {
  code: string;
  name: string;
}

export interface Assignee {
  key: string;
  unitId: number | null;
  villageCode: string | null;
  name: string;
}

export const VILLAGES_LABEL = '各村（社区）';

export function unitAssignee(id: number, names: ReadonlyMap<number, string>): Assignee {
  return { key: `unit:${id}`, unitId: id, villageCode: null, name: names.get(id) ?? `单位 ${id}` };
}

export function villageAssignee(v: Village): Assignee {
  return { key: `village:${v.code}`, unitId: null, villageCode: v.code, name: v.name };
}

export interface TaskAssignees {
  leads: Assignee[];
  cos: Assignee[];
}

export function assigneesOf(task: PlanTaskRow, villages: readonly Village[], names: ReadonlyMap<number, string>): TaskAssignees {
  const leads = task.leadUnitIds.map((id) => unitAssignee(id, names));
  const cos = task.coUnitIds.map((id) => unitAssignee(id, names));
  if (task.leadVillages) leads.push(...villages.map(villageAssignee));
  if (task.coVillages) cos.push(...villages.map(villageAssignee));
  return { leads, cos };
}

/** Whose reports decide the task's status: the leads, or the co-operating units when it has no lead. */
export function responsible(a: TaskAssignees): Assignee[] {
  return a.leads.length ? a.leads : a.cos;
}

/** The assignees as the ledger prints them: the units, then 各村（社区） once rather than every village. */
export function collapsed(task: PlanTaskRow, role: 'lead' | 'co', names: ReadonlyMap<number, string>): PlanAssignee[] {
  const ids = role === 'lead' ? task.leadUnitIds : task.coUnitIds;
  const out: PlanAssignee[] = ids.map((id) => ({ unitId: id, villageCode: null, name: names.get(id) ?? `单位 ${id}` }));
  if (role === 'lead' ? task.leadVillages : task.coVillages) out.push({ unitId: null, villageCode: null, name: VILLAGES_LABEL });
  return out;
}

/** task id → assignee key → the latest report (reports come sorted by period). */
export function latestReports(reports: readonly PlanReportRow[]): Map<number, Map<string, PlanReportRow>> {
  const out = new Map<number, Map<string, PlanReportRow>>();
  for (const r of reports) {
    const byKey = out.get(r.taskId) ?? new Map<string, PlanReportRow>();
    const current = byKey.get(r.assigneeKey);
    if (!current || current.period <= r.period) byKey.set(r.assigneeKey, r);
    out.set(r.taskId, byKey);
  }
  return out;
}

export function taskStatus(
  task: PlanTaskRow,
  assignees: TaskAssignees,
  latest: ReadonlyMap<string, PlanReportRow> | undefined,
  today: string,
  baselineDate: string | null = null,
): PlanTaskStatus {
  const statuses = responsible(assignees).map((a) => (latest?.get(a.key)?.status as PlanReportStatus | undefined) ?? null);
  return deriveTaskStatus({ deadlines: task.deadlineDates, latest: statuses, today, completedOn: task.completedOn, baselineDate });
}

export function countsOf(statuses: readonly PlanTaskStatus[]): PlanCounts {
  const counts: PlanCounts = { tasks: statuses.length, done: 0, inProgress: 0, overdue: 0, lagging: 0, notStarted: 0 };
  for (const s of statuses) counts[s]++;
  return counts;
}

export function reportView(r: PlanReportRow, assigneeName: string): PlanReportView {
  return {
    id: r.id,
    taskId: r.taskId,
    unitId: r.unitId,
    villageCode: r.villageCode,
    assigneeName,
    period: r.period,
    status: r.status as PlanReportStatus,
    summary: r.summary,
    problems: r.problems,
    figures: (r.figures as PlanReportView['figures']) ?? [],
    files: r.fileIds.map((id) => ({ id, url: fileUrl(id), thumbUrl: fileThumbUrl(id) })),
    reportedByName: r.reportedByName,
    reportedAt: r.reportedAt.toISOString(),
    late: r.late,
    filing: r.filing,
    version: r.version,
  };
}

/** Names of every unit and village a set of tasks falls to, for labels. */
export function unitIdsOf(tasks: readonly PlanTaskRow[]): number[] {
  return [...new Set(tasks.flatMap((t) => [...t.leadUnitIds, ...t.coUnitIds]))];
}

export function assigneeName(key: string, names: ReadonlyMap<number, string>, villages: readonly Village[]): string {
  if (key.startsWith('unit:')) return names.get(Number(key.slice(5))) ?? key;
  const code = key.slice(8);
  return villages.find((v) => v.code === code)?.name ?? code;
}
