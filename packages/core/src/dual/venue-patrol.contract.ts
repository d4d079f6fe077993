import { z } from 'zod';
import { riskLevels } from '../enterprise/enterprise.dict.ts';

/**
 * A grid's 小场所 patrol list for a month (`GET /api/v1/venue-patrols?month=YYYY-MM&regionCode=`): the small venues of
 * the grid (registry rows with a 九小场所 type) with their type's default colour and checklist, and whether and when
 * they were patrolled this month. The phone caches it for offline patrols; a patrol is posted as a check record of
 * kind `patrol` (check-record.contract.ts) for the venue's enterpriseId.
 */
export const venuePatrolQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-03')
    .optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/, '区划代码应为 6–12 位数字')
    .optional(),
});

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
});
export type VenuePatrolItem = z.infer<typeof venuePatrolItem>;
export const venuePatrolList = z.object({
  month: z.string(),
  items: z.array(venuePatrolItem),
  total: z.number().int(),
  patrolled: z.number().int(),
});
export type VenuePatrolList = z.infer<typeof venuePatrolList>;
