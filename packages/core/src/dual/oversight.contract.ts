import { z } from 'zod';
import { maxRecordId, pageOf, pageQuery } from '../common/common.contract.ts';
import { statNumber } from '../enforcement/enforcement-stats.contract.ts';
import { isRegionCode } from '../org/region.rules.ts';
import { checkCycles, dualSignalKinds, dualSignalStatuses } from './dual.dict.ts';

const date = z.iso.date({ error: '应为日期，如 2026-06-30' });
const id = (message: string) => z.coerce.number({ message }).int(message).min(1, message).max(maxRecordId, message);
const regionCode = z.string().refine(isRegionCode, '应为区划代码');

/** GET /dual-signals: the 形式主义 signals the caller may see, newest first. */
export const dualSignalListQuery = pageQuery.extend({
  kind: z.enum(dualSignalKinds, { message: `应为提示类别（${dualSignalKinds.join('、')}）` }).optional(),
  status: z.enum(dualSignalStatuses, { message: '应为 open 或 dismissed' }).optional(),
  regionCode: regionCode.optional(),
  enterpriseId: id('企业应为编号').optional(),
});
export type DualSignalListQuery = z.infer<typeof dualSignalListQuery>;

export const dualSignalEvidence = z.object({
  summary: z.string(),
  recordIds: z.array(z.number().int()).optional(),
  hazardIds: z.array(z.number().int()).optional(),
  fileIds: z.array(z.number().int()).optional(),
  photoIds: z.array(z.number().int()).optional(),
  userId: z.number().int().optional(),
  enterpriseIds: z.array(z.number().int()).optional(),
});

export const dualSignal = z.object({
  id: z.number().int(),
  kind: z.enum(dualSignalKinds),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  subjectKey: z.string(),
  evidence: dualSignalEvidence,
  /** Names of the enterprises in the evidence (a reused photo may span several). */
  enterpriseNames: z.record(z.string(), z.string()),
  /** Codes of the hazards in the evidence (to open them). */
  hazardCodes: z.record(z.string(), z.string()),
  detectedOn: z.string(),
  status: z.enum(dualSignalStatuses),
  dismissReason: z.string().nullable(),
  dismissedAt: z.string().nullable(),
  dismissedByName: z.string().nullable(),
});
export type DualSignal = z.infer<typeof dualSignal>;
export const dualSignalPage = pageOf(dualSignal);

/** POST /dual-signals/{id}/dismiss: why the office finds it is not 形式主义 (audited). */
export const dualSignalDismissBody = z.object({
  reason: z.string({ message: '请填写排除理由' }).trim().min(5, '排除理由至少 5 个字').max(500, '排除理由不能超过 500 个字'),
});
export type DualSignalDismissBody = z.infer<typeof dualSignalDismissBody>;

/**
 * GET /dual-oversight: due checks whose period ended (or was done) from `from` to `to` (this year up to today by
 * default), optionally in a region's subtree or a 行业领域.
 */
export const dualOversightQuery = z
  .object({
    from: date.optional(),
    to: date.optional(),
    regionCode: regionCode.optional(),
    domain: z.string().min(1).max(40).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type DualOversightQuery = z.infer<typeof dualOversightQuery>;

const cycleFigures = z.object({
  cycle: z.enum(checkCycles),
  due: statNumber,
  onTime: statNumber,
  late: statNumber,
  missed: statNumber,
});

export const dualOversightFigures = z.object({
  /** Due checks whose period ended in the window (or done in it): on time, late, missed; per cycle. */
  due: statNumber,
  onTime: statNumber,
  late: statNumber,
  missed: statNumber,
  /** onTime ÷ (due − still open), per cent, one decimal; null when nothing was due. */
  onTimeRate: statNumber,
  cycles: z.array(cycleFigures),
  /** The principal's checks (template 主要负责人排查): done (on time or late) and missing. */
  principalDone: statNumber,
  principalMissing: statNumber,
  /** Risk points, and those never reviewed or not within the township's reviewMonths. */
  riskPoints: statNumber,
  reviewOverdue: statNumber,
  /** Open 形式主义 signals. */
  openSignals: statNumber,
});
export type DualOversightFigures = z.infer<typeof dualOversightFigures>;

export const dualOversightGroupKinds = ['enterprise', 'domain', 'village'] as const;
export type DualOversightGroupKind = (typeof dualOversightGroupKinds)[number];
export const dualOversightGroupLabels: Record<DualOversightGroupKind, string> = {
  enterprise: '企业',
  domain: '行业领域',
  village: '村（社区）',
};

export const dualOversightRow = z.object({ key: z.string(), label: z.string(), figures: dualOversightFigures });
export type DualOversightRow = z.infer<typeof dualOversightRow>;

export const dualOversight = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  totals: dualOversightFigures,
  groups: z.array(z.object({ kind: z.enum(dualOversightGroupKinds), label: z.string(), rows: z.array(dualOversightRow) })),
});
export type DualOversight = z.infer<typeof dualOversight>;
