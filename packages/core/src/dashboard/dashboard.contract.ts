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

/** One part of the platform besides the database (file storage, job queue …), as its module reports it. */
export const healthCheckResult = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  /** What is wrong, for the operator (Chinese). */
  message: z.string().optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type HealthCheckResult = z.infer<typeof healthCheckResult>;

/** Where statistics, exports and the dashboard read: `none` = no replica (or the embedded database); else its state. */
export const replicaHealth = z.object({
  state: z.enum(['none', 'in-use', 'unreachable', 'lagging']),
  lagSeconds: z.number().nullable(),
  maxLagSeconds: z.number(),
  checkedAt: z.string().nullable(),
});

export const health = z.object({
  /** `degraded`: the server answers, but reads fell back to the primary or a check below is down. */
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
  /** Where uploaded files live (local folder or S3-compatible store) and whether it answered just now. */
  storage: z.object({ kind: z.enum(['disk', 's3']), reachable: z.boolean() }),
  replica: replicaHealth,
  /** Filled by the modules that register a check (`storage`, `queue`). */
  checks: z.record(z.string(), healthCheckResult),
});
export type Health = z.infer<typeof health>;
