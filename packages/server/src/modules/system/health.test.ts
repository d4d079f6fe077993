import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/factories.ts';
import { sql } from '../../db/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const health = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/health' });
  expect(res.statusCode).toBe(200);
  return res.json();
};

it('answers at once while the embedded database runs a long query, saying so, with the queue check from its last run', async () => {
  if (t.database.kind !== 'pglite') return; // PostgreSQL's pool answers the probe beside the long query
  await health(); // the queue check has a result to fall back on
  let longDone = false;
  const long = t.database
    .rows(sql`SELECT count(*)::int AS n FROM generate_series(1, 2000000) g WHERE g % 7 = 3`)
    .then(() => (longDone = true));
  await vi.waitFor(() => expect(t.database.usage()).toEqual({ kind: 'pglite', pending: 1 }), { interval: 1 });
  const during = await health();
  expect(longDone).toBe(false);
  expect(during).toMatchObject({
    status: 'ok',
    checks: {
      database: { status: 'ok', message: '内嵌数据库正在执行其他查询，本次未另行探测', details: { pending: 1 } },
      queue: { status: 'ok', details: { queued: 0, ageSeconds: expect.any(Number) } },
    },
  });
  await long;
  // The queue check's background run, started by the busy answer, ends too; then the probe is a query again.
  await vi.waitFor(() => expect(t.database.usage()).toEqual({ kind: 'pglite', pending: 0 }));
  expect((await health()).checks).toMatchObject({ database: { status: 'ok' }, queue: { details: { queued: 0 } } });
});

it('reports the checks modules register, and a failing or silent one as down without failing the answer', { timeout: 20_000 }, async () => {
  // The app registers the job queue's check itself; the files store is reported beside the checks.
  expect(await health()).toMatchObject({
    status: 'ok',
    storage: { kind: 'disk', reachable: true },
    checks: { queue: { status: 'ok', details: { queued: 0, dead: 0 } } },
  });
  expect(() => t.services.healthChecks.register('queue', () => ({ status: 'ok' }))).toThrow(/registered twice/);

  t.services.healthChecks.register('mirror', () => ({ status: 'ok', details: { backend: 'local' } }));
  expect(await health()).toMatchObject({ status: 'ok', checks: { mirror: { status: 'ok', details: { backend: 'local' } } } });

  t.services.healthChecks.register('ledger', async () => {
    throw new Error('台账表不可读');
  });
  expect(await health()).toMatchObject({
    status: 'degraded',
    checks: { mirror: { status: 'ok' }, ledger: { status: 'down', message: '台账表不可读' } },
  });

  t.services.healthChecks.register('mail', () => new Promise(() => {}));
  const started = Date.now();
  expect(await health()).toMatchObject({ status: 'degraded', checks: { mail: { status: 'down', message: '3 秒内未响应' } } });
  expect(Date.now() - started).toBeLessThan(6_000);
});
