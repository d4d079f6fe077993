import { z } from 'zod';
import { riskLevels } from '../enterprise/enterprise.dict.ts';

/**
 * A grid's 小场所 patrol list for a month (`GET /api/v1/venue-patrols?month=YYYY-MM&regionCode=`): the small venues of
 * the grid (registry rows with a 九小场所 type) with their type's default colour and checklist, and whether and when
 * they were patrolled this month. The phone caches it for offline patrols; a patrol is posted as a check record of
 * kind `patrol` (check-record.contract.ts) for the venue's enterpriseId.
 */
/** patrolled / unpatrolled this month; abnormal: the month's patrols found something; openHazards: a hazard of the month's patrols still open. */
export const venuePatrolFilters = ['patrolled', 'unpatrolled', 'abnormal', 'openHazards'] as const;
export type VenuePatrolFilter = (typeof venuePatrolFilters)[number];
export const venuePatrolFilterLabels: Record<VenuePatrolFilter, string> = {
  patrolled: '本月已巡查',
  unpatrolled: '本月未巡查',
  abnormal: '本月巡查发现问题',
  openHazards: '巡查隐患未销号',
};

export const venuePatrolQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-03')
    .optional(),
  /** A village (12 digits) or a grid (15 digits) within the caller's scope. */
  regionCode: z
    .string()
    .regex(/^(\d{12}|\d{15})$/, '区划代码应为 12 位（网格 15 位）数字')
    .optional(),
  /** Narrow the list to what a coverage figure counts (the coverage page links here). */
  filter: z.enum(venuePatrolFilters, { error: '筛选条件不正确' }).optional(),
});
export type VenuePatrolQuery = z.infer<typeof venuePatrolQuery>;

export const venuePatrolItem = z.object({
  enterpriseId: z.number().int(),
  name: z.string(),
  address: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  smallVenueType: z.string(),
  smallVenueTypeLabel: z.string(),
  riskColour: z.enum(riskLevels),
  checklist: z.array(z.object({ seq: z.number().int(), text: z.string() })),
  patrolCount: z.number().int(),
  lastPatrolAt: z.string().nullable(),
  /** The month's latest patrol found something (异常 items). */
  lastAbnormalCount: z.number().int().nullable(),
  /** 异常 items of the month's patrols. */
  findings: z.number().int(),
  /** Hazards the month's patrols of the venue became that are still open. */
  openHazards: z.number().int(),
  /** The registry row it is linked to (出租方 / the operator's row), for 三合一 and rented premises. */
  landlordId: z.number().int().nullable(),
  landlordName: z.string().nullable(),
  principal: z.string().nullable(),
  principalPhone: z.string().nullable(),
});
export type VenuePatrolItem = z.infer<typeof venuePatrolItem>;
export const venuePatrolList = z.object({
  month: z.string(),
  items: z.array(venuePatrolItem),
  total: z.number().int(),
  patrolled: z.number().int(),
});
export type VenuePatrolList = z.infer<typeof venuePatrolList>;
