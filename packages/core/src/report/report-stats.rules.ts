import { daysBetween } from '../hazard/hazard-time.rules.ts';
import type { ReportStatus, RewardStatus } from './report.dict.ts';
import { decidedReportStatuses, grantedRewardStatuses, openReportStatuses } from './report.dict.ts';

/**
 * The predicates behind 举报统计. The statistics' SQL is built from the same status sets and is proven equal to these
 * on the same rows (report-stats.sql.test.ts); the report list's `overdue=true` filter means the same thing.
 */

/** Still being handled (待受理 or 核查中). */
export const reportIsOpen = (status: ReportStatus): boolean => openReportStatuses.includes(status);

/** Verified, with an outcome (属实 or 不属实). */
export const reportIsDecided = (status: ReportStatus): boolean => decidedReportStatuses.includes(status);

/** Open and past its verification deadline (dueOn is set when accepted): due on the 10th, overdue from the 11th. */
export function reportIsOverdue(r: { status: ReportStatus; dueOn: string | null }, today: string): boolean {
  return reportIsOpen(r.status) && r.dueOn != null && r.dueOn < today;
}

/** A reward approved or paid: money owed or spent. */
export const rewardIsGranted = (status: RewardStatus): boolean => grantedRewardStatuses.includes(status);

/** Days from acceptance (受理) to the outcome (办结), for 核查用时. */
export function verifyDays(r: { acceptedOn: string | null; decidedOn: string | null }): number | null {
  return r.acceptedOn && r.decidedOn ? daysBetween(r.acceptedOn, r.decidedOn) : null;
}

/**
 * The p-th percentile (0–100) with linear interpolation between the closest ranks (as PostgreSQL's percentile_cont),
 * to one decimal; null for no values. The median is p = 50.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const low = sorted[lo] as number;
  const high = sorted[hi] as number;
  return Math.round((low + (high - low) * (rank - lo)) * 10) / 10;
}
