import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, loginAs, makeEnterprise, makeHazard, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  const org = await seedOrg(t.database);
  const chemical = await makeEnterprise(t.database, { regionCode: codes.village1, domains: ['hazardousChemicals'], industryCode: '26' });
  const factory = await makeEnterprise(t.database, {
    regionCode: codes.village1,
    domains: ['industryTrade', 'machinery'],
    industryCode: '34',
  });
  const shop = await makeEnterprise(t.database, { regionCode: codes.village2, domains: ['smallVenue', 'fire'], industryCode: '52' });
  for (const [e, n] of [
    [chemical, 2],
    [factory, 3],
    [shop, 1],
  ] as const) {
    for (let i = 0; i < n; i++) {
      await makeHazard(t.database, { enterprise: e, foundBy: org.users.inspector.id, status: 'rectifying', industryCode: e.industryCode });
    }
  }
});
afterAll(() => t.close());

describe('hazard statistics by industry', () => {
  it('count by 行业领域 by default, by 国民经济门类 when asked, and each group opens exactly its hazards', async () => {
    const office = await loginAs(t.app, 'office');
    const byDomain = (await office.get('/api/v1/hazards/stats?groupBy=industry')).json();
    expect(byDomain.groups).toEqual([
      { key: 'industryTrade', count: 3, label: '工贸' },
      { key: 'hazardousChemicals', count: 2, label: '危险化学品' },
      { key: 'smallVenue', count: 1, label: '九小场所' },
    ]);
    const bySection = (await office.get('/api/v1/hazards/stats?groupBy=industry&industryScheme=section')).json();
    expect(bySection.groups).toEqual([
      { key: 'C', count: 5, label: '制造业' },
      { key: 'F', count: 1, label: '批发和零售业' },
    ]);
    for (const g of byDomain.groups) {
      expect((await office.get(`/api/v1/hazards?mainDomain=${g.key}`)).json().total, g.key).toBe(g.count);
    }
    // 动态清零 follows the same switch.
    const zero = (await office.get('/api/v1/hazards/dynamic-zero?groupBy=industry&cutoff=2025-12-31')).json();
    expect(zero.rows.map((r: { key: string; label: string }) => r.label).sort()).toEqual(['九小场所', '危险化学品', '工贸'].sort());
    const bad = await office.get('/api/v1/hazards/stats?groupBy=industry&industryScheme=gb');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('行业分类方式');
  });
});
