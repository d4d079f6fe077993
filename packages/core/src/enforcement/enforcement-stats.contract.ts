import { z } from 'zod';
import { maxRecordId } from '../common/common.contract.ts';
import { isRegionCode } from '../org/region.rules.ts';
import { unitSignalKinds } from './enforcement-stats.rules.ts';

/** GET /enforcement-stats: a year (this year by default), optionally one enforcing unit or a region's subtree. */
export const enforcementStatsQuery = z.object({
  year: z.coerce
    .number({ message: '年份应为数字' })
    .int('年份应为整数')
    .min(2000, '年份不早于 2000')
    .max(2100, '年份不晚于 2100')
    .optional(),
  unitId: z.coerce.number({ message: '执法单位应为编号' }).int('执法单位应为编号').min(1, '执法单位应为编号').max(maxRecordId).optional(),
  regionCode: z.string().refine(isRegionCode, '应为区划代码').optional(),
});
export type EnforcementStatsQuery = z.infer<typeof enforcementStatsQuery>;

/** A number and the list it opens (a web path with its query), null when it opens none. */
export const statNumber = z.object({ value: z.number().nullable(), href: z.string().nullable() });
export type StatNumber = z.infer<typeof statNumber>;

/** The figures of a unit (or of all units together) for the year. Rates are per cent, one decimal; null = nothing to divide. */
export const enforcementFigures = z.object({
  /** Checks planned in the approved yearly plan (one per planned month of each plan line). */
  planned: statNumber,
  /** Checks made for the year (drawn, scheduled or ad hoc), not cancelled. */
  scheduled: statNumber,
  /** Checks done: signed on site. */
  done: statNumber,
  /** done ÷ planned. */
  completionRate: statNumber,
  /** 重点检查 lines of the approved plan, and those whose enterprise had a signed check this year. */
  keyTargets: statNumber,
  keyCovered: statNumber,
  coverageRate: statNumber,
  /** Hazards that failed items of signed checks became, and the 重大 among them; per signed check. */
  hazardsFound: statNumber,
  majorHazardsFound: statNumber,
  hazardsPerCheck: statNumber,
  /** Signed checks with a failed 重大事故隐患 item, those with a case filed (立案), and the 立案率. */
  majorFailedChecks: statNumber,
  majorCases: statNumber,
  caseRate: statNumber,
  /** Imposed cases decided in the year and their amount (元). */
  penaltyCases: statNumber,
  penaltyAmount: statNumber,
  /** Signed checks with a 不符合 item; orders not fixed at 复查 without a case. */
  failedChecks: statNumber,
  unfixedOrdersWithoutCase: statNumber,
});
export type EnforcementFigures = z.infer<typeof enforcementFigures>;

export const enforcementStatsMonth = z.object({
  month: z.number().int().min(1).max(12),
  planned: statNumber,
  scheduled: statNumber,
  done: statNumber,
});

export const enforcementUnitSignal = z.object({ kind: z.enum(unitSignalKinds), label: z.string(), reason: z.string() });

export const enforcementStatsUnit = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  figures: enforcementFigures,
  months: z.array(enforcementStatsMonth),
  /** 零处罚 / 只检查不处罚 → 约谈. */
  signals: z.array(enforcementUnitSignal),
});
export type EnforcementStatsUnit = z.infer<typeof enforcementStatsUnit>;

/** An enterprise liable to closure under 安全生产法 第一百一十三条(一). */
export const closureFlagItem = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  windowDays: z.union([z.literal(180), z.literal(365)]),
  /** The decision dates that filled the window, oldest first. */
  dates: z.array(z.string()),
  /** The penalty list of the enterprise. */
  href: z.string(),
});
export type ClosureFlagItem = z.infer<typeof closureFlagItem>;

export const closureFlagList = z.object({ year: z.number().int(), asOf: z.string(), items: z.array(closureFlagItem) });

export const enforcementStats = z.object({
  year: z.number().int(),
  /** Figures are as of this day (today, or the year's last day for a past year). */
  asOf: z.string(),
  totals: enforcementFigures,
  units: z.array(enforcementStatsUnit),
  closureFlags: z.array(closureFlagItem),
});
export type EnforcementStats = z.infer<typeof enforcementStats>;
