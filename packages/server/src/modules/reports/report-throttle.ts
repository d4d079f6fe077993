import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { reportThrottle } from './report.table.ts';

/**
 * Rate-limit bookkeeping of the public form and the tracking lookup (table `report_throttle`): one row per event, in a
 * bucket named by purpose and a keyed digest (lib/identity-cipher.ts) of the address, device or tracking code — never
 * the raw value, since a whistleblower's address identifies them.
 */
export const throttleBuckets = {
  submitAddress: (digest: string) => `submit:address:${digest}`,
  submitDevice: (digest: string) => `submit:device:${digest}`,
  secretAddress: (digest: string) => `secret:address:${digest}`,
  secretCode: (digest: string) => `secret:code:${digest}`,
};

const HOUR_MS = 3_600_000;
/** Rows older than this count for nothing (the longest window is a day); the sweep deletes them. */
export const THROTTLE_KEEP_MS = 2 * 24 * HOUR_MS;

export const reportThrottleRepo = {
  async count(ex: Executor, bucket: string, since: Date): Promise<number> {
    const [row] = await ex
      .select({ n: count() })
      .from(reportThrottle)
      .where(and(eq(reportThrottle.bucket, bucket), gt(reportThrottle.at, since)));
    return Number(row?.n ?? 0);
  },
  async add(ex: Executor, buckets: readonly string[], at: Date): Promise<void> {
    if (buckets.length === 0) return;
    await ex.insert(reportThrottle).values(buckets.map((bucket) => ({ bucket, at })));
  },
};

export const lastHour = (now: Date) => new Date(now.getTime() - HOUR_MS);
export const lastDay = (now: Date) => new Date(now.getTime() - 24 * HOUR_MS);

/**
 * Deletes rate-limit rows older than two days; returns how many. The sweep calls it (idempotent: a second run
 * deletes nothing).
 */
export async function purgeReportThrottle(db: Db, clock: Clock): Promise<number> {
  const before = new Date(clock.now().getTime() - THROTTLE_KEEP_MS);
  const gone = await db.delete(reportThrottle).where(lt(reportThrottle.at, before)).returning({ id: reportThrottle.id });
  return gone.length;
}
