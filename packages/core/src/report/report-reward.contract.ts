import { z } from 'zod';
import { pageQuery } from '../common/common.contract.ts';
import { accidentGrades, type RewardStatus, reportMatters, rewardStatuses } from './report.dict.ts';

/** 举报奖励 (issue 15, part C): the proposal core computes, the reward's approval, payment and the 奖励台账. */

const date = z.iso.date({ error: '应为日期，如 2026-06-30' });
const id = z.number().int().positive();
const version = z.number({ error: '缺少版本号' }).int().positive();
const money = z.number({ error: '应为金额（元）' }).min(0, '金额不能为负').max(100_000_000, '金额过大');

/** Where the fine of the proposal comes from: the linked imposed penalty case, one the approver entered, or none. */
export const rewardFineSources = ['penalty', 'entered', 'none'] as const;
export type RewardFineSource = (typeof rewardFineSources)[number];

export const rewardView = z.object({
  id,
  reportId: id,
  trackingCode: z.string(),
  regionCode: z.string(),
  status: z.enum(rewardStatuses),
  /** The rule applied, with the figures, e.g. “罚款 40,000 元 × 15% = 6,000 元”. */
  rule: z.string(),
  figures: z.record(z.string(), z.unknown()),
  computedAmount: z.number(),
  amount: z.number().nullable(),
  proposedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  notifiedOn: z.string().nullable(),
  claimDueOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  paymentRef: z.string().nullable(),
  version: z.number().int(),
});
export type RewardView = z.infer<typeof rewardView>;

/** What core computes now from the verified case (computeReward), and why the report may not be rewarded. */
export const rewardProposal = z.object({
  matter: z.enum(reportMatters).nullable(),
  fineAmount: z.number().nullable(),
  fineSource: z.enum(rewardFineSources),
  penaltyId: z.number().int().nullable(),
  concealedDeaths: z.number().int().nullable(),
  accidentGrade: z.enum(accidentGrades).nullable(),
  /** rewardIneligibility: who may not be rewarded at all (not founded, merged, anonymous while real names are required). */
  ineligible: z.string().nullable(),
  /** computeReward's answer: the amount and rule, or the reason the case gives no reward. */
  eligible: z.boolean(),
  amount: z.number().nullable(),
  rule: z.string().nullable(),
  reason: z.string().nullable(),
  figures: z.record(z.string(), z.unknown()),
});
export type RewardProposal = z.infer<typeof rewardProposal>;

export const reportRewardDetail = z.object({ reward: rewardView.nullable(), proposal: rewardProposal });
export type ReportRewardDetail = z.infer<typeof reportRewardDetail>;

export const rewardProposeBody = z.object({
  /** The fine (元) when no imposed penalty case is linked to the report; ignored when one is. */
  fineAmount: money.optional(),
});
export type RewardProposeBody = z.infer<typeof rewardProposeBody>;

export const rewardApproveBody = z.object({
  version,
  /** Defaults to the computed amount; a different amount needs a note. */
  amount: money.optional(),
  note: z.string().trim().max(500, '说明不超过 500 字').optional(),
});
export type RewardApproveBody = z.infer<typeof rewardApproveBody>;

export const rewardDeclineBody = z.object({
  version,
  reason: z.string({ error: '请填写不予奖励的理由' }).trim().min(1, '请填写不予奖励的理由').max(500, '理由不超过 500 字'),
});
export type RewardDeclineBody = z.infer<typeof rewardDeclineBody>;

export const rewardPayBody = z.object({
  version,
  paidOn: date,
  paymentRef: z.string({ error: '请填写发放凭证号' }).trim().min(1, '请填写发放凭证号').max(100, '凭证号不超过 100 字'),
});
export type RewardPayBody = z.infer<typeof rewardPayBody>;

/** 奖励台账: every reward of the caller's scope. */
const rewardStatusAlternatives = rewardStatuses.join('|');
export const rewardLedgerQuery = pageQuery.extend({
  /** One status or several, comma-separated (`approved,paid` = granted, as the statistics count). */
  status: z
    .string()
    .regex(
      new RegExp(`^(${rewardStatusAlternatives})(,(${rewardStatusAlternatives}))*$`),
      `应为奖励状态（${rewardStatuses.join('、')}），多个用逗号分隔`,
    )
    .transform((s) => [...new Set(s.split(','))] as RewardStatus[])
    .optional(),
  /** Rewards of reports assigned to this unit. */
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** Decided (approved, declined) between these China days, both included — the statistics' 已批准 figures. */
  decidedFrom: date.optional(),
  decidedTo: date.optional(),
  /** Paid between these days, both included — the statistics' 已发放 figures. */
  paidFrom: date.optional(),
  paidTo: date.optional(),
  /** A region and everything under it. */
  regionCode: z
    .string()
    .regex(/^[0-9]{6,15}$/, '应为行政区划代码')
    .optional(),
  /** The year the reward was proposed (China time). */
  year: z.coerce.number().int().min(2000).max(2999).optional(),
});
export type RewardLedgerQuery = z.infer<typeof rewardLedgerQuery>;

export const rewardLedgerItem = rewardView.extend({
  matter: z.enum(reportMatters).nullable(),
  enterpriseName: z.string().nullable(),
  regionName: z.string().nullable(),
  decidedOn: z.string().nullable(),
});
export type RewardLedgerItem = z.infer<typeof rewardLedgerItem>;

export const rewardLedger = z.object({
  items: z.array(rewardLedgerItem),
  total: z.number().int(),
  /** Over every row of the filter, not only the page: 拟奖励 (proposed), 已批准 (approved + paid) and 已发放 in 元. */
  totals: z.object({ proposed: z.number(), granted: z.number(), paid: z.number() }),
});
export type RewardLedger = z.infer<typeof rewardLedger>;
