import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scheduledRuns } from './job.table.ts';

export type ScheduledRunRow = typeof scheduledRuns.$inferSelect;

export const scheduledRunRepo = {
  /**
   * Takes the slot starting at `slotStart` for `runBy`: true when this call moved the job's row forward to it. One
   * statement; a concurrent claim of the same slot waits on the row and then finds it already there, so exactly one
   * process runs each slot.
   */
  async claim(ex: Executor, name: string, slotStart: Date, runBy: string, now: Date): Promise<boolean> {
    const rows = await ex
      .insert(scheduledRuns)
      .values({ name, slotStart, runBy, startedAt: now })
      .onConflictDoUpdate({
        target: scheduledRuns.name,
        set: { slotStart, runBy, startedAt: now, finishedAt: null, lastError: null },
        setWhere: sql`${scheduledRuns.slotStart} < excluded.slot_start`,
      })
      .returning({ name: scheduledRuns.name });
    return rows.length > 0;
  },

  async finish(ex: Executor, name: string, slotStart: Date, runBy: string, now: Date, lastError: string | null): Promise<void> {
    await ex
      .update(scheduledRuns)
      .set({ finishedAt: now, lastError })
      .where(and(eq(scheduledRuns.name, name), eq(scheduledRuns.slotStart, slotStart), eq(scheduledRuns.runBy, runBy)));
  },

  async list(ex: Executor): Promise<ScheduledRunRow[]> {
    return ex.select().from(scheduledRuns).orderBy(scheduledRuns.name);
  },
};
