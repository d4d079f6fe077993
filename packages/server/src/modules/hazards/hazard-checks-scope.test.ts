import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codes,
  login,
  loginAs,
  makeEnterprise,
  makeEnterpriseAccount,
  makeUser,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';

let t: TestApp;
const ids: Record<string, number> = {};
const checkOf: Record<string, number> = {};
let market: Session;
let emergency: Session;
let ownerOfB: Session;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  const org = await seedOrg(t.database);
  const chem = { domains: ['hazardousChemicals'] };
  const source = await makeEnterprise(t.database, { ...chem, regionCode: codes.village1, supervisingUnitId: org.units.emergency.id });
  ids.b = (await makeEnterprise(t.database, { ...chem, regionCode: codes.village2, supervisingUnitId: org.units.emergency.id })).id;
  ids.c = (await makeEnterprise(t.database, { ...chem, regionCode: codes.village2, supervisingUnitId: org.units.market.id })).id;
  await makeUser(t.database, { username: 'yingji', roles: ['unit'], regionCodes: [codes.town], unitId: org.units.emergency.id });
  await makeEnterpriseAccount(t.database, ids.b, 'owner-b');
  const office = await loginAs(t.app, 'office');
  const h = await office.post('/api/v1/hazards', {
    enterpriseId: source.id,
    channel: 'inspection',
    grade: 'major',
    category: 'thing',
    title: '储罐区未设紧急切断',
    description: '液氯储罐进出料管道未设置紧急切断阀',
    criteriaCodes: ['huagong-2017/1'],
  });
  expect(h.statusCode, h.body).toBe(201);
  const sent = await office.post(`/api/v1/hazards/${h.json().id}/propagate`, { criterionCode: 'huagong-2017/1', deadline: '2026-03-31' });
  expect(sent.json()).toEqual({ created: 2 });
  for (const c of (await office.get('/api/v1/hazard-checks')).json().items as { id: number; enterpriseId: number }[]) {
    checkOf[c.enterpriseId === ids.b ? 'b' : 'c'] = c.id;
  }
  market = await loginAs(t.app, 'unit');
  emergency = await login(t.app, 'yingji');
  ownerOfB = await login(t.app, 'owner-b');
});
afterAll(() => t.close());

const enterprisesSeenBy = async (s: Session) =>
  ((await s.get('/api/v1/hazard-checks')).json().items as { enterpriseId: number }[]).map((c) => c.enterpriseId);

describe('举一反三 check requests follow the supervision scope', () => {
  it('a member unit lists only the checks of the enterprises it supervises, not every one in its township', async () => {
    expect(await enterprisesSeenBy(market)).toEqual([ids.c]);
    expect((await market.get('/api/v1/hazard-checks')).json().total).toBe(1);
    expect(await enterprisesSeenBy(emergency)).toEqual([ids.b]);
    expect(await enterprisesSeenBy(ownerOfB)).toEqual([ids.b]);
  });

  it('a member unit cannot answer the check of an enterprise it does not supervise (404, nothing written)', async () => {
    const res = await market.post(`/api/v1/hazard-checks/${checkOf.b}/answer`, { result: 'clear', answer: '越权反馈' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('hazard.check_not_found');
    const other = await ownerOfB.post(`/api/v1/hazard-checks/${checkOf.c}/answer`, { result: 'clear', answer: '越权反馈' });
    expect(other.statusCode).toBe(404);
    const open = (await emergency.get('/api/v1/hazard-checks?status=open')).json().items as { id: number }[];
    expect(open.map((c) => c.id)).toEqual([checkOf.b]);
    const own = await market.post(`/api/v1/hazard-checks/${checkOf.c}/answer`, { result: 'clear', answer: '已对照排查' });
    expect(own.statusCode, own.body).toBe(200);
  });
});
