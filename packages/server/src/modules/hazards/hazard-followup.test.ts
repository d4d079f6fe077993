import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, login, PASSWORD, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/app.ts';
import { hashPassword } from '../../lib/password-hash.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { userRepo } from '../users/user.repo.ts';

let t: TestApp;
let office: Session;
let owner: Session;
let otherOffice: Session;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  const org = await seedOrg(t.database);
  const now = new Date('2026-01-01T00:00:00Z');
  const enterprise = (key: string, name: string, regionCode: string, domains: string[]) =>
    enterpriseRepo.insert(t.database.db, {
      name,
      nameKey: name,
      regionCode,
      domains,
      principal: '负责人',
      supervisingUnitId: org.units.emergency.id,
      publicCode: `fu${key.padEnd(8, '0')}`,
      createdAt: now,
      updatedAt: now,
    });
  ids.source = (await enterprise('a', '东村甲化工厂', codes.village1, ['hazardousChemicals'])).id;
  ids.similar = (await enterprise('b', '西村乙化工厂', codes.village2, ['hazardousChemicals'])).id;
  ids.unlike = (await enterprise('c', '东村饭店', codes.village1, ['commerce'])).id;
  ids.elsewhere = (await enterprise('d', '邻村丙化工厂', codes.otherVillage, ['hazardousChemicals'])).id;
  const passwordHash = await hashPassword(PASSWORD);
  await userRepo.insert(t.database.db, {
    username: 'owner',
    displayName: '甲厂厂长',
    passwordHash,
    roles: ['enterprise'],
    regionCodes: [],
    enterpriseId: ids.source,
    enterprisePrincipal: true,
    mustChangePassword: false,
    createdAt: now,
    updatedAt: now,
  });
  [office, owner, otherOffice] = await Promise.all(['office', 'owner', 'otheroffice'].map((u) => login(t.app, u)));
});
afterAll(() => t.close());

describe('举一反三: one finding, the same item checked at every similar enterprise', () => {
  it('asks the similar enterprises in scope (not the source, not other domains, not other townships) and takes their answers', async () => {
    const h = (
      await office.post('/api/v1/hazards', {
        enterpriseId: ids.source,
        channel: 'inspection',
        grade: 'major',
        category: 'thing',
        title: '储罐区未设紧急切断',
        description: '液氯储罐进出料管道未设置紧急切断阀',
        criteriaCodes: ['huagong-2017/1'],
      })
    ).json();
    expect(h.criteriaCodes).toEqual(['huagong-2017/1']);
    const uncited = await office.post(`/api/v1/hazards/${h.id}/propagate`, { criterionCode: 'huagong-2017/2', deadline: '2026-03-31' });
    expect(uncited.statusCode).toBe(400);
    const res = await office.post(`/api/v1/hazards/${h.id}/propagate`, { criterionCode: 'huagong-2017/1', deadline: '2026-03-31' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 1 });
    // A second time creates nothing new.
    expect(
      (await office.post(`/api/v1/hazards/${h.id}/propagate`, { criterionCode: 'huagong-2017/1', deadline: '2026-03-31' })).json(),
    ).toEqual({
      created: 0,
    });
    const list = (await office.get('/api/v1/hazard-checks?status=open')).json();
    expect(list.items.map((c: { enterpriseId: number }) => c.enterpriseId)).toEqual([ids.similar]);
    expect((await otherOffice.get('/api/v1/hazard-checks')).json().total).toBe(0);
    const check = list.items[0];
    const found = await office.post(`/api/v1/hazard-checks/${check.id}/answer`, { result: 'found', answer: '发现同类问题' });
    expect(found.statusCode).toBe(400);
    const wrongHazard = await office.post(`/api/v1/hazard-checks/${check.id}/answer`, {
      result: 'found',
      answer: '见隐患',
      hazardId: h.id,
    });
    expect(wrongHazard.json().message).toContain('不属于该企业');
    const clear = await office.post(`/api/v1/hazard-checks/${check.id}/answer`, { result: 'clear', answer: '已对照排查，紧急切断阀齐全' });
    expect(clear.statusCode, clear.body).toBe(200);
    expect((await office.post(`/api/v1/hazard-checks/${check.id}/answer`, { result: 'clear', answer: '再次' })).statusCode).toBe(409);
    expect(
      (await owner.post(`/api/v1/hazards/${h.id}/propagate`, { criterionCode: 'huagong-2017/1', deadline: '2026-03-31' })).statusCode,
    ).toBe(403);
  });
});

describe('季报/年报 (16号令 第十四条)', () => {
  it('generates the ended periods from the records, due by the 15th after the quarter, signed once by the enterprise', async () => {
    const reports = (await owner.get('/api/v1/hazard-reports')).json();
    expect(reports.enterpriseId).toBe(ids.source);
    const q4 = reports.items.find((r: { period: string }) => r.period === '2025Q4');
    expect(q4).toMatchObject({ kind: 'quarter', dueOn: '2026-01-15', signedAt: null, late: true, state: 'late' });
    expect(q4.reason).toContain('2026-01-15 前签署报送');
    expect(reports.items.find((r: { period: string }) => r.period === '2025')).toMatchObject({ kind: 'year', dueOn: '2026-01-31' });
    expect((await office.post('/api/v1/hazard-reports/2025Q4/sign')).statusCode).toBe(403);
    const signed = await owner.post('/api/v1/hazard-reports/2025Q4/sign');
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ period: '2025Q4', signerName: '甲厂厂长' });
    expect((await owner.post('/api/v1/hazard-reports/2025Q4/sign')).statusCode).toBe(409);
    expect((await owner.post('/api/v1/hazard-reports/2026Q2/sign')).statusCode).toBe(400);
  });
});
