import type { VenueCoverage, VenuePatrolList } from '@anzhi/core';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheckRecord } from '../../../test/dual-kit.ts';
import {
  codes,
  countRows,
  login,
  loginAs,
  makeEnterprise,
  makeEnterpriseAccount,
  makeHazard,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';
import { regionRepo } from '../regions/region.repo.ts';
import { checkRecordItems } from './dual.table.ts';

const grid1 = `${codes.village1}001`;
const grid2 = `${codes.village1}002`;

let t: TestApp;
let village: Session;
let office: Session;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp(new Date('2026-04-10T02:00:00Z'));
  const org = await seedOrg(t.database);
  const created = new Date('2026-01-01T00:00:00Z');
  for (const [code, name] of [
    [grid1, '东村一网格'],
    [grid2, '东村二网格'],
  ] as const)
    await regionRepo.insert(t.database.db, { code, name, level: 'grid', parentCode: codes.village1, createdAt: created });
  const venue = (name: string, regionCode: string, smallVenueType: string, over: Record<string, unknown> = {}) =>
    makeEnterprise(t.database, { name, regionCode, smallVenueType, domains: ['smallVenue'], ...over });
  const shop = await venue('一网格便利店', grid1, 'shop');
  const hotel = await venue('一网格小旅馆', grid1, 'hotel', { riskLevel: 'low' });
  const diner = await venue('二网格面馆', grid2, 'restaurant');
  const westShop = await venue('西村小卖部', codes.village2, 'shop');
  await venue('邻镇网吧OUTSIDE', codes.otherVillage, 'internetCafe');
  await venue('一网格已关闭网吧', grid1, 'internetCafe', { status: 'closed' });
  const factory = await makeEnterprise(t.database, { name: '东村纺织厂', regionCode: codes.village1 });
  Object.assign(ids, { shop: shop.id, hotel: hotel.id, diner: diner.id, westShop: westShop.id, factory: factory.id });
  const by = org.users.village.id;
  // The month boundary in Beijing time: 03-31 23:30 counts for March, 04-01 00:30 for April.
  await makeCheckRecord(t.database.db, shop, { checkedBy: by, checkedAt: new Date('2026-03-31T23:30:00+08:00') });
  await makeCheckRecord(t.database.db, shop, { checkedBy: by, checkedAt: new Date('2026-04-01T00:30:00+08:00') });
  const found = await makeCheckRecord(t.database.db, hotel, {
    checkedBy: by,
    checkedAt: new Date('2026-03-10T10:00:00+08:00'),
    results: ['normal', 'abnormal', 'abnormal'],
  });
  const open = await makeHazard(t.database, { enterprise: hotel, foundBy: by, status: 'rectifying' });
  const closed = await makeHazard(t.database, { enterprise: hotel, foundBy: by, status: 'closed' });
  for (const [seq, hazardId] of [
    [2, open.id],
    [3, closed.id],
  ] as const)
    await t.database.db
      .update(checkRecordItems)
      .set({ hazardId })
      .where(and(eq(checkRecordItems.recordId, found.id), eq(checkRecordItems.seq, seq)));
  await makeCheckRecord(t.database.db, diner, { checkedBy: by, checkedAt: new Date('2026-02-27T09:00:00+08:00') });
  village = await loginAs(t.app, 'village');
  office = await loginAs(t.app, 'office');
});
afterAll(async () => t?.close());

