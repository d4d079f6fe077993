import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, countRows, login, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let admin: Session;
let office: Session;

beforeAll(async () => {
  t = await startTestApp();
  org = await seedOrg(t.database);
  admin = await login(t.app, 'admin');
  office = await login(t.app, 'office');
});
afterAll(() => t.close());

const count = (table: 'units' | 'regions' | 'audit_events') => countRows(t.database, table);

async function unitNames(s: Session): Promise<string[]> {
  const res = await s.get('/api/v1/units?pageSize=500');
  expect(res.statusCode).toBe(200);
  const body = res.json() as { items: { name: string }[]; total: number };
  expect(body.total).toBe(body.items.length);
  return body.items.map((u) => u.name).sort();
}

async function regionCodes(s: Session): Promise<string[]> {
  const res = await s.get('/api/v1/regions');
  expect(res.statusCode).toBe(200);
  return (res.json().items as { code: string }[]).map((r) => r.code);
}

const newUnit = (over: Record<string, unknown> = {}) => ({ name: '示例镇派出所', kind: 'regulator', regionCode: codes.town, ...over });

describe('which units a user sees', () => {
  it('the office sees its township units and the county bureau above it, not 邻镇应急办', async () => {
    expect(await unitNames(office)).toEqual(['示例县应急管理局', '示例镇市场监管所', '示例镇应急管理办公室'].sort());
    expect((await office.get(`/api/v1/units/${org.units.countyBureau.id}`)).statusCode).toBe(200);
    const hidden = await office.get(`/api/v1/units/${org.units.otherEmergency.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ code: 'unit.not_found', message: '成员单位不存在或您无权查看' });
  });

  it('the 邻镇 office sees its own unit and the county bureau', async () => {
    const other = await login(t.app, 'otheroffice');
    expect(await unitNames(other)).toEqual(['示例县应急管理局', '邻镇应急办'].sort());
  });

  it('the administrator sees all four', async () => {
    expect(await unitNames(admin)).toHaveLength(4);
  });

  it('searches names, short names and aliases within the scope only', async () => {
    const res = await office.get(`/api/v1/units?q=${encodeURIComponent('应急')}`);
    expect((res.json().items as { name: string }[]).map((u) => u.name).sort()).toEqual(['示例县应急管理局', '示例镇应急管理办公室'].sort());
  });
});

describe('an office managing units', () => {
  let created: { id: number; name: string };

  it('creates a unit in its township, audited', async () => {
    const events = await count('audit_events');
    const res = await office.post('/api/v1/units', newUnit({ shortName: '派出所', industries: ['transport'], phone: '0571-88880004' }));
    expect(res.statusCode).toBe(201);
    created = res.json();
    expect(created).toMatchObject({
      name: '示例镇派出所',
      shortName: '派出所',
      kind: 'regulator',
      regionCode: codes.town,
      industries: ['transport'],
      phone: '0571-88880004',
      disabled: false,
    });
    expect(await count('audit_events')).toBe(events + 1);
    expect(await unitNames(office)).toContain('示例镇派出所');
  });

  it('updates it, moves it to a village of its own, and disables it', async () => {
    const res = await office.patch(`/api/v1/units/${created.id}`, { phone: '0571-88880110', regionCode: codes.village1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: created.id, name: '示例镇派出所', phone: '0571-88880110', regionCode: codes.village1 });
    const off = await office.patch(`/api/v1/units/${created.id}`, { disabled: true });
    expect(off.json().disabled).toBe(true);
    const [event] = await t.database.rows<{ action: string }>(sql`SELECT action FROM audit_events ORDER BY id DESC LIMIT 1`);
    expect(event?.action).toBe('disable');
  });

  it('may not edit the county bureau it can see', async () => {
    const events = await count('audit_events');
    const res = await office.patch(`/api/v1/units/${org.units.countyBureau.id}`, { phone: '0571-12345678' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'unit.scope_exceeded', message: '该单位属于上级区划，您只能查看' });
    expect((await admin.get(`/api/v1/units/${org.units.countyBureau.id}`)).json().phone).toBeNull();
    expect(await count('audit_events')).toBe(events);
  });

  it('may not edit 邻镇应急办 (404), nor create or move a unit into 邻镇 (403)', async () => {
    const units = await count('units');
    expect((await office.patch(`/api/v1/units/${org.units.otherEmergency.id}`, { phone: '0571-12345678' })).statusCode).toBe(404);
    const into = await office.post('/api/v1/units', newUnit({ name: '越界单位', regionCode: codes.otherTown }));
    expect(into.statusCode).toBe(403);
    expect(into.json()).toMatchObject({ code: 'unit.scope_exceeded', message: `区划 ${codes.otherTown} 超出了您的管理范围` });
    const county = await office.post('/api/v1/units', newUnit({ name: '县级单位', regionCode: codes.county }));
    expect(county.statusCode).toBe(403);
    const supervising = await office.post('/api/v1/units', newUnit({ name: '跨镇单位', supervisedRegionCodes: [codes.otherVillage] }));
    expect(supervising.statusCode).toBe(403);
    const move = await office.patch(`/api/v1/units/${org.units.market.id}`, { regionCode: codes.otherTown });
    expect(move.statusCode).toBe(403);
    expect(await count('units')).toBe(units);
    expect((await admin.get(`/api/v1/units/${org.units.market.id}`)).json().regionCode).toBe(codes.town);
  });

  it('answers an unknown region code with 400 naming 所属区划', async () => {
    const res = await office.post('/api/v1/units', newUnit({ name: '无区划单位', regionCode: '330110101999' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'unit.region_unknown',
      message: '所属区划：区划代码 330110101999 不存在',
      details: [{ path: 'regionCode' }],
    });
    const byAdmin = await admin.post('/api/v1/units', newUnit({ name: '无区划单位', regionCode: '330110109000' }));
    expect(byAdmin.statusCode).toBe(400);
    expect(byAdmin.json().message).toMatch(/^所属区划：/);
    const supervised = await admin.post('/api/v1/units', newUnit({ name: '无区划单位', supervisedRegionCodes: ['330110101998'] }));
    expect(supervised.statusCode).toBe(400);
    expect(supervised.json().message).toBe('监管区划：区划代码 330110101998 不存在');
  });

  it('answers a malformed region code with a validation error naming 所属区划', async () => {
    const res = await office.post('/api/v1/units', newUnit({ name: '坏代码单位', regionCode: '3301' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().message).toContain('所属区划');
    expect(res.json().details).toEqual([{ path: 'regionCode', message: expect.stringContaining('所属区划') }]);
  });

  it('refuses a duplicate name in the same region with 409, but allows it in another region', async () => {
    const units = await count('units');
    const dup = await office.post('/api/v1/units', newUnit({ name: '示例镇市场监管所' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'unit.name_taken', message: '单位名称：该区划下已有名为“示例镇市场监管所”的单位' });
    expect(await count('units')).toBe(units);
    const rename = await office.patch(`/api/v1/units/${org.units.emergency.id}`, { name: '示例镇市场监管所' });
    expect(rename.statusCode).toBe(409);
    const elsewhere = await office.post('/api/v1/units', newUnit({ name: '示例镇市场监管所', regionCode: codes.village2 }));
    expect(elsewhere.statusCode).toBe(201);
    // Renaming a unit to its own name is not a conflict.
    expect((await office.patch(`/api/v1/units/${org.units.market.id}`, { name: '示例镇市场监管所' })).statusCode).toBe(200);
  });
});

describe('regions by scope', () => {
  it('the office sees the 示例镇 subtree and the county above it, not 邻镇 or 邻村', async () => {
    expect(await regionCodes(office)).toEqual([codes.county, codes.town, codes.village1, codes.village2]);
  });

  it('the village cadre sees only 东村 and its ancestors', async () => {
    const village = await login(t.app, 'village');
    const res = await village.get('/api/v1/regions');
    expect(res.json().items).toEqual([
      { code: codes.county, name: '示例县', level: 'county', parentCode: null, abolished: false, docPrefix: null },
      { code: codes.town, name: '示例镇', level: 'township', parentCode: codes.county, abolished: false, docPrefix: null },
      { code: codes.village1, name: '东村', level: 'village', parentCode: codes.town, abolished: false, docPrefix: null },
    ]);
  });

  it('unit staff see their regions; the administrator sees all six', async () => {
    const unitStaff = await login(t.app, 'otherunit');
    expect(await regionCodes(unitStaff)).toEqual([codes.county, codes.otherTown, codes.otherVillage]);
    expect(await regionCodes(admin)).toHaveLength(6);
  });
});

describe('writing regions', () => {
  it('the administrator adds a village (level and parent from its code) and renames it, audited', async () => {
    const events = await count('audit_events');
    const res = await admin.post('/api/v1/regions', { code: '330110101203', name: '南村' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      code: '330110101203',
      name: '南村',
      level: 'village',
      parentCode: codes.town,
      abolished: false,
      docPrefix: null,
    });
    const renamed = await admin.patch('/api/v1/regions/330110101203', { name: '南新村' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('南新村');
    const abolished = await admin.patch('/api/v1/regions/330110101203', { abolished: true });
    expect(abolished.json().abolished).toBe(true);
    expect(await count('audit_events')).toBe(events + 3);
    // The office now sees it, as part of its township.
    expect(await regionCodes(office)).toContain('330110101203');
    const grid = await admin.post('/api/v1/regions', { code: '330110101201001', name: '东村一网格' });
    expect(grid.json()).toMatchObject({ level: 'grid', parentCode: codes.village1 });
  });

  it('the office may not add or rename regions', async () => {
    const regions = await count('regions');
    const add = await office.post('/api/v1/regions', { code: '330110101204', name: '北村' });
    expect(add.statusCode).toBe(403);
    expect(add.json().code).toBe('auth.forbidden');
    const rename = await office.patch(`/api/v1/regions/${codes.village1}`, { name: '改名村' });
    expect(rename.statusCode).toBe(403);
    expect(await count('regions')).toBe(regions);
    expect((await office.get('/api/v1/regions')).json().items.find((r: { code: string }) => r.code === codes.village1).name).toBe('东村');
  });

  it('refuses a code that is not 12 or 15 digits with 400 naming 区划代码', async () => {
    for (const code of ['33011010120', '3301101012011', '33011010120A', '3301101012010011']) {
      const res = await admin.post('/api/v1/regions', { code, name: '坏代码' });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().message, code).toBe('区划代码：应为 12 位统计用区划代码（网格为 15 位）');
      expect(res.json().details).toEqual([{ path: 'code', message: '区划代码：应为 12 位统计用区划代码（网格为 15 位）' }]);
    }
    const param = await admin.patch('/api/v1/regions/123', { name: '坏代码' });
    expect(param.statusCode).toBe(400);
    expect(param.json().message).toContain('区划代码');
  });

  it('refuses a duplicate code (409), a code outside its parent, and an unknown parent (400)', async () => {
    const dup = await admin.post('/api/v1/regions', { code: codes.village1, name: '重复' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'region.code_taken', message: `区划代码：${codes.village1} 已存在` });
    const mismatch = await admin.post('/api/v1/regions', { code: '330110101205', name: '错挂村', parentCode: codes.otherTown });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().code).toBe('region.parent_mismatch');
    const orphan = await admin.post('/api/v1/regions', { code: '330110103201', name: '孤村', parentCode: '330110103000' });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json()).toMatchObject({ code: 'region.parent_unknown', message: '上级区划：330110103000 不存在' });
    const missing = await admin.patch('/api/v1/regions/330110109000', { name: '不存在' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('region.not_found');
  });
});
