import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/factories.ts';

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
