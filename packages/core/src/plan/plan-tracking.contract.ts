/**
 * Action plans after parsing: import → review → publish → tracking → monthly dispatch → outputs (issue 5).
 *
 * Routes (all under /api/v1; permissions plan.read / plan.manage / plan.report; errors are the common errorBody):
 * POST /plans/import[?regionCode=] (multipart `file`, or JSON planImportText) → 201 planDraft [plan.manage];
 * GET /plans/{id}/draft → planDraft, PATCH /plans/{id}/draft (planDraftPatch, carries `version`) → planDraft [plan.manage];
 * DELETE /plans/{id} (draft only, ?version=) → okBody [plan.manage];
 * POST /plans/{id}/publish (planVersionBody) → planSummary [plan.manage];
 * POST /plans/{id}/reimport?apply=&version= (multipart `file` or JSON planImportText) → planReimportResult [plan.manage]
 *   (apply=false: diff preview, nothing saved; apply=true: applies the diff, keeps reports of kept tasks);
 * PATCH /plans/{id}/settings (planSettingsPatch) → planSummary [plan.manage];
 * GET /plans?planListQuery → planPage [plan.read]; GET /plans/{id}?period= → planProgress [plan.read]
 *   (the office sees every task; a unit only the tasks it leads or shares);
 * GET /plans/{id}/timeline → planTimeline, overdue first [plan.read];
 * GET /plan-dispatch?period=YYYY-MM[&unitId=|&villageCode=] → planDispatch [plan.report] (a unit user always gets its
 *   own unit; the office may fill in for a unit or a village), PUT /plan-dispatch (planDispatchSave) → planDispatch,
 *   all reports in one transaction [plan.report];
 * GET /plans/{id}/rankings?period= → planRankings (五色图 for units and villages) [plan.read];
 * POST /plans/{id}/remind → planRemindResult (一键催报: units still owing this month's dispatch) [plan.manage];
 * GET /plans/{id}/wall-table.xlsx (挂图作战表) and GET /plans/{id}/bulletin.docx?quarter=2026Q3 (季通报) [plan.read].
 */
import { z } from 'zod';
import { planDateRef, planMilestone, planTarget, planTaskSource } from './plan.contract.ts';
import { planRankingSettings, planTrackingSettings } from './plan.settings.ts';

const isoDate = z.iso.date({ error: '应为日期，如 2026-06-30' });
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const positiveId = z.coerce.number({ error: '应为数字编号' }).int('应为整数').positive('应为正整数');
const queryFlag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** A dispatch period: one calendar month. */
export const planPeriodMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为 YYYY-MM，如 2026-07');
/** A bulletin quarter. */
export const planQuarter = z.string().regex(/^\d{4}Q[1-4]$/, '应为“年份Q季度”，如 2026Q3');
export const villageCodeField = z.string().regex(/^\d{12}$/, '应为 12 位区划代码');

