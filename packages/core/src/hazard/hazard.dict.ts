/** Where a hazard was found. Statistics split by it (全量汇总). */
export const hazardChannels = ['selfCheck', 'inspection', 'enforcement', 'expert', 'publicReport', 'iot', 'campaign'] as const;
export type HazardChannel = (typeof hazardChannels)[number];
export const hazardChannelLabels: Record<HazardChannel, string> = {
  selfCheck: '企业自查自报',
  inspection: '督导检查',
  enforcement: '执法检查',
  expert: '专家诊查',
  publicReport: '群众举报查实',
  iot: '监测预警',
  // 专项整治 (issue 17): a failed item of a campaign check.
  campaign: '专项检查',
};

/** 16号令 第三条: two grades. */
export const hazardGrades = ['general', 'major'] as const;
export type HazardGrade = (typeof hazardGrades)[number];
export const hazardGradeLabels: Record<HazardGrade, string> = { general: '一般事故隐患', major: '重大事故隐患' };

/** 16号令 第三条: an unsafe state of things, unsafe behaviour, a management defect; plus the environment. */
export const hazardCategories = ['thing', 'behaviour', 'management', 'environment'] as const;
export type HazardCategory = (typeof hazardCategories)[number];
export const hazardCategoryLabels: Record<HazardCategory, string> = {
  thing: '物的不安全状态',
  behaviour: '人的不安全行为',
  management: '管理缺陷',
  environment: '环境因素',
};

/**
 * 16号令 第十八条: after the 治理 of a major hazard come the evaluation (evaluating), the written application to resume
 * production where it had stopped (evaluated), and the regulator's on-site review (reviewing) before 销号.
 */
export const hazardStatuses = [
  'found',
  'confirmed',
  'planSubmitted',
  'rectifying',
  'rectified',
  'evaluating',
  'evaluated',
  'reviewing',
  'closed',
  'dismissed',
] as const;
export type HazardStatus = (typeof hazardStatuses)[number];
export const hazardStatusLabels: Record<HazardStatus, string> = {
  found: '待认定',
  confirmed: '已认定待报方案',
  planSubmitted: '方案待审核',
  rectifying: '整改中',
  rectified: '待验收销号',
  evaluating: '治理完成待评估',
  evaluated: '评估合格待申请恢复生产',
  reviewing: '待现场审核',
  closed: '已销号',
  // 核销 in 16号令 means closing after review (销号); a finding that is not a hazard is 不予认定 or 撤销.
  dismissed: '不成立（不予认定/撤销）',
};
export const openHazardStatuses: HazardStatus[] = [
  'found',
  'confirmed',
  'planSubmitted',
  'rectifying',
  'rectified',
  'evaluating',
  'evaluated',
  'reviewing',
];

/** 督办 level: who formally follows the hazard; 挂牌督办 is public. */
export const supervisionLevels = ['township', 'county', 'city'] as const;
export type SupervisionLevel = (typeof supervisionLevels)[number];
export const supervisionLevelLabels: Record<SupervisionLevel, string> = {
  township: '乡镇挂牌督办',
  county: '县级挂牌督办',
  city: '市级挂牌督办',
};

/** The escalation ladder for overdue major hazards, in order. */
export const escalationSteps = ['letter', 'bulletin', 'summons', 'exposure'] as const;
export type EscalationStep = (typeof escalationSteps)[number];
export const escalationStepLabels: Record<EscalationStep, string> = {
  letter: '函告',
  bulletin: '通报',
  summons: '约谈',
  exposure: '曝光',
};

