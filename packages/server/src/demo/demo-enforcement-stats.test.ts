import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInspector } from '../../test/enforcement-stats-kit.ts';
import { codes, loginAs, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../test/factories.ts';
import { seedEnforcementStatsDemo } from './demo-enforcement-stats.ts';

describe('执法统计 demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(new Date('2026-12-06T02:00:00Z'));
  });
  afterAll(() => t.close());

  it('makes one enterprise liable to closure (第一百一十三条, 180 days) and keeps its unit clear of 零处罚', async () => {
    const org = await seedOrg(t.database);
    const e = await makeEnterprise(t.database, {
      name: '示例烟花厂',
      regionCode: codes.village1,
      supervisingUnitId: org.units.emergency.id,
    });
    await makeInspector(t.database.db, org.units.emergency.id);
    const ids = await t.database.db.transaction((tx) =>
      seedEnforcementStatsDemo(tx, { unitId: org.units.emergency.id, enterpriseId: e.id, today: '2026-12-06', createdBy: null }),
    );
    expect(ids).toHaveLength(3);
    const body = (await (await loginAs(t.app, 'office')).get('/api/v1/enforcement-stats')).json();
    expect(body.closureFlags).toEqual([
      expect.objectContaining({ enterpriseName: '示例烟花厂', windowDays: 180, dates: ['2026-06-29', '2026-09-07', '2026-11-29'] }),
    ]);
    expect(body.units[0].signals).toEqual([]);
  });
});
