import { z } from 'zod';
import { isRegionCode } from '../org/region.rules.ts';
import {
  escalationSteps,
  fiveInPlace,
  hazardActions,
  hazardCategories,
  hazardChannels,
  hazardEvaluators,
  hazardGrades,
  hazardStatuses,
  hazardVerdicts,
  planContents,
  stoppageKinds,
  supervisionLevels,
} from './hazard.dict.ts';

const date = z.iso.date({ error: '应为日期，如 2026-06-30' });
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const fileIds = z.array(z.number().int().positive()).max(9, '照片最多 9 张');
const bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const hazardCreate = z
  .object({
    enterpriseId: z.number().int().positive(),
    channel: z.enum(hazardChannels),
    grade: z.enum(hazardGrades),
    category: z.enum(hazardCategories),
    title: text(60).min(2, '请用一句话概括隐患'),
    description: text(2000).min(2, '请描述隐患情况'),
    location: text(100).nullable().optional(),
    photos: fileIds.default([]),
    deadline: date.nullable().optional(),
    /** 立行立改: fixed on the spot, closed in one step with the after-photos. */
    fixedOnSpot: z.boolean().default(false),
    afterPhotos: fileIds.default([]),
    criteriaCodes: z.array(z.string().max(60)).max(10).default([]),
    foundOn: date.optional(),
    /** 16号令 第十四条第二款 (major hazards; required by 认定 at the latest). */
    cause: text(1000).nullable().optional(),
    harm: text(1000).nullable().optional(),
    difficulty: text(1000).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.grade === 'general' && !v.fixedOnSpot && !v.deadline) {
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: '一般隐患请填写整改期限，或选择“立行立改”' });
    }
    if (v.grade === 'major' && v.fixedOnSpot) {
      ctx.addIssue({ code: 'custom', path: ['fixedOnSpot'], message: '重大隐患不能立行立改，须认定后制定治理方案' });
    }
    if (v.fixedOnSpot && v.afterPhotos.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['afterPhotos'], message: '立行立改请上传整改后照片' });
    }
  });
export type HazardCreate = z.infer<typeof hazardCreate>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();

/** Ledger filters: the same ones drive the list, the export and the statistics. */
export const hazardFilter = z.object({
  q: text(50).optional(),
  status: csv(hazardStatuses),
  open: bool.optional(),
  grade: z.enum(hazardGrades).optional(),
  channel: z.enum(hazardChannels).optional(),
  regionCode: z.string().refine(isRegionCode, '应为区划代码').optional(),
  domain: z.string().max(40).optional(),
  industrySection: z.string().max(2).optional(),
  supervisingUnitId: z.coerce.number().int().positive().optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  overdue: bool.optional(),
  supervised: bool.optional(),
  supervisionLevel: z.enum(supervisionLevels).optional(),
  foundFrom: date.optional(),
  foundTo: date.optional(),
  closedFrom: date.optional(),
  closedTo: date.optional(),
  /** 存量 at this cut-off date (found by then, not closed by then). */
  stockAt: date.optional(),
  /** 主行业领域: the hazard's first (main) 行业领域, the key its statistics count it under. */
  mainDomain: z.string().max(40).optional(),
  /** 我登记的: registered by the caller. */
  mine: bool.optional(),
  /** 待我处理: waiting for the caller's step (core's isAwaitingActor). */
  awaitingMe: bool.optional(),
});
export type HazardFilter = z.infer<typeof hazardFilter>;

export const hazardListQuery = hazardFilter.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  /** Keyset paging: page 5,000 costs what page 1 costs. */
  cursor: z.string().max(80).optional(),
});
export type HazardListQuery = z.infer<typeof hazardListQuery>;

export const hazardGroupBys = ['region', 'industry', 'channel', 'status', 'grade', 'domain', 'unit'] as const;
/** What the statistics group by; the one declaration the server and the web share. */
export type HazardGroupBy = (typeof hazardGroupBys)[number];
/**
 * How "by industry" is counted: by 行业领域 (工贸, 危化, 建筑施工 … the platform's supervision domains, the default) or by
 * 国民经济行业门类 (GB/T 4754).
 */
export const industrySchemes = ['domain', 'section'] as const;
export type IndustryScheme = (typeof industrySchemes)[number];
export const industrySchemeLabels: Record<IndustryScheme, string> = { domain: '行业领域', section: '国民经济门类' };
export const hazardStatsQuery = hazardFilter.extend({
  groupBy: z.enum(hazardGroupBys).default('status'),
  industryScheme: z.enum(industrySchemes).default('domain'),
});

export const hazardSummary = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  grade: z.enum(hazardGrades),
  status: z.enum(hazardStatuses),
  channel: z.enum(hazardChannels),
  category: z.enum(hazardCategories),
  enterpriseId: z.number().nullable(),
  enterpriseName: z.string().nullable(),
  /** A hazard of a place with no enterprise (a village's 经营性自建房 in a 专项检查): where it is; else null. */
  placeName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  supervisingUnitId: z.number().nullable(),
  supervisingUnitName: z.string().nullable(),
  foundOn: z.string(),
  deadline: z.string().nullable(),
  closedOn: z.string().nullable(),
  overdue: z.boolean(),
  /** Within the township's due-soon days before the deadline (hazardTime settings), as the sweep reminds. */
  dueSoon: z.boolean(),
  daysOverdue: z.number(),
  supervisionLevel: z.enum(supervisionLevels).nullable(),
  escalationStep: z.enum(escalationSteps).nullable(),
  version: z.number(),
});
export type HazardSummary = z.infer<typeof hazardSummary>;

