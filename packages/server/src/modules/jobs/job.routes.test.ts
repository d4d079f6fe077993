import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, loginAs, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { outboundJob } from '../notifications/notification-jobs.ts';
import { createJobWorker, enqueueJobs } from './job-queue.ts';

let t: TestApp;
let admin: Session;
let deadId: number;
let queuedId: number;

beforeAll(async () => {
  t = await startTestApp();
  await seedOrg(t.database);
  admin = await loginAs(t.app, 'admin');
  const db = t.database.db;
  await enqueueJobs(db, [{ ...outboundJob(424242, 'webhook:wecom:0123456789'), maxAttempts: 1 }], t.clock.now());
  await createJobWorker({ db, clock: t.clock, workerId: 'w' }).work('outbound', async () => {
    throw new Error('企业微信机器人返回 HTTP 500');
  });
  await enqueueJobs(db, [outboundJob(424243, 'email')], t.clock.now());
  const rows = await t.database.rows<{ id: number; state: string }>(sql`SELECT id, state FROM jobs ORDER BY id`);
  deadId = rows.find((r) => r.state === 'dead')!.id;
  queuedId = rows.find((r) => r.state === 'queued')!.id;
});
afterAll(() => t.close());

describe('GET /api/v1/jobs and POST /api/v1/jobs/{id}/retry (外发队列)', () => {
  it('lists the dead-letter jobs with their last error', async () => {
    const res = await admin.get('/api/v1/jobs?state=dead');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      total: 1,
      items: [{ id: deadId, queue: 'outbound', state: 'dead', attempts: 1, lastError: '企业微信机器人返回 HTTP 500' }],
    });
    const queued = (await admin.get('/api/v1/jobs?state=queued')).json();
    expect(queued.items.map((j: { id: number }) => j.id)).toEqual([queuedId]);
    const bad = await admin.get('/api/v1/jobs?state=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('状态');
  });

  it('sends a dead job again (audited), refuses a job that is not dead, and answers 404 for none', async () => {
    const before = await countRows(t.database, 'audit_events', sql`entity_type = 'job'`);
    const res = await admin.post(`/api/v1/jobs/${deadId}/retry`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: deadId, state: 'queued', attempts: 0 });
    expect(await countRows(t.database, 'audit_events', sql`entity_type = 'job' AND action = 'retry'`)).toBe(before + 1);
    expect((await admin.get('/api/v1/jobs?state=dead')).json().total).toBe(0);

    const again = await admin.post(`/api/v1/jobs/${deadId}/retry`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'job.not_dead' });
    expect((await admin.post('/api/v1/jobs/999999/retry', {})).statusCode).toBe(404);
  });

  it('is the system administrator’s only', async () => {
    const office = await loginAs(t.app, 'office');
    expect((await office.get('/api/v1/jobs?state=dead')).statusCode).toBe(403);
    expect((await office.post(`/api/v1/jobs/${queuedId}/retry`, {})).statusCode).toBe(403);
  });
});
