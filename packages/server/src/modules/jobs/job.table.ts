import type { JobState } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The durable queue of outbound work (ADR 0016): enqueued in the caller's transaction, claimed with
 * FOR UPDATE SKIP LOCKED under a lease, retried with back-off, dead-lettered after `max_attempts`.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    queue: text('queue').notNull(),
    payload: jsonb('payload').notNull(),
    /** Unique while set: enqueuing the same work twice (a sweep's second run, a retried request) adds nothing. */
    dedupeKey: text('dedupe_key'),
    /** queued | running | done | dead */
    state: text('state').$type<JobState>().notNull().default('queued'),
    /** When a queued job is due (its retry time after a failure). */
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    lastError: text('last_error'),
    /** The worker holding a running job, and until when: past it, the job is taken again (its worker died). */
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_dedupe_uq').on(t.dedupeKey).where(sql`${t.dedupeKey} IS NOT NULL`),
    index('jobs_due_idx').on(t.queue, t.state, t.runAt),
    index('jobs_state_idx').on(t.state, t.id),
  ],
);

/**
 * One row per scheduled job (sweeps, automatic backups): the time slot it last ran for and who ran it. A process
 * runs a slot only if it moves this row forward, so several processes on one database run each slot exactly once.
 */
export const scheduledRuns = pgTable('scheduled_runs', {
  name: text('name').primaryKey(),
  slotStart: timestamp('slot_start', { withTimezone: true }).notNull(),
  runBy: text('run_by').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  lastError: text('last_error'),
});
