import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, login, loginAs, makeEnterprise, makeHazard, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  org = await seedOrg(t.database);
});
afterAll(() => t.close());

const idsOf = (body: { items: { id: number }[] }) => body.items.map((h) => h.id);

describe('a member unit always sees the hazards it found', () => {
  it('sees a hazard its own staff registered in an enterprise another unit supervises, and no one else’s', async () => {
    // Supervised by the emergency office, not by the market unit (市场监管所).
    const e = await makeEnterprise(t.database, {
      regionCode: codes.village1,
      domains: ['hazardousChemicals'],
      supervisingUnitId: org.units.emergency.id,
    });
    // Written by a market-unit account without the unit on the row (as the demo and older records did) …
    const byStaff = await makeHazard(t.database, { enterprise: e, foundBy: org.users.unitStaff.id, status: 'rectifying' });
    // … found for the unit by someone else, in another township (outside the unit's regions);
    const other = await makeEnterprise(t.database, { regionCode: codes.otherVillage, supervisingUnitId: org.units.otherEmergency.id });
    const forUnit = await makeHazard(t.database, {
      enterprise: other,
      foundBy: org.users.inspector.id,
      finderUnitId: org.units.market.id,
      status: 'rectifying',
    });
    // … and one the unit has nothing to do with.
    const unrelated = await makeHazard(t.database, { enterprise: e, foundBy: org.users.inspector.id, status: 'rectifying' });

    const market = await loginAs(t.app, 'unit');
    expect((await market.get(`/api/v1/hazards/${byStaff.id}`)).statusCode).toBe(200);
    expect((await market.get(`/api/v1/hazards/${forUnit.id}`)).statusCode).toBe(200);
    expect((await market.get(`/api/v1/hazards/${unrelated.id}`)).statusCode).toBe(404);
    const listed = idsOf((await market.get('/api/v1/hazards?pageSize=100')).json());
    expect(listed).toEqual(expect.arrayContaining([byStaff.id, forUnit.id]));
    expect(listed).not.toContain(unrelated.id);

    // Another township's unit sees none of them.
    const otherUnit = await login(t.app, 'otherunit');
    expect((await otherUnit.get(`/api/v1/hazards/${byStaff.id}`)).statusCode).toBe(404);
  });
});

describe('the ledger’s 我登记的 / 待我处理 filters', () => {
  it('lists what the caller registered, and what waits for the caller’s step', async () => {
    const e = await makeEnterprise(t.database, {
      regionCode: codes.village2,
      domains: ['industryTrade'],
      supervisingUnitId: org.units.emergency.id,
    });
    const inspectorId = org.users.inspector.id;
    const toAccept = await makeHazard(t.database, { enterprise: e, foundBy: inspectorId, status: 'rectified' });
    const beingFixed = await makeHazard(t.database, { enterprise: e, foundBy: inspectorId, status: 'rectifying' });
    const others = await makeHazard(t.database, { enterprise: e, foundBy: org.users.office.id, status: 'rectified' });
    const inspector = await loginAs(t.app, 'inspector');
    const mine = idsOf((await inspector.get('/api/v1/hazards?mine=true&pageSize=100')).json());
    expect(mine).toEqual(expect.arrayContaining([toAccept.id, beingFixed.id]));
    expect(mine).not.toContain(others.id);
    const awaiting = idsOf((await inspector.get('/api/v1/hazards?awaitingMe=true&pageSize=100')).json());
    expect(awaiting).toContain(toAccept.id);
    expect(awaiting).not.toContain(beingFixed.id);
    expect(awaiting).not.toContain(others.id);
    // The total counts the same rows, and a bad value names the field in Chinese.
    expect((await inspector.get('/api/v1/hazards?awaitingMe=true')).json().total).toBe(awaiting.length);
    const bad = await inspector.get('/api/v1/hazards?awaitingMe=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('待我处理');
  });
});
