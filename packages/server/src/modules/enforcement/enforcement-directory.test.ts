// 执法检查人员名录库 and 检查对象名录库 through the API: who may change what, unique 执法证号, optimistic versions,
// derivation from the registry with the targets to review, exclusion with a reason — all audited.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codes,
  countRows,
  loginAs,
  makeEnterprise,
  makeEnterpriseAccount,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';

describe('执法检查人员名录库', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  let office: Session;
  let unit: Session;
  const body = (over: Record<string, unknown> = {}) => ({
    unitId: org.units.emergency.id,
    name: '张执法',
    certificateNo: 'ZJ33010001',
    certificateValidUntil: '2027-12-31',
    homeRegionCode: codes.village1,
    field: '危化',
    ...over,
  });
  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrg(t.database);
    office = await loginAs(t.app, 'office');
    unit = await loginAs(t.app, 'unit');
  });
  afterAll(() => t.close());

  it('registers an inspector (audited) and refuses a certificate number already registered, in Chinese, changing nothing', async () => {
    const res = await office.post('/api/v1/enforcement-inspectors', body());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: '张执法',
      unitName: '示例镇应急管理办公室',
      homeRegionName: '东村',
      certificateValid: true,
      version: 1,
    });
    expect(await countRows(t.database, 'audit_events', sql`entity_type = 'enforcementInspector' AND action = 'create'`)).toBe(1);
    const clash = await office.post('/api/v1/enforcement-inspectors', body({ name: '李重复' }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().message).toContain('执法证号 ZJ33010001 已登记在「张执法」名下');
    expect(await countRows(t.database, 'enforcement_inspectors')).toBe(1);
  });

  it('a unit account manages only its own unit’s inspectors', async () => {
    const other = await unit.post('/api/v1/enforcement-inspectors', body({ certificateNo: 'ZJ33010002' }));
    expect(other.statusCode).toBe(404);
    const own = await unit.post(
      '/api/v1/enforcement-inspectors',
      body({ unitId: org.units.market.id, certificateNo: 'SJ33010001', name: '王市监' }),
    );
    expect(own.statusCode, own.body).toBe(201);
    const list = await unit.get('/api/v1/enforcement-inspectors');
    expect(list.json().items.map((i: { name: string }) => i.name)).toEqual(['王市监']);
    const all = await office.get('/api/v1/enforcement-inspectors');
    expect(all.json().total).toBe(2);
  });

  it('refuses a home region outside the caller’s scope and a bad date with a Chinese message naming the field', async () => {
    const res = await office.post(
      '/api/v1/enforcement-inspectors',
      body({ certificateNo: 'ZJ33010003', homeRegionCode: codes.otherVillage }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'homeRegionCode', message: '行政区划不存在或不在管辖范围内' }]);
    const date = await office.post(
      '/api/v1/enforcement-inspectors',
      body({ certificateNo: 'ZJ33010003', certificateValidUntil: '2027/1/1' }),
    );
    expect(date.statusCode).toBe(400);
    expect(date.body).toContain('日期格式应为 YYYY-MM-DD');
  });

  it('marks expired certificates, updates with the version read, refuses a stale one, and deactivates with a reason', async () => {
    const created = (
      await office.post(
        '/api/v1/enforcement-inspectors',
        body({ certificateNo: 'ZJ33010009', name: '赵过期', certificateValidUntil: '2026-01-31' }),
      )
    ).json();
    expect(created.certificateValid).toBe(false);
    const expired = await office.get('/api/v1/enforcement-inspectors?validity=expired');
    expect(expired.json().items.map((i: { name: string }) => i.name)).toEqual(['赵过期']);
    const renewed = await office.patch(`/api/v1/enforcement-inspectors/${created.id}`, { version: 1, certificateValidUntil: '2028-01-31' });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({ certificateValid: true, version: 2 });
    const stale = await office.patch(`/api/v1/enforcement-inspectors/${created.id}`, { version: 1, name: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('已被他人修改');
    const off = await office.post(`/api/v1/enforcement-inspectors/${created.id}/deactivate`, { version: 2, reason: '调离执法岗位' });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await office.get('/api/v1/enforcement-inspectors')).json().items.some((i: { id: number }) => i.id === created.id)).toBe(false);
    expect(
      (await office.get('/api/v1/enforcement-inspectors?includeInactive=true'))
        .json()
        .items.some((i: { id: number }) => i.id === created.id),
    ).toBe(true);
    const noReason = await office.post(`/api/v1/enforcement-inspectors/${created.id}/deactivate`, { version: 3, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('请填写停用原因');
  });
});

