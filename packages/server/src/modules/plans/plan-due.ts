// Who still owes this month's dispatch, card by card: the to-do centre lists them ("plan.dispatch"), and 一键催报
// reminds their units. Built from core's predicates (plan-predicates.sql.ts) — the same rule as the sweep and the
// dispatch page: a card is owed until a report that counts (core countsAsReport) is in for the period.
import { type DataScope, dispatchDueDate, isPublishedBy, periodOf } from '@anzhi/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { planScope } from './plan.repo.ts';
import { plans, planTasks } from './plan.table.ts';
import { planSql } from './plan-predicates.sql.ts';
import { planSettingsFor } from './plan-settings.ts';

export interface DueDispatchCard {
  planId: number;
  planName: string;
  taskId: number;
  /** The card's task as the plan numbers it. */
  ordinal: string;
  title: string;
  unitId: number;
  /** 'YYYY-MM': the month of `asOf`. */
  period: string;
  /** The plan's report day in that month. */
  dueOn: string;
}

/**
 * The dispatch cards of these units for the month of `asOf` that have no report that counts yet, in the published
 * plans the scope sees: open tasks (not removed, not completed at import) the unit leads or shares, not finished by
 * an earlier done report, in plans published by that month's report day and still running. Villages file no dispatch
 * (ADR 0014), so only units are asked. `planId` narrows to one plan.
 */
export async function listDueDispatchCards(
  ex: Executor,
  scope: DataScope,
  opts: { unitIds: readonly number[]; asOf: string; planId?: number },
): Promise<DueDispatchCard[]> {
  if (!opts.unitIds.length) return [];
  const period = periodOf(opts.asOf);
  const unit = sql`u.unit_id`;
  const report = (extra: ReturnType<typeof sql>) => sql`EXISTS (SELECT 1 FROM plan_reports x
    WHERE x.task_id = ${planTasks.id} AND x.assignee_key = 'unit:' || ${unit} AND ${planSql.countsAsReport(sql`x.filing`)} AND ${extra})`;
  const rows = await ex
    .select({
      planId: plans.id,
      planName: plans.title,
      regionCode: plans.regionCode,
      settings: plans.settings,
      publishedAt: plans.publishedAt,
      taskId: planTasks.id,
      ordinal: planTasks.ordinal,
      title: planTasks.title,
      sortOrder: planTasks.sortOrder,
      unitId: sql<number>`${unit}`,
    })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .innerJoin(sql`LATERAL unnest(${planTasks.leadUnitIds} || ${planTasks.coUnitIds}) AS u(unit_id)`, sql`true`)
    .where(
      and(
        planScope(scope, { drafts: false }),
        planSql.isTrackedPlan(sql`${plans.status}`),
        opts.planId !== undefined ? eq(plans.id, opts.planId) : undefined,
        planSql.coversPeriod(sql`${plans.periodEnd}`, sql`${`${period}-01`}::date`),
        planSql.isTrackedNode(sql`${planTasks.kind}`),
        sql`${planTasks.removedAt} IS NULL`,
        planSql.isOpenTask(sql`${planTasks.completedOn}`),
        inArray(sql`${unit}`, [...opts.unitIds]),
        sql`NOT ${report(sql`x.period = ${period}`)}`,
        sql`NOT ${report(sql`x.period < ${period} AND ${planSql.isFinishingReport(sql`x.status`)}`)}`,
      ),
    )
    .orderBy(plans.id, planTasks.sortOrder, sql`${unit}`);
  const dueOnOf = new Map<number, string>();
  const out: DueDispatchCard[] = [];
  for (const r of rows) {
    let dueOn = dueOnOf.get(r.planId);
    if (dueOn === undefined) {
      dueOn = dispatchDueDate(period, (await planSettingsFor(ex, r)).reportDay);
      dueOnOf.set(r.planId, dueOn);
    }
    // A plan published after the report day owes nothing for that month (the sweep's rule).
    if (!r.publishedAt || !isPublishedBy(r.publishedAt, dueOn)) continue;
    out.push({
      planId: r.planId,
      planName: r.planName,
      taskId: r.taskId,
      ordinal: r.ordinal,
      title: r.title,
      unitId: Number(r.unitId),
      period,
      dueOn,
    });
  }
  return out;
}
