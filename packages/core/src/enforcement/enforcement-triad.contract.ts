import { z } from 'zod';
import { pageQuery } from '../common/common.contract.ts';
import { orderStatuses, penaltyStatuses, recheckItemResults } from './enforcement.dict.ts';
import { recheckStates } from './enforcement-triad.rules.ts';

/** 执法三部曲: 责令限期整改指令书, 整改复查意见书, 行政处罚案件 (issue 14; regulations.md §9.3, §1.3). */

const date = z.iso.date({ error: '应为日期，如 2026-06-30' });
const id = z.number().int().positive();
const queryId = z.coerce.number().int().positive();
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const orderCreateBody = z.object({
  checkId: id,
  /** Failed items not fixed on the spot; default all of them. */
  itemIds: z.array(id).min(1, '至少选择一项整改项目').max(500).optional(),
  deadline: date,
});
export type OrderCreateBody = z.infer<typeof orderCreateBody>;

export const orderListQuery = pageQuery.extend({
  status: z.enum(orderStatuses).optional(),
  /** notYetDue / due / overdue as of today (recheckState). */
  state: z.enum(recheckStates).optional(),
  unitId: queryId.optional(),
  enterpriseId: queryId.optional(),
  checkId: queryId.optional(),
  /** 复查 found an item not fixed and no penalty case was filed (只检查不处罚). */
  notFixed: flag.optional(),
  /** The 复查's year, else the issue's. */
  year: z.coerce.number().int().min(2000).max(2999).optional(),
});
export type OrderListQuery = z.infer<typeof orderListQuery>;

export const orderItem = z.object({
  id,
  seq: z.number().int(),
  text: z.string(),
  criterionCode: z.string().nullable(),
  major: z.boolean(),
  note: z.string().nullable(),
  hazardId: z.number().int().nullable(),
  recheckResult: z.enum(recheckItemResults).nullable(),
  recheckNote: z.string().nullable(),
});

export const orderView = z.object({
  id,
  checkId: id,
  checkCode: z.string(),
  unitId: id,
  unitName: z.string(),
  enterpriseId: id,
  enterpriseName: z.string(),
  status: z.enum(orderStatuses),
  state: z.enum(recheckStates),
  issuedOn: z.string(),
  deadline: z.string(),
  recheckDueOn: z.string(),
  recheckedOn: z.string().nullable(),
  earlyRecheckReason: z.string().nullable(),
  /** 责令限期整改指令书 number (allocated when issued). */
  orderNo: z.string().nullable(),
  /** 整改复查意见书 number (allocated at the 复查). */
  recheckNo: z.string().nullable(),
  items: z.array(orderItem),
  /** A 复查 found items not fixed and no case is open for the order yet. */
  suggestPenalty: z.boolean(),
  penaltyIds: z.array(z.number().int()),
  version: z.number().int(),
});
export type OrderView = z.infer<typeof orderView>;
export const orderPage = z.object({ items: z.array(orderView), total: z.number().int() });

export const recheckBody = z.object({
  version: z.number().int().min(1),
  on: date,
  results: z
    .array(
      z.object({ itemId: id, result: z.enum(recheckItemResults, '应为 已整改 或 未整改'), note: z.string().trim().max(500).nullish() }),
    )
    .min(1, '请填写复查结果')
    .max(500),
  earlyReason: z.string().trim().max(500, '理由不超过 500 字').nullish(),
});
export type RecheckBody = z.infer<typeof recheckBody>;

const amount = z
  .number({ error: '罚款金额应为数字（元）' })
  .min(0, '罚款金额不能为负')
  .max(100_000_000, '罚款金额过大')
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, '罚款金额最多两位小数');

export const penaltyCreateBody = z.object({
  enterpriseId: id,
  /** The deciding unit: the check's or order's, else the caller's own; an office names it. */
  unitId: id.nullish(),
  checkId: id.nullish(),
  orderId: id.nullish(),
  hazardId: id.nullish(),
  legalBasis: z.array(z.string().max(40)).min(1, '请选择处罚依据（安全生产法条款）').max(20),
  facts: z.string().trim().min(5, '违法事实至少 5 个字').max(4000, '违法事实不超过 4000 字'),
  amount,
  majorHazard: z.boolean().default(false),
  dualInquiry: z.boolean().default(false),
  filedOn: date.optional(),
});
export type PenaltyCreateBody = z.infer<typeof penaltyCreateBody>;

export const penaltyPatchBody = z.object({
  version: z.number().int().min(1),
  to: z.enum(penaltyStatuses, '案件状态不正确'),
  /** The day of the step (决定日期 for decided); default today. */
  on: date.optional(),
  /** Required to withdraw. */
  reason: z.string().trim().max(500).nullish(),
  /** The amount decided, when it differs from the one filed. */
  amount: amount.optional(),
});
export type PenaltyPatchBody = z.infer<typeof penaltyPatchBody>;

export const penaltyListQuery = pageQuery.extend({
  unitId: queryId.optional(),
  enterpriseId: queryId.optional(),
  status: z.enum(penaltyStatuses).optional(),
  year: z.coerce.number().int().min(2000).max(2999).optional(),
  majorHazard: flag.optional(),
  orderId: queryId.optional(),
  checkId: queryId.optional(),
  /** Only cases with a decision (已作出决定、已执行、已结案). */
  imposed: flag.optional(),
});
export type PenaltyListQuery = z.infer<typeof penaltyListQuery>;

export const penaltyView = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  enterpriseId: id,
  enterpriseName: z.string(),
  checkId: z.number().int().nullable(),
  orderId: z.number().int().nullable(),
  hazardId: z.number().int().nullable(),
  status: z.enum(penaltyStatuses),
  legalBasis: z.array(z.string()),
  facts: z.string(),
  amount: z.number().nullable(),
  decisionNo: z.string().nullable(),
  majorHazard: z.boolean(),
  dualInquiry: z.boolean(),
  filedOn: z.string(),
  decidedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number().int(),
});
export type PenaltyView = z.infer<typeof penaltyView>;
export const penaltyPage = z.object({ items: z.array(penaltyView), total: z.number().int() });
