import { z } from 'zod';
import { pageQuery } from '../common/common.contract.ts';
import { roles, supervisionDomainCodes, unitKinds } from './org.dict.ts';
import { isRegionCode, regionLevels } from './region.rules.ts';

const regionCode = z.string().trim().refine(isRegionCode, '应为 12 位统计用区划代码（网格为 15 位）');
const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '应为 11 位手机号或带区号的固定电话')
  .nullable()
  .optional();

export const region = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(regionLevels),
  parentCode: z.string().nullable(),
  abolished: z.boolean(),
  /** A township's 发文机关代字 for its safety office's letters (e.g. 示例镇安委办); null: the default from its name. */
  docPrefix: z.string().nullable(),
});
export type Region = z.infer<typeof region>;
export const regionList = z.object({ items: z.array(region) });

export const regionCreateBody = z.object({
  code: regionCode,
  name: z.string().trim().min(1, '请输入名称').max(64),
  parentCode: regionCode.nullable().optional(),
});
export const regionUpdateBody = z.object({
  name: z.string().trim().min(1, '请输入名称').max(64).optional(),
  abolished: z.boolean().optional(),
  docPrefix: z.string().trim().min(2, '发文机关代字至少 2 个字').max(20, '发文机关代字不能超过 20 个字').nullable().optional(),
});
export const regionCodeParam = z.object({ code: regionCode });

export const unit = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  aliases: z.array(z.string()),
  kind: z.enum(unitKinds),
  regionCode: z.string(),
  industries: z.array(z.string()),
  supervisedRegionCodes: z.array(z.string()),
  phone: z.string().nullable(),
  disabled: z.boolean(),
});
export type Unit = z.infer<typeof unit>;

export const unitCreateBody = z.object({
  name: z.string().trim().min(1, '请输入单位名称').max(64),
  shortName: z.string().trim().max(32).nullable().optional(),
  aliases: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
  kind: z.enum(unitKinds, { error: '单位类别应为：负有安全监管职责的部门、行业主管部门或其他成员单位' }),
  regionCode,
  industries: z.array(z.enum(supervisionDomainCodes as [string, ...string[]])).default([]),
  supervisedRegionCodes: z.array(regionCode).default([]),
  phone,
});
export const unitUpdateBody = unitCreateBody.partial().extend({ disabled: z.boolean().optional() });
export const unitListQuery = pageQuery.extend({
  q: z.string().trim().max(64).optional(),
  kind: z.enum(unitKinds).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const user = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  roles: z.array(z.enum(roles)),
  regionCodes: z.array(z.string()),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  /** An enterprise account's enterprise (the only one it may see). */
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string().nullable(),
  /** An enterprise account registered as its enterprise's 主要负责人 (signs its 季报/年报). */
  enterprisePrincipal: z.boolean(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;

const username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名应为 3–32 位字母、数字、下划线、点或减号，以字母开头');

export const userCreateBody = z.object({
  username,
  displayName: z.string().trim().min(1, '请输入姓名').max(32),
  phone,
  roles: z.array(z.enum(roles)).min(1, '请至少选择一个角色'),
  regionCodes: z.array(regionCode).default([]),
  unitId: z.number().int().positive().nullable().optional(),
  /** Required for an enterprise account: the enterprise it belongs to. */
  enterpriseId: z.number().int().positive().nullable().optional(),
  initialPassword: z.string().min(1).max(128),
});
export const userUpdateBody = z.object({
  displayName: z.string().trim().min(1, '请输入姓名').max(32).optional(),
  phone,
  roles: z.array(z.enum(roles)).min(1, '请至少选择一个角色').optional(),
  regionCodes: z.array(regionCode).optional(),
  unitId: z.number().int().positive().nullable().optional(),
  enterpriseId: z.number().int().positive().nullable().optional(),
  disabled: z.boolean().optional(),
  enterprisePrincipal: z.boolean().optional(),
});
export const resetPasswordBody = z.object({ newPassword: z.string().min(1, '请输入新密码').max(128) });
export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(64).optional(),
  role: z.enum(roles).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  regionCode: regionCode.optional(),
});
