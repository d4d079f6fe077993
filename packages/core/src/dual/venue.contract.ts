import { z } from 'zod';
import { phoneNumber } from '../enterprise/enterprise.contract.ts';
import { smallVenueTypeCodes } from '../enterprise/enterprise.dict.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-03');
const regionCode = z.string().regex(/^(\d{12}|\d{15})$/, '区划代码应为 12 位（网格 15 位）数字');

/**
 * 小场所快速登记 (`POST /api/v1/venues`): the light form of a grid worker. It creates a registry row (an enterprise with
 * a 九小场所 type and the 九小场所 domain) through the enterprise service — the same checks and audit as the registry.
 */
export const venueCreateBody = z.object({
  name: z.string().trim().min(1, '请填写场所名称').max(100, '场所名称不超过 100 字'),
  smallVenueType: z.enum(smallVenueTypeCodes as [string, ...string[]], { error: '请选择场所类型' }),
  address: z.string().trim().min(1, '请填写地址').max(200, '地址不超过 200 字'),
  /** The village (12 digits) or grid (15 digits) it lies in. */
  regionCode,
  principal: z.string().trim().min(1, '请填写联系人').max(32, '联系人不超过 32 字'),
  principalPhone: phoneNumber,
  /** The registry row it is linked to: the landlord (出租方) or the operator's own enterprise row. */
  landlordId: z.number().int().positive('应为正整数编号').nullable().optional(),
});
export type VenueCreateBody = z.infer<typeof venueCreateBody>;

export const venueCreated = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  smallVenueType: z.string(),
});
export type VenueCreated = z.infer<typeof venueCreated>;

/** Coverage per grid/village and month (`GET /api/v1/venue-patrols/coverage`): `months` months ending with `month`. */
export const venueCoverageQuery = z.object({
  month: month.optional(),
  months: z.coerce.number().int().min(1, '月数至少为 1').max(12, '月数不超过 12').default(3),
  regionCode: regionCode.optional(),
});
export type VenueCoverageQuery = z.infer<typeof venueCoverageQuery>;

export const venueCoverageRow = z.object({
  regionCode: z.string(),
  regionName: z.string().nullable(),
  month: z.string(),
  venues: z.number().int(),
  patrolled: z.number().int(),
  coveragePercent: z.number().int(),
  /** 异常 items found by the month's patrols. */
  findings: z.number().int(),
  /** Hazards those patrols became that are still open. */
  openHazards: z.number().int(),
});
export type VenueCoverageRow = z.infer<typeof venueCoverageRow>;

export const venueCoverage = z.object({
  months: z.array(z.string()),
  rows: z.array(venueCoverageRow),
});
export type VenueCoverage = z.infer<typeof venueCoverage>;
