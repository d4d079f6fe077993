import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { sql } from '../../db/client.ts';
import { createMetrics } from '../../lib/metrics.ts';
import { startScheduler } from '../../lib/scheduler.ts';

/**
 * A strict reading of the Prometheus text exposition format (0.0.4): every line is a HELP, a TYPE or a sample of a
 * declared family, values are numbers, label values quoted. Returns the samples by their full name with labels.
 */
function parsePrometheusText(text: string): Map<string, number> {
  const families = new Map<string, string>();
  const samples = new Map<string, number>();
  const name = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  const help = new RegExp(`^# HELP (${name}) .*$`);
  const type = new RegExp(`^# TYPE (${name}) (counter|gauge|histogram|summary|untyped)$`);
  const label = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
  const sample = new RegExp(`^(${name})(\\{(?:${label}(?:,${label})*)?,?\\})? (\\S+)( -?\\d+)?$`);
  const suffixes = ['_bucket', '_sum', '_count', '_total', ''];
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.split('\n').slice(0, -1)) {
    if (line === '') continue;
    const t = type.exec(line);
    if (t) {
      expect(families.has(t[1] as string), `TYPE of ${t[1]} declared twice`).toBe(false);
      families.set(t[1] as string, t[2] as string);
      continue;
    }
    if (help.test(line)) continue;
    const s = sample.exec(line);
    if (!s) throw new Error(`not Prometheus text: ${line}`);
    const metric = s[1] as string;
    const family = suffixes.map((x) => (x && metric.endsWith(x) ? metric.slice(0, -x.length) : metric)).find((f) => families.has(f));
    expect(family, `${metric} has no TYPE line`).toBeDefined();
    const value = s[3] as string;
    expect(value, line).toMatch(/^([+-]?\d+(\.\d+)?(e[+-]?\d+)?|[+-]?inf|nan)$/i); // Go's ParseFloat, as Prometheus reads it
    samples.set(`${metric}${s[2] ?? ''}`, Number(value.replace('Inf', 'Infinity')));
  }
  return samples;
}

let t: TestApp;
const pendingOf = () => {
  const usage = t.database.usage();
  return usage.kind === 'pglite' ? usage.pending : -1;
};

beforeAll(async () => {
  t = await startTestApp();
  await seedOrg(t.database);
});
afterAll(() => t.close());

const scrape = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/metrics' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/plain; version=0.0.4');
  return parsePrometheusText(res.body);
};

