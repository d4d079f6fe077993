import { type HazardAction, hazardActionLabels, hazardStatusLabels, isOpen } from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import type { HazardPorts } from './hazard.ports.ts';
import type { HazardRow } from './hazard.repo.ts';

/**
 * Who must act next after each step, and what they are told: only those people, with a link that opens the step
 * they are to take (`?action=…`, the detail page opens its form when the step is theirs).
 */
export function hazardNotices(deps: HazardPorts) {
  const link = (h: HazardRow, action?: HazardAction) => `/hazards/${h.id}${action ? `?action=${action}` : ''}`;

  /** The enterprise's accounts; for a place without an enterprise (专项检查 of a village house) the office acts for it. */
  async function enterprise(ex: Executor, h: HazardRow) {
    return h.enterpriseId ? deps.recipients.ofEnterprise(ex, h.enterpriseId) : deps.recipients.officeOf(ex, h.regionCode);
  }
  async function regulator(ex: Executor, h: HazardRow) {
    const unit = h.supervisingUnitId ? await deps.recipients.ofUnit(ex, h.supervisingUnitId) : [];
    return unit.length ? unit : deps.recipients.officeOf(ex, h.regionCode);
  }
  async function finder(ex: Executor, h: HazardRow) {
    return h.grade === 'major' ? regulator(ex, h) : [h.foundBy];
  }

  /** The staff of the unit supervising the enterprise (三管三必须); none when no unit is set. */
  async function supervisingUnit(ex: Executor, h: HazardRow) {
    return h.supervisingUnitId ? deps.recipients.ofUnit(ex, h.supervisingUnitId) : [];
  }

  async function send(
    ex: Executor,
    h: HazardRow,
    userIds: number[],
    notice: { kind: string; title: string; body: string; action?: HazardAction },
    except?: number,
  ) {
    const ids = [...new Set(userIds)].filter((u) => u !== except);
    if (ids.length === 0) return 0;
    const { kind, title, body, action } = notice;
    return deps.notify(ex, { userIds: ids, kind, title, body, link: link(h, action), entityType: 'hazard', entityId: h.id });
  }

  const label = (h: HazardRow) => `${h.code}「${h.title}」`;

  return {
    async afterCreate(ex: Executor, h: HazardRow, enterpriseName: string) {
      if (!isOpen(h.status)) return;
      if (h.grade === 'major') {
        const to = [...(await regulator(ex, h)), ...(await deps.recipients.officeOf(ex, h.regionCode))];
        const body = `${label(h)} 被登记为重大事故隐患，请及时认定`;
        await send(ex, h, to, { kind: 'hazard.confirm', title: '重大隐患待认定', body, action: 'confirm' }, h.foundBy);
        return;
      }
      const rectify = {
        kind: 'hazard.rectify',
        title: '隐患待整改',
        body: `${label(h)}，请于 ${h.deadline} 前完成整改`,
        action: 'rectify',
      } as const;
      await send(ex, h, await enterprise(ex, h), rectify, h.foundBy);
      // The supervising unit follows every hazard of the enterprises it supervises, from the day it is found.
      const body = `${enterpriseName}登记隐患 ${label(h)}，整改期限 ${h.deadline}`;
      await send(ex, h, await supervisingUnit(ex, h), { kind: 'hazard.registered', title: '监管企业新登记隐患', body }, h.foundBy);
    },

    async afterAction(ex: Executor, h: HazardRow, action: HazardAction, actor: Actor) {
      const what = `${label(h)} ${hazardActionLabels[action]}，当前状态：${hazardStatusLabels[h.status as keyof typeof hazardStatusLabels]}`;
      const plain = (kind: string, title: string, body = what) => ({ kind, title, body });
      switch (action) {
        case 'confirm':
          return send(
            ex,
            h,
            await enterprise(ex, h),
            { kind: 'hazard.plan', title: '重大隐患已认定', body: `${what}。请主要负责人组织制定治理方案并报送`, action: 'submitPlan' },
            actor.userId,
          );
        case 'rectify':
          // 整改完成: whoever signs it off (the finder of a general hazard, the regulator of a major one) and the
          // supervising unit, which answers for the enterprise's hazards.
          return send(
            ex,
            h,
            [...(await finder(ex, h)), ...(await supervisingUnit(ex, h))],
            h.grade === 'major'
              ? { kind: 'hazard.rectify', title: '重大隐患治理完成', body: what }
              : { kind: 'hazard.rectify', title: '隐患整改完成待验收', body: what, action: 'accept' },
            actor.userId,
          );
        case 'submitPlan':
          return send(
            ex,
            h,
            await finder(ex, h),
            { ...plain('hazard.submitPlan', hazardActionLabels[action]), action: 'approvePlan' },
            actor.userId,
          );
        case 'requestExtension':
          return send(
            ex,
            h,
            await finder(ex, h),
            { ...plain('hazard.requestExtension', hazardActionLabels[action]), action: 'approveExtension' },
            actor.userId,
          );
        case 'evaluate':
        case 'applyResume':
          return send(ex, h, await finder(ex, h), plain(`hazard.${action}`, hazardActionLabels[action]), actor.userId);
        case 'supervise':
        case 'unsupervise':
          return send(
            ex,
            h,
            [...(await enterprise(ex, h)), ...(await deps.recipients.officeOf(ex, h.regionCode))],
            plain(`hazard.${action}`, action === 'supervise' ? '隐患挂牌督办' : '隐患摘牌'),
            actor.userId,
          );
        case 'upgrade':
          return send(ex, h, await regulator(ex, h), { ...plain('hazard.confirm', '重大隐患待认定'), action: 'confirm' }, actor.userId);
        default:
          return send(ex, h, await enterprise(ex, h), plain(`hazard.${action}`, hazardActionLabels[action]), actor.userId);
      }
    },
  };
}

export type HazardNotices = ReturnType<typeof hazardNotices>;
