import type { PlanRankingConfig, PlanTrackingConfig } from './plan.settings.ts';
import { isDispatchOverdue, isDispatchReminderDue, isFinishingReport } from './plan-predicates.rules.ts';
import type {
  PlanColour,
  PlanDispatchWindow,
  PlanReportStatus,
  PlanScoring,
  PlanSettings,
  PlanTaskStatus,
} from './plan-tracking.contract.ts';
import { planColours } from './plan-tracking.contract.ts';

/**
 * A plan's effective settings: what the plan itself sets (PATCH /plans/{id}/settings stores only the values the clerk
 * changed for that plan) over the township's settings (planTracking and planRanking fragments of the settings store).
 */
export function planSettingsOf(stored: unknown, township: PlanSettings): PlanSettings {
  const s = (stored ?? {}) as Partial<PlanSettings>;
  return {
    reportDay: s.reportDay ?? township.reportDay,
    reminderDays: s.reminderDays ?? township.reminderDays,
    scoring: {
      weights: { ...township.scoring.weights, ...(s.scoring?.weights ?? {}) },
      thresholds: { ...township.scoring.thresholds, ...(s.scoring?.thresholds ?? {}) },
    },
  };
}

/** The township's plan settings from its two resolved fragments. */
export function townshipPlanSettings(values: { planTracking: PlanTrackingConfig; planRanking: PlanRankingConfig }): PlanSettings {
  return { ...values.planTracking, scoring: values.planRanking };
}

// ---- calendar ---------------------------------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM' of an ISO date. */
export function periodOf(date: string): string {
  return date.slice(0, 7);
}

export function shiftPeriod(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Every period from `from` to `to`, both included (empty when from > to). */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p = shiftPeriod(p, 1)) out.push(p);
  return out;
}

export function dispatchDueDate(period: string, reportDay: number): string {
  return `${period}-${pad(reportDay)}`;
}

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface DispatchCalendar {
  period: string;
  dueDate: string;
  remindFrom: string;
  window: PlanDispatchWindow;
}

/** Where a period's dispatch stands on `today`: before the reminder window, open, or past the report day. */
export function dispatchCalendar(today: string, settings: Pick<PlanSettings, 'reportDay' | 'reminderDays'>, period = periodOf(today)) {
  const dueDate = dispatchDueDate(period, settings.reportDay);
  const remindFrom = addDaysIso(dueDate, -settings.reminderDays);
  const window: PlanDispatchWindow = isDispatchOverdue(today, dueDate)
    ? 'overdue'
    : isDispatchReminderDue(today, dueDate, settings.reminderDays)
      ? 'open'
      : 'upcoming';
  return { period, dueDate, remindFrom, window } satisfies DispatchCalendar;
}

/**
 * What the sweep must do on `today`: remind for the current period inside its window; mark overdue the current period
 * once its report day has passed, and the previous one (a sweep that did not run on the 26th still marks it).
 */
export function dispatchDueAsOf(today: string, settings: Pick<PlanSettings, 'reportDay' | 'reminderDays'>) {
  const current = dispatchCalendar(today, settings);
  const previous = dispatchCalendar(today, settings, shiftPeriod(current.period, -1));
  return {
    remind: current.window === 'open' ? [current] : [],
    overdue: [previous, ...(current.window === 'overdue' ? [current] : [])],
  };
}

/** A report sent after its period's report day is late (报送不及时). */
export function isLateReport(reportedOn: string, period: string, reportDay: number): boolean {
  return reportedOn > dispatchDueDate(period, reportDay);
}

// ---- task status ------------------------------------------------------------------------------------------------

/**
 * A deadline that makes a task overdue once passed: on or after the plan's 基准日期 (baseline) when it has one. A plan
 * imported in its second year carries last year's deadlines; those are history, not "逾期 919 天" (issue 10).
 */
export function countsAsDeadline(deadline: string, baselineDate: string | null | undefined): boolean {
  return !baselineDate || deadline >= baselineDate;
}

