import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInspector, makeSignedCheck } from '../../../test/enforcement-kit.ts';
import { codes, countRows, loginAs, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { runEnforcementSweep } from './enforcement-sweep.ts';

describe('the enforcement sweep: 复查 reminders and overdue marks (regulations.md §9.3), once each', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  let orderId: number;

  beforeAll(async () => {
    t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
    org = await seedOrg(t.database);
    const ent = await makeEnterprise(t.database, {
      name: '西村纸箱厂',
      regionCode: codes.village1,
      supervisingUnitId: org.units.market.id,
    });
    const linked = await makeInspector(t.database, org.units.market.id, { userId: org.users.inspector.id, name: '周执法' });
    const other = await makeInspector(t.database, org.units.market.id);
    const { check } = await makeSignedCheck(t.database, {
      unitId: org.units.market.id,
      enterprise: ent,
      inspectorIds: [linked.id, other.id],
    });
    const unit = await loginAs(t.app, 'unit');
    const res = await unit.request({
      method: 'POST',
      url: '/api/v1/enforcement-orders',
      payload: { checkId: check.id, deadline: '2026-03-10' },
    });
    expect(res.statusCode, res.body).toBe(201);
    orderId = res.json().id;
    expect(res.json().recheckDueOn).toBe('2026-03-20');
  });
  afterAll(() => t.close());

  const notes = (kind: string) => countRows(t.database, 'notifications', sql`kind = ${kind} AND entity_id = ${orderId}`);

  it('before the deadline nothing is due', async () => {
    const r = await runEnforcementSweep(t.database.db, new Date('2026-03-05T01:00:00Z'));
    expect(r.created).toEqual({ recheckReminders: 0, recheckOverdue: 0, notifications: 0 });
  });

  it('reminds the check’s linked inspector and the unit’s accounts once the deadline has come; a second run adds nothing', async () => {
    const at = new Date('2026-03-12T01:00:00Z');
    const first = await runEnforcementSweep(t.database.db, at);
    expect(first.created.recheckReminders).toBe(1);
    expect(first.created.notifications).toBe(2);
    const again = await runEnforcementSweep(t.database.db, at);
    expect(again.created).toEqual({ recheckReminders: 0, recheckOverdue: 0, notifications: 0 });
    expect(await notes('enforcement.recheckDue')).toBe(2);
    const to = await t.database.rows<{ user_id: number }>(
      sql`SELECT user_id FROM notifications WHERE kind = 'enforcement.recheckDue' ORDER BY user_id`,
    );
    expect(to.map((r) => Number(r.user_id)).sort()).toEqual([org.users.unitStaff.id, org.users.inspector.id].sort());

    // The 待办 of the linked inspector shows the order as due, not yet overdue.
    t.clock.set(at);
    const inspector = await loginAs(t.app, 'inspector');
    const todos = (await inspector.request({ method: 'GET', url: '/api/v1/todos?box=mine&todoKind=enforcement.recheck' })).json();
    expect(todos.items).toEqual([
      expect.objectContaining({ kind: 'enforcement.recheck', entityId: orderId, overdue: false, dueOn: '2026-03-20' }),
    ]);
  });

  it('marks the 复查 overdue once after the due day; a second run adds nothing; the 待办 says overdue', async () => {
    const at = new Date('2026-03-21T01:00:00Z');
    const first = await runEnforcementSweep(t.database.db, at);
    expect(first.created).toEqual({ recheckReminders: 0, recheckOverdue: 1, notifications: 2 });
    expect((await runEnforcementSweep(t.database.db, at)).created.recheckOverdue).toBe(0);
    expect(await countRows(t.database, 'enforcement_order_alerts', sql`order_id = ${orderId}`)).toBe(2);
    t.clock.set(at);
    const unit = await loginAs(t.app, 'unit');
    const list = (await unit.request({ method: 'GET', url: '/api/v1/enforcement-orders?state=overdue' })).json();
    expect(list.items.map((o: { id: number }) => o.id)).toEqual([orderId]);
    const todos = (await unit.request({ method: 'GET', url: '/api/v1/todos?box=mine&todoKind=enforcement.recheck' })).json();
    expect(todos.items[0]).toMatchObject({ entityId: orderId, overdue: true });
    // Once rechecked it leaves the 待办 and shows as done.
    const o = (await unit.request({ method: 'GET', url: `/api/v1/enforcement-orders/${orderId}` })).json();
    const done = await unit.request({
      method: 'POST',
      url: `/api/v1/enforcement-orders/${orderId}/recheck`,
      payload: { version: o.version, on: '2026-03-21', results: o.items.map((i: { id: number }) => ({ itemId: i.id, result: 'fixed' })) },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await unit.request({ method: 'GET', url: '/api/v1/todos?box=mine&todoKind=enforcement.recheck' })).json().items).toEqual([]);
    expect(
      (await unit.request({ method: 'GET', url: '/api/v1/todos?box=done&todoKind=enforcement.recheck' })).json().items[0],
    ).toMatchObject({ entityId: orderId });
  });
});
