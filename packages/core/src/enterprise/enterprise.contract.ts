import { z } from 'zod';
import { pageQuery } from '../common/common.contract.ts';
import { supervisionDomainCodes } from '../org/org.dict.ts';
import { isRegionCode } from '../org/region.rules.ts';
import { creditCodeProblem, normaliseCreditCode } from './credit-code.rules.ts';
import {
  enterpriseFlagCodes,
  enterpriseScales,
  enterpriseStatuses,
  riskLevels,
  smallVenueTypeCodes,
  standardisationLevels,
} from './enterprise.dict.ts';
import { normalisePhone } from './enterprise.rules.ts';
import { industryDivisions } from './industry.dict.ts';

const date = z.iso.date({ error: '应为日期，如 2026-06-30' });
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const optionalText = (max: number) => text(max).nullable().optional();

export const creditCode = z
  .string()
  .transform(normaliseCreditCode)
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const phoneNumber = z.string().transform((raw, ctx) => {
  const phone = normalisePhone(raw);
  if (!phone) {
    ctx.addIssue({ code: 'custom', message: '应为 11 位手机号或带区号的固定电话' });
    return z.NEVER;
  }
  return phone;
});

const person = { name: optionalText(32), phone: phoneNumber.nullable().optional() };

/** 五包一 group of a fire-safety key unit: one cadre each from the regulator, township, village, fire service, and a professional. */
export const fiveToOne = z.object({
  regulator: optionalText(32),
  township: optionalText(32),
  village: optionalText(32),
  fire: optionalText(32),
  professional: optionalText(32),
});

/** The fields without defaults: a partial update must leave out what it does not send, never reset it. */
const enterpriseFields = z.object({
  name: text(100).min(1, '请输入企业名称'),
  creditCode: creditCode.nullable().optional(),
  address: optionalText(200),
  regionCode: z.string().trim().refine(isRegionCode, '应为 12 位统计用区划代码'),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  status: z.enum(enterpriseStatuses),
  scale: z.enum(enterpriseScales).nullable().optional(),
  employees: z.number().int().min(0, '不能为负数').max(1_000_000).nullable().optional(),
  legalRepresentative: person.name,
  legalRepresentativePhone: person.phone,
  principal: person.name,
  principalPhone: person.phone,
  actualController: person.name,
  actualControllerPhone: person.phone,
  safetyManager: person.name,
  safetyManagerPhone: person.phone,
  industryCode: z
    .string()
    .refine((c) => c in industryDivisions, '不是国民经济行业分类（GB/T 4754-2017）的大类代码')
    .nullable()
    .optional(),
  domains: z.array(z.enum(supervisionDomainCodes as [string, ...string[]])).max(10),
  flags: z.array(z.enum(enterpriseFlagCodes as [string, ...string[]])),
  smallVenueType: z
    .enum(smallVenueTypeCodes as [string, ...string[]])
    .nullable()
    .optional(),
  landlordId: z.number().int().positive().nullable().optional(),
  supervisingUnitId: z.number().int().positive().nullable().optional(),
  townshipLeader: person.name,
  townshipLeaderPhone: person.phone,
  unitSupervisor: person.name,
  unitSupervisorPhone: person.phone,
  fiveToOne: fiveToOne.nullable().optional(),
  standardisationLevel: z.enum(standardisationLevels).nullable().optional(),
  standardisationExpiry: date.nullable().optional(),
  insurer: optionalText(64),
  insurancePolicyNo: optionalText(64),
  insuranceExpiry: date.nullable().optional(),
  riskLevel: z.enum(riskLevels).nullable().optional(),
  riskLevelReason: optionalText(500),
});
export const enterpriseInput = enterpriseFields.extend({
  status: enterpriseFields.shape.status.default('operating'),
  domains: enterpriseFields.shape.domains.default([]),
  flags: enterpriseFields.shape.flags.default([]),
});
export type EnterpriseInput = z.infer<typeof enterpriseInput>;

export const enterpriseCreateBody = enterpriseInput;
export const enterpriseUpdateBody = enterpriseFields.partial().extend({
  /** Optimistic locking: the version the editor saw. */
  version: z.number().int().min(1),
});

/** The shown risk level and why it differs from the registered one (enterprise-risk.rules.ts, ADR 0013). */
export const enterpriseRisk = z.object({
  registered: z.enum(riskLevels).nullable(),
  assessed: z.enum(riskLevels).nullable(),
  effective: z.enum(riskLevels).nullable(),
  raised: z.boolean(),
  openMajorHazards: z.number().int(),
  reason: z.string().nullable(),
});
export type EnterpriseRisk = z.infer<typeof enterpriseRisk>;

