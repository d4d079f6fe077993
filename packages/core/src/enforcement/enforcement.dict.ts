/**
 * 执法检查 dictionaries (regulations.md §9; 安全生产法 第六十五条、第六十八条). Codes are English, labels Chinese.
 */

/** 分级分类执法: 重点检查 of high-risk targets at a frequency, 一般检查 by 双随机, and checks outside the plan. */
export const checkKinds = ['key', 'general', 'adhoc'] as const;
export type CheckKind = (typeof checkKinds)[number];
export const checkKindLabels: Record<CheckKind, string> = { key: '重点检查', general: '一般检查（双随机）', adhoc: '专项/临时检查' };

/** A check: planned (drawn or scheduled) → in progress on site → signed (现场签字; then only amended) | cancelled. */
export const checkStatuses = ['planned', 'inProgress', 'signed', 'cancelled'] as const;
export type CheckStatus = (typeof checkStatuses)[number];
export const checkStatusLabels: Record<CheckStatus, string> = {
  planned: '待检查',
  inProgress: '检查中',
  signed: '已签字',
  cancelled: '已取消',
};
/** Checks that count as done (检查完成): signed on site. */
export const doneCheckStatuses = ['signed'] as const satisfies readonly CheckStatus[];

/** One checklist item's result. */
export const checkItemResults = ['pass', 'fail', 'na'] as const;
export type CheckItemResult = (typeof checkItemResults)[number];
export const checkItemResultLabels: Record<CheckItemResult, string> = { pass: '符合', fail: '不符合', na: '不涉及' };

/** Where a checklist item comes from: the official major-hazard criteria of the industry, or the unit's own list. */
export const checkItemSources = ['criteria', 'unit'] as const;
export type CheckItemSource = (typeof checkItemSources)[number];

/** Who signs a check record (安全生产法 第六十八条: the inspectors and the unit's head). */
export const signerRoles = ['inspector', 'enterprise'] as const;
export type SignerRole = (typeof signerRoles)[number];
export const signerRoleLabels: Record<SignerRole, string> = { inspector: '执法人员', enterprise: '被检查单位负责人' };

/** 执法三部曲: 检查 → 责令限期整改 → 复查 (→ 处罚). The state of a 责令限期整改指令书. */
export const orderStatuses = ['open', 'rechecked', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const orderStatusLabels: Record<OrderStatus, string> = { open: '整改中', rechecked: '已复查', cancelled: '已撤销' };
/** Orders still waiting for their 复查. */
export const openOrderStatuses = ['open'] as const satisfies readonly OrderStatus[];

/** The result of a 复查 per item (整改复查意见书). */
export const recheckItemResults = ['fixed', 'notFixed'] as const;
export type RecheckItemResult = (typeof recheckItemResults)[number];
export const recheckItemResultLabels: Record<RecheckItemResult, string> = { fixed: '已整改', notFixed: '未整改' };

/** The documents the system fills (regulations.md §9.3), each numbered per unit and year. */
export const enforcementDocumentKinds = ['checkRecord', 'rectificationOrder', 'recheckOpinion', 'penaltyDecision'] as const;
export type EnforcementDocumentKind = (typeof enforcementDocumentKinds)[number];
export const enforcementDocumentLabels: Record<EnforcementDocumentKind, string> = {
  checkRecord: '现场检查记录',
  rectificationOrder: '责令限期整改指令书',
  recheckOpinion: '整改复查意见书',
  penaltyDecision: '行政处罚决定书',
};

/** An administrative penalty case (行政处罚案件): 立案 → 告知 → 决定 → 执行完毕 → 结案. */
export const penaltyStatuses = ['filed', 'noticed', 'decided', 'executed', 'closed', 'withdrawn'] as const;
export type PenaltyStatus = (typeof penaltyStatuses)[number];
export const penaltyStatusLabels: Record<PenaltyStatus, string> = {
  filed: '已立案',
  noticed: '已告知',
  decided: '已作出决定',
  executed: '已执行',
  closed: '已结案',
  withdrawn: '已撤销',
};
/** Cases that count as a penalty received (受到行政处罚) for 第一百一十三条 and the statistics: a decision was made. */
export const imposedPenaltyStatuses = ['decided', 'executed', 'closed'] as const satisfies readonly PenaltyStatus[];

/** A yearly plan: drafted (proposed by the system, edited) → approved (then only amended with a reason). */
export const enforcementPlanStatuses = ['draft', 'approved'] as const;
export type EnforcementPlanStatus = (typeof enforcementPlanStatuses)[number];
export const enforcementPlanStatusLabels: Record<EnforcementPlanStatus, string> = { draft: '草稿', approved: '已批准' };

/** A draw: the seed's hash committed and shown → drawn (the seed revealed, the checks created). */
export const drawStatuses = ['committed', 'drawn'] as const;
export type DrawStatus = (typeof drawStatuses)[number];
export const drawStatusLabels: Record<DrawStatus, string> = { committed: '已公示种子哈希，待抽取', drawn: '已抽取并公开' };

/** How a target got into the 检查对象名录库: derived from the registry (三管三必须), or added by hand. */
export const targetSources = ['registry', 'manual'] as const;
export type TargetSource = (typeof targetSources)[number];
