import { z } from 'zod';
import { pageQuery } from '../common/common.contract.ts';
import { enforcementPlanStatuses } from './enforcement.dict.ts';

/** 年度监督检查计划 (安监总政法〔2017〕150号): the API of the yearly plan. */

const id = z.number({ error: '应为编号' }).int('应为整数编号').positive('应为正整数编号');
const month = z.number({ error: '应为月份' }).int('月份应为整数').min(1, '月份应在 1–12 之间').max(12, '月份应在 1–12 之间');
const planKind = z.enum(['key', 'general'], { error: '检查类别应为 key（重点检查）或 general（一般检查）' });

export const enforcementPlanCapacityInput = z.object({
  inspectors: z.number().int('执法人员数应为整数').min(1, '执法人员至少 1 人').max(10_000, '执法人员数过大').optional(),
  inspectionDaysPerMonth: z.number().min(0.5, '每月监督检查工作日至少 0.5 天').max(23, '每月监督检查工作日不能超过 23 天').optional(),
  personDaysPerCheck: z.number().min(0.5, '每次检查所需人日至少 0.5').max(20, '每次检查所需人日不能超过 20').optional(),
  months: z.number().int('月数应为整数').min(1, '计划期至少 1 个月').max(12, '计划期不超过 12 个月').optional(),
});
export type EnforcementPlanCapacityInput = z.infer<typeof enforcementPlanCapacityInput>;

export const enforcementPlanCreate = z.object({
  unitId: id,
  year: z.number({ error: '应为年份' }).int('年份应为整数').min(2000, '年份应在 2000–2100 之间').max(2100, '年份应在 2000–2100 之间'),
  capacity: enforcementPlanCapacityInput.optional(),
});
export type EnforcementPlanCreate = z.infer<typeof enforcementPlanCreate>;

export const enforcementPlanDefaultsQuery = z.object({
  unitId: z.coerce.number({ error: '请选择执法单位' }).int().positive('请选择执法单位'),
  year: z.coerce.number({ error: '请填写年度' }).int().min(2000, '年份应在 2000–2100 之间').max(2100, '年份应在 2000–2100 之间'),
});
/** The capacity a proposal starts from when the form leaves a field empty. */
export const enforcementPlanDefaults = z.object({
  inspectors: z.number(),
  inspectionDaysPerMonth: z.number(),
  personDaysPerCheck: z.number(),
  months: z.number(),
});

export const enforcementPlanListQuery = pageQuery.extend({
  unitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(enforcementPlanStatuses).optional(),
});

/** The capacity a plan was made with, and the work-day arithmetic shown on top of it (§9.2). */
export const enforcementPlanCapacity = z.object({
  inspectors: z.number(),
  inspectionDaysPerMonth: z.number(),
  personDaysPerCheck: z.number(),
  months: z.number(),
  /** 总法定工作日 = 年法定工作日 × 执法人员数 (× months/12). */
  legalWorkdays: z.number(),
  /** 监督检查工作日 = inspectors × daysPerMonth × months. */
  inspectionPersonDays: z.number(),
  capacityChecks: z.number(),
  monthlyCapacity: z.array(z.number()),
  planMonths: z.array(z.number()),
});

export const enforcementPlanSummary = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  regionCode: z.string(),
  year: z.number(),
  status: z.enum(enforcementPlanStatuses),
  capacityChecks: z.number(),
  plannedChecks: z.number(),
  keyTargets: z.number(),
  generalTargets: z.number(),
  leftOutCount: z.number(),
  approvedAt: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type EnforcementPlanSummary = z.infer<typeof enforcementPlanSummary>;
export const enforcementPlanPage = z.object({ items: z.array(enforcementPlanSummary), total: z.number().int() });

