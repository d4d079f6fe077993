import { randomUUID } from 'node:crypto';
import os from 'node:os';
import {
  type HealthCheckResult,
  jobDefaultMaxAttempts,
  jobIsExhausted,
  jobPruneBefore,
  jobRetryDelayMs,
  type QueueHealth,
} from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { type JobRow, jobRepo } from './job.repo.ts';

/** Work to enqueue: its queue, a JSON payload, and a dedupe key that makes enqueuing the same work twice a no-op. */
export interface JobInput {
  queue: string;
  payload: Record<string, unknown>;
  dedupeKey?: string | null;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Enqueues jobs with the caller's executor — inside its transaction, so a rolled-back change enqueues nothing and a
 * committed one cannot lose its job. Returns how many were new (a taken dedupe key is skipped).
 */
export async function enqueueJobs(ex: Executor, items: readonly JobInput[], now: Date): Promise<number> {
  const ids = await jobRepo.insert(
    ex,
    items.map((j) => ({
      queue: j.queue,
      payload: j.payload,
      dedupeKey: j.dedupeKey ?? null,
      state: 'queued' as const,
      runAt: j.runAt ?? now,
      maxAttempts: j.maxAttempts ?? jobDefaultMaxAttempts,
      createdAt: now,
    })),
  );
  return ids.length;
}

/**
 * Deletes the delivered jobs past their retention (`jobDoneRetentionDays`), in batches so no statement holds many
 * rows; dead and pending jobs stay. Returns how many went.
 */
export async function pruneDoneJobs(db: Db, now: Date, batch = 5_000): Promise<number> {
  const before = jobPruneBefore(now);
  let total = 0;
  for (;;) {
    const n = await jobRepo.pruneDone(db, before, batch);
    total += n;
    if (n < batch) return total;
  }
}

/** What a handler may say about a job it finished without sending anything (e.g. the recipient has no address). */
export type JobOutcome = { skipped: string } | undefined;
export type JobHandler = (job: JobRow) => Promise<JobOutcome>;

export interface WorkResult {
  done: number;
  skipped: number;
  failed: number;
  dead: number;
}

/** How long a worker holds a job: well above the channels' own timeouts (20 s), so only a dead worker loses it. */
export const defaultLeaseMs = 5 * 60_000;

const expiredOnLastAttempt = '处理超时（工作进程中断），已达最多尝试次数';

function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.slice(0, 500) || '处理失败';
}

/**
 * A worker of this process. Each claim is one statement (SKIP LOCKED), each job runs under a lease, and a job is
 * settled only while the worker still holds it, so a job whose lease was taken over is not recorded twice.
 */
export function createJobWorker(deps: { db: Db; clock: Clock; workerId?: string; leaseMs?: number; random?: () => number }) {
  const { db, clock } = deps;
  const workerId = deps.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = deps.leaseMs ?? defaultLeaseMs;
  const random = deps.random ?? Math.random;

  async function claim(queue: string, limit: number): Promise<JobRow[]> {
    const now = clock.now();
    await jobRepo.buryExpired(db, queue, now, expiredOnLastAttempt);
    return jobRepo.claim(db, { queue, now, limit, workerId, lockedUntil: new Date(now.getTime() + leaseMs) });
  }

  async function runOne(job: JobRow, handler: JobHandler, result: WorkResult): Promise<void> {
    // A batch runs one job after another: one whose lease is nearly over (a slow mail server held up those before it)
    // is given back rather than started, so no other worker can take it while this one is still sending it.
    if (job.lockedUntil && clock.now().getTime() > job.lockedUntil.getTime() - Math.min(60_000, leaseMs / 2)) {
      await jobRepo.release(db, job.id, workerId);
      return;
    }
    let outcome: JobOutcome;
    try {
      outcome = await handler(job);
    } catch (e) {
      const now = clock.now();
      const dead = jobIsExhausted(job.attempts, job.maxAttempts);
      const runAt = new Date(now.getTime() + (dead ? 0 : jobRetryDelayMs(job.attempts, random())));
      const settled = await jobRepo.settle(db, job.id, workerId, {
        state: dead ? 'dead' : 'queued',
        runAt,
        lastError: errorText(e),
        finishedAt: dead ? now : null,
      });
      if (settled) result[dead ? 'dead' : 'failed']++;
      return;
    }
    const skipped = outcome && 'skipped' in outcome ? outcome.skipped : null;
    const settled = await jobRepo.settle(db, job.id, workerId, { state: 'done', lastError: skipped, finishedAt: clock.now() });
    if (settled) result[skipped ? 'skipped' : 'done']++;
  }

  return {
    workerId,
    /** Claims and runs what is due on `queue`, `limit` at a time, until less than a batch is due. Handler errors are recorded, not thrown. */
    async work(queue: string, handler: JobHandler, limit = 50): Promise<WorkResult> {
      const result: WorkResult = { done: 0, skipped: 0, failed: 0, dead: 0 };
      for (;;) {
        const batch = await claim(queue, Math.max(1, limit));
        for (const job of batch) await runOne(job, handler, result);
        if (batch.length < limit) return result;
      }
    },
    /** Takes jobs without running them: what a worker that dies right after claiming leaves behind (tests). */
    claim,
  };
}

/** The queue's state for /api/health and /api/metrics: counts per state and how long the oldest due job has waited. */
export async function queueHealth(ex: Executor, now: Date = new Date()): Promise<QueueHealth> {
  const c = await jobRepo.counts(ex, now);
  const oldestQueuedSeconds = c.oldestDue ? Math.max(0, Math.round((now.getTime() - c.oldestDue.getTime()) / 1000)) : 0;
  return { queued: c.queued, running: c.running, dead: c.dead, oldestQueuedSeconds };
}

/** A due job waiting longer than this means no worker is delivering (every process runs one every 15 s). */
const STALLED_SECONDS = 600;

/** The queue as one /api/health check: degraded with dead letters or a stalled backlog, for the operator to look at. */
export function queueCheck(q: QueueHealth): HealthCheckResult {
  const details = { ...q };
  if (q.oldestQueuedSeconds > STALLED_SECONDS)
    return { status: 'degraded', message: `最早的待发任务已等待 ${q.oldestQueuedSeconds} 秒，请检查外发进程`, details };
  if (q.dead > 0) return { status: 'degraded', message: `${q.dead} 条外发任务已放弃，请在“外发队列”中查看并重试`, details };
  return { status: 'ok', details };
}
