import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/app.ts';
import { codes, makeEnterprise, makeEnterpriseAccount, makeHazard, makeUser } from '../../../test/factories.ts';
import { hazardCheckRequests } from '../hazards/hazard.table.ts';

let t: TestApp;
let office: Session;
let qiye: Session;
let market: Session;
let regulator: Session;
let fileOf: (s: Session, id: number) => ReturnType<Session['get']>;
let chem: { id: number };
let shop: { id: number };
let neighbour: { id: number };

beforeAll(async () => {
  t = await startTestApp();
  const org = await seedOrg(t.database);
  const foundBy = org.users.inspector.id;
  // Registered 低风险, yet three 重大事故隐患 are open: the file must not show it as 低风险 without the reason.
  const c = await makeEnterprise(t.database, {
    regionCode: codes.village1,
    name: '东村化工有限公司',
    riskLevel: 'low',
    domains: ['hazardousChemicals'],
    supervisingUnitId: org.units.emergency.id,
  });
  chem = c;
  for (let i = 0; i < 3; i++) await makeHazard(t.database, { enterprise: c, foundBy, grade: 'major', status: 'rectifying' });
  await makeHazard(t.database, { enterprise: c, foundBy, grade: 'major', status: 'closed' });
  await makeHazard(t.database, { enterprise: c, foundBy, grade: 'general', status: 'found' });
  // Supervised by 市场监管所: outside the emergency office's view, inside the market unit's.
  const s = await makeEnterprise(t.database, {
    regionCode: codes.village2,
    name: '西村超市',
    riskLevel: 'medium',
    supervisingUnitId: org.units.market.id,
  });
  shop = s;
  await makeHazard(t.database, { enterprise: s, foundBy, grade: 'general', status: 'closed' });
  neighbour = await makeEnterprise(t.database, { regionCode: codes.otherVillage, name: '邻村厂' });
  const source = await makeHazard(t.database, { enterprise: c, foundBy, grade: 'general', status: 'closed', criteriaCodes: [] });
  await t.database.db.insert(hazardCheckRequests).values({
    sourceHazardId: source.id,
    criterionCode: 'GM-3-1',
    enterpriseId: c.id,
    regionCode: c.regionCode,
    deadline: '2026-03-20',
    createdBy: org.users.office.id,
    createdAt: new Date('2026-03-01T00:00:00Z'),
  });
  await makeEnterpriseAccount(t.database, c.id);
  await makeUser(t.database, { username: 'regulator', roles: ['unit'], regionCodes: [codes.town], unitId: org.units.emergency.id });
  [office, qiye, market, regulator] = await Promise.all(['office', 'qiye', 'unitstaff', 'regulator'].map((u) => login(t.app, u)));
  fileOf = (session, id) => session.get(`/api/v1/enterprises/${id}/file`);
});
afterAll(() => t.close());

describe('GET /enterprises/{id}/file (一企一档)', () => {
  it('raises the shown risk above the registered 低风险 while major hazards are open, and says why', async () => {
    const res = await fileOf(office, chem.id);
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json();
    expect(file.risk).toMatchObject({ registered: 'low', effective: 'high', raised: true, openMajorHazards: 3 });
    expect(file.risk.reason).toContain('存在 3 项未销号重大隐患');
    expect(file.openHazards.total).toBe(4);
    expect(file.openHazards.items.every((h: { enterpriseId: number }) => h.enterpriseId === chem.id)).toBe(true);
    expect(file.endedHazards.total).toBe(2);
    expect(file.checks.items).toEqual([expect.objectContaining({ enterpriseId: chem.id, criterionCode: 'GM-3-1', status: 'open' })]);
    // 季报/年报 of the last year, signed or not.
    expect(file.reports.length).toBeGreaterThan(0);
    expect(file.reports[0]).toMatchObject({ signedAt: null });
  });

  it('shows the same raised level in the enterprise list and detail, so no list says 低风险 without the reason', async () => {
    const list = (await office.get('/api/v1/enterprises?pageSize=50')).json().items as Array<{ id: number; risk: { effective: string } }>;
    expect(list.find((e) => e.id === chem.id)?.risk).toMatchObject({ registered: 'low', effective: 'high', openMajorHazards: 3 });
    expect(list.find((e) => e.id === shop.id)?.risk).toMatchObject({ effective: 'medium', raised: false });
    expect((await office.get(`/api/v1/enterprises/${chem.id}`)).json().risk.reason).toContain('存在 3 项未销号重大隐患');
  });

  it('keeps the registered level, with no reason, when no major hazard is open', async () => {
    const file = (await fileOf(office, shop.id)).json();
    expect(file.risk).toEqual({
      registered: 'medium',
      assessed: null,
      effective: 'medium',
      raised: false,
      openMajorHazards: 0,
      reason: null,
    });
    expect(file.openHazards).toEqual({ total: 0, items: [] });
    expect(file.endedHazards.total).toBe(1);
  });

  it('shows an enterprise account its own file only', async () => {
    expect((await fileOf(qiye, chem.id)).json().risk.openMajorHazards).toBe(3);
    expect((await fileOf(qiye, shop.id)).statusCode).toBe(404);
  });

  it('shows a unit the files of the enterprises it supervises, the same risk whatever hazards it may see', async () => {
    expect((await fileOf(market, chem.id)).statusCode).toBe(404);
    expect((await fileOf(market, shop.id)).statusCode).toBe(200);
    expect((await fileOf(regulator, chem.id)).json().risk.effective).toBe('high');
    expect((await fileOf(office, neighbour.id)).statusCode).toBe(404);
  });
});
