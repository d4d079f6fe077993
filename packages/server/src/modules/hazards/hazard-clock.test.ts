import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../test/app.ts';
import { startTestApp } from '../../../test/app.ts';
import { act, majorFinding, seedHazardWorld, step } from '../../../test/hazard-kit.ts';
import { runHazardSweep } from './hazard-sweep.ts';

let t: TestApp;
let enterpriseId: number;
let s: Record<'office' | 'inspector' | 'regulator' | 'owner', Session>;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  const world = await seedHazardWorld(t);
  enterpriseId = world.enterpriseId;
  s = world.s;
});
afterAll(() => t.close());

describe('every open hazard is on a clock (16号令 第十五条)', () => {
  it('puts a major hazard found without a date on the default clock, and escalates it when 认定 never comes', async () => {
    const created = await s.inspector.post('/api/v1/hazards', majorFinding(enterpriseId));
    expect(created.statusCode, created.body).toBe(201);
    const h = created.json();
    expect(h).toMatchObject({ status: 'found', deadline: '2026-03-17' });
    const swept = await runHazardSweep(t.database.db, new Date('2026-03-18T02:00:00Z'));
    expect(swept.created.escalations).toBeGreaterThanOrEqual(1);
    const after = (await s.office.get(`/api/v1/hazards/${h.id}`)).json();
    expect(after.escalationStep).toBe('letter');
  });

  it('sets the plan deadline at 认定: the confirmer’s date, or the default days from today', async () => {
    const a = (await s.inspector.post('/api/v1/hazards', majorFinding(enterpriseId, { foundOn: '2026-02-01' }))).json();
    expect(a.deadline).toBe('2026-02-16');
    const confirmed = await step(s.regulator, a.id, 'confirm', { version: a.version, criteriaCodes: ['huagong-2017/1'] });
    expect(confirmed).toMatchObject({ status: 'confirmed', deadline: '2026-03-17', overdue: false });
    expect(confirmed.events.at(-1).data).toMatchObject({ from: '2026-02-16', to: '2026-03-17' });

    const b = (await s.inspector.post('/api/v1/hazards', majorFinding(enterpriseId))).json();
    const early = await act(s.regulator, b.id, 'confirm', {
      version: b.version,
      criteriaCodes: ['huagong-2017/1'],
      deadline: '2026-03-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().details[0]).toMatchObject({ path: 'deadline' });
    const named = await step(s.regulator, b.id, 'confirm', {
      version: b.version,
      criteriaCodes: ['huagong-2017/1'],
      deadline: '2026-03-10',
    });
    expect(named.deadline).toBe('2026-03-10');
  });

  it('keeps an upgraded hazard on the clock instead of clearing its deadline', async () => {
    const g = (
      await s.inspector.post('/api/v1/hazards', {
        enterpriseId,
        channel: 'inspection',
        grade: 'general',
        category: 'thing',
        title: '报警器失效',
        description: '可燃气体报警器不报警',
        deadline: '2026-03-05',
      })
    ).json();
    const up = await step(s.office, g.id, 'upgrade', { version: g.version, reason: '涉及重大危险源' });
    expect(up).toMatchObject({ grade: 'major', status: 'found', deadline: '2026-03-17' });
  });

  it('refuses, in the database itself, an open hazard without a deadline', async () => {
    const [row] = await t.database.rows<{ id: number }>(sql`SELECT id FROM hazards WHERE status = 'found' LIMIT 1`);
    await expect(t.database.db.execute(sql`UPDATE hazards SET deadline = NULL WHERE id = ${row?.id}`)).rejects.toThrow();
  });
});
