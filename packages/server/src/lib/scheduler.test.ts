import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/test-db.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { runHazardSweep } from '../modules/hazards/hazard-sweep.ts';
import { scheduledRunRepo } from '../modules/jobs/scheduled-run.repo.ts';
import { runPlanSweep } from '../modules/plans/plan-sweep.ts';
import { fixedClock } from './clock.ts';
import { type ScheduledJob, startScheduler } from './scheduler.ts';

let primary: Database & { url?: string };
/** The second process's own connection (PostgreSQL); on the embedded database both share the one connection. */
let second: Database;
let backupDir: string;
const clock = fixedClock(new Date('2026-03-02T01:00:00Z'));
const log = pino({ level: 'silent' });

beforeAll(async () => {
  primary = await freshDatabase();
  second = primary.url ? await openDatabase({ databaseUrl: primary.url, poolSize: 2 }) : primary;
  backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-sched-'));
});
afterAll(async () => {
  if (second !== primary) await second.close();
  await primary.close();
  fs.rmSync(backupDir, { recursive: true, force: true });
});

const tenMinutes = 600_000;

/** What a server process runs (main.ts): the sweeps, an outbound worker, and automatic backups every hour. */
function processScheduler(database: Database, runBy: string, counts: Record<string, number>) {
  const counted = (name: string, run: () => Promise<unknown>) => async () => {
    counts[name] = (counts[name] ?? 0) + 1;
    return run();
  };
  const jobs: ScheduledJob[] = [
    {
      name: 'hazard sweep',
      everyMs: tenMinutes,
      run: counted('hazard sweep', async () => {
        await runHazardSweep(database.db, clock.now());
        await runPlanSweep(database.db, clock.now());
      }),
    },
    { name: 'outbound notifications', everyMs: 15_000, exclusive: false, run: counted('outbound notifications', async () => 0) },
    {
      name: 'flaky',
      everyMs: tenMinutes,
      run: counted('flaky', async () => {
        throw new Error('磁盘已满');
      }),
    },
  ];
  return startScheduler({ database, clock, log, backupDir, intervalHours: 1, keep: 5, jobs, runBy, timers: false });
}

const backups = () => fs.readdirSync(backupDir).filter((f) => f.startsWith('anzhi-auto-'));

describe('scheduled jobs across processes (lease rows in scheduled_runs)', () => {
  it('runs each exclusive job once per slot, whichever of two processes ticks, and every worker job in both', async () => {
    const counts: Record<string, number> = {};
    const a = processScheduler(primary, 'process-a', counts);
    const b = processScheduler(second, 'process-b', counts);

    const [ta, tb] = await Promise.all([a.tick(), b.tick()]);
    for (const name of ['hazard sweep', 'automatic backup', 'flaky']) {
      expect(
        [ta[name], tb[name]].filter((o) => o === 'taken'),
        name,
      ).toHaveLength(1);
    }
    expect(counts).toEqual({ 'hazard sweep': 1, 'outbound notifications': 2, flaky: 1 });
    expect(backups()).toHaveLength(1);

    // Later in the same slots: nobody runs them again.
    clock.advance(60_000);
    expect(await a.tick()).toMatchObject({ 'hazard sweep': 'taken', 'automatic backup': 'taken', flaky: 'taken' });
    expect(await b.tick()).toMatchObject({ 'hazard sweep': 'taken', 'automatic backup': 'taken', flaky: 'taken' });
    expect(counts).toMatchObject({ 'hazard sweep': 1, flaky: 1 });

    // The next ten-minute slot: the sweep and the failing job once more; the hourly backup not yet.
    clock.advance(tenMinutes);
    await Promise.all([b.tick(), a.tick()]);
    expect(counts).toMatchObject({ 'hazard sweep': 2, flaky: 2 });
    expect(backups()).toHaveLength(1);

    clock.advance(3_600_000);
    await Promise.all([a.tick(), b.tick()]);
    expect(counts).toMatchObject({ 'hazard sweep': 3, flaky: 3 });
    expect(backups()).toHaveLength(2);

    const runs = await scheduledRunRepo.list(primary.db);
    expect(runs.map((r) => r.name)).toEqual(['automatic backup', 'flaky', 'hazard sweep']);
    expect(runs.find((r) => r.name === 'flaky')).toMatchObject({ lastError: '磁盘已满' });
    expect(runs.find((r) => r.name === 'hazard sweep')).toMatchObject({ lastError: null });
    expect(runs.every((r) => r.finishedAt !== null && ['process-a', 'process-b'].includes(r.runBy))).toBe(true);
  });

  it('claims a slot once under concurrent claims, and never goes back to an earlier slot', async () => {
    const slot = new Date('2026-03-02T02:00:00Z');
    const claims = await Promise.all(
      Array.from({ length: 6 }, (_, i) => scheduledRunRepo.claim(i % 2 ? second.db : primary.db, 'race', slot, `p${i}`, clock.now())),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await scheduledRunRepo.claim(primary.db, 'race', new Date('2026-03-02T01:50:00Z'), 'late', clock.now())).toBe(false);
    expect(await scheduledRunRepo.claim(primary.db, 'race', new Date('2026-03-02T02:10:00Z'), 'next', clock.now())).toBe(true);
  });
});
