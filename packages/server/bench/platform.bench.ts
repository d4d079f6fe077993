import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, runMigrations } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { systemClock } from '../src/lib/clock.ts';
import { type BenchContext, percentile, time } from './harness.ts';

const config = loadConfig({ LOG_LEVEL: 'silent', ANZHI_LOGIN_RATE_PER_MINUTE: '100000', ANZHI_DATA_DIR: '/tmp/anzhi-bench-unused' });

/** Start-up: open the database, migrate, build the app, answer /api/health. */
export async function startup(ctx: BenchContext) {
  const database = await ctx.fresh();
  await database.close();
  // Second start on an existing database: what a township PC does every morning.
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [ms] = await time(async () => {
      const db = ctx.kind === 'pglite' ? await openDatabase({ pgliteDir: (database as { dir?: string }).dir }) : await ctx.fresh();
      await runMigrations(db);
      const app = await buildApp({ config, database: db, clock: systemClock, logger: false });
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      if (res.statusCode !== 200) throw new Error('health failed');
      await app.close();
      await db.close();
    });
    samples.push(ms);
  }
  ctx.record('server.startup.ms', percentile(samples, 50), 'ms');
}

/** Login round trip (argon2id verify dominates) and an authenticated read. */
export async function login(ctx: BenchContext) {
  const database = await ctx.fresh();
  await seedDemo(database, systemClock);
  const app = await buildApp({ config, database, clock: systemClock, logger: false });
  const samples: number[] = [];
  let cookie = '';
  for (let i = 0; i < 30; i++) {
    const [ms, res] = await time(() =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'anweiban', password: DEMO_PASSWORD } }),
    );
    if (res.statusCode !== 200) throw new Error(`login failed ${res.body}`);
    cookie = String(res.headers['set-cookie']).split(';')[0] as string;
    samples.push(ms);
  }
  ctx.record('auth.login.p50_ms', percentile(samples, 50), 'ms');
  ctx.record('auth.login.p95_ms', percentile(samples, 95), 'ms');
  const reads: number[] = [];
  for (let i = 0; i < 200; i++) {
    const [ms] = await time(() => app.inject({ method: 'GET', url: '/api/v1/users?pageSize=20', headers: { cookie } }));
    reads.push(ms);
  }
  ctx.record('user.list.p95_ms', percentile(reads, 95), 'ms');
  await app.close();
  await database.close();
}

/**
 * How much a long query blocks other requests. PGlite runs on the main thread, so while a ~200 ms aggregate runs,
 * nothing else is answered; PostgreSQL runs it in another process. Measures /api/health latency alone and while
 * aggregates run back to back (ADR 0003).
 */
export async function blocking(ctx: BenchContext) {
  const database = await ctx.fresh();
  const app = await buildApp({ config, database, clock: systemClock, logger: false });
  const aggregate = sql`SELECT count(*) FROM generate_series(1, 600000) g WHERE g % 7 = 3`;
  const [aggMs] = await time(() => database.rows(aggregate));
  ctx.record('db.aggregate_600k.ms', Number(aggMs.toFixed(1)), 'ms');
  const probe = async (n: number) => {
    const out: number[] = [];
    // Latency counted from when the request was due, so time spent waiting for a blocked event loop counts.
    for (let i = 0; i < n; i++) {
      const due = performance.now() + 5;
      await new Promise((r) => setTimeout(r, 5));
      await app.inject({ method: 'GET', url: '/api/health' });
      out.push(performance.now() - due);
    }
    return out;
  };
  const idle = await probe(100);
  let running = true;
  const load = (async () => {
    // Other users' requests arrive between aggregates (setImmediate lets the event loop turn).
    while (running) {
      await database.rows(aggregate);
      await new Promise((r) => setImmediate(r));
    }
  })();
  const busy = await probe(100);
  running = false;
  await load;
  ctx.record('health.p95_ms.idle', percentile(idle, 95), 'ms');
  ctx.record('health.p95_ms.during_aggregates', percentile(busy, 95), 'ms');
  await app.close();
  await database.close();
}
