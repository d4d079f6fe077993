import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../users/user.table.ts';
import { criteriaSets } from './criteria.table.ts';

export type CriteriaSetRow = typeof criteriaSets.$inferSelect;
export type CriteriaSetRowWithName = CriteriaSetRow & { updatedByName: string | null };

/** Serialises writes to the library, so each plan is made against the state it is applied to. */
const WRITE_LOCK = 7350021;

interface Stamp {
  n: number;
  at: string | null;
}

export const criteriaRepo = {
  async list(ex: Executor): Promise<CriteriaSetRowWithName[]> {
    return ex
      .select({
        id: criteriaSets.id,
        data: criteriaSets.data,
        retiredAt: criteriaSets.retiredAt,
        retiredReason: criteriaSets.retiredReason,
        updatedBy: criteriaSets.updatedBy,
        updatedAt: criteriaSets.updatedAt,
        updatedByName: users.displayName,
      })
      .from(criteriaSets)
      .leftJoin(users, eq(users.id, criteriaSets.updatedBy))
      .orderBy(criteriaSets.updatedAt, criteriaSets.id);
  },

  async find(ex: Executor, id: string): Promise<CriteriaSetRow | undefined> {
    const [row] = await ex.select().from(criteriaSets).where(eq(criteriaSets.id, id)).limit(1);
    return row;
  },

  /** Changes whenever a row is written: writes are serialised and each one moves `updated_at` forward. */
  async stamp(ex: Executor): Promise<string> {
    const result = (await ex.execute(
      sql`SELECT count(*)::int AS n, max(${criteriaSets.updatedAt})::text AS at FROM ${criteriaSets}`,
    )) as unknown as { rows: Stamp[] };
    const row = result.rows[0];
    return `${row?.n ?? 0}|${row?.at ?? ''}`;
  },

  /**
   * Takes the write lock and returns the time to stamp the write with: now, or just after the last write when the
   * clock has not moved (two writes in one millisecond, or a fixed test clock), so other processes see the change.
   */
  async lockForWrite(ex: Executor, now: Date): Promise<Date> {
    await ex.execute(sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
    const result = (await ex.execute(
      sql`SELECT (extract(epoch FROM max(${criteriaSets.updatedAt})) * 1000)::float8 AS ms FROM ${criteriaSets}`,
    )) as unknown as { rows: { ms: number | string | null }[] };
    const last = result.rows[0]?.ms;
    // Stored with microseconds: the next whole millisecond is the first one surely after it.
    const next = last == null ? Number.NEGATIVE_INFINITY : Math.floor(Number(last)) + 1;
    return now.getTime() >= next ? now : new Date(next);
  },

  /** Stores a set's content; a retirement on the row stays as it was. */
  async saveData(ex: Executor, id: string, data: unknown, updatedBy: number, updatedAt: Date): Promise<void> {
    await ex
      .insert(criteriaSets)
      .values({ id, data, updatedBy, updatedAt })
      .onConflictDoUpdate({ target: criteriaSets.id, set: { data, updatedBy, updatedAt } });
  },

  /** Retires (reason given) or restores (null) a set; a shipped set gets a row without content. */
  async setRetired(ex: Executor, id: string, retired: { at: Date; reason: string } | null, updatedBy: number, updatedAt: Date) {
    const values = { retiredAt: retired?.at ?? null, retiredReason: retired?.reason ?? null, updatedBy, updatedAt };
    await ex
      .insert(criteriaSets)
      .values({ id, data: null, ...values })
      .onConflictDoUpdate({ target: criteriaSets.id, set: values });
  },
};
