import { z } from 'zod';
import { auditEvent } from '../audit/audit.contract.ts';

export const dashboardSummary = z.object({
  regionCount: z.number().int(),
  villageCount: z.number().int(),
  unitCount: z.number().int(),
  userCount: z.number().int().nullable(),
  recentEvents: z.array(auditEvent),
});
export type DashboardSummary = z.infer<typeof dashboardSummary>;

export const health = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
