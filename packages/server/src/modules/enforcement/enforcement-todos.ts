import { can, recheckState, type TodoBox, type TodoItem } from '@anzhi/core';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import type { TodoProvider } from '../todos/todo.provider.ts';
import { TODO_HISTORY_LIMIT } from '../todos/todo.provider.ts';
import { enforcementChecks, enforcementInspectors, enforcementOrders } from './enforcement.table.ts';
import { recheckStateSql } from './enforcement-triad.repo.ts';

/**
 * The 执法三部曲's to-dos: orders whose 复查 is due or overdue (core recheckState) that are the caller's — issued by
 * the caller's unit, or from a check the caller inspected (an inspector linked to the account) — and, done, the
 * 复查 the caller made.
 */
export function createEnforcementTodoProvider(deps: { db: Db; clock: Clock }): TodoProvider {
  const { db } = deps;

  async function rows(actor: Actor, where: ReturnType<typeof and>, limit: number) {
    return db
      .select({ o: enforcementOrders, enterpriseName: enterprises.name, checkCode: enforcementChecks.code })
      .from(enforcementOrders)
      .innerJoin(enterprises, eq(enterprises.id, enforcementOrders.enterpriseId))
      .innerJoin(enforcementChecks, eq(enforcementChecks.id, enforcementOrders.checkId))
      .where(and(scopeOn.enforcement_orders(actor.scope), where))
      .orderBy(enforcementOrders.recheckDueOn, desc(enforcementOrders.id))
      .limit(limit);
  }

  return {
    kinds: ['enforcement.recheck'],
    async list(actor: Actor, box: TodoBox): Promise<TodoItem[]> {
      if (!can(actor.roles, 'enforcement.inspect')) return [];
      const today = chinaToday(deps.clock.now());
      if (box === 'mine') {
        const inspected = sql`${enforcementChecks.inspectorIds} && ARRAY(SELECT ${enforcementInspectors.id} FROM ${enforcementInspectors} WHERE ${enforcementInspectors.userId} = ${actor.userId})::int[]`;
        const mine = actor.unitId ? or(eq(enforcementOrders.unitId, actor.unitId), inspected) : inspected;
        const found = await rows(actor, and(or(recheckStateSql('due', today), recheckStateSql('overdue', today)), mine), 500);
        return found.map(({ o, enterpriseName, checkCode }) => ({
          kind: 'enforcement.recheck',
          title: `整改复查：${enterpriseName}`,
          detail: `检查 ${checkCode}，整改期限 ${o.deadline}`,
          link: `/enforcement/orders/${o.id}`,
          dueOn: o.recheckDueOn,
          overdue: recheckState(o, today) === 'overdue',
          entityType: 'enforcementOrder',
          entityId: o.id,
          at: null,
        }));
      }
      if (box === 'done') {
        const found = await rows(
          actor,
          and(eq(enforcementOrders.recheckedBy, actor.userId), inArray(enforcementOrders.status, ['rechecked'])),
          TODO_HISTORY_LIMIT,
        );
        return found.map(({ o, enterpriseName, checkCode }) => ({
          kind: 'enforcement.recheck',
          title: `已复查：${enterpriseName}`,
          detail: `检查 ${checkCode}，复查日期 ${o.recheckedOn}`,
          link: `/enforcement/orders/${o.id}`,
          dueOn: null,
          overdue: false,
          entityType: 'enforcementOrder',
          entityId: o.id,
          at: o.updatedAt.toISOString(),
        }));
      }
      return [];
    },
  };
}