describe('检查对象名录库', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  let office: Session;
  let unit: Session;
  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrg(t.database);
    office = await loginAs(t.app, 'office');
    unit = await loginAs(t.app, 'unit');
  });
  afterAll(() => t.close());

  it('derives the unit’s targets from the registry, then lists the ones the registry no longer gives it for review', async () => {
    const a = await makeEnterprise(t.database, {
      name: '东村五金厂',
      regionCode: codes.village1,
      supervisingUnitId: org.units.emergency.id,
      riskLevel: 'high',
    });
    const b = await makeEnterprise(t.database, {
      name: '西村化工厂',
      regionCode: codes.village2,
      supervisingUnitId: org.units.emergency.id,
    });
    await makeEnterprise(t.database, { name: '东村电梯公司', regionCode: codes.village1, supervisingUnitId: org.units.market.id });
    const first = await office.post('/api/v1/enforcement-targets/derive', { unitId: org.units.emergency.id });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ added: 2, total: 2, stale: [] });
    await t.database.db.update(enterprises).set({ supervisingUnitId: org.units.market.id }).where(sql`${enterprises.id} = ${b.id}`);
    const again = (await office.post('/api/v1/enforcement-targets/derive', { unitId: org.units.emergency.id })).json();
    expect(again.added).toBe(0);
    expect(again.stale).toEqual([
      { targetId: expect.any(Number), enterpriseId: b.id, enterpriseName: '西村化工厂', reason: '企业已改由其他单位监管' },
    ]);
    const list = (await office.get(`/api/v1/enforcement-targets?unitId=${org.units.emergency.id}&regionCode=${codes.village1}`)).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        enterpriseId: a.id,
        enterpriseName: '东村五金厂',
        regionName: '东村',
        riskLevel: 'high',
        source: 'registry',
        excluded: false,
      }),
    ]);
    expect(await countRows(t.database, 'audit_events', sql`entity_type = 'enforcementTargets' AND action = 'derive'`)).toBe(2);
  });

  it('excludes and re-includes a target with a reason (audited); a unit account cannot touch another unit’s', async () => {
    const [target] = (await office.get(`/api/v1/enforcement-targets?unitId=${org.units.emergency.id}&q=西村`)).json().items;
    const byUnit = await unit.post(`/api/v1/enforcement-targets/${target.id}/exclusion`, { excluded: true, reason: '已迁出' });
    expect(byUnit.statusCode).toBe(404);
    const noReason = await office.post(`/api/v1/enforcement-targets/${target.id}/exclusion`, { excluded: true, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('请填写原因');
    const out = await office.post(`/api/v1/enforcement-targets/${target.id}/exclusion`, { excluded: true, reason: '已改由市场监管所监管' });
    expect(out.json()).toMatchObject({ excluded: true, excludedReason: '已改由市场监管所监管' });
    expect((await office.get('/api/v1/enforcement-targets?excluded=true')).json().total).toBe(1);
    const back = await office.post(`/api/v1/enforcement-targets/${target.id}/exclusion`, { excluded: false, reason: '联合检查需要' });
    expect(back.json()).toMatchObject({ excluded: false, excludedReason: null });
    expect(await countRows(t.database, 'audit_events', sql`entity_type = 'enforcementTarget'`)).toBe(2);
  });

  it('adds a target by hand (source manual) once, only an enterprise in scope', async () => {
    const e = await makeEnterprise(t.database, { name: '东村餐馆', regionCode: codes.village1, supervisingUnitId: org.units.market.id });
    const outside = await makeEnterprise(t.database, {
      name: '邻村工厂',
      regionCode: codes.otherVillage,
      supervisingUnitId: org.units.otherEmergency.id,
    });
    const res = await unit.post('/api/v1/enforcement-targets', { unitId: org.units.market.id, enterpriseId: e.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'manual', enterpriseName: '东村餐馆', unitName: '示例镇市场监管所' });
    const twice = await unit.post('/api/v1/enforcement-targets', { unitId: org.units.market.id, enterpriseId: e.id });
    expect(twice.statusCode).toBe(409);
    const far = await unit.post('/api/v1/enforcement-targets', { unitId: org.units.market.id, enterpriseId: outside.id });
    expect(far.statusCode).toBe(400);
    expect(far.json().details[0].path).toBe('enterpriseId');
    expect((await unit.get('/api/v1/enforcement-targets')).json().items.map((i: { enterpriseName: string }) => i.enterpriseName)).toEqual([
      '东村餐馆',
    ]);
    await makeEnterpriseAccount(t.database, e.id);
    const ent = await loginAs(t.app, 'enterprise');
    expect((await ent.get('/api/v1/enforcement-targets')).json().total).toBe(1);
    expect((await ent.get('/api/v1/enforcement-inspectors')).json().total).toBe(0);
  });
});
