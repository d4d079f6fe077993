import { z } from 'zod';
import { hazardFilter, hazardGroupBys, industrySchemes } from './hazard.contract.ts';
import { hazardReportPeriods } from './hazard.settings.ts';
import { hazardReportStates } from './hazard-time.rules.ts';

const date = z.iso.date({ error: '应为日期，如 2026-06-30' });

/** 动态清零: stock open at the cut-off vs the increment since, by region or industry. */
export const hazardDynamicZeroQuery = hazardFilter.extend({
  cutoff: date.default('2023-12-31'),
  groupBy: z.enum(hazardGroupBys).default('region'),
  industryScheme: z.enum(industrySchemes).default('domain'),
});
export const hazardDynamicZeroRow = z.object({
  key: z.string(),
  label: z.string(),
  stock: z.number(),
  /** Of the stock, cleared (销号) since the cut-off. */
  stockClosed: z.number(),
  /** Of the stock, dismissed (不成立) since the cut-off: ended, not cleared. */
  stockDismissed: z.number(),
  increment: z.number(),
  incrementClosed: z.number(),
  incrementDismissed: z.number(),
  open: z.number(),
  overdue: z.number(),
  closed: z.number(),
  avgDaysToClose: z.number().nullable(),
  stockClearedRate: z.number().nullable(),
  incrementClosedRate: z.number().nullable(),
  overdueRate: z.number().nullable(),
});
export type HazardDynamicZeroRow = z.infer<typeof hazardDynamicZeroRow>;
export const hazardDynamicZero = z.object({ cutoff: z.string(), today: z.string(), rows: z.array(hazardDynamicZeroRow) });
export type HazardDynamicZero = z.infer<typeof hazardDynamicZero>;

/** 举一反三. */
export const hazardPropagateBody = z.object({ criterionCode: z.string().min(1).max(60), deadline: date });
export const hazardPropagateResult = z.object({ created: z.number() });
export const hazardCheckStatuses = ['open', 'clear', 'found'] as const;
export const hazardCheckQuery = z.object({
  status: z.enum(hazardCheckStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const hazardCheck = z.object({
  id: z.number(),
  criterionCode: z.string(),
  enterpriseId: z.number(),
  enterpriseName: z.string().nullable(),
  status: z.string(),
  deadline: z.string(),
  answer: z.string().nullable(),
  sourceHazardCode: z.string().nullable(),
  sourceHazardTitle: z.string().nullable(),
  resultHazardId: z.number().nullable(),
});
export type HazardCheck = z.infer<typeof hazardCheck>;
export const hazardCheckPage = z.object({ total: z.number(), items: z.array(hazardCheck) });
export const hazardCheckAnswer = z.object({
  result: z.enum(['clear', 'found']),
  answer: z.string().trim().min(2, '请说明排查情况').max(1000),
  hazardId: z.number().int().positive().nullable().optional(),
});
export type HazardCheckAnswer = z.infer<typeof hazardCheckAnswer>;

/** 季报/年报 (16号令 第十四条), generated from the records. */
export const hazardReportFigures = z.object({
  found: z.number(),
  foundMajor: z.number(),
  closed: z.number(),
  closedMajor: z.number(),
  openAtEnd: z.number(),
  openMajorAtEnd: z.number(),
  overdueAtEnd: z.number(),
});
export type HazardReportFigures = z.infer<typeof hazardReportFigures>;
export const hazardReportItem = z.object({
  period: z.string(),
  kind: z.enum(hazardReportPeriods),
  dueOn: z.string(),
  figures: hazardReportFigures,
  signedAt: z.string().nullable(),
  signerName: z.string().nullable(),
  late: z.boolean(),
  /** core's hazardReportState, and the reason shown beside it (零报告, not yet on the platform …). */
  state: z.enum(hazardReportStates),
  reason: z.string().nullable(),
});
export type HazardReportItem = z.infer<typeof hazardReportItem>;
export const hazardReportQuery = z.object({ enterpriseId: z.coerce.number().int().positive().optional() });
export const hazardReportPeriodParam = z.object({ period: z.string().regex(/^\d{4}(Q[1-4])?$/, '报告期应为 2026Q1 或 2026') });
export const hazardReportList = z.object({
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  principal: z.string().nullable(),
  items: z.array(hazardReportItem),
});
export type HazardReportList = z.infer<typeof hazardReportList>;
export const hazardReportSigned = z.object({
  period: z.string(),
  figures: hazardReportFigures,
  signedAt: z.string().nullable(),
  signerName: z.string().nullable(),
});