const list = async (s: Session, query: string) => {
  const res = await s.get(`/api/v1/venue-patrols?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as VenuePatrolList;
};

describe('the grid patrol list (GET /api/v1/venue-patrols)', () => {
  it("lists the village's venues with colour, checklist and the month's patrols; a patrol counts for its Beijing month", async () => {
    const march = await list(village, 'month=2026-03');
    expect(march.items.map((i) => i.name)).toEqual(['一网格便利店', '一网格小旅馆', '二网格面馆']);
    expect([march.total, march.patrolled]).toEqual([3, 2]);
    const [shop, hotel, diner] = march.items;
    expect(shop).toMatchObject({ patrolCount: 1, riskColour: 'medium', smallVenueTypeLabel: '小商店', findings: 0, openHazards: 0 });
    expect(shop?.lastPatrolAt).toBe('2026-03-31T15:30:00.000Z');
    expect(shop?.checklist[0]).toEqual({ seq: 1, text: expect.stringContaining('安全出口') });
    // The registry's level overrides the type's default (小旅馆 橙).
    expect(hotel).toMatchObject({ riskColour: 'low', patrolCount: 1, lastAbnormalCount: 2, findings: 2, openHazards: 1 });
    expect(diner).toMatchObject({ patrolCount: 0, lastPatrolAt: null, lastAbnormalCount: null });
    const april = await list(village, 'month=2026-04');
    expect(april.items.map((i) => i.patrolCount)).toEqual([1, 0, 0]);
    // The default month is this month in China time.
    expect((await list(village, '')).month).toBe('2026-04');
  });

  it('narrows to a grid and to what a coverage figure counts', async () => {
    expect((await list(office, `month=2026-03&regionCode=${grid2}`)).items.map((i) => i.name)).toEqual(['二网格面馆']);
    expect((await list(office, 'month=2026-03&filter=unpatrolled')).items.map((i) => i.name)).toEqual(['二网格面馆', '西村小卖部']);
    expect((await list(office, 'month=2026-03&filter=openHazards')).items.map((i) => i.name)).toEqual(['一网格小旅馆']);
    expect((await list(office, 'month=2026-03&filter=abnormal')).items.map((i) => i.name)).toEqual(['一网格小旅馆']);
  });

  it('shows an enterprise account its own venue only', async () => {
    await makeEnterpriseAccount(t.database, ids.shop as number, 'shopowner');
    const own = await list(await login(t.app, 'shopowner'), 'month=2026-03');
    expect(own.items.map((i) => i.enterpriseId)).toEqual([ids.shop]);
  });

  it('refuses a bad month, a region outside the scope and an unknown filter in Chinese', async () => {
    const month = await village.get('/api/v1/venue-patrols?month=2026-13');
    expect(month.statusCode).toBe(400);
    expect(month.json().message).toContain('月份');
    const outside = await village.get(`/api/v1/venue-patrols?regionCode=${codes.village2}`);
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({
      code: 'dual.venue_region_out_of_scope',
      message: expect.stringContaining('不在您的管辖范围内'),
    });
    expect((await village.get('/api/v1/venue-patrols/coverage?months=13')).statusCode).toBe(400);
    expect((await village.get('/api/v1/venue-patrols?filter=all')).statusCode).toBe(400);
  });
});

describe('coverage per grid and month (GET /api/v1/venue-patrols/coverage)', () => {
  it('counts venues, patrolled, coverage, findings and open hazards; each figure is the sum of its list', async () => {
    const res = await office.get('/api/v1/venue-patrols/coverage?month=2026-03&months=2');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as VenueCoverage;
    expect(c.months).toEqual(['2026-02', '2026-03']);
    const row = (region: string, month: string) => c.rows.find((r) => r.regionCode === region && r.month === month);
    expect(row(grid1, '2026-03')).toMatchObject({
      regionName: '东村一网格',
      venues: 2,
      patrolled: 2,
      coveragePercent: 100,
      findings: 2,
      openHazards: 1,
    });
    expect(row(grid1, '2026-02')).toMatchObject({ venues: 2, patrolled: 0, coveragePercent: 0 });
    expect(row(grid2, '2026-02')).toMatchObject({ venues: 1, patrolled: 1, coveragePercent: 100 });
    expect(row(codes.village2, '2026-03')).toMatchObject({ venues: 1, patrolled: 0 });
    expect(c.rows.some((r) => r.regionCode.startsWith(codes.otherVillage))).toBe(false);
    // The figure and its list agree (the page links each number to the list with the same month, region and filter).
    const patrolled = await list(office, `month=2026-03&regionCode=${grid1}&filter=patrolled`);
    expect(patrolled.items).toHaveLength(2);
    const withHazards = await list(office, `month=2026-03&regionCode=${grid1}&filter=openHazards`);
    expect(withHazards.items.reduce((n, i) => n + i.openHazards, 0)).toBe(1);
    // April: 03-31 23:30 (Beijing) is March's, 04-01 00:30 April's.
    const april = (await (await village.get('/api/v1/venue-patrols/coverage?month=2026-04&months=1')).json()) as VenueCoverage;
    expect(april.rows.find((r) => r.regionCode === grid1)).toMatchObject({ patrolled: 1, coveragePercent: 50 });
    expect(april.rows.some((r) => r.regionCode === codes.village2)).toBe(false);
  });
});

describe('quick registration (POST /api/v1/venues)', () => {
  const body = {
    name: '一网格水果店',
    smallVenueType: 'shop',
    address: '东村路 8 号',
    regionCode: grid1,
    principal: '钱多多',
    principalPhone: '13900001111',
  };

  it('creates a registry row through the enterprise service (audited), linked to its landlord, on the patrol list', async () => {
    const res = await village.post('/api/v1/venues', { ...body, landlordId: ids.factory });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: number };
    const e = (await village.get(`/api/v1/enterprises/${id}`)).json();
    expect(e).toMatchObject({ smallVenueType: 'shop', landlordId: ids.factory, domains: ['smallVenue'], principal: '钱多多' });
    expect(
      await countRows(t.database, 'audit_events', sql`entity_type = 'enterprise' AND entity_id = ${String(id)} AND action = 'create'`),
    ).toBe(1);
    expect((await list(village, 'month=2026-04')).items.find((i) => i.enterpriseId === id)).toMatchObject({
      landlordName: '东村纺织厂',
      riskColour: 'medium',
    });
  });

  it('warns of the same name in the same village with the existing row, and writes nothing', async () => {
    const before = await countRows(t.database, 'enterprises');
    const res = await village.post('/api/v1/venues', { ...body, name: ' 二网格面馆 ', regionCode: grid1 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'dual.venue_duplicate_name', details: { existing: { id: ids.diner } } });
    expect(res.json().message).toContain('同名');
    expect(await countRows(t.database, 'enterprises')).toBe(before);
  });

  it('refuses a region outside the scope, a bad phone, an unknown type and a landlord out of scope in Chinese', async () => {
    const before = await countRows(t.database, 'enterprises');
    const outside = await village.post('/api/v1/venues', { ...body, name: '西村新店', regionCode: codes.village2 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toContain('不在您的管理范围内');
    const phone = await village.post('/api/v1/venues', { ...body, name: '新店二', principalPhone: '123' });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().message).toContain('手机号');
    expect((await village.post('/api/v1/venues', { ...body, name: '新店三', smallVenueType: 'bar' })).statusCode).toBe(400);
    const landlord = await village.post('/api/v1/venues', { ...body, name: '新店四', landlordId: ids.westShop });
    expect(landlord.statusCode).toBe(400);
    expect(landlord.json().message).toContain('出租方');
    expect(await countRows(t.database, 'enterprises')).toBe(before);
  });
});
