// 一键催报: the office reminds, in one click, every unit that has not reported this month's dispatch of a plan.
import { periodOf } from '@anzhi/core';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { chinaToday } from '../../lib/clock.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { planRepo } from './plan.repo.ts';
import type { PlanServiceDeps } from './plan-draft.service.ts';
import { listDueDispatchCards } from './plan-due.ts';
import type { PlanTrackingService } from './plan-tracking.service.ts';

export function createPlanRemind(deps: PlanServiceDeps & { tracking: PlanTrackingService }) {
  const { db, clock, audit } = deps;

  /**
   * One notice per unit (to each of its users) naming how many cards it still owes for the current month; a second
   * click the same day sends nothing more (dedupe key per plan, unit, period and day). `count`: units reminded now.
   */
  async function remind(actor: Actor, planId: number): Promise<{ count: number }> {
    const plan = await deps.tracking.load(actor, planId, { published: true });
    const today = chinaToday(clock.now());
    const period = periodOf(today);
    const tasks = await planRepo.tasks(db, plan.id);
    const unitIds = [...new Set(tasks.flatMap((t) => [...t.leadUnitIds, ...t.coUnitIds]))];
    return auditedTransaction(db, async (tx) => {
      const cards = await listDueDispatchCards(tx, actor.scope, { unitIds, asOf: today, planId: plan.id });
      const byUnit = new Map<number, typeof cards>();
      for (const c of cards) byUnit.set(c.unitId, [...(byUnit.get(c.unitId) ?? []), c]);
      const reminded: number[] = [];
      for (const [unitId, owed] of byUnit) {
        const userIds = await deps.recipients.ofUnit(tx, unitId);
        const sent = await deps.notify(tx, {
          userIds,
          kind: 'plan.remind',
          title: '催报：月调度尚未报送',
          body: `镇安委办提醒：《${plan.title}》${period.slice(0, 4)}年${Number(period.slice(5))}月调度尚有 ${owed.length} 项任务未报送进展，请于 ${owed[0]?.dueOn} 前报送`,
          link: `/plan-dispatch?period=${period}`,
          entityType: 'plan',
          entityId: plan.id,
          dedupeKey: `plan.remind:${plan.id}:unit:${unitId}:${period}:${today}`,
        });
        if (sent > 0) reminded.push(unitId);
      }
      if (reminded.length) {
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'plan',
          entityId: plan.id,
          action: 'remind',
          after: { period, units: reminded, cards: cards.filter((c) => reminded.includes(c.unitId)).length },
        });
      }
      return { count: reminded.length };
    });
  }

  return { remind };
}

export type PlanRemind = ReturnType<typeof createPlanRemind>;