export const planStatuses = ['draft', 'published'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const planStatusLabels: Record<PlanStatus, string> = { draft: '待审核', published: '已发布' };

/** What a unit reports for a task in a month. */
export const planReportStatuses = ['notStarted', 'inProgress', 'done', 'lagging'] as const;
export type PlanReportStatus = (typeof planReportStatuses)[number];
export const planReportStatusLabels: Record<PlanReportStatus, string> = {
  notStarted: '未启动',
  inProgress: '推进中',
  done: '已完成',
  lagging: '滞后',
};

/**
 * How a stored report came to be (issue 10: a card counts as reported only when the unit filled it or confirmed it):
 * `filed` — the unit changed the card from its prefill; `noChange` — the unit confirmed 本月无新进展; `untouched` —
 * only rows written before this rule (blank cards saved by 全部保存), kept for history and never counted.
 */
export const planReportFilings = ['filed', 'noChange', 'untouched'] as const;
export type PlanReportFiling = (typeof planReportFilings)[number];
export const planReportFilingLabels: Record<PlanReportFiling, string> = {
  filed: '已报送',
  noChange: '无变化（已确认）',
  untouched: '未填写',
};

/** A task's derived status: the reports, and `overdue` when a deadline passed and it is not done. */
export const planTaskStatuses = ['notStarted', 'inProgress', 'done', 'lagging', 'overdue'] as const;
export type PlanTaskStatus = (typeof planTaskStatuses)[number];
export const planTaskStatusLabels: Record<PlanTaskStatus, string> = { ...planReportStatusLabels, overdue: '逾期' };

/** 五色图 bands, worst first. */
export const planColours = ['red', 'orange', 'yellow', 'blue', 'green'] as const;
export type PlanColour = (typeof planColours)[number];
export const planColourLabels: Record<PlanColour, string> = { red: '红', orange: '橙', yellow: '黄', blue: '蓝', green: '绿' };

export const planNodeKinds = ['group', 'task'] as const;
export type PlanNodeKind = (typeof planNodeKinds)[number];

/**
 * Who a task is assigned to: a member unit, one village, or (both null, in a task's leads/cos) 各村（社区）: every village
 * of the township.
 */
export const planAssignee = z.object({
  unitId: z.number().int().nullable(),
  villageCode: z.string().nullable(),
  name: z.string(),
});
export type PlanAssignee = z.infer<typeof planAssignee>;

/** Scoring weights (0–100 each, normalised) and the lowest score of each colour band above red (the settings fragment). */
export const planScoring = planRankingSettings.schema;
export type PlanScoring = z.infer<typeof planScoring>;

/** A plan's effective settings: the township's (settings store) with the plan's own overrides on top. */
export const planSettings = z.object({
  /** Day of the month by which units report (月调度). */
  reportDay: planTrackingSettings.schema.shape.reportDay,
  /** Reminders go out this many days before the report day. */
  reminderDays: planTrackingSettings.schema.shape.reminderDays,
  scoring: planScoring,
});
export type PlanSettings = z.infer<typeof planSettings>;
export const planSettingsPatch = z.object({
  version: z.number().int().positive(),
  reportDay: planSettings.shape.reportDay.optional(),
  reminderDays: planSettings.shape.reminderDays.optional(),
  scoring: planScoring.optional(),
});
export type PlanSettingsPatch = z.infer<typeof planSettingsPatch>;

// ---- import and review -------------------------------------------------------------------------------------------

/** Pasted text instead of a file. */
export const planImportText = z.object({
  text: z.string().trim().min(20, '太短，请粘贴完整的方案正文').max(2_000_000, '过长，请上传文件'),
  fileName: text(200).min(1, '请填写文件名').default('粘贴文本.txt'),
});
export type PlanImportText = z.infer<typeof planImportText>;
/** The township the plan belongs to; defaults to the caller's only region. */
export const planImportQuery = z.object({
  regionCode: z
    .string()
    .regex(/^\d{12}$/, '应为 12 位区划代码')
    .optional(),
});

export const planUnitSuggestion = z.object({ unitId: z.number().int(), name: z.string(), score: z.number() });
export type PlanUnitSuggestion = z.infer<typeof planUnitSuggestion>;

/** One unit name as the plan prints it and what it stands for; `decided` false until someone (or a sure match) set it. */
export const planUnitMapping = z.object({
  name: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  /** 各村（社区）: every village of the township. */
  villages: z.boolean(),
  /** Not a unit to track (e.g. 上级部门); tasks keep the name as text. */
  ignored: z.boolean(),
  decided: z.boolean(),
  taskCount: z.number().int(),
  suggestions: z.array(planUnitSuggestion),
});
export type PlanUnitMapping = z.infer<typeof planUnitMapping>;

export const planMeta = z.object({
  id: z.number().int(),
  title: z.string(),
  issuer: z.string().nullable(),
  issueDate: z.string().nullable(),
  docNumber: z.string().nullable(),
  periodStart: z.number().int().nullable(),
  periodEnd: z.number().int().nullable(),
  status: z.enum(planStatuses),
  sourceFileName: z.string().nullable(),
  regionCode: z.string(),
  settings: planSettings,
  /** 基准日期: deadlines before it are history, not overdue (an older plan imported mid-way). */
  baselineDate: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PlanMeta = z.infer<typeof planMeta>;

/** A node of the plan tree as the review screen edits it. */
export const planDraftNode = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  kind: z.enum(planNodeKinds),
  path: z.array(z.string()),
  ordinal: z.string(),
  title: z.string(),
  text: z.string(),
  depth: z.number().int(),
  sortOrder: z.number().int(),
  leadUnitNames: z.array(z.string()),
  coUnitNames: z.array(z.string()),
  leadUnitIds: z.array(z.number().int()),
  coUnitIds: z.array(z.number().int()),
  leadVillages: z.boolean(),
  coVillages: z.boolean(),
  /** True once someone set the units by hand: later mapping changes leave them alone. */
  unitsEdited: z.boolean(),
  people: z.array(z.string()),
  leaders: z.array(z.string()),
  deadlines: z.array(planDateRef),
  recurrence: z.array(z.string()),
  milestones: z.array(planMilestone),
  targets: z.array(planTarget),
  /** The table row the task was read from (表 n, 第 m 行), for the review screen to show it beside the row. */
  source: planTaskSource.nullable().optional(),
  /** Already completed when the plan was imported (marked during review), with the clerk's note. */
  completedOn: z.string().nullable(),
  completedNote: z.string(),
});
export type PlanDraftNode = z.infer<typeof planDraftNode>;

export const planDraft = z.object({
  plan: planMeta,
  rawText: z.string(),
  nodes: z.array(planDraftNode),
  mappings: z.array(planUnitMapping),
  /** What still blocks publishing, in words a clerk understands (empty: ready). */
  problems: z.array(z.string()),
  /** What does not block publishing but deserves a look (tasks nobody is tracked for). */
  warnings: z.array(z.string()),
  /** The member unit the office sits in (core officeUnitOf): who leads the tasks 交由安委办牵头; null if none. */
  officeUnit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type PlanDraft = z.infer<typeof planDraft>;

const unitIdList = z.array(positiveId).max(30, '最多 30 个');

/** The frequency words a task may carry (工作频次). */
export const planRecurrenceWords = ['每日', '每周', '每月', '每季度', '每半年', '每年'] as const;
const named = (field: string, max: number) => z.string().trim().max(max, `${field}不能超过 ${max} 个字`);
const editYear = (field: string) =>
  z
    .number({ error: `${field}应为年份数字` })
    .int(`${field}应为整数年份`)
    .min(2000, `${field}应在 2000–2100 年之间`)
    .max(2100, `${field}应在 2000–2100 年之间`);
/** A hand-corrected 量化目标: the planTarget shape with messages a clerk understands. */
export const planTargetEdit = planTarget.extend({
  raw: named('量化目标的原文', 300),
  metric: named('量化目标的指标', 100).min(1, '量化目标的指标不能为空'),
  value: z.number({ error: '量化目标的数值应为数字' }),
  unit: named('量化目标的单位', 20),
  op: z.enum(['>=', '<='], { error: '量化目标的比较应为 ≥ 或 ≤' }).optional(),
  year: editYear('量化目标的年份').nullable(),
});
/** A hand-corrected 年度节点: the planMilestone shape with messages a clerk understands. */
export const planMilestoneEdit = planMilestone
  .extend({
    year: editYear('年度节点的年份'),
    yearEnd: editYear('年度节点的结束年份').optional(),
    text: named('年度节点的内容', 1000).min(1, '年度节点的内容不能为空'),
  })
  .refine((m) => m.yearEnd === undefined || m.yearEnd >= m.year, {
    message: '年度节点的结束年份不能早于起始年份',
    path: ['yearEnd'],
  });

export const planTaskEdit = z.object({
  id: positiveId,
  title: text(300).min(1, '不能为空').optional(),
  text: text(5000).optional(),
  leadUnitIds: unitIdList.optional(),
  coUnitIds: unitIdList.optional(),
  leadVillages: z.boolean().optional(),
  coVillages: z.boolean().optional(),
  people: z.array(text(60)).max(20).optional(),
  leaders: z.array(text(60)).max(20).optional(),
  deadlines: z
    .array(z.object({ raw: text(100), date: isoDate }))
    .max(20, '最多 20 个')
    .optional(),
  recurrence: z
    .array(z.enum(planRecurrenceWords, { error: '频次应为 每日、每周、每月、每季度、每半年 或 每年' }))
    .max(6, '频次最多 6 个')
    .optional(),
  targets: z.array(planTargetEdit).max(30, '量化目标最多 30 个').optional(),
  milestones: z.array(planMilestoneEdit).max(30, '年度节点最多 30 个').optional(),
  /** Mark as already completed (date; null clears it) with a note of how (导入时已完成). */
  completedOn: isoDate.nullable().optional(),
  completedNote: text(500).optional(),
});
export type PlanTaskEdit = z.infer<typeof planTaskEdit>;

export const planMappingEdit = z.object({
  name: text(100).min(1, '不能为空'),
  unitId: positiveId.nullable().optional(),
  villages: z.boolean().optional(),
  ignored: z.boolean().optional(),
});
export type PlanMappingEdit = z.infer<typeof planMappingEdit>;

export const planDraftPatch = z.object({
  version: z.number({ error: '必填（打开时的版本号）' }).int().positive(),
  title: text(200).min(2, '不能为空').optional(),
  issuer: text(100).nullable().optional(),
  issueDate: isoDate.nullable().optional(),
  docNumber: text(60).nullable().optional(),
  periodStart: z.number().int().min(2000, '应为 2000–2100 年').max(2100).nullable().optional(),
  periodEnd: z.number().int().min(2000, '应为 2000–2100 年').max(2100).nullable().optional(),
  baselineDate: isoDate.nullable().optional(),
  tasks: z.array(planTaskEdit).max(500).optional(),
  removeTaskIds: z.array(positiveId).max(500).optional(),
  mappings: z.array(planMappingEdit).max(300).optional(),
  /** 未指定的交由安委办牵头: every task still without a lead gets the office's unit as its lead (after the other edits). */
  assignUnledToOffice: z.boolean().optional(),
});
export type PlanDraftPatch = z.infer<typeof planDraftPatch>;

export const planVersionBody = z.object({ version: z.number({ error: '必填（打开时的版本号）' }).int().positive() });
export const planVersionQuery = z.object({ version: z.coerce.number({ error: '必填（打开时的版本号）' }).int().positive() });
export const planReimportQuery = z.object({
  apply: queryFlag.default(false),
  version: z.coerce.number().int().positive().optional(),
});

export const planDiffChange = z.object({
  taskId: z.number().int().nullable(),
  path: z.array(z.string()),
  ordinal: z.string(),
  title: z.string(),
  oldTitle: z.string().nullable(),
  /** Which fields changed (title, text, leadUnits, coUnits, deadlines, targets …). */
  fields: z.array(z.string()),
});
export const planDiff = z.object({
  added: z.array(planDiffChange),
  removed: z.array(planDiffChange),
  changed: z.array(planDiffChange),
  unchanged: z.number().int(),
});
export type PlanDiff = z.infer<typeof planDiff>;
export const planReimportResult = z.object({ applied: z.boolean(), diff: planDiff, plan: planMeta });
export type PlanReimportResult = z.infer<typeof planReimportResult>;

// ---- tracking ---------------------------------------------------------------------------------------------------

export const planListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  status: z.enum(planStatuses, { error: '应为 draft（待审核）或 published（已发布）' }).optional(),
  q: text(50).optional(),
});
export type PlanListQuery = z.infer<typeof planListQuery>;

export const planCounts = z.object({
  tasks: z.number().int(),
  done: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
  lagging: z.number().int(),
  notStarted: z.number().int(),
});
export type PlanCounts = z.infer<typeof planCounts>;

export const planSummary = planMeta.extend({ counts: planCounts });
export type PlanSummary = z.infer<typeof planSummary>;
export const planPage = z.object({ items: z.array(planSummary), total: z.number().int() });

export const planReportView = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  unitId: z.number().int().nullable(),
  villageCode: z.string().nullable(),
  assigneeName: z.string(),
  period: z.string(),
  status: z.enum(planReportStatuses),
  summary: z.string(),
  problems: z.string(),
  figures: z.array(z.object({ metric: z.string(), value: z.number(), unit: z.string() })),
  files: z.array(z.object({ id: z.number().int(), url: z.string(), thumbUrl: z.string().nullable() })),
  reportedByName: z.string(),
  reportedAt: z.string(),
  /** Reported after the period's report day. */
  late: z.boolean(),
  /** filed, or noChange (shown as 无变化（已确认）). */
  filing: z.enum(planReportFilings),
  version: z.number().int(),
});
export type PlanReportView = z.infer<typeof planReportView>;

