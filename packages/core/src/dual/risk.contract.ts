import { z } from 'zod';
import { maxRecordId } from '../common/common.contract.ts';
import { riskLevels } from '../enterprise/enterprise.dict.ts';
import { assessmentMethods, checkCycles, controlLevels, measureKinds, riskPointKinds } from './dual.dict.ts';

/**
 * 风险分级管控 (issue 16, part A): the enterprise's chain 风险分析对象 → 风险分析单元 → 风险事件 → 管控措施, as the
 * national dual-prevention digital system lays it out. The assessment is always computed on the server by core's
 * `assessRisk` with the township's `dual` settings: a client never sends a score.
 */
const id = z.number().int('应为正整数编号').positive('应为正整数编号').max(maxRecordId, '编号超出范围');
const name = (what: string, max: number) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不超过 ${max} 字`);
const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what}不超过 ${max} 字`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
const factor = z.number({ error: '应为数值' }).finite('应为数值');

/** LEC {l, e, c} or LS {l, s}: values off the scales are refused by core's `assessmentInputError`, naming the factor. */
export const riskAssessmentInput = z.discriminatedUnion(
  'method',
  [z.object({ method: z.literal('lec'), l: factor, e: factor, c: factor }), z.object({ method: z.literal('ls'), l: factor, s: factor })],
  { error: '评估方法应为 LEC 或 LS' },
);

export const riskPointCreateBody = z.object({
  enterpriseId: id.optional(),
  kind: z.enum(riskPointKinds, { error: '对象类型应为 场所/区域、设备设施 或 作业活动' }),
  name: name('风险点名称', 100),
  location: optionalText('位置', 200),
  postId: id.nullable().optional(),
});
export type RiskPointCreateBody = z.infer<typeof riskPointCreateBody>;
export const riskPointUpdateBody = riskPointCreateBody
  .omit({ enterpriseId: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type RiskPointUpdateBody = z.infer<typeof riskPointUpdateBody>;
export const riskPointReviewBody = z.object({
  reviewedOn: z.iso.date({ error: '应为日期，如 2026-06-30' }).optional(),
  note: optionalText('复评说明', 500),
});
export type RiskPointReviewBody = z.infer<typeof riskPointReviewBody>;

export const riskUnitCreateBody = z.object({ pointId: id, name: name('单元名称', 100) });
export const riskUnitUpdateBody = z.object({ name: name('单元名称', 100) });
export type RiskUnitCreateBody = z.infer<typeof riskUnitCreateBody>;

export const riskEventCreateBody = z.object({
  unitId: id,
  name: name('风险事件名称', 200),
  consequence: optionalText('可能导致的后果', 200),
  assessment: riskAssessmentInput,
});
export type RiskEventCreateBody = z.infer<typeof riskEventCreateBody>;
export const riskEventUpdateBody = riskEventCreateBody
  .omit({ unitId: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type RiskEventUpdateBody = z.infer<typeof riskEventUpdateBody>;

export const controlMeasureCreateBody = z.object({
  eventId: id,
  kind: z.enum(measureKinds, { error: '措施分类不在字典中' }),
  content: name('管控措施', 500),
});
export type ControlMeasureCreateBody = z.infer<typeof controlMeasureCreateBody>;
export const controlMeasureUpdateBody = controlMeasureCreateBody.omit({ eventId: true }).partial();
export type ControlMeasureUpdateBody = z.infer<typeof controlMeasureUpdateBody>;

/** Computing an assessment before saving (the form shows D/R, colour and control level live, with the township's bands). */
export const riskAssessmentPreviewBody = z.object({ enterpriseId: id.optional(), assessment: riskAssessmentInput });
export const riskAssessmentView = z.object({
  score: z.number(),
  level: z.enum(riskLevels),
  controlLevel: z.enum(controlLevels),
});
export type RiskAssessmentView = z.infer<typeof riskAssessmentView>;

const levelCounts = z.object({ major: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int() });
export type RiskLevelCounts = z.infer<typeof levelCounts>;

export const riskPointView = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  kind: z.enum(riskPointKinds),
  name: z.string(),
  location: z.string().nullable(),
  postId: z.number().int().nullable(),
  postName: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  publicCode: z.string(),
  /** The highest level of its events, null while none is assessed. */
  level: z.enum(riskLevels).nullable(),
  eventCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type RiskPointView = z.infer<typeof riskPointView>;

export const riskPointListQuery = z.object({ enterpriseId: z.coerce.number().int().positive().max(maxRecordId).optional() });
export const riskPointList = z.object({ items: z.array(riskPointView), levelCounts });
export type RiskPointList = z.infer<typeof riskPointList>;

const taskOfMeasure = z.object({
  id: z.number().int(),
  title: z.string(),
  cycle: z.enum(checkCycles),
  postName: z.string().nullable(),
  ownerName: z.string().nullable(),
  active: z.boolean(),
});
export const controlMeasureView = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  kind: z.enum(measureKinds),
  content: z.string(),
  tasks: z.array(taskOfMeasure),
});
export type ControlMeasureView = z.infer<typeof controlMeasureView>;
export const riskEventView = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  name: z.string(),
  consequence: z.string().nullable(),
  method: z.enum(assessmentMethods),
  l: z.number(),
  e: z.number().nullable(),
  c: z.number().nullable(),
  s: z.number().nullable(),
  score: z.number(),
  level: z.enum(riskLevels),
  controlLevel: z.enum(controlLevels),
  assessedBy: z.string().nullable(),
  assessedAt: z.string(),
  version: z.number().int(),
  measures: z.array(controlMeasureView),
});
export type RiskEventView = z.infer<typeof riskEventView>;
export const riskUnitView = z.object({ id: z.number().int(), pointId: z.number().int(), name: z.string(), events: z.array(riskEventView) });
export type RiskUnitView = z.infer<typeof riskUnitView>;

/** One enterprise's whole chain: points → units → events (assessment) → measures (→ their check tasks). */
export const riskTree = z.object({
  enterprise: z.object({
    id: z.number().int(),
    name: z.string(),
    assessedRiskLevel: z.enum(riskLevels).nullable(),
    assessedRiskBy: z.string().nullable(),
    assessedRiskAt: z.string().nullable(),
  }),
  levelCounts,
  points: z.array(riskPointView.extend({ units: z.array(riskUnitView) })),
});
export type RiskTree = z.infer<typeof riskTree>;
export type RiskTreePoint = RiskTree['points'][number];

/** What an Excel import did (or, with errors, refused: nothing is written when any row fails). */
export const riskImportResult = z.object({
  points: z.number().int(),
  units: z.number().int(),
  events: z.number().int(),
  measures: z.number().int(),
  tasks: z.number().int(),
});
export type RiskImportResult = z.infer<typeof riskImportResult>;
