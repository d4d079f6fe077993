import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, login, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let office: Session;
let admin: Session;

// A valid code: check characters computed with the GB 32100 rule in core.
import { creditCodeCheckChar } from '@anzhi/core';

const code = (n: number) => {
  const first = `91330110MA${String(n).padStart(7, '0')}`;
  return first + creditCodeCheckChar(first);
};

const base = { regionCode: codes.village1, principal: '张三', principalPhone: '13800138000' };

beforeAll(async () => {
  t = await startTestApp();
  org = await seedOrg(t.database);
  office = await login(t.app, 'office');
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

describe('enterprise registry', () => {
  it('creates an enterprise, derives its supervising unit (三管三必须) and records the change', async () => {
    const res = await office.post('/api/v1/enterprises', {
      ...base,
      name: '东村化工有限公司',
      creditCode: code(1),
      domains: ['hazardousChemicals'],
      industryCode: '26',
    });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      name: '东村化工有限公司',
      supervisingUnitId: org.units.emergency.id,
      supervisingUnitName: '示例镇应急管理办公室',
      supervisingUnitOverridden: false,
      version: 1,
    });
    expect(e.publicCode).toMatch(/^[A-Za-z0-9]{10}$/);
    const history = await office.get(`/api/v1/enterprises/${e.id}/history`);
    expect(history.json().items[0]).toMatchObject({ action: 'create', entityType: 'enterprise' });
  });

  it('names the expected check character of a wrong credit code', async () => {
    const good = code(2);
    const wrong = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const res = await office.post('/api/v1/enterprises', { ...base, name: '错码厂', creditCode: wrong });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(`校验位应为 ${good[17]}`);
  });

  it('refuses a second enterprise with the same credit code', async () => {
    const res = await office.post('/api/v1/enterprises', { ...base, name: '另一家', creditCode: code(1) });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('enterprise.duplicate_credit_code');
  });

  it('validates phones and regions with Chinese messages', async () => {
    const phone = await office.post('/api/v1/enterprises', { ...base, name: '电话错', principalPhone: '12345' });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().message).toMatch(/手机号/);
    const region = await office.post('/api/v1/enterprises', { ...base, name: '外镇', regionCode: codes.otherVillage });
    expect(region.statusCode).toBe(400);
    expect(region.json().message).toMatch(/所属区划/);
  });

  it('keeps a hand-set supervising unit, and uses optimistic locking', async () => {
    const created = (await office.post('/api/v1/enterprises', { ...base, name: '西村五金厂', domains: ['industryTrade'] })).json();
    const moved = await office.patch(`/api/v1/enterprises/${created.id}`, {
      version: created.version,
      supervisingUnitId: org.units.market.id,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ supervisingUnitId: org.units.market.id, supervisingUnitOverridden: true, version: 2 });
    const stale = await office.patch(`/api/v1/enterprises/${created.id}`, { version: 1, address: '西村1号' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('enterprise.stale');
    // Changing domains does not move a hand-set unit.
    const again = await office.patch(`/api/v1/enterprises/${created.id}`, { version: 2, domains: ['hazardousChemicals'] });
    expect(again.json().supervisingUnitId).toBe(org.units.market.id);
    // A partial update leaves out what it does not send: domains, flags and status stay.
    const phoneOnly = await office.patch(`/api/v1/enterprises/${created.id}`, { version: 3, principalPhone: '13900000009' });
    expect(phoneOnly.json()).toMatchObject({
      domains: ['hazardousChemicals'],
      status: 'operating',
      supervisingUnitId: org.units.market.id,
      principalPhone: '13900000009',
    });
  });

  it('records who graded the risk level and why', async () => {
    const created = (
      await office.post('/api/v1/enterprises', { ...base, name: '风险厂', riskLevel: 'high', riskLevelReason: '涉爆粉尘' })
    ).json();
    expect(created).toMatchObject({ riskLevel: 'high', riskLevelSetBy: 'office', riskLevelReason: '涉爆粉尘' });
    expect(created.riskLevelSetAt).not.toBeNull();
  });

  it('links a tenant to its landlord (厂中厂)', async () => {
    const landlord = (await office.post('/api/v1/enterprises', { ...base, name: '东村工业园' })).json();
    const tenant = (await office.post('/api/v1/enterprises', { ...base, name: '园内小厂', landlordId: landlord.id })).json();
    expect(tenant.landlordName).toBe('东村工业园');
    expect((await office.get(`/api/v1/enterprises/${landlord.id}`)).json().tenantCount).toBe(1);
    expect((await office.get(`/api/v1/enterprises/${landlord.id}/tenants`)).json().items).toEqual([{ id: tenant.id, name: '园内小厂' }]);
  });

  it('finds enterprises by name, pinyin initials and filters', async () => {
    const byName = await office.get(`/api/v1/enterprises?q=${encodeURIComponent('化工')}`);
    expect(byName.json().items.map((e: { name: string }) => e.name)).toContain('东村化工有限公司');
    const byInitials = await office.get('/api/v1/enterprises?q=dchg');
    expect(byInitials.json().items.map((e: { name: string }) => e.name)).toContain('东村化工有限公司');
    const byDomain = await office.get('/api/v1/enterprises?domain=hazardousChemicals');
    expect(byDomain.json().total).toBeGreaterThanOrEqual(1);
    const missing = await office.get('/api/v1/enterprises?missingInsurance=true');
    expect(missing.json().items.map((e: { name: string }) => e.name)).toContain('东村化工有限公司');
  });

  it('searches two characters in every searched field, and keeps the warning columns in step with edits', async () => {
    const created = (
      await office.post('/api/v1/enterprises', {
        ...base,
        name: '桥头纸箱厂',
        address: '示例镇渔港路1号',
        principal: '欧阳锋',
        domains: ['transport'],
      })
    ).json();
    const names = async (query: string) =>
      ((await office.get(`/api/v1/enterprises?${query}`)).json().items as { name: string }[]).map((e) => e.name);
    expect(await names(`q=${encodeURIComponent('渔港')}`)).toContain('桥头纸箱厂');
    expect(await names(`q=${encodeURIComponent('欧阳')}`)).toContain('桥头纸箱厂');
    expect(await names('q=QT')).toContain('桥头纸箱厂');
    expect(await names(`q=${encodeURIComponent('纸 ')}`)).toContain('桥头纸箱厂');
    expect(await names(`q=${encodeURIComponent('箱桥')}`)).not.toContain('桥头纸箱厂');
    // Transport requires 安责险 (应急〔2025〕27号), so it is high-risk; no township leader: 三个责任人 incomplete.
    expect(await names('highRisk=true&missingResponsibles=true')).toContain('桥头纸箱厂');
    const edited = await office.patch(`/api/v1/enterprises/${created.id}`, {
      version: created.version,
      townshipLeader: '王镇长',
      unitSupervisor: '李监管',
      domains: ['commerce'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await names('missingResponsibles=true')).not.toContain('桥头纸箱厂');
    expect(await names('highRisk=true')).not.toContain('桥头纸箱厂');
    expect(await names('missingInsurance=true')).not.toContain('桥头纸箱厂');
  });

  it('counts statistics that match the filtered lists', async () => {
    const statsRes = await office.get('/api/v1/enterprises/stats');
    expect(statsRes.statusCode, statsRes.body).toBe(200);
    const stats = statsRes.json();
    const list = (await office.get('/api/v1/enterprises')).json();
    expect(stats.total).toBe(list.total);
    const missing = (await office.get('/api/v1/enterprises?missingInsurance=true')).json();
    expect(stats.missingInsurance).toBe(missing.total);
    const responsibles = (await office.get('/api/v1/enterprises?highRisk=true&missingResponsibles=true')).json();
    expect(stats.highRiskMissingResponsibles).toBe(responsibles.total);
    expect(stats.byRiskLevel.reduce((a: number, r: { count: number }) => a + r.count, 0)).toBe(stats.total);
  });
});

describe('who sees which enterprises', () => {
  it('gives village cadres only their villages, unit staff only what they supervise, other townships nothing', async () => {
    await admin.post('/api/v1/enterprises', { name: '西村超市', regionCode: codes.village2, domains: ['specialEquipment'] });
    await admin.post('/api/v1/enterprises', { name: '邻村饭店', regionCode: codes.otherVillage, domains: ['commerce'] });
    const names = async (s: Session) =>
      (await s.get('/api/v1/enterprises?pageSize=200')).json().items.map((e: { name: string }) => e.name) as string[];
    const village = await names(await login(t.app, 'village'));
    expect(village).toContain('东村化工有限公司');
    expect(village).not.toContain('西村超市');
    const unit = await names(await login(t.app, 'unitstaff'));
    expect(unit).toEqual(expect.arrayContaining(['西村超市', '西村五金厂']));
    expect(unit).not.toContain('东村化工有限公司');
    const other = await names(await login(t.app, 'otheroffice'));
    expect(other).toEqual(['邻村饭店']);
    const all = await names(admin);
    expect(all).toEqual(expect.arrayContaining(['邻村饭店', '东村化工有限公司']));
  });

  it('answers 404 for an enterprise outside the scope, and 403 for writes a role may not do', async () => {
    const other = (await admin.get(`/api/v1/enterprises?q=${encodeURIComponent('邻村饭店')}`)).json().items[0];
    expect((await office.get(`/api/v1/enterprises/${other.id}`)).statusCode).toBe(404);
    const leader = await login(t.app, 'leader');
    expect((await leader.post('/api/v1/enterprises', { ...base, name: '领导新建' })).statusCode).toBe(403);
    const village = await login(t.app, 'village');
    const graded = await village.post('/api/v1/enterprises', { ...base, name: '村里小店', riskLevel: 'major' });
    expect(graded.statusCode).toBe(403);
  });
});

describe('三个责任人 card', () => {
  it('is a real Word file naming the three responsibles, with the report QR code', async () => {
    const created = (
      await office.post('/api/v1/enterprises', {
        ...base,
        name: '公示牌测试厂',
        townshipLeader: '陈镇长',
        townshipLeaderPhone: '13900000001',
        unitSupervisor: '李监管',
        domains: ['industryTrade'],
      })
    ).json();
    const res = await office.request({
      method: 'GET',
      url: `/api/v1/enterprises/${created.id}/card.docx`,
      headers: { host: 'anzhi.example:3000' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    for (const text of ['公示牌测试厂', '陈镇长', '李监管', '张三', '13800138000', '12350', `/report/e/${created.publicCode}`])
      expect(xml).toContain(text);
    expect(Object.keys(files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
  });
});