/** The task's deadlines that can make it overdue (countsAsDeadline). */
export function trackedDeadlines(deadlines: readonly string[], baselineDate: string | null | undefined): string[] {
  return deadlines.filter((d) => countsAsDeadline(d, baselineDate));
}

/** Overdue: a tracked deadline has passed and the task is not done (nor marked completed at import). */
export function isDeadlineOverdue(deadline: string, today: string, baselineDate: string | null | undefined): boolean {
  return deadline < today && countsAsDeadline(deadline, baselineDate);
}

/**
 * A task's status from its assignees' latest reports: done when it was marked completed at import (`completedOn`, with
 * the clerk's note) or every responsible assignee reported it done; overdue when a tracked deadline has passed and it
 * is not done (seed 003: 2024年底前 … 限期完成; deadlines before the plan's baseline do not count); else the worst
 * reported progress. Responsible assignees are the lead units (and villages); a task with no lead counts its
 * co-operating units.
 */
export function deriveTaskStatus(input: {
  deadlines: readonly string[];
  latest: ReadonlyArray<PlanReportStatus | null>;
  today: string;
  completedOn?: string | null;
  baselineDate?: string | null;
}) {
  const { deadlines, latest, today } = input;
  if (input.completedOn) return 'done' satisfies PlanTaskStatus;
  const done = latest.length > 0 && latest.every((s) => s !== null && isFinishingReport(s));
  if (done) return 'done' satisfies PlanTaskStatus;
  if (deadlines.some((d) => isDeadlineOverdue(d, today, input.baselineDate))) return 'overdue' satisfies PlanTaskStatus;
  if (latest.includes('lagging')) return 'lagging' satisfies PlanTaskStatus;
  if (latest.some((s) => s === 'inProgress' || s === 'done')) return 'inProgress' satisfies PlanTaskStatus;
  return 'notStarted' satisfies PlanTaskStatus;
}

/** The first deadline not yet passed, else the last one. */
export function nextDeadline(deadlines: readonly string[], today: string): string | null {
  const sorted = [...deadlines].sort();
  return sorted.find((d) => d >= today) ?? sorted[sorted.length - 1] ?? null;
}

// ---- 五色图 -------------------------------------------------------------------------------------------------------

export interface ScoreTask {
  id: number;
  deadlines: readonly string[];
  /** Assignee keys ('unit:12', 'village:339901100201') responsible for or sharing the task. */
  assignees: readonly string[];
  /** Marked completed at import: done (on time) for every assignee, owes no reports, never overdue. */
  completedOn?: string | null;
}

export interface ScoreReport {
  taskId: number;
  assignee: string;
  period: string;
  status: PlanReportStatus;
  late: boolean;
  reportedOn: string;
}

export interface AssigneeFacts {
  tasks: number;
  done: number;
  doneOnTime: number;
  /** Deadlines passed by the cut-off. */
  due: number;
  reportsDue: number;
  reportsOnTime: number;
  overdueOpen: number;
}

/**
 * The facts behind one assignee's score, as of `period` (cut-off: the end of that month, or today if earlier):
 * tasks done (and done by their deadline), monthly reports owed since `firstPeriod` and how many came on time,
 * and tasks past a deadline and still open. A month is owed once its report day has passed, or once reported.
 */
