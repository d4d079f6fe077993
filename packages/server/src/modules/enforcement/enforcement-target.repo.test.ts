import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { enforcementTargets } from './enforcement.table.ts';
import { deriveTargetsFromRegistry } from './enforcement-target.repo.ts';

describe('检查对象名录库 derived from the registry (三管三必须 decides the supervising unit)', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrg(t.database);
  });
  afterAll(() => t.close());

  it('adds the unit’s operating enterprises once, skips closed ones and keeps a hand exclusion', async () => {
    const db = t.database.db;
    const a = await makeEnterprise(t.database, { regionCode: codes.village1, supervisingUnitId: org.units.emergency.id });
    await makeEnterprise(t.database, { regionCode: codes.village2, supervisingUnitId: org.units.emergency.id, status: 'closed' });
    await makeEnterprise(t.database, { regionCode: codes.village2, supervisingUnitId: org.units.market.id });
    expect(await deriveTargetsFromRegistry(db, org.units.emergency.id, t.clock.now())).toBe(1);
    await db.update(enforcementTargets).set({ excluded: true, excludedReason: '已迁出' }).where(eq(enforcementTargets.enterpriseId, a.id));
    const b = await makeEnterprise(t.database, { regionCode: codes.village1, supervisingUnitId: org.units.emergency.id });
    expect(await deriveTargetsFromRegistry(db, org.units.emergency.id, t.clock.now())).toBe(1);
    const rows = await db.select().from(enforcementTargets).where(eq(enforcementTargets.unitId, org.units.emergency.id));
    expect(rows.map((r) => [r.enterpriseId, r.excluded, r.source, r.regionCode]).sort()).toEqual(
      [
        [a.id, true, 'registry', codes.village1],
        [b.id, false, 'registry', codes.village1],
      ].sort(),
    );
    expect((await db.select().from(enterprises)).length).toBe(4);
  });
});
