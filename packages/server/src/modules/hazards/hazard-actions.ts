import { type HazardAction, type HazardDetail, hazardActionRefusal, hazardVersion, nextHazardStatus } from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { errors } from '../../lib/errors.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { auditedHazard, hazardActorOf, hazardFacts } from './hazard.presenter.ts';
import { type HazardListRow, hazardRepo } from './hazard.repo.ts';
import type { HazardDeps } from './hazard.service.ts';
import { hazardSteps, invalid } from './hazard-action-steps.ts';
import type { HazardNotices } from './hazard-notices.ts';

/** One step of the loop: parse the body by its action's schema, check the state machine, write, record, audit, notify. */
export function createHazardActions(
  deps: HazardDeps & {
    load(ex: Executor, actor: Actor, id: number): Promise<HazardListRow>;
    detail(ex: Executor, actor: Actor, id: number): Promise<HazardDetail>;
    notices: HazardNotices;
    today(): string;
  },
) {
  const { db, clock, audit } = deps;

  async function act(actor: Actor, id: number, action: HazardAction, rawBody: unknown): Promise<HazardDetail> {
    const version = hazardVersion.safeParse(rawBody);
    if (!version.success) invalid('version', '请求缺少版本号 version（防止覆盖他人的修改）');
    const parsed = hazardSteps[action](rawBody);
    await parsed.prepare({
      foundOn: async () => (await deps.load(db, actor, id)).foundOn,
      checkCitations: (input) => deps.checkCitations(input),
    });
    await auditedTransaction(db, async (tx) => {
      await deps.load(tx, actor, id);
      const h = await hazardRepo.lock(tx, id);
      if (!h) throw errors.notFound('隐患', 'hazard.not_found');
      if (h.version !== version.data.version) {
        throw errors.conflict('hazard.stale', '该隐患已被他人处理，请刷新后再操作', { currentVersion: h.version });
      }
      const refusal = hazardActionRefusal(hazardFacts(h), hazardActorOf(actor), action);
      if (refusal) {
        if (refusal.reason === 'role') throw errors.forbidden(refusal.message, 'hazard.forbidden_action');
        throw errors.conflict('hazard.invalid_transition', refusal.message);
      }
      const s = await parsed.run({ tx, actor, h, today: deps.today(), clock });
      const to = nextHazardStatus(hazardFacts(h), action, s.outcome);
      if (s.fileIds.length) await deps.attachFiles(tx, actor, s.fileIds, 'hazard', id);
      const now = clock.now();
      const row = await hazardRepo.update(tx, id, h.version, { ...s.values, status: to, updatedAt: now });
      if (!row) throw errors.conflict('hazard.stale', '该隐患已被他人处理，请刷新后再操作');
      await hazardRepo.addEvent(tx, {
        hazardId: id,
        action,
        fromStatus: h.status,
        toStatus: to,
        actorId: actor.userId,
        actorName: actor.displayName,
        at: now,
        note: s.note,
        data: s.data,
        fileIds: s.fileIds,
      });
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'hazard',
        entityId: id,
        action,
        before: auditedHazard(h),
        after: auditedHazard(row),
      });
      await deps.notices.afterAction(tx, row, action, actor);
    });
    return deps.detail(db, actor, id);
  }

  return { act };
}
