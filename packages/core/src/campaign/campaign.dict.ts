/** 专项整治 / 专项检查 (issue 17). */
export const campaignStatuses = ['draft', 'active', 'closed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
export const campaignStatusLabels: Record<CampaignStatus, string> = { draft: '筹备中', active: '进行中', closed: '已结束' };
/** Campaigns that have begun (a round opened): only they have figures for a plan task's dispatch. */
export const begunCampaignStatuses: CampaignStatus[] = ['active', 'closed'];

/** A round (轮次): "开展2次全覆盖检查" is a campaign of two rounds, each over the whole scope. */
export const roundStatuses = ['planned', 'open', 'closed'] as const;
export type RoundStatus = (typeof roundStatuses)[number];
export const roundStatusLabels: Record<RoundStatus, string> = { planned: '未开始', open: '进行中', closed: '已结束' };

/** What a campaign counts: enterprises picked by a registry filter, or the objects of one ledger (专项台账). */
export const campaignScopeKinds = ['registry', 'ledger'] as const;
export type CampaignScopeKind = (typeof campaignScopeKinds)[number];
export const campaignScopeKindLabels: Record<CampaignScopeKind, string> = { registry: '企业名录筛选', ledger: '专项台账对象' };

export const campaignItemResults = ['pass', 'fail', 'na'] as const;
export type CampaignItemResult = (typeof campaignItemResults)[number];
export const campaignItemResultLabels: Record<CampaignItemResult, string> = { pass: '符合', fail: '不符合', na: '不适用' };

/** Where a checklist line comes from: an item of the criteria library (判定标准) or the campaign's own. */
export const campaignItemSources = ['criteria', 'own'] as const;
export type CampaignItemSource = (typeof campaignItemSources)[number];

/** How an object stands in a round, for the lists every progress figure opens. */
export const campaignObjectStates = ['target', 'covered', 'uncovered', 'finding', 'cleared'] as const;
export type CampaignObjectState = (typeof campaignObjectStates)[number];
export const campaignObjectStateLabels: Record<CampaignObjectState, string> = {
  target: '应检查',
  covered: '已检查',
  uncovered: '未检查',
  finding: '发现问题',
  cleared: '问题已销号',
};
