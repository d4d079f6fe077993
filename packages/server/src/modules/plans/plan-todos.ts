import { can, periodOf, shiftPeriod, type TodoBox, type TodoItem } from '@anzhi/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import type { TodoProvider } from '../todos/todo.provider.ts';
import { TODO_HISTORY_LIMIT } from '../todos/todo.provider.ts';
import { planScope } from './plan.repo.ts';
import { planReports, plans, planTasks } from './plan.table.ts';
import type { PlanDispatchService } from './plan-dispatch.service.ts';
import { planSql } from './plan-predicates.sql.ts';

const monthLabel = (period: string) => `${period.slice(0, 4)}年${Number(period.slice(5))}月`;

/**
 * The plan module's to-dos: the 月调度 cards of the caller's unit that are due (the reminder window is open or the
 * report day has passed, core's dispatchCalendar) and have no report yet, this month's and last month's.
 * The dispatch view already counts only real reports (core countsAsReport: filled in or confirmed 本月无新进展), the
 * same rule as listDueDispatchCards (plan-due.ts) and 一键催报.
 */
async function dueDispatchCards(dispatch: PlanDispatchService, actor: Actor, today: string): Promise<TodoItem[]> {
  const current = periodOf(today);
  const items: TodoItem[] = [];
  for (const period of [shiftPeriod(current, -1), current]) {
    const view = await dispatch.get(actor, { period });
    if (view.window === 'upcoming') continue;
    const overdue = view.window === 'overdue';
    for (const card of view.items) {
      if (card.report) continue;
      items.push({
        kind: 'plan.dispatch',
        title: `${monthLabel(period)}调度：${card.title}`,
        detail: card.planTitle,
        link: `/plans/dispatch?period=${period}&taskId=${card.taskId}`,
        dueOn: view.dueDate,
        overdue,
        entityType: 'planTask',
        entityId: card.taskId,
        at: null,
      });
    }
  }
  return items;
}

export function createPlanTodoProvider(deps: { db: Db; clock: Clock; dispatch: PlanDispatchService }): TodoProvider {
  const { db } = deps;

  /** The reports the caller filed, newest first, of plans the caller still sees. */
  async function filed(actor: Actor): Promise<TodoItem[]> {
    const rows = await db
      .select({ r: planReports, taskTitle: planTasks.title, planTitle: plans.title })
      .from(planReports)
      .innerJoin(plans, eq(plans.id, planReports.planId))
      .innerJoin(planTasks, eq(planTasks.id, planReports.taskId))
      .where(
        and(
          eq(planReports.reportedBy, actor.userId),
          planScope(actor.scope, { drafts: false }),
          // Blank cards saved before issue 10 are not reports (core countsAsReport).
          planSql.countsAsReport(sql`${planReports.filing}`),
        ),
      )
      .orderBy(desc(planReports.reportedAt), desc(planReports.id))
      .limit(TODO_HISTORY_LIMIT);
    return rows.map(({ r, taskTitle, planTitle }) => ({
      kind: 'plan.dispatch',
      title: `已报送${monthLabel(r.period)}调度：${taskTitle}`,
      detail: planTitle,
      link: `/plans/dispatch?period=${r.period}&taskId=${r.taskId}`,
      dueOn: null,
      overdue: false,
      entityType: 'planTask',
      entityId: r.taskId,
      at: r.reportedAt.toISOString(),
    }));
  }

  return {
    kinds: ['plan.dispatch'],
    async list(actor: Actor, box: TodoBox) {
      if (!can(actor.roles, 'plan.report')) return [];
      if (box === 'done') return filed(actor);
      // The office fills in for units by choice; a unit's own staff owe its cards.
      if (box === 'mine' && actor.scope.kind === 'unit') return dueDispatchCards(deps.dispatch, actor, chinaToday(deps.clock.now()));
      return [];
    },
  };
}