export const planProgressNode = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  kind: z.enum(planNodeKinds),
  path: z.array(z.string()),
  ordinal: z.string(),
  title: z.string(),
  text: z.string(),
  depth: z.number().int(),
  leads: z.array(planAssignee),
  cos: z.array(planAssignee),
  people: z.array(z.string()),
  leaders: z.array(z.string()),
  deadlines: z.array(planDateRef),
  nextDeadline: z.string().nullable(),
  recurrence: z.array(z.string()),
  targets: z.array(planTarget),
  /** Marked completed at import (done; no reports owed). */
  completedOn: z.string().nullable(),
  completedNote: z.string(),
  /** Null for group nodes. */
  status: z.enum(planTaskStatuses).nullable(),
  overdue: z.boolean(),
  /** Latest report of each assignee (any period up to the asked one). */
  reports: z.array(planReportView),
});
export type PlanProgressNode = z.infer<typeof planProgressNode>;

export const planProgressQuery = z.object({ period: planPeriodMonth.optional() });
export const planProgress = z.object({
  plan: planSummary,
  period: z.string(),
  nodes: z.array(planProgressNode),
});
export type PlanProgress = z.infer<typeof planProgress>;

export const planTimelineItem = z.object({
  taskId: z.number().int(),
  ordinal: z.string(),
  title: z.string(),
  path: z.array(z.string()),
  date: z.string(),
  raw: z.string(),
  assignees: z.array(z.string()),
  status: z.enum(planTaskStatuses),
  overdue: z.boolean(),
  /** Before the plan's 基准日期: history, never shown as overdue. */
  beforeBaseline: z.boolean(),
  /** Negative when past. */
  daysLeft: z.number().int(),
});
export const planTimeline = z.object({ items: z.array(planTimelineItem) });
export type PlanTimeline = z.infer<typeof planTimeline>;