export const enforcementPlanItem = z.object({
  id: z.number(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  kind: planKind,
  reasons: z.array(z.string()),
  checksPerYear: z.number(),
  months: z.array(z.number()),
});
export type EnforcementPlanItem = z.infer<typeof enforcementPlanItem>;

export const enforcementPlanDetail = enforcementPlanSummary.extend({
  capacity: enforcementPlanCapacity,
  /** 一般检查对象 of the 名录库: the pool the plan's 双随机 draws pick from. */
  generalPool: z.number(),
  items: z.array(enforcementPlanItem),
  leftOut: z.array(z.object({ enterpriseId: z.number(), enterpriseName: z.string(), reason: z.string() })),
  reduced: z.array(z.object({ enterpriseId: z.number(), enterpriseName: z.string(), from: z.number(), to: z.number() })),
  /** Checks per month as planned now. */
  monthlyLoad: z.array(z.object({ month: z.number(), planned: z.number(), capacity: z.number() })),
  amendments: z.array(
    z.object({
      id: z.number(),
      reason: z.string(),
      changes: z.record(z.string(), z.unknown()),
      actorName: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type EnforcementPlanDetail = z.infer<typeof enforcementPlanDetail>;

/** Changes to a plan's items (a draft's edit, or an approved plan's amendment). */
export const enforcementPlanItemChanges = z.object({
  update: z
    .array(
      z.object({
        id,
        kind: planKind.optional(),
        checksPerYear: z.number().int('年检查次数应为整数').min(1, '年检查次数至少 1 次').max(12, '年检查次数不超过 12 次').optional(),
        months: z.array(month).max(12).optional(),
      }),
    )
    .max(10_000)
    .optional(),
  remove: z.array(id).max(10_000).optional(),
  add: z
    .array(
      z.object({
        enterpriseId: id,
        kind: planKind,
        checksPerYear: z.number().int('年检查次数应为整数').min(1, '年检查次数至少 1 次').max(12, '年检查次数不超过 12 次'),
        months: z.array(month).max(12),
        reason: z.string().trim().max(200).optional(),
      }),
    )
    .max(10_000)
    .optional(),
});
export type EnforcementPlanItemChanges = z.infer<typeof enforcementPlanItemChanges>;

export const enforcementPlanPatch = enforcementPlanItemChanges.extend({
  version: z.number({ error: '请提供版本号 version' }).int(),
  /** New capacity: the proposal is made again from the 名录库 (items edited by hand are replaced). */
  capacity: enforcementPlanCapacityInput.optional(),
});
export type EnforcementPlanPatch = z.infer<typeof enforcementPlanPatch>;

export const enforcementPlanVersionBody = z.object({ version: z.number({ error: '请提供版本号 version' }).int() });

export const enforcementPlanAmendmentBody = z.object({
  version: z.number({ error: '请提供版本号 version' }).int(),
  reason: z.string({ error: '请填写变更理由' }).trim().min(2, '请填写变更理由（至少 2 个字）').max(500, '变更理由不超过 500 字'),
  changes: enforcementPlanItemChanges,
});
export type EnforcementPlanAmendmentBody = z.infer<typeof enforcementPlanAmendmentBody>;

export const enforcementPlanMonthQuery = z.object({
  month: z.coerce.number().int('月份应为整数').min(1, '月份应在 1–12 之间').max(12, '月份应在 1–12 之间'),
});

/** The monthly plan: the targets planned that month and their checks. */
export const enforcementPlanMonth = z.object({
  planId: z.number(),
  year: z.number(),
  month: z.number(),
  capacity: z.number(),
  items: z.array(
    z.object({
      planItemId: z.number(),
      enterpriseId: z.number(),
      enterpriseName: z.string(),
      kind: planKind,
      reasons: z.array(z.string()),
      checkId: z.number().nullable(),
      checkCode: z.string().nullable(),
      checkStatus: z.string().nullable(),
      done: z.boolean(),
    }),
  ),
});
export type EnforcementPlanMonth = z.infer<typeof enforcementPlanMonth>;

export const enforcementPlanScheduleBody = z.object({ month });
export const enforcementPlanScheduleResult = z.object({
  created: z.number(),
  skipped: z.number(),
  checkIds: z.array(z.number()),
  /** Checks created without a team (no two inspectors may go): the unit assigns them by hand. */
  unassigned: z.array(z.object({ enterpriseId: z.number(), reason: z.string() })),
});
