import { jobRetryStepMs } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/test-db.ts';
import type { Database } from '../../db/client.ts';
import { fixedClock } from '../../lib/clock.ts';
import { enqueueOutboundSql, outboundJob } from '../notifications/notification-jobs.ts';
import { jobRepo } from './job.repo.ts';
import { jobs } from './job.table.ts';
import { createJobWorker, defaultLeaseMs, enqueueJobs, type JobHandler, pruneDoneJobs, queueCheck, queueHealth } from './job-queue.ts';

let database: Database;
const clock = fixedClock(new Date('2026-03-02T01:00:00Z'));
let queueSeq = 0;
let queue = '';

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());
beforeEach(() => {
  // Each test works on a queue of its own, so counts do not depend on the order of the tests.
  queue = `test-${++queueSeq}`;
});

const worker = (workerId: string, random = () => 0.5) => createJobWorker({ db: database.db, clock, workerId, random });
const enqueue = (payloads: Record<string, unknown>[], keys: (string | null)[] = []) =>
  enqueueJobs(
    database.db,
    payloads.map((payload, i) => ({ queue, payload, dedupeKey: keys[i] ?? null })),
    clock.now(),
  );
const rowsOf = (q: string) => database.db.select().from(jobs).where(sql`${jobs.queue} = ${q}`).orderBy(jobs.id);

describe('enqueuing', () => {
  it('enqueues in the caller’s transaction: a rollback leaves nothing, a commit keeps the job, a dedupe key adds it once', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueJobs(tx, [{ queue, payload: { n: 1 } }], clock.now());
        throw new Error('the notice failed');
      }),
    ).rejects.toThrow('the notice failed');
    expect(await rowsOf(queue)).toEqual([]);

    await database.db.transaction((tx) => enqueueJobs(tx, [{ queue, payload: { n: 2 }, dedupeKey: `${queue}:a` }], clock.now()));
    expect(await enqueue([{ n: 3 }, { n: 4 }], [`${queue}:a`, null])).toBe(1);
    const rows = await rowsOf(queue);
    expect(rows.map((r) => [r.payload, r.state, r.attempts, r.maxAttempts])).toEqual([
      [{ n: 2 }, 'queued', 0, 5],
      [{ n: 4 }, 'queued', 0, 5],
    ]);
  });
});