// ---- monthly dispatch -------------------------------------------------------------------------------------------

export const planDispatchWindows = ['upcoming', 'open', 'overdue'] as const;
export type PlanDispatchWindow = (typeof planDispatchWindows)[number];

export const planDispatchQuery = z.object({
  period: planPeriodMonth.optional(),
  unitId: positiveId.optional(),
  villageCode: villageCodeField.optional(),
});
export type PlanDispatchQuery = z.infer<typeof planDispatchQuery>;

export const planFigure = z.object({
  metric: text(100).min(1, '不能为空'),
  value: z.number({ error: '应为数字' }),
  unit: text(20).default(''),
});
export type PlanFigure = z.infer<typeof planFigure>;

export const planReportPrefill = z.object({
  status: z.enum(planReportStatuses),
  summary: z.string(),
  problems: z.string(),
  figures: z.array(planFigure),
  fileIds: z.array(z.number().int()),
  /** The period the prefill comes from. */
  fromPeriod: z.string().nullable(),
});

export const planDispatchItem = z.object({
  planId: z.number().int(),
  planTitle: z.string(),
  taskId: z.number().int(),
  ordinal: z.string(),
  title: z.string(),
  path: z.array(z.string()),
  role: z.enum(['lead', 'co']),
  deadlines: z.array(planDateRef),
  targets: z.array(planTarget),
  taskStatus: z.enum(planTaskStatuses),
  /** This period's report if already sent. */
  report: planReportView.nullable(),
  /** What the form starts with: this period's report, else last month's, else empty. */
  prefill: planReportPrefill,
  /**
   * The 专项整治 campaigns linked to the task (issue 17) whose figures the prefill carries (a card not yet reported
   * this month): the page names where they come from.
   */
  campaigns: z.array(z.object({ id: z.number().int(), title: z.string(), asOf: z.string() })).optional(),
});
export type PlanDispatchItem = z.infer<typeof planDispatchItem>;

