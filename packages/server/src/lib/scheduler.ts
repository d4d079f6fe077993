import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.ts';
import { scheduledRunRepo } from '../modules/jobs/scheduled-run.repo.ts';
import { writeAutomaticBackup } from './backup.ts';
import type { Clock } from './clock.ts';

export interface ScheduledJob {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
  /**
   * true (default): each time slot of `everyMs` runs in one process only, whichever claims the slot's lease row
   * (`scheduled_runs`) first. false: every process runs it (a queue worker, whose claims are exclusive already).
   */
  exclusive?: boolean;
  /** First tick after start; default 5 s. */
  firstDelayMs?: number;
}

export type TickOutcome = 'ran' | 'failed' | 'taken' | 'busy';

/** The slot a moment falls in: slots are aligned to the epoch, so every process computes the same ones. */
export function slotStartOf(now: Date, everyMs: number): Date {
  return new Date(Math.floor(now.getTime() / everyMs) * everyMs);
}

/**
 * In-process timers for the sweeps, the outbound worker and automatic backups. Several processes may run on one
 * database: an exclusive job runs once per slot across all of them (the lease row), and a run is awaited before the
 * same process ticks it again. PGlite never fsyncs (research/embedded-db-probe.md), so the embedded database is backed
 * up on a schedule next to its data.
 */
export function startScheduler(deps: {
  database: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  backupDir: string;
  intervalHours: number;
  keep: number;
  jobs?: ScheduledJob[];
  /** Who runs the slots (in `scheduled_runs.run_by`); default host:pid. */
  runBy?: string;
  /** Start the timers (default); false: only `tick` runs jobs (tests). */
  timers?: boolean;
  /** Told after each run of a job in this process (/api/metrics: durations and last success). */
  observe?: (job: string, seconds: number, ok: boolean, at: Date) => void;
}) {
  const { database, clock, log } = deps;
  const runBy = deps.runBy ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const jobs: ScheduledJob[] = [...(deps.jobs ?? [])];
  if (deps.intervalHours > 0) {
    jobs.push({
      name: 'automatic backup',
      everyMs: deps.intervalHours * 3_600_000,
      firstDelayMs: 60_000,
      run: async () => {
        const { file, header, removed } = await writeAutomaticBackup(database, deps.backupDir, clock.now(), deps.keep);
        log.info({ file, tables: header.tables, removed }, 'automatic backup written');
        return file;
      },
    });
  }

  const running = new Set<string>();
  async function tick(job: ScheduledJob): Promise<TickOutcome> {
    if (running.has(job.name)) return 'busy';
    running.add(job.name);
    const slot = slotStartOf(clock.now(), job.everyMs);
    const exclusive = job.exclusive ?? true;
    try {
      if (exclusive && !(await scheduledRunRepo.claim(database.db, job.name, slot, runBy, clock.now()))) return 'taken';
      let error: string | null = null;
      const started = performance.now();
      try {
        await job.run();
      } catch (err) {
        error = (err instanceof Error ? err.message : String(err)).slice(0, 500) || '失败';
        log.error({ err, job: job.name }, 'scheduled job failed');
      }
      deps.observe?.(job.name, (performance.now() - started) / 1000, error === null, clock.now());
      if (exclusive) await scheduledRunRepo.finish(database.db, job.name, slot, runBy, clock.now(), error);
      return error ? 'failed' : 'ran';
    } catch (err) {
      log.error({ err, job: job.name }, 'scheduled job failed');
      return 'failed';
    } finally {
      running.delete(job.name);
    }
  }

  const timers: NodeJS.Timeout[] = [];
  if (deps.timers ?? true) {
    for (const job of jobs) {
      timers.push(setTimeout(() => void tick(job), job.firstDelayMs ?? 5_000).unref());
      timers.push(setInterval(() => void tick(job), job.everyMs).unref());
    }
  }
  return {
    runBy,
    /** Ticks every job once now, as the timers would; what each did (ran, failed, taken by another process, still busy). */
    async tick(): Promise<Record<string, TickOutcome>> {
      const outcomes = await Promise.all(jobs.map(async (job) => [job.name, await tick(job)] as const));
      return Object.fromEntries(outcomes);
    },
    stop: () => {
      for (const t of timers) clearTimeout(t);
    },
  };
}
