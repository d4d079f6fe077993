import {
  awaitedAction,
  awaitedParty,
  type HazardParty,
  type HazardRemindRefusal,
  type HazardRemindResult,
  hazardActionLabels,
  hazardRemindRefusal,
} from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { chinaToday } from '../../lib/clock.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { resolveSettings } from '../settings/settings.resolver.ts';
import { hazardActorOf, hazardFacts } from './hazard.presenter.ts';
import { type HazardListRow, type HazardRow, hazardRepo } from './hazard.repo.ts';
import type { HazardDeps } from './hazard.service.ts';

const partyLabels: Record<HazardParty, string> = { enterprise: '企业', regulator: '监管单位', finder: '发现人' };

/** 催办 (POST /hazards/{id}/remind): the office or the supervising unit presses the party whose step is awaited. */
export function createHazardRemind(deps: HazardDeps & { load(ex: Executor, actor: Actor, id: number): Promise<HazardListRow> }) {
  const { db, clock, audit } = deps;

  /** Why the actor may not press 催办 on this hazard now; null when they may. */
  async function refusal(ex: Executor, actor: Actor, h: HazardRow): Promise<HazardRemindRefusal | null> {
    const today = chinaToday(clock.now());
    const { dueSoonDays } = (await resolveSettings(ex, h.regionCode)).hazardTime;
    const last = await hazardRepo.lastEventAt(ex, h.id, 'remind');
    const ctx = { today, dueSoonDays, lastRemindedOn: last ? chinaToday(last) : null };
    return hazardRemindRefusal({ ...hazardFacts(h), deadline: h.deadline }, hazardActorOf(actor), ctx);
  }

  async function recipients(ex: Executor, h: HazardRow, party: HazardParty): Promise<number[]> {
    switch (party) {
      case 'enterprise':
        // A place without an enterprise (专项检查 of a village house): the office acts for its owner.
        return h.enterpriseId ? deps.recipients.ofEnterprise(ex, h.enterpriseId) : deps.recipients.officeOf(ex, h.regionCode);
      case 'regulator':
        return h.supervisingUnitId ? deps.recipients.ofUnit(ex, h.supervisingUnitId) : deps.recipients.officeOf(ex, h.regionCode);
      case 'finder':
        return [h.foundBy];
    }
  }

  async function remind(actor: Actor, id: number): Promise<HazardRemindResult> {
    return auditedTransaction(db, async (tx) => {
      await deps.load(tx, actor, id);
      const h = await hazardRepo.lock(tx, id);
      if (!h) throw errors.notFound('隐患', 'hazard.not_found');
      const refused = await refusal(tx, actor, h);
      if (refused?.reason === 'role') throw errors.forbidden(refused.message, 'hazard.remind_forbidden');
      if (refused?.reason === 'tooSoon') throw new AppError(429, 'hazard.remind_too_soon', refused.message);
      if (refused) throw errors.conflict('hazard.remind_not_due', refused.message);
      const facts = hazardFacts(h);
      const party = awaitedParty(facts) as HazardParty;
      const action = awaitedAction(facts);
      const to = (await recipients(tx, h, party)).filter((u) => u !== actor.userId);
      if (to.length === 0) {
        throw errors.conflict('hazard.remind_no_recipient', `${partyLabels[party]}没有可接收通知的账号，请电话联系`);
      }
      const today = chinaToday(clock.now());
      const late = h.deadline && h.deadline < today ? `已逾期（期限 ${h.deadline}）` : `将于 ${h.deadline} 到期`;
      const step = action ? hazardActionLabels[action] : '办理';
      const body = `${actor.displayName}催办：${h.code}「${h.title}」${late}，请尽快${step}`;
      const count = await deps.notify(tx, {
        userIds: to,
        kind: 'hazard.remind',
        title: '隐患催办',
        body,
        link: `/hazards/${id}${action ? `?action=${action}` : ''}`,
        entityType: 'hazard',
        entityId: id,
      });
      const now = clock.now();
      await hazardRepo.addEvent(tx, {
        hazardId: id,
        action: 'remind',
        fromStatus: h.status,
        toStatus: h.status,
        actorId: actor.userId,
        actorName: actor.displayName,
        at: now,
        note: `催办${partyLabels[party]}${step}`,
        data: { party, action, count },
      });
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'hazard',
        entityId: id,
        action: 'remind',
        after: { party, action, count },
      });
      return { count };
    });
  }

  return { remind, canRemind: async (ex: Executor, actor: Actor, h: HazardRow) => (await refusal(ex, actor, h)) === null };
}