export const planDispatch = z.object({
  period: z.string(),
  dueDate: z.string(),
  remindFrom: z.string(),
  window: z.enum(planDispatchWindows),
  assignee: planAssignee,
  items: z.array(planDispatchItem),
  reported: z.number().int(),
});
export type PlanDispatch = z.infer<typeof planDispatch>;

/** The dispatch after a save, with the cards that were sent untouched and so not saved as reports. */
export const planDispatchSaved = planDispatch.extend({
  untouched: z.array(z.object({ taskId: z.number().int(), ordinal: z.string(), title: z.string() })),
});
export type PlanDispatchSaved = z.infer<typeof planDispatchSaved>;

export const planReportInput = z.object({
  taskId: positiveId,
  status: z.enum(planReportStatuses, { error: '应为 notStarted（未启动）、inProgress（推进中）、done（已完成）或 lagging（滞后）' }),
  summary: text(2000).default(''),
  problems: text(1000).default(''),
  figures: z.array(planFigure).max(20, '最多 20 项').default([]),
  fileIds: z.array(positiveId).max(9, '最多 9 个').default([]),
  /**
   * 本月无新进展: the unit confirms the card as prefilled. A card neither changed from its prefill nor confirmed is not
   * a report and is not saved (core dispatchCardOutcome).
   */
  noChange: z.boolean().default(false),
  /** The version of this period's report when updating one; omit for a new report. */
  version: z.number().int().positive().optional(),
});
export type PlanReportInput = z.infer<typeof planReportInput>;