describe('/api/metrics', () => {
  it('answers Prometheus text that counts the requests made, per route template and status class', async () => {
    const office = await loginAs(t.app, 'office');
    const units = 'anzhi_http_requests_total{method="GET",route="/api/v1/units/:id",status_class="2xx"}';
    const missing = 'anzhi_http_requests_total{method="GET",route="/api/v1/units/:id",status_class="4xx"}';
    const before = await scrape();
    const unitIds = (await office.get('/api/v1/units')).json().items.map((u: { id: number }) => u.id) as number[];
    for (const id of unitIds.slice(0, 2)) expect((await office.get(`/api/v1/units/${id}`)).statusCode).toBe(200);
    expect((await office.get('/api/v1/units/999999')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/no-such-route' })).statusCode).toBe(404);
    const after = await scrape();

    expect((after.get(units) ?? 0) - (before.get(units) ?? 0)).toBe(2);
    expect((after.get(missing) ?? 0) - (before.get(missing) ?? 0)).toBe(1);
    // The latency histogram counts the same requests, and the +Inf bucket holds them all.
    const hist = 'anzhi_http_request_duration_seconds_count{method="GET",route="/api/v1/units/:id",status_class="2xx"}';
    expect((after.get(hist) ?? 0) - (before.get(hist) ?? 0)).toBe(2);
    const inf = 'anzhi_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/v1/units/:id",status_class="2xx"}';
    expect(after.get(inf)).toBe(after.get(hist));
    // An unknown path is one label, not one per URL (no unbounded label values).
    expect(after.get('anzhi_http_requests_total{method="GET",route="unmatched",status_class="4xx"}')).toBeGreaterThanOrEqual(1);
    expect([...after.keys()].some((k) => k.includes('no-such-route') || k.includes('999999'))).toBe(false);
  });

  it('reports database use and process metrics', async () => {
    const samples = await scrape();
    if (t.database.kind === 'postgres') {
      expect(samples.get('anzhi_db_pool_connections{pool="primary"}')).toBeGreaterThanOrEqual(1);
      expect(samples.get('anzhi_db_pool_max_connections{pool="primary"}')).toBe(5);
      expect(samples.has('anzhi_db_pool_waiting_requests{pool="primary"}')).toBe(true);
    } else {
      expect(samples.get('anzhi_db_pglite_pending_operations')).toBe(0);
    }
    expect(samples.get('anzhi_db_replica_in_use')).toBe(0);
    expect(samples.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(samples.get('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('counts PGlite calls queued behind its one connection', async () => {
    if (t.database.kind !== 'pglite') return;
    const queries = Promise.all([1, 2, 3].map(() => t.database.rows(sql`SELECT 1`)));
    for (let i = 0; i < 20 && pendingOf() === 0; i++) await Promise.resolve();
    expect(pendingOf()).toBeGreaterThan(0);
    await queries;
    expect(pendingOf()).toBe(0);
  });

  it('reports each scheduled job: run time and the time of its last success', async () => {
    const metrics = createMetrics();
    const runs: string[] = [];
    // One tick of every job, awaited (the timers would do the same; a lease row is claimed per slot on the database).
    const scheduler = startScheduler({
      database: t.database,
      clock: t.clock,
      log: t.app.log,
      backupDir: '/nonexistent',
      intervalHours: 0,
      keep: 1,
      timers: false,
      observe: metrics.observeJob,
      jobs: [
        { name: 'hazard sweep', everyMs: 600_000, run: async () => runs.push('sweep') },
        {
          name: 'outbound notifications',
          everyMs: 60_000,
          run: async () => {
            throw new Error('SMTP down');
          },
        },
      ],
    });
    try {
      expect(await scheduler.tick()).toEqual({ 'hazard sweep': 'ran', 'outbound notifications': 'failed' });
    } finally {
      scheduler.stop();
    }
    expect(runs).toEqual(['sweep']);
    const samples = parsePrometheusText(await metrics.text());
    expect(samples.get('anzhi_job_duration_seconds_count{job="hazard sweep",outcome="success"}')).toBe(1);
    expect(samples.get('anzhi_job_duration_seconds_count{job="outbound notifications",outcome="failure"}')).toBe(1);
    expect(samples.get('anzhi_job_last_success_timestamp_seconds{job="hazard sweep"}')).toBe(t.clock.now().getTime() / 1000);
    expect(samples.has('anzhi_job_last_success_timestamp_seconds{job="outbound notifications"}')).toBe(false);
  });

  it("takes a module's own gauges, read at each scrape", async () => {
    const metrics = createMetrics();
    let depth = 3;
    metrics.addGauge({ name: 'anzhi_test_jobs_waiting', help: 'Jobs waiting', collect: async () => depth });
    metrics.addGauge({
      name: 'anzhi_test_jobs_failed',
      help: 'Jobs failed, by queue',
      labelNames: ['queue'],
      collect: () => [{ labels: { queue: 'email' }, value: 2 }],
    });
    expect(parsePrometheusText(await metrics.text()).get('anzhi_test_jobs_waiting')).toBe(3);
    depth = 0;
    const samples = parsePrometheusText(await metrics.text());
    expect(samples.get('anzhi_test_jobs_waiting')).toBe(0);
    expect(samples.get('anzhi_test_jobs_failed{queue="email"}')).toBe(2);
  });
});

describe('who may read /api/metrics', () => {
  it('refuses another machine without a token, in Chinese', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/metrics', remoteAddress: '203.0.113.7' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'metrics.forbidden', message: '未设置 ANZHI_METRICS_TOKEN 时，监控指标只允许在本机读取' });
  });

  it('counts a request forwarded by a proxy on this machine as from another machine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/metrics', headers: { 'x-forwarded-for': '198.51.100.4' } });
    expect(res.statusCode).toBe(403);
  });

  it('lets another machine in with the bearer token of ANZHI_METRICS_TOKEN', { timeout: 90_000 }, async () => {
    const token = 'metrics-token-0123456789';
    const withToken = await startTestApp(undefined, { ANZHI_METRICS_TOKEN: token });
    try {
      const get = (authorization?: string) =>
        withToken.app.inject({
          method: 'GET',
          url: '/api/metrics',
          remoteAddress: '203.0.113.7',
          headers: authorization ? { authorization } : {},
        });
      const none = await get();
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      expect(none.json()).toMatchObject({ code: 'metrics.unauthenticated', message: expect.stringContaining('ANZHI_METRICS_TOKEN') });
      expect((await get(`Bearer ${token}x`)).statusCode).toBe(401);
      expect((await get(`Basic ${token}`)).statusCode).toBe(401);
      const ok = await get(`Bearer ${token}`);
      expect(ok.statusCode).toBe(200);
      expect(parsePrometheusText(ok.body).has('process_cpu_user_seconds_total')).toBe(true);
    } finally {
      await withToken.close();
    }
  });
});
