import { countedReportFilings, finishingReportStatuses, trackedNodeKinds, trackedPlanStatuses } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import { literalList } from '../../lib/sql-array.ts';

/**
 * Core's dispatch predicates (plan-predicates.rules.ts) as SQL, built from core's sets and defaults. The sweep's SQL
 * reads tables under short aliases, so each fragment takes its operands; plan-predicates.sql.test.ts runs each against
 * core's function on the same rows.
 */
const inSet = (operand: SQL, values: readonly string[]) => sql`(${operand} IN ${sql.raw(literalList(values))})`;

export const planSql = {
  isTrackedPlan: (status: SQL): SQL => inSet(status, trackedPlanStatuses),
  isTrackedNode: (kind: SQL): SQL => inSet(kind, trackedNodeKinds),
  isFinishingReport: (status: SQL): SQL => inSet(status, finishingReportStatuses),
  /** countsAsReport: filed or confirmed 本月无新进展, never a row saved untouched before issue 10. */
  countsAsReport: (filing: SQL): SQL => inSet(filing, countedReportFilings),
  /** A task still owes reports: not marked completed at import (core deriveTaskStatus: completedOn means done). */
  isOpenTask: (completedOn: SQL): SQL => sql`(${completedOn} IS NULL)`,

  /**
   * A plan's report day and reminder days: its own stored value, else its township's (`township`, from the settings
   * store) — core's planSettingsOf.
   */
  reportDay: (settings: SQL, township: SQL): SQL => sql`coalesce((${settings}->>'reportDay')::int, ${township})`,
  reminderDays: (settings: SQL, township: SQL): SQL => sql`coalesce((${settings}->>'reminderDays')::int, ${township})`,

  isDispatchReminderDue: (today: string, dueOn: SQL, reminderDays: SQL): SQL =>
    sql`(${today}::date BETWEEN ${dueOn} - ${reminderDays} AND ${dueOn})`,
  isDispatchOverdue: (today: string, dueOn: SQL): SQL => sql`(${dueOn} < ${today}::date)`,

  /** isPublishedBy: before the end of the report day, China time (UTC+8). */
  isPublishedBy: (publishedAt: SQL, dueOn: SQL): SQL =>
    sql`(${publishedAt} < ((${dueOn} + 1)::timestamp - interval '8 hours') AT TIME ZONE 'UTC')`,

  /** planCoversPeriod over a month's first day. */
  coversPeriod: (periodEnd: SQL, firstDay: SQL): SQL => sql`(${periodEnd} IS NULL OR extract(year FROM ${firstDay}) <= ${periodEnd})`,
};
