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
  expect(await health()).toMatchObject({ status: 'ok', checks: {} });

  t.services.healthChecks.register('storage', () => ({ status: 'ok', details: { backend: 'local' } }));
  expect(await health()).toMatchObject({ status: 'ok', checks: { storage: { status: 'ok', details: { backend: 'local' } } } });
  expect(() => t.services.healthChecks.register('storage', () => ({ status: 'ok' }))).toThrow(/registered twice/);

  t.services.healthChecks.register('queue', async () => {
    throw new Error('队列表不可读');
  });
  expect(await health()).toMatchObject({
    status: 'degraded',
    checks: { storage: { status: 'ok' }, queue: { status: 'down', message: '队列表不可读' } },
  });

  t.services.healthChecks.register('mail', () => new Promise(() => {}));
  const started = Date.now();
  expect(await health()).toMatchObject({ status: 'degraded', checks: { mail: { status: 'down', message: '3 秒内未响应' } } });
  expect(Date.now() - started).toBeLessThan(6_000);
});
