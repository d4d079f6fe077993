/**
 * 举报 (issue 15): public reports and internal whistleblowing (内部吹哨人), their handling, outcomes and rewards.
 * Rules: shared/domain/regulations.md §4 (《安全生产领域举报奖励办法》安监总财〔2018〕19号; 安全生产法 第七十三、七十六条).
 */

/** Who reports: the public, or an employee about their own employer (it reaches the township, never the employer). */
export const reportChannels = ['public', 'internal'] as const;
export type ReportChannel = (typeof reportChannels)[number];
export const reportChannelLabels: Record<ReportChannel, string> = { public: '群众举报', internal: '内部吹哨人' };

/** How the report arrived (安全生产法 第七十三条: 电话、信箱、网络平台; 12350 热线). The office registers the offline ones. */
export const reportSources = ['online', 'hotline', 'letter', 'visit', 'email'] as const;
export type ReportSource = (typeof reportSources)[number];
export const reportSourceLabels: Record<ReportSource, string> = {
  online: '网络平台（扫码/网页）',
  hotline: '12350 热线',
  letter: '来信',
  visit: '来访',
  email: '电子邮件',
};

/** What is reported (regulations §4 scope): the reward rule follows from it. */
export const reportMatters = ['majorHazard', 'hazard', 'violation', 'concealedAccident'] as const;
export type ReportMatter = (typeof reportMatters)[number];
export const reportMatterLabels: Record<ReportMatter, string> = {
  majorHazard: '重大事故隐患',
  hazard: '一般事故隐患',
  violation: '安全生产违法行为',
  concealedAccident: '瞒报、谎报事故',
};

/**
 * received → (受理) verifying → founded | unfounded; or received → rejected (不予受理) | merged (linked to an earlier
 * report of the same matter, handled there).
 */
export const reportStatuses = ['received', 'verifying', 'founded', 'unfounded', 'rejected', 'merged'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const reportStatusLabels: Record<ReportStatus, string> = {
  received: '待受理',
  verifying: '核查中',
  founded: '属实',
  unfounded: '不属实',
  rejected: '不予受理',
  merged: '已合并办理',
};
/** Still being handled: on the 60 (+30) day clock once accepted. */
export const openReportStatuses: ReportStatus[] = ['received', 'verifying'];
/** 举报属实: counts as a founded report (the yearly enforcement plan's 重点 criterion, the founded rate). */
export const foundedReportStatuses: ReportStatus[] = ['founded'];
/** Verified, with an outcome the reporter is told. */
export const decidedReportStatuses: ReportStatus[] = ['founded', 'unfounded'];

/** What the reporter sees of each status: plain words, never internal notes. */
export const reportPublicStatusLabels: Record<ReportStatus, string> = {
  received: '已收到，等待受理',
  verifying: '已受理，正在核查',
  founded: '核查属实，已依法处理',
  unfounded: '经核查，反映的问题不属实',
  rejected: '不予受理',
  merged: '与他人反映的同一问题合并办理',
};

/** Messages between the office and the reporter (the reporter reads and answers them with the tracking code). */
export const reportMessageKinds = ['question', 'answer', 'extension', 'feedback', 'notice'] as const;
export type ReportMessageKind = (typeof reportMessageKinds)[number];
export const reportMessageKindLabels: Record<ReportMessageKind, string> = {
  question: '补充询问',
  answer: '举报人答复',
  extension: '延期说明',
  feedback: '核查结果反馈',
  notice: '通知',
};

/** 生产安全事故等级 (《生产安全事故报告和调查处理条例》第三条): the 瞒报/谎报 reward is per death by the final grade. */
export const accidentGrades = ['general', 'larger', 'major', 'especiallyMajor'] as const;
export type AccidentGrade = (typeof accidentGrades)[number];
export const accidentGradeLabels: Record<AccidentGrade, string> = {
  general: '一般事故',
  larger: '较大事故',
  major: '重大事故',
  especiallyMajor: '特别重大事故',
};

/** A reward: proposed by the system from the verified case, approved by a person, then paid or lapsed. */
export const rewardStatuses = ['proposed', 'approved', 'paid', 'declined', 'waived'] as const;
export type RewardStatus = (typeof rewardStatuses)[number];
export const rewardStatusLabels: Record<RewardStatus, string> = {
  proposed: '拟奖励（待审批）',
  approved: '已批准，待领取',
  paid: '已发放',
  declined: '不予奖励',
  waived: '逾期未领取（视为放弃）',
};
/** Rewards that count as money owed or paid. */
export const grantedRewardStatuses: RewardStatus[] = ['approved', 'paid'];

/** Internal timeline of a report (who did what); never shown to the reporter or the reported enterprise. */
export const reportEventKinds = [
  'received',
  'accepted',
  'assigned',
  'rejected',
  'merged',
  'unmerged',
  'extended',
  'founded',
  'unfounded',
  'linkedHazard',
  'linkedCase',
  'messaged',
  'identityViewed',
  'rewardProposed',
  'rewardApproved',
  'rewardDeclined',
  'rewardPaid',
  'rewardWaived',
  'reminded',
  'overdue',
] as const;
export type ReportEventKind = (typeof reportEventKinds)[number];
