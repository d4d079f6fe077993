/**
 * 双重预防 (issue 16): 风险分级管控 and 隐患排查治理 run together by the enterprise, and 九小场所 patrols by grid workers.
 * The data chain follows the national dual-prevention digital system: 风险分析对象 (riskPoint) → 风险分析单元 (riskUnit)
 * → 风险事件 (riskEvent) → 管控措施 (controlMeasure) → 排查任务 (checkTask) → 排查记录 (checkRecord).
 * Methods and scales: shared/domain/regulations.md §5.
 */
import type { RiskLevel } from '../enterprise/enterprise.dict.ts';

/** 风险分析对象 kinds: 场所/区域, 设备设施, 作业活动 (national system's 对象类型). */
export const riskPointKinds = ['place', 'device', 'job'] as const;
export type RiskPointKind = (typeof riskPointKinds)[number];
export const riskPointKindLabels: Record<RiskPointKind, string> = { place: '场所/区域', device: '设备设施', job: '作业活动' };

/** LEC (D = L×E×C, regulations §5.1) or the LS matrix (R = L×S, §5.2). */
export const assessmentMethods = ['lec', 'ls'] as const;
export type AssessmentMethod = (typeof assessmentMethods)[number];
export const assessmentMethodLabels: Record<AssessmentMethod, string> = {
  lec: '作业条件危险性分析法（LEC）',
  ls: '风险矩阵法（LS）',
};

/** The LEC scales (regulations §5.1, Graham–Kinney): only these values are valid. */
export const lecLikelihood = [
  [10, '完全可以预料'],
  [6, '相当可能'],
  [3, '可能，但不经常'],
  [1, '可能性小，完全意外'],
  [0.5, '很不可能，可以设想'],
  [0.2, '极不可能'],
  [0.1, '实际不可能'],
] as const;
export const lecExposure = [
  [10, '连续暴露'],
  [6, '每天工作时间内暴露'],
  [3, '每周一次或偶然暴露'],
  [2, '每月一次暴露'],
  [1, '每年几次暴露'],
  [0.5, '非常罕见地暴露'],
] as const;
export const lecConsequence = [
  [100, '大灾难，许多人死亡'],
  [40, '灾难，数人死亡'],
  [15, '非常严重，一人死亡'],
  [7, '严重，重伤'],
  [3, '重大，致残'],
  [1, '引人注目，需要救护'],
] as const;
/** LS: likelihood and severity are each 1–5 (regulations §5.2). */
export const lsScale = [1, 2, 3, 4, 5] as const;
export const lsLikelihoodLabels: Record<number, string> = { 1: '极不可能', 2: '不太可能', 3: '可能', 4: '很可能', 5: '几乎肯定' };
export const lsSeverityLabels: Record<number, string> = { 1: '轻微', 2: '较小', 3: '中等', 4: '严重', 5: '灾难性' };

/** 管控层级 (regulations §5.3 [U]): 重大 → 公司, 较大 → 车间/部门, 一般 → 班组, 低 → 岗位. */
export const controlLevels = ['company', 'workshop', 'team', 'post'] as const;
export type ControlLevel = (typeof controlLevels)[number];
export const controlLevelLabels: Record<ControlLevel, string> = {
  company: '公司级',
  workshop: '车间（部门）级',
  team: '班组级',
  post: '岗位级',
};
/** The common provincial practice (山东 DB37/T 2882 style, regulations §5.3 [U]); higher levels also supervise lower. */
export const controlLevelOfRisk: Record<RiskLevel, ControlLevel> = {
  major: 'company',
  high: 'workshop',
  medium: 'team',
  low: 'post',
};

/** 管控措施 classes of the national system: 工程技术、维护保养、操作行为、应急措施 (plus 管理措施 and 培训教育, 个体防护). */
export const measureKinds = ['engineering', 'maintenance', 'operation', 'management', 'training', 'protection', 'emergency'] as const;
export type MeasureKind = (typeof measureKinds)[number];
export const measureKindLabels: Record<MeasureKind, string> = {
  engineering: '工程技术措施',
  maintenance: '维护保养措施',
  operation: '操作行为措施',
  management: '管理措施',
  training: '培训教育措施',
  protection: '个体防护措施',
  emergency: '应急处置措施',
};

