import type { JobState } from '@anzhi/core';
import { and, asc, desc, eq, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { jobs } from './job.table.ts';

export type JobRow = typeof jobs.$inferSelect;
export type JobInsert = typeof jobs.$inferInsert;

const is = (state: JobState) => eq(jobs.state, state);
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** A queued job that is due, or a running one whose worker's lease ran out (the worker died or hung). */
function claimable(queue: string, now: Date): SQL | undefined {
  return and(eq(jobs.queue, queue), or(and(is('queued'), lte(jobs.runAt, now)), and(is('running'), lt(jobs.lockedUntil, now))));
}

export const jobRepo = {
  /** Inserts the jobs in the caller's transaction; one whose dedupe key is taken is left out. Returns the new ids. */
  async insert(ex: Executor, rows: JobInsert[]): Promise<number[]> {
    if (rows.length === 0) return [];
    const inserted = await ex.insert(jobs).values(rows).onConflictDoNothing().returning({ id: jobs.id });
    return inserted.map((r) => r.id);
  },

  /** Deletes up to `limit` delivered jobs finished before `before`, oldest first; returns how many. */
  async pruneDone(ex: Executor, before: Date, limit: number): Promise<number> {
    const ids = ex
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(is('done'), lt(jobs.finishedAt, before)))
      .orderBy(jobs.id)
      .limit(limit);
    const rows = await ex.delete(jobs).where(inArray(jobs.id, ids)).returning({ id: jobs.id });
    return rows.length;
  },

  /**
   * Jobs whose lease ran out on their last attempt go to the dead-letter list instead of being taken again.
   * Returns how many.
   */
  async buryExpired(ex: Executor, queue: string, now: Date, lastError: string): Promise<number> {
    const rows = await ex
      .update(jobs)
      .set({ state: 'dead', lockedBy: null, lockedUntil: null, finishedAt: now, lastError })
      .where(and(eq(jobs.queue, queue), is('running'), lt(jobs.lockedUntil, now), sql`${jobs.attempts} >= ${jobs.maxAttempts}`))
      .returning({ id: jobs.id });
    return rows.length;
  },

  /**
   * Takes up to `limit` claimable jobs for `workerId` until `lockedUntil`, counting the attempt, in one statement:
   * FOR UPDATE SKIP LOCKED lets concurrent workers (other processes) pass over each other's rows, so no job is
   * taken twice.
   */
  async claim(ex: Executor, o: { queue: string; now: Date; limit: number; workerId: string; lockedUntil: Date }): Promise<JobRow[]> {
    const ids = ex
      .select({ id: jobs.id })
      .from(jobs)
      .where(claimable(o.queue, o.now))
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(o.limit)
      .for('update', { skipLocked: true });
    const claimed = await ex
      .update(jobs)
      .set({ state: 'running', attempts: sql`${jobs.attempts} + 1`, lockedBy: o.workerId, lockedUntil: o.lockedUntil })
      .where(inArray(jobs.id, ids))
      .returning();
    return claimed.sort((a, b) => a.id - b.id);
  },

  /**
   * Settles a job the worker still holds (its lease not taken over by another worker); false when it no longer
   * holds it, and then nothing is written.
   */
  async settle(
    ex: Executor,
    id: number,
    workerId: string,
    values: { state: JobState; runAt?: Date; lastError: string | null; finishedAt: Date | null },
  ): Promise<boolean> {
    const rows = await ex
      .update(jobs)
      .set({ ...values, lockedBy: null, lockedUntil: null })
      .where(and(eq(jobs.id, id), is('running'), eq(jobs.lockedBy, workerId)))
      .returning({ id: jobs.id });
    return rows.length > 0;
  },

  /** Gives back a claimed job without counting the attempt (the worker will not get to it within its lease). */
  async release(ex: Executor, id: number, workerId: string): Promise<void> {
    await ex
      .update(jobs)
      .set({ state: 'queued', attempts: sql`greatest(${jobs.attempts} - 1, 0)`, lockedBy: null, lockedUntil: null })
      .where(and(eq(jobs.id, id), is('running'), eq(jobs.lockedBy, workerId)));
  },

  async list(ex: Executor, q: { state?: JobState; queue?: string; page: number; pageSize: number }) {
    const where = and(q.state ? is(q.state) : undefined, q.queue ? eq(jobs.queue, q.queue) : undefined);
    const items = await ex
      .select()
      .from(jobs)
      .where(where)
      .orderBy(desc(jobs.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [count] = await ex.select({ n: sql<number>`count(*)::int` }).from(jobs).where(where);
    return { items, total: Number(count?.n ?? 0) };
  },

  async get(ex: Executor, id: number): Promise<JobRow | undefined> {
    const [row] = await ex.select().from(jobs).where(eq(jobs.id, id));
    return row;
  },

  /** A dead job back in the queue, due now, with a fresh count of attempts; undefined when it is not dead. */
  async requeueDead(ex: Executor, id: number, now: Date): Promise<JobRow | undefined> {
    const [row] = await ex
      .update(jobs)
      .set({ state: 'queued', attempts: 0, runAt: now, finishedAt: null, lockedBy: null, lockedUntil: null })
      .where(and(eq(jobs.id, id), is('dead')))
      .returning();
    return row;
  },

  async counts(ex: Executor, now: Date) {
    const [row] = await ex
      .select({
        queued: sql<number>`count(*) FILTER (WHERE ${is('queued')})::int`,
        running: sql<number>`count(*) FILTER (WHERE ${is('running')})::int`,
        dead: sql<number>`count(*) FILTER (WHERE ${is('dead')})::int`,
        oldestDue: sql<string | null>`min(${jobs.runAt}) FILTER (WHERE ${is('queued')} AND ${jobs.runAt} <= ${at(now)})`,
      })
      .from(jobs)
      .where(inArray(jobs.state, ['queued', 'running', 'dead'] satisfies JobState[]));
    return {
      queued: Number(row?.queued ?? 0),
      running: Number(row?.running ?? 0),
      dead: Number(row?.dead ?? 0),
      oldestDue: row?.oldestDue ? new Date(row.oldestDue) : null,
    };
  },
};
