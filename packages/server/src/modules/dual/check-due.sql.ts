import { type TaskPeriodStatus, taskPeriodStatusRule } from '@anzhi/core';
import { and, gte, lte, type SQL, sql } from 'drizzle-orm';
import { checkTaskPeriods } from './dual.table.ts';

/** Core's `taskPeriodStatusOf` in SQL (check-due.sql.test.ts proves they agree): done, missed or open as of `today`. */
export function taskPeriodStatusSql(today: string): SQL<TaskPeriodStatus> {
  const r = taskPeriodStatusRule;
  return sql<TaskPeriodStatus>`(CASE WHEN ${checkTaskPeriods.recordId} IS NOT NULL THEN ${r.done}::text WHEN ${checkTaskPeriods.periodEnd} < ${today}::date THEN ${r.missed}::text ELSE ${r.open}::text END)`;
}

/** Core's `isListedToday`: the period has started and not ended. */
export function listedTodaySql(today: string): SQL | undefined {
  return and(lte(checkTaskPeriods.periodStart, today), gte(checkTaskPeriods.periodEnd, today));
}
