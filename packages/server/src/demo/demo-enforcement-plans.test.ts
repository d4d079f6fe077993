import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../test/factories.ts';
import { enforcementPlanItems, enforcementPlans } from '../modules/enforcement/enforcement.table.ts';
import { seedDemoEnforcementPlans } from './demo-enforcement-plans.ts';

describe('demo: this year’s approved plans (issue 14, part B)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('proposes and approves a plan per unit, once', async () => {
    const org = await seedOrg(t.database);
    for (let k = 0; k < 30; k++)
      await makeEnterprise(t.database, {
        regionCode: codes.village1,
        supervisingUnitId: org.units.emergency.id,
        riskLevel: k < 3 ? 'major' : 'low',
      });
    const opts = { now: t.clock.now(), unitIds: [org.units.emergency.id, org.units.market.id], officeUserId: org.users.office.id };
    const first = await t.database.db.transaction((tx) => seedDemoEnforcementPlans(tx, opts));
    expect(first.planIds).toHaveLength(2);
    expect(first.plannedChecks).toBe(3 * 4 + 2);
    const again = await t.database.db.transaction((tx) => seedDemoEnforcementPlans(tx, opts));
    expect(again.planIds).toEqual([]);
    const plans = await t.database.db.select().from(enforcementPlans);
    expect(plans.every((p) => p.status === 'approved' && p.year === 2026)).toBe(true);
    const items = await t.database.db
      .select()
      .from(enforcementPlanItems)
      .where(eq(enforcementPlanItems.planId, first.planIds[0] as number));
    expect(items.filter((i) => i.kind === 'key')).toHaveLength(3);
  });
});
