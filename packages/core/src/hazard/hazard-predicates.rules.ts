import { type HazardGrade, type HazardStatus, hazardStatuses, openHazardStatuses } from './hazard.dict.ts';

/**
 * The hazard predicates, defined once (ADR 0010). Each is a function over plain values plus the status set or date
 * rule behind it, exported so that the server builds its SQL from the very same sets (hazard-predicates.sql.ts) and
 * an equivalence test runs both over the same rows. A status added to a set flows into every query and index.
 *
 * Dates are ISO calendar days (China time); a deadline is the last day allowed, so a hazard is overdue the day after.
 * `closedOn` is the day a hazard ended: 销号 (closed) or 不成立 (dismissed); both set it.
 */

/** Ended: no longer open (the open set, 16号令 第十条 tracked until 销号, is openHazardStatuses in hazard.dict.ts) — 销号 after acceptance, or found not to be a hazard (dismissed). Every status not open. */
export const endedHazardStatuses: HazardStatus[] = hazardStatuses.filter((s) => !openHazardStatuses.includes(s));

/** Cleared (销号): ended because the fix was accepted (16号令 第十八条: 审核 → 核销/销号). A dismissal is not a clearance. */
export const clearedHazardStatuses: HazardStatus[] = ['closed'];

/** Ended without a clearance: found not to be a hazard (不成立). */
export const dismissedHazardStatuses: HazardStatus[] = endedHazardStatuses.filter((s) => !clearedHazardStatuses.includes(s));

/**
 * Open, but the enterprise has reported the rectification done: what remains is acceptance by the finder or the
 * regulator (验收/审核销号). The rectification deadline (16号令 第十五条 治理的时限) has been met, so the clock stops; a
 * rejected acceptance goes back to rectifying and the clock runs again. A status added after rectification (评估,
 * 恢复生产申请, 现场审核, 16号令 第十八条) belongs here too.
 */
export const rectificationReportedStatuses: HazardStatus[] = ['rectified', 'evaluating', 'evaluated', 'reviewing'];

/**
 * Awaiting action: open and still waiting on the enterprise or the regulator to get the hazard fixed (认定, 方案,
 * 整改). Only these have a running deadline: they are reminded, marked overdue and escalated.
 */
export const awaitingActionStatuses: HazardStatus[] = openHazardStatuses.filter((s) => !rectificationReportedStatuses.includes(s));

/** Grades on the escalation ladder (函告 → 通报 → 约谈 → 曝光): 重大事故隐患 only (安全生产法 第四十一条 督办制度). */
export const escalatingGrades: HazardGrade[] = ['major'];

export interface HazardDated {
  status: HazardStatus;
  grade: HazardGrade;
  foundOn: string;
  closedOn: string | null;
  deadline: string | null;
}

export type HazardDeadline = Pick<HazardDated, 'status' | 'deadline'>;

const DAY = 86_400_000;
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export function isOpen(status: HazardStatus): boolean {
  return openHazardStatuses.includes(status);
}

export function isEnded(status: HazardStatus): boolean {
  return endedHazardStatuses.includes(status);
}

export function isCleared(status: HazardStatus): boolean {
  return clearedHazardStatuses.includes(status);
}

export function isDismissed(status: HazardStatus): boolean {
  return dismissedHazardStatuses.includes(status);
}

export function isAwaitingAction(status: HazardStatus): boolean {
  return awaitingActionStatuses.includes(status);
}

/** Ended (closed or dismissed) on or before `date`. */
export function hasEndedBy(h: Pick<HazardDated, 'status' | 'closedOn'>, date: string): boolean {
  return isEnded(h.status) && h.closedOn !== null && h.closedOn <= date;
}

/**
 * 存量 at a cut-off (动态清零): found on or before it and not ended (closed or dismissed) by then. A hazard dismissed
 * after the cut-off was stock at the cut-off — and is not counted as cleared (see isCleared).
 */
export function countsAsStockAt(h: Pick<HazardDated, 'status' | 'foundOn' | 'closedOn'>, cutoff: string): boolean {
  return h.foundOn <= cutoff && !hasEndedBy(h, cutoff);
}

/** Overdue on `today`: awaiting action and its deadline has passed (the day after the deadline and later). */
export function isOverdue(h: HazardDeadline, today: string): boolean {
  return isAwaitingAction(h.status) && h.deadline !== null && h.deadline < today;
}

/** Due soon on `today`: awaiting action with a deadline from today to `dueSoonDays` days ahead, both included. */
export function isDueSoon(h: HazardDeadline, today: string, dueSoonDays: number): boolean {
  return isAwaitingAction(h.status) && h.deadline !== null && h.deadline >= today && h.deadline <= plusDays(today, dueSoonDays);
}

/** An escalation step `days` past the deadline is due on `today`: an overdue hazard of an escalating grade. */
export function isEscalationDue(h: HazardDeadline & Pick<HazardDated, 'grade'>, today: string, days: number): boolean {
  return escalatingGrades.includes(h.grade) && isAwaitingAction(h.status) && h.deadline !== null && h.deadline <= plusDays(today, -days);
}

/**
 * Overdue at the end of a past day (季报/年报 第十四条 "期末逾期"): stock at that day with its deadline passed by then,
 * unless the enterprise has since reported the rectification and waits only for acceptance. The records keep the
 * current status: a hazard ended since is counted as it was, still being worked on. On today this is isOverdue.
 */
export function wasOverdueAt(h: HazardDated, date: string): boolean {
  return countsAsStockAt(h, date) && h.deadline !== null && h.deadline < date && (isAwaitingAction(h.status) || isEnded(h.status));
}

/** Found within a period (both ends included). */
export function isFoundIn(h: Pick<HazardDated, 'foundOn'>, from: string, to: string): boolean {
  return h.foundOn >= from && h.foundOn <= to;
}

/** Cleared (销号) within a period (both ends included); a dismissal is not counted. */
export function isClearedIn(h: Pick<HazardDated, 'status' | 'closedOn'>, from: string, to: string): boolean {
  return isCleared(h.status) && h.closedOn !== null && h.closedOn >= from && h.closedOn <= to;
}
