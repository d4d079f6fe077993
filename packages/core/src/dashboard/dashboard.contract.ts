import { z } from 'zod';
import { auditEvent } from '../audit/audit.contract.ts';

export const dashboardSummary = z.object({
  regionCount: z.number().int(),
  villageCount: z.number().int(),
  unitCount: z.number().int(),
  userCount: z.number().int().nullable(),
  recentEvents: z.array(auditEvent),
  /** Hazards in scope; each number equals the total of the ledger filter the web links it to. Null without hazard.read. */
  hazards: z
    .object({
      open: z.number().int(),
      openMajor: z.number().int(),
      overdue: z.number().int(),
      foundThisMonth: z.number().int(),
      closedThisMonth: z.number().int(),
      monthStart: z.string(),
    })
    .nullable(),
});
export type DashboardSummary = z.infer<typeof dashboardSummary>;

export const health = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
  /** Where uploaded files live (local folder or S3-compatible store) and whether it answered just now. */
  storage: z.object({ kind: z.enum(['disk', 's3']), reachable: z.boolean() }),
});