export const enterprise = z.object({
  id: z.number().int(),
  name: z.string(),
  creditCode: z.string().nullable(),
  address: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  status: z.enum(enterpriseStatuses),
  scale: z.enum(enterpriseScales).nullable(),
  employees: z.number().int().nullable(),
  legalRepresentative: z.string().nullable(),
  legalRepresentativePhone: z.string().nullable(),
  principal: z.string().nullable(),
  principalPhone: z.string().nullable(),
  actualController: z.string().nullable(),
  actualControllerPhone: z.string().nullable(),
  safetyManager: z.string().nullable(),
  safetyManagerPhone: z.string().nullable(),
  industryCode: z.string().nullable(),
  domains: z.array(z.string()),
  flags: z.array(z.string()),
  smallVenueType: z.string().nullable(),
  landlordId: z.number().int().nullable(),
  landlordName: z.string().nullable(),
  tenantCount: z.number().int(),
  supervisingUnitId: z.number().int().nullable(),
  supervisingUnitName: z.string().nullable(),
  supervisingUnitOverridden: z.boolean(),
  townshipLeader: z.string().nullable(),
  townshipLeaderPhone: z.string().nullable(),
  unitSupervisor: z.string().nullable(),
  unitSupervisorPhone: z.string().nullable(),
  fiveToOne: fiveToOne.nullable(),
  standardisationLevel: z.enum(standardisationLevels).nullable(),
  standardisationExpiry: z.string().nullable(),
  insurer: z.string().nullable(),
  insurancePolicyNo: z.string().nullable(),
  insuranceExpiry: z.string().nullable(),
  riskLevel: z.enum(riskLevels).nullable(),
  riskLevelReason: z.string().nullable(),
  riskLevelSetBy: z.string().nullable(),
  riskLevelSetAt: z.string().nullable(),
  /** 双重预防: the enterprise's own highest assessed risk (its worst risk event), who assessed it and when. */
  assessedRiskLevel: z.enum(riskLevels).nullable(),
  assessedRiskBy: z.string().nullable(),
  assessedRiskAt: z.string().nullable(),
  /** The level shown: the registered one, raised while 重大事故隐患 are open, with the reason (ADR 0013). */
  risk: enterpriseRisk,
  publicCode: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Enterprise = z.infer<typeof enterprise>;

const flagList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : v.split(',').filter(Boolean)));

export const enterpriseListQuery = pageQuery.extend({
  q: z.string().trim().max(64).optional(),
  regionCode: z.string().trim().refine(isRegionCode, '应为区划代码').optional(),
  industrySection: z
    .string()
    .regex(/^[A-T]$/, '应为门类字母 A–T')
    .optional(),
  industryCode: z
    .string()
    .regex(/^\d{2}$/, '应为 2 位大类代码')
    .optional(),
  domain: z.enum(supervisionDomainCodes as [string, ...string[]]).optional(),
  flags: flagList.pipe(z.array(z.enum(enterpriseFlagCodes as [string, ...string[]]))).optional(),
  supervisingUnitId: z.coerce.number().int().positive().optional(),
  riskLevel: z.enum(riskLevels).optional(),
  status: z.enum(enterpriseStatuses).optional(),
  smallVenue: z.enum(['true']).optional(),
  missingInsurance: z.enum(['true']).optional(),
  standardisationExpiring: z.enum(['true']).optional(),
  missingResponsibles: z.enum(['true']).optional(),
  highRisk: z.enum(['true']).optional(),
  sort: z.enum(['name', '-updatedAt', 'riskLevel']).default('-updatedAt'),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuery>;

export const importResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  /** Unknown columns that were ignored, so the user knows what was not read. */
  ignoredColumns: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResult>;

export const enterpriseImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false').describe('true：只预览（校验并统计），不写入'),
});

/** 厂中厂: the enterprises renting from one. */
export const enterpriseTenants = z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) });

export const enterpriseStats = z.object({
  total: z.number().int(),
  byRegionDomain: z.array(z.object({ regionCode: z.string(), regionName: z.string(), domain: z.string(), count: z.number().int() })),
  byRiskLevel: z.array(z.object({ riskLevel: z.string().nullable(), count: z.number().int() })),
  missingInsurance: z.number().int(),
  standardisationExpiring: z.number().int(),
  highRiskMissingResponsibles: z.number().int(),
});
export type EnterpriseStats = z.infer<typeof enterpriseStats>;

/** The public report page for one enterprise, printed as a QR code on its 三个责任人 card. */
export function enterpriseReportPath(publicCode: string): string {
  return `/report/e/${publicCode}`;
}
