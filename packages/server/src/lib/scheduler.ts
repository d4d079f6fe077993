import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.ts';
import { writeAutomaticBackup } from './backup.ts';
import type { Clock } from './clock.ts';

/**
 * In-process timers. PGlite never fsyncs (research/embedded-db-probe.md), so the embedded database is backed up
 * on a schedule next to its data; later modules add their sweeps here.
 */
export function startScheduler(deps: {
  database: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  backupDir: string;
  intervalHours: number;
  keep: number;
  /** Recurring jobs (sweeps): each run is awaited before the next can start, and errors are logged, not thrown. */
  jobs?: Array<{ name: string; everyMs: number; run: () => Promise<unknown> }>;
  /** Told after each run of a job (/api/metrics: durations and last success). */
  observe?: (job: string, seconds: number, ok: boolean, at: Date) => void;
}) {
  const timers: NodeJS.Timeout[] = [];
  for (const job of deps.jobs ?? []) {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      const started = performance.now();
      let ok = false;
      try {
        await job.run();
        ok = true;
      } catch (err) {
        deps.log.error({ err, job: job.name }, 'scheduled job failed');
      } finally {
        running = false;
        deps.observe?.(job.name, (performance.now() - started) / 1000, ok, deps.clock.now());
      }
    };
    timers.push(setTimeout(tick, 5_000).unref());
    timers.push(setInterval(tick, job.everyMs).unref());
  }
  if (deps.intervalHours > 0) {
    const run = async () => {
      const started = performance.now();
      let ok = false;
      try {
        const { file, header, removed } = await writeAutomaticBackup(deps.database, deps.backupDir, deps.clock.now(), deps.keep);
        deps.log.info({ file, tables: header.tables, removed }, 'automatic backup written');
        ok = true;
      } catch (err) {
        deps.log.error({ err }, 'automatic backup failed');
      } finally {
        deps.observe?.('automatic backup', (performance.now() - started) / 1000, ok, deps.clock.now());
      }
    };
    // First backup a minute after start, then every interval.
    timers.push(setTimeout(run, 60_000).unref());
    timers.push(setInterval(run, deps.intervalHours * 3_600_000).unref());
  }
  return {
    stop: () => {
      for (const t of timers) clearTimeout(t);
    },
  };
}
