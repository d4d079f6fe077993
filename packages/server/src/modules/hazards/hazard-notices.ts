import { type HazardAction, hazardActionLabels, hazardStatusLabels, isOpen } from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import type { HazardPorts } from './hazard.ports.ts';
import type { HazardRow } from './hazard.repo.ts';

/** Who must act next after each step, and what they are told. */
export function hazardNotices(deps: HazardPorts) {
  const link = (h: HazardRow) => `/hazards/${h.id}`;

  async function enterprise(ex: Executor, h: HazardRow) {
    return h.enterpriseId ? deps.recipients.ofEnterprise(ex, h.enterpriseId) : [];
  }
  async function regulator(ex: Executor, h: HazardRow) {
    const unit = h.supervisingUnitId ? await deps.recipients.ofUnit(ex, h.supervisingUnitId) : [];
    return unit.length ? unit : deps.recipients.officeOf(ex, h.regionCode);
  }
  async function finder(ex: Executor, h: HazardRow) {
    return h.grade === 'major' ? regulator(ex, h) : [h.foundBy];
  }

  async function send(ex: Executor, h: HazardRow, userIds: number[], kind: string, title: string, body: string, except?: number) {
    const ids = [...new Set(userIds)].filter((u) => u !== except);
    if (ids.length === 0) return 0;
    return deps.notify(ex, { userIds: ids, kind, title, body, link: link(h), entityType: 'hazard', entityId: h.id });
  }

  const label = (h: HazardRow) => `${h.code}「${h.title}」`;

  return {
    async afterCreate(ex: Executor, h: HazardRow) {
      if (!isOpen(h.status)) return;
      if (h.grade === 'major') {
        const to = [...(await regulator(ex, h)), ...(await deps.recipients.officeOf(ex, h.regionCode))];
        await send(ex, h, to, 'hazard.confirm', '重大隐患待认定', `${label(h)} 被登记为重大事故隐患，请及时认定`, h.foundBy);
        return;
      }
      await send(ex, h, await enterprise(ex, h), 'hazard.rectify', '隐患待整改', `${label(h)}，请于 ${h.deadline} 前完成整改`, h.foundBy);
    },

    async afterAction(ex: Executor, h: HazardRow, action: HazardAction, actor: Actor) {
      const what = `${label(h)} ${hazardActionLabels[action]}，当前状态：${hazardStatusLabels[h.status as keyof typeof hazardStatusLabels]}`;
      switch (action) {
        case 'confirm':
          return send(
            ex,
            h,
            await enterprise(ex, h),
            'hazard.plan',
            '重大隐患已认定',
            `${what}。请主要负责人组织制定治理方案并报送`,
            actor.userId,
          );
        case 'submitPlan':
        case 'rectify':
        case 'requestExtension':
        case 'evaluate':
        case 'applyResume':
          return send(ex, h, await finder(ex, h), `hazard.${action}`, hazardActionLabels[action], what, actor.userId);
        case 'supervise':
        case 'unsupervise':
          return send(
            ex,
            h,
            [...(await enterprise(ex, h)), ...(await deps.recipients.officeOf(ex, h.regionCode))],
            `hazard.${action}`,
            action === 'supervise' ? '隐患挂牌督办' : '隐患摘牌',
            what,
            actor.userId,
          );
        case 'upgrade':
          return send(ex, h, await regulator(ex, h), 'hazard.confirm', '重大隐患待认定', what, actor.userId);
        default:
          return send(ex, h, await enterprise(ex, h), `hazard.${action}`, hazardActionLabels[action], what, actor.userId);
      }
    },
  };
}

export type HazardNotices = ReturnType<typeof hazardNotices>;
