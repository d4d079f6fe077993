import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';

/**
 * Takes a sweep's transaction-scoped advisory lock if no other process holds it: several processes may run the
 * scheduler, and a sweep that finds its lock taken skips (the other one is doing the same work).
 */
export async function trySweepLock(tx: Tx, key: number): Promise<boolean> {
  const res = (await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${key}) AS ok`)) as unknown as { rows: { ok: boolean }[] };
  return res.rows[0]?.ok === true;
}
