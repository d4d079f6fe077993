import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInspector, makeSignedCheck } from '../../test/enforcement-kit.ts';
import { codes, loginAs, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../test/factories.ts';
import { runEnforcementSweep } from '../modules/enforcement/enforcement-sweep.ts';
import { seedDemoEnforcementTriad } from './demo-enforcement-triad.ts';

describe('demo data of the 执法三部曲', () => {
  let t: TestApp;
  const now = new Date('2026-06-15T02:00:00Z');
  beforeAll(async () => {
    t = await startTestApp(now);
  });
  afterAll(() => t.close());

  it('issues numbered orders (one rechecked, one overdue), one decided case ≥ 500 元, and documents that download', async () => {
    const org = await seedOrg(t.database);
    const ent = await makeEnterprise(t.database, {
      name: '演示机械厂',
      regionCode: codes.village1,
      supervisingUnitId: org.units.market.id,
    });
    const ins = [(await makeInspector(t.database, org.units.market.id)).id, (await makeInspector(t.database, org.units.market.id)).id];
    const checkIds: number[] = [];
    for (let k = 0; k < 3; k++)
      checkIds.push(
        (
          await makeSignedCheck(t.database, {
            unitId: org.units.market.id,
            enterprise: ent,
            inspectorIds: ins,
            signedAt: new Date('2026-05-10T02:00:00Z'),
          })
        ).check.id,
      );
    const result = await t.database.db.transaction((tx) =>
      seedDemoEnforcementTriad(tx, { now, checkIds, issuerUserId: org.users.unitStaff.id, penalizerUserId: org.users.unitStaff.id }),
    );
    expect(result).toEqual({ orders: 3, rechecked: 1, overdue: 1, penalties: 1 });

    const unit = await loginAs(t.app, 'unit');
    const orders = (await unit.request({ method: 'GET', url: '/api/v1/enforcement-orders?pageSize=10' })).json();
    expect(orders.items.map((o: { state: string }) => o.state).sort()).toEqual(['closed', 'notYetDue', 'overdue']);
    expect(orders.items.every((o: { orderNo: string | null }) => /^示例镇市场监管所责改〔2026〕\d+号$/.test(o.orderNo ?? ''))).toBe(true);
    const penalties = (await unit.request({ method: 'GET', url: '/api/v1/penalties?year=2026' })).json();
    expect(penalties.items).toEqual([
      expect.objectContaining({ status: 'decided', amount: 5000, decisionNo: '示例镇市场监管所罚〔2026〕1号' }),
    ]);
    for (const url of [
      `/api/v1/penalties/${penalties.items[0].id}/decision.docx`,
      `/api/v1/enforcement-orders/${penalties.items[0].orderId}/recheck.docx`,
      `/api/v1/enforcement-checks/${checkIds[0]}/record.docx`,
    ])
      expect((await unit.request({ method: 'GET', url })).statusCode, url).toBe(200);
    expect((await runEnforcementSweep(t.database.db, now)).created.recheckOverdue).toBe(1);
  });
});
