import type { CheckCalendar, DueCheckList } from '@anzhi/core';
import { doneOnTime, periodEndOf, periodStartOf } from '@anzhi/core';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import type { Actor } from '../../lib/actor.ts';
import { chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { listedTodaySql, taskPeriodStatusSql } from './check-due.sql.ts';
import type { DualDeps } from './dual.module.ts';
import { checkTaskPeriods, checkTasks } from './dual.table.ts';

/**
 * The enterprise a request is about: an enterprise account's own unless it names one; anyone else names one. One
 * outside the caller's scope is not found (404), as any record outside it.
 */
export async function enterpriseOf(ex: Executor, actor: Actor, enterpriseId: number | undefined, path = 'enterpriseId') {
  const id = enterpriseId ?? (actor.scope.kind === 'enterprise' ? actor.scope.enterpriseId : undefined);
  if (id === undefined) throw errors.badRequest('validation_failed', '企业：请指定企业', [{ path, message: '请指定企业' }]);
  const e = await enterpriseRepo.findById(ex, id, actor.scope);
  if (!e) throw errors.notFound('企业', 'enterprise.not_found');
  return e;
}

/**
 * 今日排查 (the phone's list, cached for offline use) and the desktop's due-check calendar: the due checks of one
 * enterprise with their state as of today (core's rule in SQL).
 */
export function createCheckDueService(deps: DualDeps) {
  const { db, clock } = deps;

  async function today(actor: Actor, q: { enterpriseId?: number; postId?: number }): Promise<DueCheckList> {
    const enterpriseId = (await enterpriseOf(db, actor, q.enterpriseId)).id;
    const asOf = chinaToday(clock.now());
    const rows = await db
      .select({
        taskPeriodId: checkTaskPeriods.id,
        taskId: checkTasks.id,
        enterpriseId: checkTaskPeriods.enterpriseId,
        enterpriseName: enterprises.name,
        title: checkTasks.title,
        cycle: checkTaskPeriods.cycle,
        periodStart: checkTaskPeriods.periodStart,
        periodEnd: checkTaskPeriods.periodEnd,
        slot: checkTaskPeriods.slot,
        postId: checkTasks.postId,
        ownerName: checkTasks.ownerName,
        status: taskPeriodStatusSql(asOf),
        recordId: checkTaskPeriods.recordId,
        items: checkTasks.items,
      })
      .from(checkTaskPeriods)
      .innerJoin(checkTasks, eq(checkTasks.id, checkTaskPeriods.taskId))
      .innerJoin(enterprises, eq(enterprises.id, checkTaskPeriods.enterpriseId))
      .where(
        and(
          scopeOn.check_task_periods(actor.scope),
          eq(checkTaskPeriods.enterpriseId, enterpriseId),
          eq(checkTasks.active, true),
          listedTodaySql(asOf),
          q.postId ? eq(checkTasks.postId, q.postId) : undefined,
        ),
      )
      .orderBy(asc(checkTaskPeriods.periodEnd), asc(checkTasks.id), asc(checkTaskPeriods.slot));
    return {
      asOf,
      items: rows.map((r) => ({ ...r, items: r.items.map((text, i) => ({ seq: i + 1, text })) })),
    };
  }

  async function calendar(actor: Actor, q: { enterpriseId?: number; month?: string }): Promise<CheckCalendar> {
    const enterpriseId = (await enterpriseOf(db, actor, q.enterpriseId)).id;
    const asOf = chinaToday(clock.now());
    const month = q.month ?? asOf.slice(0, 7);
    const from = periodStartOf('month', `${month}-01`);
    const to = periodEndOf('month', from);
    const rows = await db
      .select({
        taskId: checkTasks.id,
        title: checkTasks.title,
        cycle: checkTasks.cycle,
        taskPeriodId: checkTaskPeriods.id,
        periodStart: checkTaskPeriods.periodStart,
        periodEnd: checkTaskPeriods.periodEnd,
        slot: checkTaskPeriods.slot,
        status: taskPeriodStatusSql(asOf),
        doneOn: checkTaskPeriods.doneOn,
        recordId: checkTaskPeriods.recordId,
      })
      .from(checkTaskPeriods)
      .innerJoin(checkTasks, eq(checkTasks.id, checkTaskPeriods.taskId))
      .where(
        and(
          scopeOn.check_task_periods(actor.scope),
          eq(checkTaskPeriods.enterpriseId, enterpriseId),
          lte(checkTaskPeriods.periodStart, to),
          gte(checkTaskPeriods.periodEnd, from),
          lte(checkTaskPeriods.periodStart, asOf),
        ),
      )
      .orderBy(asc(checkTasks.id), asc(checkTaskPeriods.periodStart), asc(checkTaskPeriods.slot));
    const tasks = new Map<number, CheckCalendar['tasks'][number]>();
    for (const r of rows) {
      let t = tasks.get(r.taskId);
      if (!t) {
        t = { taskId: r.taskId, title: r.title, cycle: r.cycle, periods: [] };
        tasks.set(r.taskId, t);
      }
      t.periods.push({
        taskPeriodId: r.taskPeriodId,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        slot: r.slot,
        status: r.status,
        late: r.doneOn !== null && !doneOnTime(r, r.doneOn),
        doneOn: r.doneOn,
        recordId: r.recordId,
      });
    }
    return { month, asOf, tasks: [...tasks.values()] };
  }

  return { today, calendar };
}

export type CheckDueService = ReturnType<typeof createCheckDueService>;
