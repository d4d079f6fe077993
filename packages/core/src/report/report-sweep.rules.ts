import { addDays } from '../hazard/hazard-time.rules.ts';
import type { ReportStatus, RewardStatus } from './report.dict.ts';
import { decidedReportStatuses } from './report.dict.ts';
import type { ReportConfig } from './report.settings.ts';
import { reportAcceptDueOn, reportFeedbackDueOn } from './report-clock.rules.ts';

/**
 * What the report sweep owes as of a day (China time), one pure predicate per alert. The sweep's SQL
 * (server report-predicates.sql.ts) is built from the status sets and day counts here and tested equal to them.
 */

/** Under verification with a deadline: the only status the 60 (+30) day clock runs in. */
export const verifyingReportStatuses: ReportStatus[] = ['verifying'];
/** Waiting for the office to accept (受理) or decline it. */
export const unacceptedReportStatuses: ReportStatus[] = ['received'];
/** An approved reward waits to be claimed; past its claim window it lapses (视为放弃). */
export const claimableRewardStatuses: RewardStatus[] = ['approved'];

export const reportAlertKinds = ['verifyDueSoon', 'verifyOverdue', 'acceptLate', 'feedbackLate'] as const;
export type ReportAlertKind = (typeof reportAlertKinds)[number];

/** The China calendar day of an instant (UTC+8, no daylight saving). */
export function chinaDayOf(at: Date | string): string {
  return new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface ReportClockRow {
  status: ReportStatus;
  receivedAt: Date | string;
  dueOn: string | null;
  decidedOn: string | null;
  feedbackAt: Date | string | null;
}

/** Verification due within `remindBeforeDays` (the due day included), not yet past. */
export function verifyDueSoon(r: ReportClockRow, today: string, config: Pick<ReportConfig, 'remindBeforeDays'>): boolean {
  return (
    verifyingReportStatuses.includes(r.status) && r.dueOn !== null && today <= r.dueOn && addDays(today, config.remindBeforeDays) >= r.dueOn
  );
}

/** Verification past its deadline (the due day itself is still in time). */
export function verifyOverdue(r: ReportClockRow, today: string): boolean {
  return verifyingReportStatuses.includes(r.status) && r.dueOn !== null && today > r.dueOn;
}

/** Received and neither accepted nor declined within `acceptDays`. */
export function acceptLate(r: ReportClockRow, today: string, config: Pick<ReportConfig, 'acceptDays'>): boolean {
  return unacceptedReportStatuses.includes(r.status) && today > reportAcceptDueOn(chinaDayOf(r.receivedAt), config);
}

/** Decided, and the reporter not told within `feedbackDays`. */
export function feedbackLate(r: ReportClockRow, today: string, config: Pick<ReportConfig, 'feedbackDays'>): boolean {
  return (
    decidedReportStatuses.includes(r.status) &&
    r.decidedOn !== null &&
    r.feedbackAt === null &&
    today > reportFeedbackDueOn(r.decidedOn, config)
  );
}

/** An approved reward not claimed by its last day lapses the day after. */
export function rewardLapsed(r: { status: RewardStatus; claimDueOn: string | null }, today: string): boolean {
  return claimableRewardStatuses.includes(r.status) && r.claimDueOn !== null && today > r.claimDueOn;
}

export function reportAlertDue(kind: ReportAlertKind, r: ReportClockRow, today: string, config: ReportConfig): boolean {
  switch (kind) {
    case 'verifyDueSoon':
      return verifyDueSoon(r, today, config);
    case 'verifyOverdue':
      return verifyOverdue(r, today);
    case 'acceptLate':
      return acceptLate(r, today, config);
    case 'feedbackLate':
      return feedbackLate(r, today, config);
  }
}
