import { z } from 'zod';
import { maxRecordId, pageOf, pageQuery } from '../common/common.contract.ts';
import { isRegionCode } from '../org/region.rules.ts';
import { checkCycles, checkTemplates } from './dual.dict.ts';

/**
 * GET /check-periods: the due checks behind the oversight figures (GET /dual-oversight), with the same filters, so
 * each figure opens the list it counts. `outcome` is core `dueOutcome` as of today; `done` is on time or late (the
 * principal's 已排查); `domain=none` is an enterprise of no 行业领域 (the oversight's 未关联行业领域 row);
 * `exactRegion` keeps the enterprises registered at `regionCode` itself, not its villages.
 */
export const dueCheckOutcomes = ['onTime', 'late', 'missed', 'open', 'done'] as const;
export type DueCheckOutcome = (typeof dueCheckOutcomes)[number];
export const dueCheckOutcomeLabels: Record<DueCheckOutcome, string> = {
  onTime: '按时',
  late: '逾期完成',
  missed: '漏查',
  open: '待排查',
  done: '已排查',
};
/** The `domain` filter value for enterprises of no 行业领域. */
export const noDomain = 'none';

const date = z.iso.date({ error: '应为日期，如 2026-06-30' });
const queryId = z.coerce
  .number({ message: '应为正整数编号' })
  .int('应为正整数编号')
  .positive('应为正整数编号')
  .max(maxRecordId, '编号超出范围');

export const checkPeriodListQuery = pageQuery
  .extend({
    enterpriseId: queryId.optional(),
    regionCode: z.string().refine(isRegionCode, '应为区划代码').optional(),
    /** Only enterprises registered at `regionCode` itself (the oversight's row of a township's enterprises of no village). */
    exactRegion: z
      .enum(['true', 'false'], { message: '应为 true 或 false' })
      .transform((v) => v === 'true')
      .optional(),
    domain: z.string().min(1).max(40).optional(),
    from: date.optional(),
    to: date.optional(),
    outcome: z.enum(dueCheckOutcomes, { message: '排查结果应为 onTime、late、missed、open 或 done' }).optional(),
    cycle: z.enum(checkCycles, { message: '排查周期应为 shift、day、week、month 或 quarter' }).optional(),
    template: z.enum(checkTemplates, { message: `标准模板应为 ${checkTemplates.join('、')}` }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type CheckPeriodListQuery = z.infer<typeof checkPeriodListQuery>;

export const checkPeriodItem = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  taskId: z.number().int(),
  taskTitle: z.string(),
  cycle: z.enum(checkCycles),
  periodStart: z.string(),
  periodEnd: z.string(),
  slot: z.number().int(),
  outcome: z.enum(['onTime', 'late', 'missed', 'open']),
  recordId: z.number().int().nullable(),
  doneOn: z.string().nullable(),
});
export type CheckPeriodItem = z.infer<typeof checkPeriodItem>;
export const checkPeriodPage = pageOf(checkPeriodItem);
export type CheckPeriodPage = z.infer<typeof checkPeriodPage>;