describe('workers', () => {
  it('never gives one job to two workers claiming at once', async () => {
    await enqueue(Array.from({ length: 20 }, (_, n) => ({ n })));
    const seen: number[] = [];
    const handler: JobHandler = async (job) => {
      seen.push((job.payload as { n: number }).n);
      return undefined;
    };
    const results = await Promise.all([worker('a').work(queue, handler, 3), worker('b').work(queue, handler, 3)]);
    expect(results.reduce((s, r) => s + r.done, 0)).toBe(20);
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect((await rowsOf(queue)).every((r) => r.state === 'done' && r.attempts === 1 && r.lockedBy === null)).toBe(true);
  });

  it('takes a job again when its worker died (lease expired), runs it once, and ignores the dead worker’s late answer', async () => {
    await enqueue([{ n: 1 }]);
    const crashed = worker('crashed');
    const [taken] = await crashed.claim(queue, 10);
    expect(taken).toMatchObject({ state: 'running', attempts: 1, lockedBy: 'crashed' });

    const runs: number[] = [];
    const survivor = worker('survivor');
    const handler: JobHandler = async (job) => {
      runs.push(job.id);
      return undefined;
    };
    expect(await survivor.work(queue, handler)).toEqual({ done: 0, skipped: 0, failed: 0, dead: 0 });
    clock.advance(defaultLeaseMs + 1_000);
    expect(await survivor.work(queue, handler)).toMatchObject({ done: 1 });
    expect(await survivor.work(queue, handler)).toMatchObject({ done: 0 });
    expect(runs).toEqual([taken?.id]);

    // The crashed worker comes back and tries to record a failure: it no longer holds the job, so nothing changes.
    expect(await jobRepo.settle(database.db, taken!.id, 'crashed', { state: 'queued', lastError: 'late', finishedAt: null })).toBe(false);
    const [row] = await rowsOf(queue);
    expect(row).toMatchObject({ state: 'done', attempts: 2, lastError: null });
  });

  it('gives back, without counting the attempt, a claimed job whose lease ran low while the batch was held up', async () => {
    await enqueue([{ n: 1 }, { n: 2 }]);
    const ran: number[] = [];
    const slow: JobHandler = async (job) => {
      ran.push((job.payload as { n: number }).n);
      clock.advance(defaultLeaseMs - 30_000);
      return undefined;
    };
    expect(await worker('w').work(queue, slow)).toMatchObject({ done: 1 });
    expect(ran).toEqual([1]);
    expect((await rowsOf(queue)).map((r) => [r.state, r.attempts, r.lockedBy])).toEqual([
      ['done', 1, null],
      ['queued', 0, null],
    ]);
    expect(await worker('w').work(queue, async () => undefined)).toMatchObject({ done: 1 });
  });

  it('retries a failing job with growing, jittered back-off and dead-letters it after its last attempt', async () => {
    await enqueueJobs(database.db, [{ queue, payload: { n: 1 }, maxAttempts: 3 }], clock.now());
    const failing: JobHandler = async () => {
      throw new Error('接收地址返回 HTTP 500');
    };
    const w = worker('w', () => 0.999);
    expect(await w.work(queue, failing)).toMatchObject({ failed: 1, dead: 0 });
    let [row] = await rowsOf(queue);
    expect(row).toMatchObject({ state: 'queued', attempts: 1, lastError: '接收地址返回 HTTP 500', lockedBy: null });
    const firstWait = row!.runAt.getTime() - clock.now().getTime();
    expect(firstWait).toBeGreaterThan(jobRetryStepMs(1) / 2);
    expect(firstWait).toBeLessThanOrEqual(jobRetryStepMs(1));
    // Not due before its time.
    expect(await w.work(queue, failing)).toMatchObject({ failed: 0 });

    clock.advance(jobRetryStepMs(1));
    expect(await w.work(queue, failing)).toMatchObject({ failed: 1 });
    [row] = await rowsOf(queue);
    expect(row!.runAt.getTime() - clock.now().getTime()).toBeGreaterThan(firstWait);

    clock.advance(jobRetryStepMs(2));
    expect(await w.work(queue, failing)).toMatchObject({ failed: 0, dead: 1 });
    [row] = await rowsOf(queue);
    expect(row).toMatchObject({ state: 'dead', attempts: 3 });
    expect(row?.finishedAt).not.toBeNull();
    clock.advance(jobRetryStepMs(10));
    expect(await w.work(queue, failing)).toMatchObject({ failed: 0, dead: 0 });

    // Sent back by the administrator: due now, with its attempts counted afresh.
    const requeued = await jobRepo.requeueDead(database.db, row!.id, clock.now());
    expect(requeued).toMatchObject({ state: 'queued', attempts: 0 });
    expect(await w.work(queue, async () => undefined)).toMatchObject({ done: 1 });
  });

  it('dead-letters a job whose worker died on its last attempt instead of taking it again', async () => {
    await enqueueJobs(database.db, [{ queue, payload: { n: 1 }, maxAttempts: 1 }], clock.now());
    await worker('crashed').claim(queue, 1);
    clock.advance(defaultLeaseMs + 1_000);
    expect(await worker('next').work(queue, async () => undefined)).toMatchObject({ done: 0 });
    const [row] = await rowsOf(queue);
    expect(row).toMatchObject({ state: 'dead', attempts: 1 });
    expect(row?.lastError).toMatch(/处理超时/);
  });

  it('records a skipped job as done with the reason', async () => {
    await enqueue([{ n: 1 }]);
    expect(await worker('w').work(queue, async () => ({ skipped: '用户未填写电子邮箱' }))).toMatchObject({ skipped: 1, done: 0 });
    expect(await rowsOf(queue)).toMatchObject([{ state: 'done', lastError: '用户未填写电子邮箱' }]);
  });
});