export const planDispatchSave = z
  .object({
    period: planPeriodMonth,
    unitId: positiveId.optional(),
    villageCode: villageCodeField.optional(),
    reports: z.array(planReportInput).min(1, '请至少填写一项任务进展').max(300),
  })
  .superRefine((v, ctx) => {
    if (v.unitId != null && v.villageCode != null) {
      ctx.addIssue({ code: 'custom', path: ['villageCode'], message: '单位和村（社区）只能填一个' });
    }
    const seen = new Set<number>();
    v.reports.forEach((r, i) => {
      if (seen.has(r.taskId)) ctx.addIssue({ code: 'custom', path: ['reports', i, 'taskId'], message: '同一任务重复填报' });
      seen.add(r.taskId);
      if (r.status !== 'notStarted' && r.summary.length < 2) {
        ctx.addIssue({ code: 'custom', path: ['reports', i, 'summary'], message: '请填写工作进展' });
      }
    });
  });
export type PlanDispatchSave = z.infer<typeof planDispatchSave>;

// ---- rankings and outputs ---------------------------------------------------------------------------------------

export const planRankingsQuery = z.object({ period: planPeriodMonth.optional() });

export const planRankingRow = z.object({
  unitId: z.number().int().nullable(),
  villageCode: z.string().nullable(),
  name: z.string(),
  rank: z.number().int(),
  score: z.number(),
  colour: z.enum(planColours),
  colourLabel: z.string(),
  tasks: z.number().int(),
  done: z.number().int(),
  doneOnTime: z.number().int(),
  reportsDue: z.number().int(),
  reportsOnTime: z.number().int(),
  /** False for villages: they cannot file the dispatch, so 按时报送 is 不适用 and not scored (ADR 0014). */
  timelyReportingApplies: z.boolean(),
  overdueOpen: z.number().int(),
});
export type PlanRankingRow = z.infer<typeof planRankingRow>;

export const planRankings = z.object({
  period: z.string(),
  scoring: planScoring,
  units: z.array(planRankingRow),
  villages: z.array(planRankingRow),
});
export type PlanRankings = z.infer<typeof planRankings>;

/** 一键催报: how many units were reminded by this click. */
export const planRemindResult = z.object({ count: z.number().int() });
export type PlanRemindResult = z.infer<typeof planRemindResult>;

export const planBulletinQuery = z.object({ quarter: planQuarter.optional() });
