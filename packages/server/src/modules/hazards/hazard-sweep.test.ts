import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codes,
  countRows,
  makeEnterprise,
  makeEnterpriseAccount,
  makeHazard,
  makeUser,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';
import { runHazardSweep } from './hazard-sweep.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
const ids: number[] = [];

/** The notices a user has, oldest first. */
async function noticesOf(userId: number) {
  return t.database.rows<{ kind: string; title: string; body: string; entity_id: number }>(
    sql`SELECT kind, title, body, entity_id FROM notifications WHERE user_id = ${userId} ORDER BY id`,
  );
}

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  org = await seedOrg(t.database);
  const e = await makeEnterprise(t.database, {
    regionCode: codes.village1,
    domains: ['hazardousChemicals'],
    supervisingUnitId: org.units.emergency.id,
  });
  await makeEnterpriseAccount(t.database, e.id, 'sweepowner');
  await makeUser(t.database, { username: 'sweepregulator', roles: ['unit'], regionCodes: [codes.town], unitId: org.units.emergency.id });
  // An old backlog nobody swept: two major hazards 40 and 70 days overdue, one general hazard 40 days overdue.
  for (const [grade, deadline] of [
    ['major', '2026-01-21'],
    ['major', '2025-12-22'],
    ['general', '2026-01-21'],
  ] as const) {
    const h = await makeHazard(t.database, {
      enterprise: e,
      foundBy: org.users.inspector.id,
      status: 'rectifying',
      grade,
      deadline,
      foundOn: '2025-12-01',
    });
    ids.push(h.id);
  }
});
afterAll(() => t.close());

describe('sweep catch-up on an old backlog', () => {
  it('records every rung due but sends one notice per hazard, naming the rung reached', async () => {
    const first = await runHazardSweep(t.database.db, new Date('2026-03-02T02:00:00Z'));
    // Rungs recorded: 40 days → 函告, 通报, 约谈; 70 days → all four.
    expect(first.created).toMatchObject({ escalations: 7, overdue: 3 });
    const [owner] = await t.database.rows<{ id: number }>(sql`SELECT id FROM users WHERE username = 'sweepowner'`);
    const notices = await noticesOf(Number(owner?.id));
    expect(notices.map((n) => n.entity_id).sort()).toEqual([...ids].sort());
    const [major40, major70, general] = ids.map((id) => notices.find((n) => n.entity_id === id));
    expect(major40).toMatchObject({ kind: 'hazard.escalation.summons', title: '重大隐患逾期约谈' });
    expect(major40?.body).toContain('已逾期 40 天，已达约谈（函告、通报一并记录）');
    expect(major70).toMatchObject({ kind: 'hazard.escalation.exposure' });
    expect(major70?.body).toContain('已逾期 70 天，已达曝光（函告、通报、约谈一并记录）');
    expect(general).toMatchObject({ kind: 'hazard.overdue' });
    // The unit and the office get one each for a major hazard too.
    const [regulator] = await t.database.rows<{ id: number }>(sql`SELECT id FROM users WHERE username = 'sweepregulator'`);
    const unitNotices = await noticesOf(Number(regulator?.id));
    expect(unitNotices.filter((n) => n.entity_id === ids[0])).toHaveLength(1);
    expect((await noticesOf(org.users.office.id)).filter((n) => n.entity_id === ids[1])).toHaveLength(1);
    const [step] = await t.database.rows<{ escalation_step: string }>(sql`SELECT escalation_step FROM hazards WHERE id = ${ids[0]}`);
    expect(step?.escalation_step).toBe('summons');
  });

  it('is idempotent, and later runs step one rung at a time', async () => {
    const notices = await countRows(t.database, 'notifications');
    expect((await runHazardSweep(t.database.db, new Date('2026-03-02T02:00:00Z'))).created).toEqual({
      reminders: 0,
      overdue: 0,
      escalations: 0,
      notifications: 0,
    });
    expect(await countRows(t.database, 'notifications')).toBe(notices);
    // 20 days on, the first major hazard reaches 曝光 (60 days): one rung, one notice to each of its recipients.
    const later = await runHazardSweep(t.database.db, new Date('2026-03-22T02:00:00Z'));
    expect(later.created.escalations).toBe(1);
    const [owner] = await t.database.rows<{ id: number }>(sql`SELECT id FROM users WHERE username = 'sweepowner'`);
    const last = (await noticesOf(Number(owner?.id))).at(-1);
    expect(last).toMatchObject({ kind: 'hazard.escalation.exposure', entity_id: ids[0] });
    expect(last?.body).toContain('已逾期 60 天，已达曝光');
    expect(last?.body).not.toContain('一并记录');
  });
});
