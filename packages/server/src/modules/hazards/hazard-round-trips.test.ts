import { type DataScope, type HazardGroupBy, resolveSettingsValues } from '@anzhi/core';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, loginAs, makeEnterprise, makeHazard, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';
import { toHazardSummary } from './hazard.presenter.ts';
import { hazardRepo, hazardWhere } from './hazard.repo.ts';
import { groupLabels } from './hazard.service.ts';
import { cubeAnswers, groupKey, hazardStatsRepo, statsRoot } from './hazard-stats.repo.ts';

let t: TestApp;
const today = '2026-03-02';

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  const org = await seedOrg(t.database);
  const found = org.users.inspector.id;
  const a = await makeEnterprise(t.database, { regionCode: codes.village1, supervisingUnitId: org.units.emergency.id });
  const b = await makeEnterprise(t.database, { regionCode: codes.village2, supervisingUnitId: org.units.market.id });
  const none = await makeEnterprise(t.database, { regionCode: codes.village2, supervisingUnitId: null });
  const other = await makeEnterprise(t.database, { regionCode: codes.otherVillage, supervisingUnitId: org.units.otherEmergency.id });
  for (const [e, n, status] of [
    [a, 3, 'rectifying'],
    [b, 2, 'closed'],
    [none, 1, 'found'],
    [other, 2, 'rectifying'],
  ] as const) {
    for (let i = 0; i < n; i++) await makeHazard(t.database, { enterprise: e, foundBy: found, status, foundOn: `2026-02-0${i + 1}` });
  }
});
afterAll(() => t.close());

/** The labels as the service made them before names came in the counting statement: count, then ask for the names. */
async function labelsTheOldWay(scope: DataScope, groupBy: HazardGroupBy, filter: { foundFrom?: string }) {
  const where = hazardWhere(scope, filter, today);
  const groups = await hazardStatsRepo.groups(
    t.database.db,
    where,
    groupKey(groupBy, statsRoot(scope, undefined)),
    cubeAnswers(scope, filter, groupBy),
  );
  const keys = groups.map((g) => g.key);
  const named = new Map<string, string>();
  if (groupBy === 'region')
    for (const r of await t.database.db.select().from(regions).where(inArray(regions.code, keys))) named.set(r.code, r.name);
  const ids = keys.filter(Boolean).map(Number);
  if (groupBy === 'unit' && ids.length)
    for (const u of await t.database.db.select().from(units).where(inArray(units.id, ids))) named.set(String(u.id), u.name);
  const labels = groupLabels(groupBy, keys, named);
  return groups.map((g) => ({ key: g.key, count: g.count, label: labels.get(g.key) }));
}

describe('fewer round trips, the same answers', () => {
  it('label every group as counting first and then reading region and unit names did, from the cube and from the table', async () => {
    const sessions = { office: await loginAs(t.app, 'office'), admin: await loginAs(t.app, 'admin') };
    const scopes: Record<keyof typeof sessions, DataScope> = {
      office: { kind: 'regions', regionCodes: [codes.town] },
      admin: { kind: 'all' },
    };
    let named = 0;
    for (const who of ['office', 'admin'] as const) {
      for (const groupBy of ['region', 'unit', 'status'] as const) {
        // {} is answered by the statistics cube, foundFrom only by the hazards table (cubeAnswers).
        for (const filter of [{}, { foundFrom: '2026-02-02' }] as { foundFrom?: string }[]) {
          const query = new URLSearchParams({ groupBy, ...(filter.foundFrom ? { foundFrom: filter.foundFrom } : {}) }).toString();
          const res = await sessions[who].get(`/api/v1/hazards/stats?${query}`);
          expect(res.statusCode, query).toBe(200);
          const expected = await labelsTheOldWay(scopes[who], groupBy, filter);
          expect(res.json().groups, `${who} ${query}`).toEqual(expected);
          named += expected.filter((g) => g.label !== g.key && g.label !== '未分类').length;
        }
      }
    }
    // Not vacuous: region and unit names (and status labels) were found, and the unit-less group is 未分类.
    expect(named).toBeGreaterThan(10);
    const byUnit = (await sessions.office.get('/api/v1/hazards/stats?groupBy=unit')).json().groups;
    expect(byUnit.map((g: { label: string }) => g.label).sort()).toEqual(['未分类', '示例镇市场监管所', '示例镇应急管理办公室']);
  });

  it('list the ledger from the summary columns exactly as from whole rows, page by page and after a cursor', async () => {
    const scope: DataScope = { kind: 'regions', regionCodes: [codes.town] };
    const time = resolveSettingsValues({}).hazardTime;
    for (const filter of [{}, { open: true }, { regionCode: codes.village2 }]) {
      const where = hazardWhere(scope, filter, today);
      for (const opts of [
        { offset: 0, limit: 4 },
        { offset: 2, limit: 3 },
        { cursor: { foundOn: '2026-02-02', id: 1_000_000 }, offset: 0, limit: 10 },
      ]) {
        const whole = await hazardRepo.page(t.database.db, where, opts);
        const summary = await hazardRepo.summaryPage(t.database.db, where, opts);
        expect(whole.length).toBeGreaterThan(0);
        expect(summary.map((h) => toHazardSummary(h, today, time))).toEqual(whole.map((h) => toHazardSummary(h, today, time)));
      }
    }
  });
});
