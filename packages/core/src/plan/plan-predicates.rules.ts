import type { PlanNodeKind, PlanReportFiling, PlanReportStatus, PlanStatus } from './plan-tracking.contract.ts';

/**
 * The monthly dispatch predicates, defined once (ADR 0010): the sets and date rules behind the plan sweep, exported so
 * the server builds its SQL from them (plan-predicates.sql.ts) and an equivalence test runs both over the same rows.
 * Seed 003: 镇安委办实行月调度 — units report each month by the report day, reminded `reminderDays` before it.
 */

/** Plans whose tasks are tracked and dispatched: published ones (a draft is still being reviewed). */
export const trackedPlanStatuses: PlanStatus[] = ['published'];

/** Plan nodes that are owed reports: tasks (a group only heads them). */
export const trackedNodeKinds: PlanNodeKind[] = ['task'];

/** A report of one of these finishes the task for its assignee: nothing is owed in later months. */
export const finishingReportStatuses: PlanReportStatus[] = ['done'];

/**
 * Stored reports that count as reported: filled in by the unit, or confirmed 本月无新进展 (issue 10). Rows saved
 * untouched before that rule stay for history and count for nothing (plan-filing.rules.ts).
 */
export const countedReportFilings: PlanReportFiling[] = ['filed', 'noChange'];

const DAY = 86_400_000;
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export function isTrackedPlan(status: PlanStatus): boolean {
  return trackedPlanStatuses.includes(status);
}

export function isTrackedNode(kind: PlanNodeKind): boolean {
  return trackedNodeKinds.includes(kind);
}

export function isFinishingReport(status: PlanReportStatus): boolean {
  return finishingReportStatuses.includes(status);
}

/** Inside the reminder window on `today`: from `reminderDays` before the report day up to the report day itself. */
export function isDispatchReminderDue(today: string, dueOn: string, reminderDays: number): boolean {
  return today >= plusDays(dueOn, -reminderDays) && today <= dueOn;
}

/** Past the report day on `today` (the report day is the last day allowed). */
export function isDispatchOverdue(today: string, dueOn: string): boolean {
  return dueOn < today;
}

/** A plan running until the end of `periodEnd` (a year; null: open-ended) covers the months of that year and before. */
export function planCoversPeriod(periodEnd: number | null, period: string): boolean {
  return periodEnd === null || Number(period.slice(0, 4)) <= periodEnd;
}

/** A plan published by the end of a report day (China time, UTC+8) owes that month's report; one published later does not. */
export function isPublishedBy(publishedAt: Date, dueOn: string): boolean {
  return publishedAt.getTime() < Date.parse(`${plusDays(dueOn, 1)}T00:00:00+08:00`);
}
