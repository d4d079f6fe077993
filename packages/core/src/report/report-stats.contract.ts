import { z } from 'zod';
import { maxRecordId } from '../common/common.contract.ts';
import { statNumber } from '../enforcement/enforcement-stats.contract.ts';
import { isRegionCode } from '../org/region.rules.ts';
import { type ReportStatus, reportChannels, reportMatters, reportSources, reportStatuses } from './report.dict.ts';

const date = z.iso.date({ error: '应为日期，如 2026-06-30' });
const bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const id = (message: string) => z.coerce.number({ message }).int(message).min(1, message).max(maxRecordId, message);
const statusAlternatives = reportStatuses.join('|');
/** One status or several joined by commas (`received,verifying`): the lists a figure opens use both. */
const statusList = z
  .string()
  .regex(new RegExp(`^(${statusAlternatives})(,(${statusAlternatives}))*$`), `应为状态（${reportStatuses.join('、')}），多个用逗号分隔`)
  .transform((s) => [...new Set(s.split(','))] as ReportStatus[]);

/**
 * GET /report-stats: the reports received in a year (this year by default) or from/to (received dates, both
 * included), optionally one assigned unit or a region's subtree.
 */
export const reportStatsQuery = z
  .object({
    year: z.coerce
      .number({ message: '年份应为数字' })
      .int('年份应为整数')
      .min(2000, '年份不早于 2000')
      .max(2100, '年份不晚于 2100')
      .optional(),
    from: date.optional(),
    to: date.optional(),
    unitId: id('承办单位应为编号').optional(),
    regionCode: z.string().refine(isRegionCode, '应为区划代码').optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type ReportStatsQuery = z.infer<typeof reportStatsQuery>;

/**
 * The report list's filters (the handling list `GET /reports` reads the same keys, and the figures of the statistics
 * link to it with them); GET /reports/export takes them too.
 */
export const reportListFilters = z.object({
  status: statusList.optional(),
  channel: z.enum(reportChannels).optional(),
  source: z.enum(reportSources).optional(),
  matter: z.enum(reportMatters).optional(),
  regionCode: z.string().refine(isRegionCode, '应为区划代码').optional(),
  unitId: id('承办单位应为编号').optional(),
  enterpriseId: id('企业应为编号').optional(),
  /** 实名 (true) or anonymous (false). */
  named: bool.optional(),
  /** Open and past the verification deadline (core `reportIsOverdue`). */
  overdue: bool.optional(),
  /** Linked to a hazard (true) or not (false). */
  linked: bool.optional(),
  /** A 行业领域 of the enterprise (org.dict supervisionDomains), or `none` for reports without one. */
  domain: z.string().max(40, '行业领域过长').optional(),
  /** Received in that month (YYYY-MM), or from/to (received dates, both included). */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
    .optional(),
  from: date.optional(),
  to: date.optional(),
  q: z.string().max(100, '搜索内容不超过 100 字').optional(),
});
export type ReportListFilters = z.infer<typeof reportListFilters>;

/** The figures of a group (a channel, a unit, a month…) or of all, each opening its list. Rates in per cent. */
export const reportFigures = z.object({
  /** Reports received. */
  received: statNumber,
  /** Still open (待受理, 核查中), and the open ones past their verification deadline. */
  open: statNumber,
  overdue: statNumber,
  /** 属实 + 不属实; 属实; 不属实; 属实率 = 属实 ÷ (属实 + 不属实). */
  decided: statNumber,
  founded: statNumber,
  unfounded: statNumber,
  foundedRate: statNumber,
  /** 不予受理, 合并办理. */
  rejected: statNumber,
  merged: statNumber,
  /** 实名 reports. */
  named: statNumber,
});
export type ReportFigures = z.infer<typeof reportFigures>;

export const reportStatsGroupKinds = ['channel', 'source', 'matter', 'domain', 'township', 'village', 'unit', 'status'] as const;
export type ReportStatsGroupKind = (typeof reportStatsGroupKinds)[number];
export const reportStatsGroupLabels: Record<ReportStatsGroupKind, string> = {
  channel: '举报渠道',
  source: '受理方式',
  matter: '举报事项',
  domain: '行业领域',
  township: '乡镇',
  village: '村（社区）',
  unit: '承办单位',
  status: '办理状态',
};

export const reportStatsRow = z.object({ key: z.string(), label: z.string(), figures: reportFigures });
export type ReportStatsRow = z.infer<typeof reportStatsRow>;

export const reportStatsMonth = z.object({
  /** YYYY-MM */
  month: z.string(),
  figures: reportFigures,
  /** Rewards paid in the month: count and amount (元). */
  rewardsPaid: statNumber,
  rewardsPaidAmount: statNumber,
});

export const reportStats = z.object({
  /** The window (received dates); `year` when a whole year was asked. */
  year: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  /** Open and overdue are as of this day (today). */
  asOf: z.string(),
  totals: reportFigures,
  /** 核查用时: days from acceptance to the outcome of the decided reports; the open accepted ones are counted apart. */
  verify: z.object({
    medianDays: statNumber,
    p90Days: statNumber,
    decided: statNumber,
    stillOpen: statNumber,
  }),
  /** Rewards approved or paid (core grantedRewardStatuses) decided in the window, and those paid in it: count, 元. */
  rewards: z.object({
    granted: statNumber,
    grantedAmount: statNumber,
    paid: statNumber,
    paidAmount: statNumber,
  }),
  groups: z.array(z.object({ kind: z.enum(reportStatsGroupKinds), label: z.string(), rows: z.array(reportStatsRow) })),
  months: z.array(reportStatsMonth),
});
export type ReportStats = z.infer<typeof reportStats>;