describe('queueHealth', () => {
  it('counts queued, running and dead jobs and says how long the oldest due job has waited', async () => {
    const before = await queueHealth(database.db, clock.now());
    await enqueue([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await enqueueJobs(database.db, [{ queue, payload: { later: true }, runAt: new Date(clock.now().getTime() + 3_600_000) }], clock.now());
    await worker('w').claim(queue, 1);
    clock.advance(90_000);
    const h = await queueHealth(database.db, clock.now());
    expect(h.queued - before.queued).toBe(3);
    expect(h.running - before.running).toBe(1);
    expect(h.dead).toBe(before.dead);
    expect(h.oldestQueuedSeconds).toBeGreaterThanOrEqual(90);
  });

  it('is one /api/health check: degraded with dead letters or a backlog no worker takes, else ok', () => {
    const fine = { queued: 2, running: 0, dead: 0, oldestQueuedSeconds: 20 };
    expect(queueCheck(fine)).toEqual({ status: 'ok', details: fine });
    expect(queueCheck({ ...fine, dead: 3 })).toMatchObject({ status: 'degraded', message: expect.stringContaining('3 条外发任务已放弃') });
    expect(queueCheck({ ...fine, oldestQueuedSeconds: 601 })).toMatchObject({
      status: 'degraded',
      message: expect.stringContaining('601 秒'),
    });
  });
});

describe('the sweeps’ set-based enqueue', () => {
  it('writes the same payload and dedupe key as notify’s outboundJob, once per notice for a group channel', async () => {
    const now = clock.now();
    const run = () =>
      database.rows<{ n: number }>(sql`
        WITH n AS (SELECT * FROM (VALUES (900001, 'k:1'), (900002, 'k:1'), (900003, 'k:2')) AS v(id, dedupe_key)),
        d AS (${enqueueOutboundSql(sql`n`, { perRecipient: ['email'], perNotice: ['webhook:wecom:abc'] }, now)})
        SELECT count(*)::int AS n FROM d`);
    expect((await run())[0]?.n).toBe(5);
    expect((await run())[0]?.n).toBe(0);
    const rows = await rowsOf('outbound');
    const expected = [
      outboundJob(900001, 'email'),
      outboundJob(900002, 'email'),
      outboundJob(900003, 'email'),
      outboundJob(900001, 'webhook:wecom:abc'),
      outboundJob(900003, 'webhook:wecom:abc'),
    ];
    const key = (j: { dedupeKey?: string | null }) => j.dedupeKey ?? '';
    expect(
      rows
        .filter((r) => r.dedupeKey?.startsWith('notification:90000'))
        .map((r) => ({ queue: r.queue, payload: r.payload, dedupeKey: r.dedupeKey }))
        .sort((a, b) => key(a).localeCompare(key(b))),
    ).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
    expect(rows.every((r) => r.state === 'queued' && r.maxAttempts === 5)).toBe(true);
  });
});

describe('pruning', () => {
  it('deletes delivered jobs finished more than 90 days ago, in batches; keeps recent, pending and dead ones', async () => {
    // A day after the other tests' jobs finished: theirs are recent, only these are old.
    const day = 86_400_000;
    const now = new Date(clock.now().getTime() + day);
    const row = (state: 'done' | 'dead' | 'queued', finishedDaysAgo: number | null, n: number) => ({
      queue,
      payload: { n },
      state,
      runAt: now,
      maxAttempts: 5,
      createdAt: new Date(now.getTime() - 200 * day),
      finishedAt: finishedDaysAgo === null ? null : new Date(now.getTime() - finishedDaysAgo * day),
    });
    await jobRepo.insert(database.db, [
      ...Array.from({ length: 7 }, (_, i) => row('done', 91 + i, i)),
      row('done', 89, 100),
      row('dead', 180, 101),
      row('queued', null, 102),
    ]);
    expect(await pruneDoneJobs(database.db, now, 3)).toBe(7);
    expect((await rowsOf(queue)).map((r) => (r.payload as { n: number }).n)).toEqual([100, 101, 102]);
    expect(await pruneDoneJobs(database.db, now, 3)).toBe(0);
  });
});
