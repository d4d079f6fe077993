import type { CheckPeriodItem, CheckPeriodListQuery, DataScope } from '@anzhi/core';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { checkTaskPeriods, checkTasks } from './dual.table.ts';
import { dueOutcomeSql, enterpriseFilter } from './oversight-stats.repo.ts';

/**
 * The due checks behind the oversight figures (GET /check-periods): check_task_periods with their task and enterprise,
 * filtered exactly as oversightStatsRepo.due counts them (scope, enterprise filter, period_end in the window, the
 * outcome from `dueOutcomeSql`).
 */
export type CheckPeriodFilter = Omit<CheckPeriodListQuery, 'page' | 'pageSize'>;

/** `done` is on time or late (the principal's 已排查). */
const outcomesOf = (o: NonNullable<CheckPeriodFilter['outcome']>): Array<CheckPeriodItem['outcome']> =>
  o === 'done' ? ['onTime', 'late'] : [o];

export function checkPeriodWhere(scope: DataScope, f: CheckPeriodFilter, today: string): SQL | undefined {
  const p = checkTaskPeriods;
  return and(
    scopeOn.check_task_periods(scope),
    f.exactRegion && f.regionCode
      ? and(eq(enterprises.regionCode, f.regionCode), enterpriseFilter({ domain: f.domain }))
      : enterpriseFilter(f),
    f.enterpriseId ? eq(p.enterpriseId, f.enterpriseId) : undefined,
    f.from ? sql`${p.periodEnd} >= ${f.from}::date` : undefined,
    f.to ? sql`${p.periodEnd} <= ${f.to}::date` : undefined,
    f.cycle ? eq(p.cycle, f.cycle) : undefined,
    f.template ? eq(checkTasks.template, f.template) : undefined,
    f.outcome ? inArray(dueOutcomeSql(today), outcomesOf(f.outcome)) : undefined,
  );
}

export const checkPeriodRepo = {
  async page(ex: Executor, where: SQL | undefined, today: string, page: number, pageSize: number) {
    const p = checkTaskPeriods;
    const [items, [count]] = await Promise.all([
      ex
        .select({
          id: p.id,
          enterpriseId: p.enterpriseId,
          enterpriseName: enterprises.name,
          taskId: p.taskId,
          taskTitle: checkTasks.title,
          cycle: p.cycle,
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
          slot: p.slot,
          outcome: sql<CheckPeriodItem['outcome']>`${dueOutcomeSql(today)}`,
          recordId: p.recordId,
          doneOn: p.doneOn,
        })
        .from(p)
        .innerJoin(checkTasks, eq(checkTasks.id, p.taskId))
        .innerJoin(enterprises, eq(enterprises.id, p.enterpriseId))
        .where(where)
        .orderBy(desc(p.periodEnd), asc(enterprises.name), asc(checkTasks.title), asc(p.slot), asc(p.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      ex
        .select({ n: sql<number>`count(*)::int` })
        .from(p)
        .innerJoin(checkTasks, eq(checkTasks.id, p.taskId))
        .innerJoin(enterprises, eq(enterprises.id, p.enterpriseId))
        .where(where),
    ]);
    return { items: items as CheckPeriodItem[], total: Number(count?.n ?? 0) };
  },
};
