import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codes,
  login,
  makeEnterprise,
  makeEnterpriseAccount,
  makeUser,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';

let t: TestApp;
let office: Session;
let otherOffice: Session;
let village: Session;
let qiye: Session;
let own: EnterpriseRow;
let neighbour: EnterpriseRow;
let outside: EnterpriseRow;
let houseType: number;
let confinedType: number;

beforeAll(async () => {
  t = await startTestApp();
  await seedOrg(t.database);
  own = await makeEnterprise(t.database, { name: '东村机械厂', regionCode: codes.village1 });
  neighbour = await makeEnterprise(t.database, { name: '西村纸箱厂', regionCode: codes.village2 });
  outside = await makeEnterprise(t.database, { name: '邻镇化工厂', regionCode: codes.otherVillage });
  await makeEnterpriseAccount(t.database, own.id);
  await makeUser(t.database, { username: 'zhang', roles: ['village'], regionCodes: [codes.village1] });
  office = await login(t.app, 'office');
  otherOffice = await login(t.app, 'otheroffice');
  village = await login(t.app, 'zhang');
  qiye = await login(t.app, 'qiye');
  const types = (await office.get('/api/v1/ledger-object-types')).json().items as Array<{ id: number; code: string }>;
  houseType = types.find((x) => x.code === 'selfBuiltHouse')?.id as number;
  confinedType = types.find((x) => x.code === 'confinedSpace')?.id as number;
});
afterAll(() => t?.close());

const house = (over: Record<string, unknown> = {}) => ({
  typeId: houseType,
  name: '东村 3 组王家楼',
  regionCode: codes.village1,
  address: '东村 3 组 12 号',
  data: { owner: '王建国', ownerPhone: '13900001111', floors: 4, use: '餐饮', structureAppraised: false },
  ...over,
});
const confined = (over: Record<string, unknown> = {}) => ({
  typeId: confinedType,
  name: '污水收集池',
  enterpriseId: own.id,
  data: { spaceKind: '地下有限空间', location: '厂区东南角', keeper: '李安' },
  ...over,
});