export function assigneeFacts(
  assignee: string,
  tasks: readonly ScoreTask[],
  reports: readonly ScoreReport[],
  opts: { firstPeriod: string; period: string; today: string; reportDay: number },
): AssigneeFacts {
  const monthEnd = addDaysIso(`${shiftPeriod(opts.period, 1)}-01`, -1);
  const cutoff = [opts.today, monthEnd].sort()[0] as string;
  const facts: AssigneeFacts = { tasks: 0, done: 0, doneOnTime: 0, due: 0, reportsDue: 0, reportsOnTime: 0, overdueOpen: 0 };
  const mine = reports.filter((r) => r.assignee === assignee && r.period <= opts.period);
  for (const task of tasks) {
    if (!task.assignees.includes(assignee)) continue;
    facts.tasks++;
    if (task.completedOn) {
      facts.done++;
      facts.doneOnTime++;
      continue;
    }
    const own = mine.filter((r) => r.taskId === task.id).sort((a, b) => (a.period < b.period ? -1 : 1));
    const firstDone = own.find((r) => isFinishingReport(r.status));
    const lastDeadline = [...task.deadlines].sort().pop();
    if (firstDone) {
      facts.done++;
      if (!lastDeadline || firstDone.reportedOn <= lastDeadline) facts.doneOnTime++;
    }
    const passed = task.deadlines.filter((d) => d < cutoff);
    if (passed.length) {
      facts.due++;
      if (!firstDone || firstDone.reportedOn > cutoff) facts.overdueOpen++;
    }
    for (const p of periodsBetween(opts.firstPeriod, opts.period)) {
      if (firstDone && firstDone.period < p) break;
      const report = own.find((r) => r.period === p);
      const owed = report !== undefined || dispatchDueDate(p, opts.reportDay) < opts.today;
      if (!owed) continue;
      facts.reportsDue++;
      if (report && !report.late) facts.reportsOnTime++;
    }
  }
  return facts;
}

/**
 * Whether an assignee is scored on 按时报送 (ADR 0014): only member units file the monthly dispatch (permission
 * plan.report); village accounts cannot, so villages are not scored on it — the indicator is 不适用 for them and the
 * other parts are re-weighed. Assignee keys are 'unit:12' / 'village:339901100201'.
 */
export function scoresTimelyReporting(assignee: string): boolean {
  return assignee.startsWith('unit:');
}

export function colourOf(score: number, thresholds: PlanScoring['thresholds']): PlanColour {
  if (score >= thresholds.green) return 'green';
  if (score >= thresholds.blue) return 'blue';
  if (score >= thresholds.yellow) return 'yellow';
  if (score >= thresholds.orange) return 'orange';
  return 'red';
}

/**
 * Score 0–100: the weighted mean of on-time completion (of tasks whose deadline passed, or done), timely reporting
 * and freedom from open overdue items. A part with nothing to measure yet is left out and the others re-weighed, so a
 * unit that never reports on deadline-free tasks is not carried by parts it was never tested on; with nothing to
 * measure at all the score is 100. An assignee not scored on reporting (`timelyReporting: false`, villages — ADR 0014)
 * has that part left out the same way. One decimal.
 */
export function scoreOf(
  f: AssigneeFacts,
  scoring: PlanScoring,
  opts: { timelyReporting?: boolean } = {},
): { score: number; colour: PlanColour } {
  const completionBase = Math.max(f.due, f.done);
  const reporting = opts.timelyReporting ?? true;
  const parts: Array<[weight: number, value: number | null]> = [
    [scoring.weights.onTimeCompletion, completionBase ? f.doneOnTime / completionBase : null],
    [scoring.weights.timelyReporting, reporting && f.reportsDue ? f.reportsOnTime / f.reportsDue : null],
    [scoring.weights.noOverdue, f.due ? 1 - f.overdueOpen / f.due : null],
  ];
  const measured = parts.filter((p): p is [number, number] => p[1] !== null && p[0] > 0);
  const total = measured.reduce((a, [w]) => a + w, 0);
  const raw = total ? measured.reduce((a, [w, v]) => a + w * v, 0) / total : 1;
  const score = Math.round(raw * 1000) / 10;
  return { score, colour: colourOf(score, scoring.thresholds) };
}

/** Ranks rows by score (best first), ties sharing a rank; the order of colours worst-first is `planColours`. */
export function rankByScore<T extends { score: number; name: string }>(rows: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'));
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.score !== sorted[i - 1]?.score) rank = i + 1;
    return { ...r, rank };
  });
}

export const colourOrder = planColours;