/** 排查周期: 每班、每日、每周、每月、每季 (seeds 000/001: 班组日排查、部门周排查、厂长月排查). */
export const checkCycles = ['shift', 'day', 'week', 'month', 'quarter'] as const;
export type CheckCycle = (typeof checkCycles)[number];
export const checkCycleLabels: Record<CheckCycle, string> = { shift: '每班', day: '每日', week: '每周', month: '每月', quarter: '每季' };

/**
 * Standard check templates (seeds 000, 001, 002, 004): 班组日排查、部门周排查、厂长（经理）月排查, and the principal's
 * check — quarterly, monthly in high-risk industries (the cycle comes from the `dual` settings).
 */
export const checkTemplates = ['teamDaily', 'departmentWeekly', 'managerMonthly', 'principal'] as const;
export type CheckTemplate = (typeof checkTemplates)[number];
export const checkTemplateLabels: Record<CheckTemplate, string> = {
  teamDaily: '班组日排查',
  departmentWeekly: '部门（车间）周排查',
  managerMonthly: '厂长（经理）月排查',
  principal: '主要负责人排查',
};
export const checkTemplateOwners: Record<CheckTemplate, string> = {
  teamDaily: '班组长',
  departmentWeekly: '部门（车间）负责人',
  managerMonthly: '厂长（经理）',
  principal: '主要负责人',
};

/** A checklist item's result on the phone: 正常 / 异常 (an 异常 becomes a hazard, channel 企业自查). */
export const checkResults = ['normal', 'abnormal'] as const;
export type CheckResult = (typeof checkResults)[number];
export const checkResultLabels: Record<CheckResult, string> = { normal: '正常', abnormal: '异常' };

/** What a record was made for: a due check task of an enterprise, or a grid worker's patrol of a small venue. */
export const checkRecordKinds = ['task', 'patrol'] as const;
export type CheckRecordKind = (typeof checkRecordKinds)[number];
export const checkRecordKindLabels: Record<CheckRecordKind, string> = { task: '企业排查', patrol: '小场所巡查' };

/** A generated due check (one per task and period): still open, done (on time or late), or missed. */
export const taskPeriodStatuses = ['open', 'done', 'missed'] as const;
export type TaskPeriodStatus = (typeof taskPeriodStatuses)[number];
export const taskPeriodStatusLabels: Record<TaskPeriodStatus, string> = { open: '待排查', done: '已排查', missed: '未按期排查' };

/** 两单两卡 (glossary `postCards`): 岗位风险清单、岗位职责清单、岗位操作卡、岗位应急处置卡. */
export const postCardKinds = ['riskList', 'dutyList', 'operationCard', 'emergencyCard'] as const;
export type PostCardKind = (typeof postCardKinds)[number];
export const postCardKindLabels: Record<PostCardKind, string> = {
  riskList: '岗位风险清单',
  dutyList: '岗位职责清单',
  operationCard: '岗位操作卡',
  emergencyCard: '岗位应急处置卡',
};

/**
 * 形式主义 signals the township sees (issue 16): each names its evidence; the office can dismiss one with a reason.
 */
export const dualSignalKinds = ['noFindings', 'photoReused', 'acceptedBeforeFix', 'fixedBeforeFound', 'bulkRecorded'] as const;
export type DualSignalKind = (typeof dualSignalKinds)[number];
export const dualSignalKindLabels: Record<DualSignalKind, string> = {
  noFindings: '高危企业连续多月排查无隐患',
  photoReused: '同一照片重复使用',
  acceptedBeforeFix: '验收日期早于整改日期',
  fixedBeforeFound: '整改日期早于发现日期',
  bulkRecorded: '短时间内批量补录排查记录',
};
export const dualSignalStatuses = ['open', 'dismissed'] as const;
export type DualSignalStatus = (typeof dualSignalStatuses)[number];
export const dualSignalStatusLabels: Record<DualSignalStatus, string> = { open: '待核实', dismissed: '已排除' };
