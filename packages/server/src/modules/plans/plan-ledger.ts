// Loads what the ledger views need of one plan in a few queries: tasks, reports, villages and unit names.
import type { PlanSettings, PlanSummary } from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import { toPlanMeta } from './plan.presenter.ts';
import { type PlanRow, type PlanTaskRow, planRepo, type TaskViewer } from './plan.repo.ts';
import { assigneesOf, countsOf, latestReports, type TaskAssignees, taskStatus, unitIdsOf } from './plan-progress.ts';
import { planReportRepo } from './plan-report.repo.ts';
import { planSettingsFor } from './plan-settings.ts';

export interface Ledger {
  plan: PlanRow;
  /** Groups and tasks the caller may see, in document order. */
  nodes: PlanTaskRow[];
  tasks: PlanTaskRow[];
  reports: Awaited<ReturnType<typeof planReportRepo.ofPlan>>;
  villages: Array<{ code: string; name: string }>;
  names: Map<number, string>;
  latest: ReturnType<typeof latestReports>;
  assignees: Map<number, TaskAssignees>;
  /** The plan's effective settings (its own over its township's). */
  settings: PlanSettings;
}

/**
 * The plan as a viewer sees it (a unit: only the tasks it leads or shares, and the headings above them), or whole. Reports
 * up to `upTo` (a period) when given.
 */
export async function loadLedger(ex: Executor, plan: PlanRow, opts: TaskViewer & { upTo?: string } = {}): Promise<Ledger> {
  const [rows, reports, villages, settings] = await Promise.all([
    planRepo.tasks(ex, plan.id, opts),
    planReportRepo.ofPlan(ex, plan.id, opts.upTo),
    planRepo.villagesOf(ex, plan.regionCode),
    planSettingsFor(ex, plan),
  ]);
  const tasks = rows.filter((r) => r.kind === 'task');
  const nodes = opts.unitId === undefined && !opts.villages ? rows : withAncestors(rows, tasks);
  const names = await planRepo.unitNames(ex, unitIdsOf(tasks));
  const assignees = new Map(tasks.map((t) => [t.id, assigneesOf(t, villages, names)]));
  return { plan, nodes, tasks, reports, villages, names, latest: latestReports(reports), assignees, settings };
}

/** The visible tasks and the groups above them (a unit's view keeps the headings that give its tasks context). */
function withAncestors(rows: PlanTaskRow[], tasks: PlanTaskRow[]): PlanTaskRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const keep = new Set<number>();
  for (const t of tasks) {
    for (let n: PlanTaskRow | undefined = t; n && !keep.has(n.id); n = n.parentId ? byId.get(n.parentId) : undefined) keep.add(n.id);
  }
  return rows.filter((r) => keep.has(r.id));
}

export function statusesOf(l: Ledger, today: string) {
  return new Map(
    l.tasks.map((t) => [t.id, taskStatus(t, l.assignees.get(t.id) as TaskAssignees, l.latest.get(t.id), today, l.plan.baselineDate)]),
  );
}

export async function summaryOf(ex: Executor, plan: PlanRow, today: string, viewer: TaskViewer = {}): Promise<PlanSummary> {
  const ledger = await loadLedger(ex, plan, viewer);
  return { ...toPlanMeta(plan, ledger.settings), counts: countsOf([...statusesOf(ledger, today).values()]) };
}
