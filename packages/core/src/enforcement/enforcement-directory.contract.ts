import { z } from 'zod';
import { maxRecordId, pageQuery } from '../common/common.contract.ts';

/**
 * 执法检查人员名录库 and 检查对象名录库 (issue 14, "Who and what"; regulations.md §9.1): the two lists a 双随机 draw
 * picks from.
 */

const bodyId = z.number().int().min(1).max(maxRecordId);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const queryId = z.coerce.number().int().min(1).max(maxRecordId);
const queryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');
const regionCode = z.string().regex(/^\d{12}$/, '行政区划代码应为 12 位数字');

// ——— 执法人员 ———

export const inspectorValidityFilters = ['valid', 'expired'] as const;

export const inspectorListQuery = pageQuery.extend({
  unitId: queryId.optional(),
  /** 执法证在有效期内（valid）或已过期（expired），以今天为准。 */
  validity: z.enum(inspectorValidityFilters).optional(),
  /** Deactivated inspectors are listed only when asked. */
  includeInactive: queryFlag.optional(),
  q: z.string().trim().max(50).optional(),
});
export type InspectorListQuery = z.infer<typeof inspectorListQuery>;

export const inspectorItem = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  userId: z.number().int().nullable(),
  name: z.string(),
  certificateNo: z.string(),
  certificateValidUntil: z.string(),
  /** The certificate is valid today (China time). */
  certificateValid: z.boolean(),
  homeRegionCode: z.string().nullable(),
  homeRegionName: z.string().nullable(),
  field: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type InspectorItem = z.infer<typeof inspectorItem>;
export const inspectorPage = z.object({ items: z.array(inspectorItem), total: z.number().int() });

const inspectorFields = {
  name: z.string().trim().min(1, '请填写姓名').max(50, '姓名不超过 50 字'),
  certificateNo: z
    .string()
    .trim()
    .min(4, '执法证号至少 4 位')
    .max(50, '执法证号不超过 50 位')
    .regex(/^[0-9A-Za-z\-（）()\u4e00-\u9fa5]+$/u, '执法证号只能包含数字、字母、汉字和连字符'),
  certificateValidUntil: isoDay,
  /** 户籍或居住地所在村（社区）, for recusal. */
  homeRegionCode: regionCode.nullable(),
  field: z.string().trim().max(50, '执法门类不超过 50 字').nullable(),
  userId: bodyId.nullable(),
};

export const inspectorCreateBody = z.object({
  unitId: bodyId,
  ...inspectorFields,
  homeRegionCode: inspectorFields.homeRegionCode.default(null),
  field: inspectorFields.field.default(null),
  userId: inspectorFields.userId.default(null),
});
export type InspectorCreateBody = z.infer<typeof inspectorCreateBody>;

export const inspectorUpdateBody = z
  .object({ version: z.number().int().min(1), ...inspectorFields, active: z.boolean() })
  .partial()
  .required({ version: true });
export type InspectorUpdateBody = z.infer<typeof inspectorUpdateBody>;

export const inspectorDeactivateBody = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(2, '请填写停用原因（至少 2 字）').max(200),
});
export type InspectorDeactivateBody = z.infer<typeof inspectorDeactivateBody>;

// ——— 检查对象 ———

export const targetListQuery = pageQuery.extend({
  unitId: queryId.optional(),
  /** Enterprise name contains. */
  q: z.string().trim().max(50).optional(),
  /** A village (or township): targets located in it. */
  regionCode: regionCode.optional(),
  excluded: queryFlag.optional(),
});
export type TargetListQuery = z.infer<typeof targetListQuery>;

export const targetItem = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  riskLevel: z.string().nullable(),
  flags: z.array(z.string()),
  source: z.enum(['registry', 'manual']),
  excluded: z.boolean(),
  excludedReason: z.string().nullable(),
});
export type TargetItem = z.infer<typeof targetItem>;
export const targetPage = z.object({ items: z.array(targetItem), total: z.number().int() });

export const targetDeriveBody = z.object({ unitId: bodyId });
export const targetDeriveResult = z.object({
  added: z.number().int(),
  total: z.number().int(),
  /** Targets the registry no longer gives the unit (moved to another unit, closed): for the unit to review. */
  stale: z.array(z.object({ targetId: z.number().int(), enterpriseId: z.number().int(), enterpriseName: z.string(), reason: z.string() })),
});
export type TargetDeriveResult = z.infer<typeof targetDeriveResult>;

export const targetCreateBody = z.object({ unitId: bodyId, enterpriseId: bodyId });
export const targetExclusionBody = z.object({
  excluded: z.boolean(),
  reason: z.string().trim().min(2, '请填写原因（至少 2 字）').max(200, '原因不超过 200 字'),
});
export type TargetExclusionBody = z.infer<typeof targetExclusionBody>;
