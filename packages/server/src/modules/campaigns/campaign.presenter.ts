import type { CampaignDetail, CampaignRound, CampaignScope } from '@anzhi/core';
import { errors } from '../../lib/errors.ts';
import type { CampaignRoundRow, CampaignRow, ObjectTypeRow } from './campaign.repo.ts';

export const campaignErrors = {
  notFound: () => errors.notFound('专项整治', 'campaign.not_found'),
  invalid: (path: string, message: string) => errors.badRequest('campaign.invalid', message, [{ path, message }]),
  stale: (version: number) => errors.conflict('campaign.stale', '该专项整治已被他人修改，请刷新后再保存', { currentVersion: version }),
  round: (message: string, path = 'reason') => errors.badRequest('campaign.round_refused', message, [{ path, message }]),
  closed: () => errors.conflict('campaign.closed', '该专项整治已结束'),
};

/** What a campaign counts, and its counter: the ledger type's (经营性自建房 · 栋), or enterprises (企业 · 家). */
export function subjectOf(scope: CampaignScope, type: Pick<ObjectTypeRow, 'name' | 'counter'> | undefined) {
  if (scope.kind === 'ledger') return { subject: type?.name ?? '台账对象', counter: type?.counter ?? '个' };
  return { subject: scope.smallVenues && !scope.domains.length && !scope.flags.length ? '场所' : '企业', counter: '家' };
}

export function roundView(r: CampaignRoundRow): CampaignRound {
  return {
    id: r.id,
    ordinal: r.ordinal,
    title: r.title,
    startsOn: r.startsOn,
    dueOn: r.dueOn,
    status: r.status,
    openedAt: r.openedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    earlyReason: r.earlyReason,
  };
}

export function detailView(
  c: CampaignRow,
  extra: {
    rounds: CampaignRoundRow[];
    type: ObjectTypeRow | undefined;
    task: { id: number; title: string; planId: number } | undefined;
    units: Array<{ id: number; name: string }>;
    createdByName: string | null;
  },
): CampaignDetail {
  const unitName = new Map(extra.units.map((u) => [u.id, u.name]));
  return {
    id: c.id,
    title: c.title,
    basis: c.basis,
    regionCode: c.regionCode,
    status: c.status,
    planTaskId: c.planTaskId,
    planTaskTitle: extra.task?.title ?? null,
    planId: extra.task?.planId ?? null,
    planTargetMetric: c.planTargetMetric,
    scope: c.scope,
    ...subjectOf(c.scope, extra.type),
    checklist: c.checklist,
    units: c.unitIds.map((id) => ({ id, name: unitName.get(id) ?? `单位 ${id}` })),
    rounds: extra.rounds.map(roundView),
    createdAt: c.createdAt.toISOString(),
    createdByName: extra.createdByName,
    version: c.version,
  };
}

/** What the audit trail keeps of a campaign. */
export const auditedCampaign = (c: CampaignRow) => ({
  title: c.title,
  basis: c.basis,
  regionCode: c.regionCode,
  planTaskId: c.planTaskId,
  planTargetMetric: c.planTargetMetric,
  scope: c.scope,
  checklist: c.checklist,
  unitIds: c.unitIds,
  status: c.status,
  version: c.version,
});
