import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.ts';
import type { ReadDb } from '../db/read-replica.ts';

/**
 * What /api/metrics reports, in one registry per server (tests build many apps in one process): requests per route
 * template and status class, database connection use, scheduled jobs (sweeps), and Node's process metrics.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'anzhi_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'anzhi_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'anzhi_job_duration_seconds',
    help: 'Run time of scheduled jobs (hazard and plan sweeps, outbound delivery …), by job and outcome',
    labelNames: ['job', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 600],
    registers: [registry],
  });
  const jobLastSuccess = new Gauge({
    name: 'anzhi_job_last_success_timestamp_seconds',
    help: 'Unix time of the last successful run of each scheduled job',
    labelNames: ['job'] as const,
    registers: [registry],
  });

  return {
    registry,
    observeRequest(r: { method: string; route: string | undefined; statusCode: number; seconds: number }) {
      const labels = { method: r.method, route: r.route ?? 'unmatched', status_class: `${Math.floor(r.statusCode / 100)}xx` };
      requests.inc(labels);
      duration.observe(labels, r.seconds);
    },
    /** Called by the scheduler after each run of a job. */
    observeJob(job: string, seconds: number, ok: boolean, at: Date) {
      jobDuration.observe({ job, outcome: ok ? 'success' : 'failure' }, seconds);
      if (ok) jobLastSuccess.set({ job }, at.getTime() / 1000);
    },
    /** Connection use of the primary and, when there is one, the read replica; read at each scrape. */
    watchDatabase(database: Database, readDb: ReadDb) {
      const pools = () => [
        { pool: 'primary', usage: database.usage() },
        ...(readDb.replica ? [{ pool: 'replica', usage: readDb.replica.usage() }] : []),
      ];
      const poolGauge = (name: string, help: string, pick: (u: { total: number; idle: number; waiting: number; max: number }) => number) =>
        new Gauge({
          name,
          help,
          labelNames: ['pool'] as const,
          registers: [registry],
          collect() {
            this.reset();
            for (const { pool, usage } of pools()) if (usage.kind === 'postgres') this.set({ pool }, pick(usage));
          },
        });
      if (database.kind === 'postgres') {
        poolGauge('anzhi_db_pool_connections', 'Open connections of the PostgreSQL pool', (u) => u.total);
        poolGauge('anzhi_db_pool_idle_connections', 'Idle connections of the PostgreSQL pool', (u) => u.idle);
        poolGauge('anzhi_db_pool_waiting_requests', 'Queries waiting for a connection of the PostgreSQL pool', (u) => u.waiting);
        poolGauge('anzhi_db_pool_max_connections', 'Size limit of the PostgreSQL pool', (u) => u.max);
      } else {
        new Gauge({
          name: 'anzhi_db_pglite_pending_operations',
          help: 'Calls to the embedded database (one connection) running or queued',
          registers: [registry],
          collect() {
            const usage = database.usage();
            this.set(usage.kind === 'pglite' ? usage.pending : 0);
          },
        });
      }
      new Gauge({
        name: 'anzhi_db_replica_in_use',
        help: '1 while statistics, exports and the dashboard read from the replica; 0 when they read from the primary',
        registers: [registry],
        collect() {
          this.set(readDb.status().state === 'in-use' ? 1 : 0);
        },
      });
      new Gauge({
        name: 'anzhi_db_replica_lag_seconds',
        help: 'Seconds the replica was behind the primary at the last check (absent without a replica)',
        registers: [registry],
        collect() {
          this.reset();
          const lag = readDb.status().lagSeconds;
          if (readDb.replica && lag !== null) this.set(lag);
        },
      });
    },
    /**
     * A gauge read at each scrape, for a module's own numbers (the job queue's depth, dead letters …):
     * `collect` returns one value, or one per label set.
     */
    addGauge(g: { name: string; help: string; labelNames?: readonly string[]; collect: () => GaugeValues | Promise<GaugeValues> }) {
      new Gauge({
        name: g.name,
        help: g.help,
        labelNames: g.labelNames ?? [],
        registers: [registry],
        async collect() {
          const values = await g.collect();
          this.reset();
          if (typeof values === 'number') this.set(values);
          else for (const v of values) this.set(v.labels, v.value);
        },
      });
    },
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
type GaugeValues = number | Array<{ labels: Record<string, string>; value: number }>;
