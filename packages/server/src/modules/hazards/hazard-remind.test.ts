import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/factories.ts';
import { seedHazardWorld } from '../../../test/hazard-kit.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof seedHazardWorld>>;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  w = await seedHazardWorld(t);
});
afterAll(() => t.close());

const register = async (deadline: string) => {
  const res = await w.s.inspector.post('/api/v1/hazards', {
    enterpriseId: w.enterpriseId,
    channel: 'inspection',
    grade: 'general',
    category: 'thing',
    title: '安全出口堵塞',
    description: '安全出口处堆放纸箱',
    foundOn: '2026-02-01',
    deadline,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('催办 (POST /hazards/{id}/remind)', () => {
  it('reminds the party whose step is awaited, once a day, with the step one tap away; audited and on the timeline', async () => {
    const h = await register('2026-02-20');
    expect((await w.s.regulator.get(`/api/v1/hazards/${h.id}`)).json().canRemind).toBe(true);
    const res = await w.s.regulator.post(`/api/v1/hazards/${h.id}/remind`);
    expect(res.statusCode, res.body).toBe(200);
    // Both enterprise accounts (principal and clerk).
    expect(res.json()).toEqual({ count: 2 });
    const notices = (await w.s.owner.get('/api/v1/notifications?pageSize=50'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'hazard.remind');
    expect(notices).toEqual([expect.objectContaining({ title: '隐患催办', link: `/hazards/${h.id}?action=rectify` })]);
    expect(notices[0].body).toContain('已逾期（期限 2026-02-20），请尽快整改完成');

    // A second press the same day, by anyone, is refused with the reason.
    const again = await w.s.office.post(`/api/v1/hazards/${h.id}/remind`);
    expect(again.statusCode).toBe(429);
    expect(again.json().message).toContain('每天最多催办一次');
    const detail = (await w.s.regulator.get(`/api/v1/hazards/${h.id}`)).json();
    expect(detail.canRemind).toBe(false);
    expect(detail.events.at(-1)).toMatchObject({ action: 'remind', actionLabel: '催办', actorName: 'regulator' });
    const [audited] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'hazard' AND entity_id = ${String(h.id)} AND action = 'remind'`,
    );
    expect(Number(audited?.n)).toBe(1);
  });

  it('refuses a hazard not yet due (409), a caller who is neither office nor supervising unit (403)', async () => {
    const later = await register('2026-04-30');
    const notDue = await w.s.office.post(`/api/v1/hazards/${later.id}/remind`);
    expect(notDue.statusCode).toBe(409);
    expect(notDue.json().message).toContain('已逾期或');
    const due = await register('2026-03-03');
    const inspector = await w.s.inspector.post(`/api/v1/hazards/${due.id}/remind`);
    expect(inspector.statusCode).toBe(403);
    expect(inspector.json().message).toBe('只有安委办或该企业的监管单位可以催办');
    const owner = await w.s.owner.post(`/api/v1/hazards/${due.id}/remind`);
    expect(owner.statusCode).toBe(403);
    // Due soon (within 3 days): the office may press it.
    expect((await w.s.office.post(`/api/v1/hazards/${due.id}/remind`)).statusCode).toBe(200);
  });
});