export const hazardPage = z.object({
  items: z.array(hazardSummary),
  total: z.number().int(),
  /** True when a text search matched more than `ledgerSearchTotalCap` rows: `total` is then the cap, not the count. */
  totalCapped: z.boolean(),
  nextCursor: z.string().nullable(),
});

export const hazardEvent = z.object({
  id: z.number(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: z.enum(hazardStatuses).nullable(),
  toStatus: z.enum(hazardStatuses),
  actorName: z.string(),
  at: z.string(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  photos: z.array(z.object({ id: z.number(), url: z.string(), thumbUrl: z.string() })),
});

/** A major hazard's plan as kept (16号令 第十五条 six contents, the stoppage, the 五落实 review). */
export const hazardPlanRecord = z.object({
  contents: z.partialRecord(z.enum(planContents), z.string()).optional(),
  interimMeasures: z.string().optional(),
  stoppage: z.enum(stoppageKinds).optional(),
  deadline: z.string().optional(),
  files: z.array(z.number()).optional(),
  approvedBy: z.string().optional(),
  checks: z.partialRecord(z.enum(fiveInPlace), z.boolean()).optional(),
});
export type HazardPlanRecord = z.infer<typeof hazardPlanRecord>;

/** An extension the enterprise asked for and nobody has decided yet. */
export interface HazardPendingExtension {
  deadline: string;
  reason: string;
  requestedBy: string;
  requestedById?: number;
  at?: string;
}

/** 16号令 第十八条: the evaluation of a major hazard's 治理, as recorded. */
export const hazardEvaluation = z.object({
  evaluator: z.enum(hazardEvaluators),
  institution: z.string().nullable(),
  reportFiles: z.array(z.number()),
  verdict: z.enum(hazardVerdicts),
  conclusion: z.string(),
  by: z.string(),
  at: z.string(),
});
export type HazardEvaluation = z.infer<typeof hazardEvaluation>;

/** The written application to resume production. */
export const hazardResumeApplication = z.object({
  applicant: z.string(),
  content: z.string(),
  files: z.array(z.number()),
  by: z.string(),
  at: z.string(),
});
export type HazardResumeApplication = z.infer<typeof hazardResumeApplication>;

/** The supervising unit's on-site review. */
export const hazardReview = z.object({
  verdict: z.enum(hazardVerdicts),
  reviewedOn: z.string(),
  opinion: z.string(),
  reviewer: z.string(),
  at: z.string(),
});
export type HazardReview = z.infer<typeof hazardReview>;

export const hazardDetail = hazardSummary.extend({
  description: z.string(),
  location: z.string().nullable(),
  cause: z.string().nullable(),
  harm: z.string().nullable(),
  difficulty: z.string().nullable(),
  criteriaCodes: z.array(z.string()),
  /** Each cited criterion as a clerk writes it (《…》第十一条第（八）项), in the order of criteriaCodes. */
  citations: z.array(z.string()),
  foundByName: z.string(),
  plan: hazardPlanRecord.nullable(),
  pendingExtension: z.object({ deadline: z.string(), reason: z.string(), requestedBy: z.string() }).nullable(),
  evaluation: hazardEvaluation.nullable(),
  resumeApplication: hazardResumeApplication.nullable(),
  review: hazardReview.nullable(),
  checkerName: z.string().nullable(),
  accepterName: z.string().nullable(),
  events: z.array(hazardEvent),
  escalations: z.array(z.object({ step: z.enum(escalationSteps), dueOn: z.string(), createdAt: z.string(), documentUrl: z.string() })),
  actions: z.array(z.enum(hazardActions)),
  /** The caller may press 催办 now (core's hazardRemindRefusal, including once a day). */
  canRemind: z.boolean(),
  /** The 挂牌督办 levels this township uses, with its names (the supervision settings): what the 督办 form offers. */
  supervisionOptions: z.array(z.object({ value: z.enum(supervisionLevels), label: z.string() })),
  /**
   * The reports (举报) the hazard came from or confirmed — only for roles with report.read; absent for everyone else
   * (the reported enterprise never learns that a report exists).
   */
  reports: z.array(z.object({ id: z.number().int(), trackingCode: z.string(), channel: z.string(), receivedAt: z.string() })).optional(),
});
export type HazardDetail = z.infer<typeof hazardDetail>;

/** POST /hazards/{id}/remind: how many people were reminded. */
export const hazardRemindResult = z.object({ count: z.number().int() });
export type HazardRemindResult = z.infer<typeof hazardRemindResult>;

export const hazardStats = z.object({
  total: z.number().int(),
  groups: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })),
});
export type HazardStats = z.infer<typeof hazardStats>;
export type HazardPage = z.infer<typeof hazardPage>;