describe('registering objects', () => {
  let houseId: number;
  it('a village object lies in a village of the caller’s scope, with a label code', async () => {
    const res = await office.post('/api/v1/ledger-objects', house());
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    houseId = o.id;
    expect(o).toMatchObject({
      typeName: '经营性自建房',
      regionName: '东村',
      enterpriseId: null,
      status: 'active',
      createdByName: 'office',
      version: 1,
    });
    expect(o.labelCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect((await office.get(`/api/v1/ledger-labels/${o.labelCode}`)).json().id).toBe(o.id);
    expect((await otherOffice.get(`/api/v1/ledger-labels/${o.labelCode}`)).statusCode).toBe(404);
  });

  it('an enterprise object lies in its enterprise’s region', async () => {
    const res = await office.post('/api/v1/ledger-objects', confined());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ regionCode: codes.village1, enterpriseName: '东村机械厂' });
  });

  it('refuses a missing required field naming its label and path', async () => {
    const res = await office.post('/api/v1/ledger-objects', house({ name: '东村缺产权人楼', data: { floors: 3, use: '餐饮' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('请填写房屋产权人');
    expect(res.json().details).toEqual([{ path: 'data.owner', message: '请填写房屋产权人' }]);
  });

  it('refuses a value outside an enum’s options', async () => {
    const res = await office.post('/api/v1/ledger-objects', house({ name: '东村网吧楼', data: { owner: '李', floors: 3, use: '网吧' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'data.use', message: expect.stringContaining('经营用途应为餐饮') });
  });

  it('refuses an enterprise type without an enterprise, and an enterprise out of scope', async () => {
    const none = await office.post('/api/v1/ledger-objects', confined({ enterpriseId: undefined }));
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ message: '有限空间属于企业，请选择所属企业', details: [{ path: 'enterpriseId' }] });
    const far = await office.post('/api/v1/ledger-objects', confined({ enterpriseId: outside.id }));
    expect(far.statusCode).toBe(400);
    expect(far.json().details[0].path).toBe('enterpriseId');
  });

  it('refuses a village out of scope, a township instead of a village, and no village', async () => {
    for (const regionCode of [codes.otherVillage, codes.town, undefined]) {
      const res = await office.post('/api/v1/ledger-objects', house({ name: `楼${regionCode}`, regionCode }));
      expect(res.statusCode, String(regionCode)).toBe(400);
      expect(res.json().details[0].path).toBe('regionCode');
    }
    const cadre = await village.post('/api/v1/ledger-objects', house({ name: '西村楼', regionCode: codes.village2 }));
    expect(cadre.statusCode).toBe(400);
  });

  it('a second object of the same name at the same place is a 409 naming the existing one', async () => {
    const res = await office.post('/api/v1/ledger-objects', house({ name: '东村3组 王家楼' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().details.existingId).toBe(houseId);
    // The same name in another village is another house.
    expect((await office.post('/api/v1/ledger-objects', house({ regionCode: codes.village2 }))).statusCode).toBe(201);
  });

  it('edits with the version: 409 when stale; data checked again on save', async () => {
    const res = await village.request({
      method: 'PUT',
      url: `/api/v1/ledger-objects/${houseId}`,
      payload: { version: 1, data: { owner: '王建国', floors: 5, use: '住宿' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, data: { floors: 5, use: '住宿' }, address: '东村 3 组 12 号' });
    const stale = await office.request({
      method: 'PUT',
      url: `/api/v1/ledger-objects/${houseId}`,
      payload: { version: 1, name: '改名楼' },
    });
    expect(stale.statusCode).toBe(409);
    const bad = await office.request({
      method: 'PUT',
      url: `/api/v1/ledger-objects/${houseId}`,
      payload: { version: 2, data: { floors: 5 } },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('注销 with a reason; a removed object is not edited again', async () => {
    const noReason = await office.post(`/api/v1/ledger-objects/${houseId}/remove`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await office.post(`/api/v1/ledger-objects/${houseId}/remove`, { reason: '已拆除' });
    expect(res.json()).toMatchObject({ status: 'removed', removedReason: '已拆除' });
    const again = await office.request({
      method: 'PUT',
      url: `/api/v1/ledger-objects/${houseId}`,
      payload: { version: 3, name: '复活楼' },
    });
    expect(again.statusCode).toBe(409);
    const active = (await office.get(`/api/v1/ledger-objects?typeId=${houseType}&status=active`)).json();
    expect(active.items.map((o: { id: number }) => o.id)).not.toContain(houseId);
  });
});

describe('scope', () => {
  let outsideId: number;
  beforeAll(async () => {
    const res = await otherOffice.post('/api/v1/ledger-objects', confined({ enterpriseId: outside.id, name: '邻镇反应釜' }));
    expect(res.statusCode, res.body).toBe(201);
    outsideId = res.json().id;
    await office.post('/api/v1/ledger-objects', confined({ enterpriseId: neighbour.id, name: '西村地下室' }));
  });

  it('an account of 邻镇 can neither read nor write the township’s objects, nor the township 邻镇’s', async () => {
    const list = (await office.get('/api/v1/ledger-objects?pageSize=100')).json();
    expect(list.items.map((o: { name: string }) => o.name)).not.toContain('邻镇反应釜');
    expect((await office.get(`/api/v1/ledger-objects/${outsideId}`)).statusCode).toBe(404);
    expect(
      (await office.request({ method: 'PUT', url: `/api/v1/ledger-objects/${outsideId}`, payload: { version: 1, name: '越权' } }))
        .statusCode,
    ).toBe(404);
    expect((await office.post(`/api/v1/ledger-objects/${outsideId}/remove`, { reason: '越权注销' })).statusCode).toBe(404);
    const theirs = (await otherOffice.get('/api/v1/ledger-objects?pageSize=100')).json();
    expect(theirs.items.map((o: { name: string }) => o.name)).toEqual(['邻镇反应釜']);
  });

  it('an enterprise sees and registers only its own objects', async () => {
    const mine = (await qiye.get('/api/v1/ledger-objects?pageSize=100')).json();
    expect(mine.items.every((o: { enterpriseId: number }) => o.enterpriseId === own.id)).toBe(true);
    expect(mine.total).toBeGreaterThan(0);
    const res = await qiye.post('/api/v1/ledger-objects', confined({ enterpriseId: undefined, name: '配料罐' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().enterpriseId).toBe(own.id);
    const other = await qiye.post('/api/v1/ledger-objects', confined({ enterpriseId: neighbour.id, name: '别家罐' }));
    expect(other.statusCode).toBe(400);
  });

  it('filters by type, village, enterprise and keyword, with pages', async () => {
    const byEnterprise = (await office.get(`/api/v1/ledger-objects?enterpriseId=${own.id}`)).json();
    expect(byEnterprise.items.map((o: { name: string }) => o.name).sort()).toEqual(['污水收集池', '配料罐']);
    const byVillage = (await office.get(`/api/v1/ledger-objects?regionCode=${codes.village2}`)).json();
    expect(byVillage.items.every((o: { regionCode: string }) => o.regionCode === codes.village2)).toBe(true);
    const byKeyword = (await office.get(`/api/v1/ledger-objects?q=${encodeURIComponent('机械')}`)).json();
    expect(byKeyword.items.map((o: { name: string }) => o.name).sort()).toEqual(['污水收集池', '配料罐']);
    const page = (await office.get(`/api/v1/ledger-objects?typeId=${confinedType}&pageSize=1&page=2`)).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(3);
  });
});