export const hazardActions = [
  'confirm',
  'submitPlan',
  'approvePlan',
  'returnPlan',
  'supervise',
  'unsupervise',
  'rectify',
  'accept',
  'reject',
  'requestExtension',
  'approveExtension',
  'denyExtension',
  'decline',
  'dismiss',
  'upgrade',
  'evaluate',
  'applyResume',
  'review',
] as const;
export type HazardAction = (typeof hazardActions)[number];
export const hazardActionLabels: Record<HazardAction | 'create' | 'fixOnSpot' | 'systemDeadline' | 'systemMigrate' | 'remind', string> = {
  create: '登记隐患',
  remind: '催办',
  fixOnSpot: '立行立改',
  systemDeadline: '系统补设期限',
  systemMigrate: '系统转入新流程',
  confirm: '认定重大隐患',
  submitPlan: '报送治理方案',
  approvePlan: '审核通过方案',
  returnPlan: '退回方案',
  supervise: '挂牌督办',
  unsupervise: '摘牌',
  rectify: '整改完成',
  accept: '验收销号',
  reject: '验收不通过',
  requestExtension: '申请延期',
  approveExtension: '同意延期',
  denyExtension: '不同意延期',
  decline: '不予认定',
  dismiss: '撤销（隐患不成立）',
  upgrade: '升级为重大隐患',
  evaluate: '治理情况评估',
  applyResume: '申请恢复生产',
  review: '现场审核',
};

/** 16号令 第十八条: who evaluates the 治理 of a major hazard. */
export const hazardEvaluators = ['self', 'institution'] as const;
export type HazardEvaluator = (typeof hazardEvaluators)[number];
export const hazardEvaluatorLabels: Record<HazardEvaluator, string> = {
  self: '本单位组织技术人员和专家评估',
  institution: '委托安全评价机构评估',
};

/** The conclusion of the evaluation and of the on-site review. */
export const hazardVerdicts = ['passed', 'failed'] as const;
export type HazardVerdict = (typeof hazardVerdicts)[number];
export const evaluationVerdictLabels: Record<HazardVerdict, string> = { passed: '符合安全生产条件', failed: '不符合，继续治理' };
export const reviewVerdictLabels: Record<HazardVerdict, string> = { passed: '审查合格，予以销号', failed: '审查不合格，责令改正' };

/**
 * 16号令 第十五条: the plan for a major hazard has six contents. The reviewer checks them as 五落实
 * (措施、责任、资金、时限、预案), the supervision checklist (policy wording, see regulations.md §1.2).
 */
export const planContents = ['goal', 'measures', 'funds', 'organisation', 'timeLimit', 'safetyMeasures'] as const;
export type PlanContent = (typeof planContents)[number];
export const planContentLabels: Record<PlanContent, string> = {
  goal: '治理的目标和任务',
  measures: '采取的方法和措施',
  funds: '经费和物资的落实',
  organisation: '负责治理的机构和人员',
  timeLimit: '治理的时限和要求',
  safetyMeasures: '安全措施和应急预案',
};
export const fiveInPlace = ['measures', 'responsibility', 'funds', 'timeLimit', 'contingency'] as const;
export type FiveInPlace = (typeof fiveInPlace)[number];
export const fiveInPlaceLabels: Record<FiveInPlace, string> = {
  measures: '措施落实',
  responsibility: '责任落实',
  funds: '资金落实',
  timeLimit: '时限落实',
  contingency: '预案落实',
};

/**
 * 16号令 第十四条第二款: the report of a major hazard states its present state and causes, its harm, and how hard it is
 * to fix (the 治理方案, its third item, is the plan). The description holds the present state.
 */
export const majorReportItems = ['cause', 'harm', 'difficulty'] as const;
export type MajorReportItem = (typeof majorReportItems)[number];
export const majorReportItemLabels: Record<MajorReportItem, string> = {
  cause: '现状及其产生原因',
  harm: '危害程度',
  difficulty: '整改难易程度',
};

/** 16号令 第十六条: while a major hazard is fixed, production may stop in part or in whole. */
export const stoppageKinds = ['none', 'partial', 'complete'] as const;
export type StoppageKind = (typeof stoppageKinds)[number];
export const stoppageLabels: Record<StoppageKind, string> = { none: '不停产', partial: '局部停产停业', complete: '全部停产停业' };
