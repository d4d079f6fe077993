import { claimableRewardStatuses, decidedReportStatuses, unacceptedReportStatuses, verifyingReportStatuses } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../lib/sql-array.ts';

/**
 * Core's report sweep predicates (report-sweep.rules.ts) in SQL over a reports row aliased `r` (a reward `w`),
 * built from core's status sets; report-sweep.sql.test.ts proves them equal on the same rows.
 */
const inSet = (column: SQL, set: readonly string[]) => sql`${column} = ANY(${textArray(set)})`;
const day = (today: string) => sql`${today}::date`;
/** The China calendar day of `received_at` (UTC+8, core chinaDayOf). */
const receivedDay = sql`((r.received_at AT TIME ZONE 'UTC') + interval '8 hours')::date`;

export const reportSql = {
  verifyDueSoon: (today: string, remindBeforeDays: number): SQL =>
    sql`(${inSet(sql`r.status`, verifyingReportStatuses)} AND r.due_on IS NOT NULL AND ${day(today)} <= r.due_on
      AND ${day(today)} + ${remindBeforeDays}::int >= r.due_on)`,
  verifyOverdue: (today: string): SQL =>
    sql`(${inSet(sql`r.status`, verifyingReportStatuses)} AND r.due_on IS NOT NULL AND ${day(today)} > r.due_on)`,
  acceptLate: (today: string, acceptDays: number): SQL =>
    sql`(${inSet(sql`r.status`, unacceptedReportStatuses)} AND ${day(today)} > ${receivedDay} + ${acceptDays}::int)`,
  feedbackLate: (today: string, feedbackDays: number): SQL =>
    sql`(${inSet(sql`r.status`, decidedReportStatuses)} AND r.decided_on IS NOT NULL AND r.feedback_at IS NULL
      AND ${day(today)} > r.decided_on + ${feedbackDays}::int)`,
  rewardLapsed: (today: string): SQL =>
    sql`(${inSet(sql`w.status`, claimableRewardStatuses)} AND w.claim_due_on IS NOT NULL AND ${day(today)} > w.claim_due_on)`,
};
