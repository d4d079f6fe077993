import { defaultObjectTypes } from '@anzhi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLedgerObject } from '../../../test/campaign-kit.ts';
import { codes, login, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';

let t: TestApp;
let admin: Session;
let office: Session;
let otherOffice: Session;

beforeAll(async () => {
  t = await startTestApp();
  await seedOrg(t.database);
  admin = await login(t.app, 'admin');
  office = await login(t.app, 'office');
  otherOffice = await login(t.app, 'otheroffice');
});
afterAll(() => t?.close());

const types = async (s: Session) => (await s.get('/api/v1/ledger-object-types')).json().items as Array<Record<string, unknown>>;
const typeOf = async (s: Session, code: string) =>
  (await types(s)).find((x) => x.code === code) as Record<string, unknown> & { id: number; version: number };

describe('object types', () => {
  it('lists the shipped types, written once (a second listing adds none)', async () => {
    const first = await types(office);
    expect(first.map((x) => x.code)).toEqual(defaultObjectTypes.map((d) => d.code));
    expect(first.every((x) => x.builtin && !x.archived)).toBe(true);
    expect(await types(office)).toHaveLength(defaultObjectTypes.length);
  });

  it('counts the active objects in the caller’s scope only', async () => {
    const house = await typeOf(office, 'selfBuiltHouse');
    await makeLedgerObject(t.database.db, { typeId: house.id, regionCode: codes.village1, name: '东村甲楼' });
    await makeLedgerObject(t.database.db, {
      typeId: house.id,
      regionCode: codes.village2,
      name: '西村乙楼',
      removedAt: new Date('2026-02-01T00:00:00Z'),
    });
    await makeLedgerObject(t.database.db, { typeId: house.id, regionCode: codes.otherVillage, name: '邻村丙楼' });
    expect((await typeOf(office, 'selfBuiltHouse')).objectCount).toBe(1);
    expect((await typeOf(otherOffice, 'selfBuiltHouse')).objectCount).toBe(1);
    expect((await typeOf(admin, 'selfBuiltHouse')).objectCount).toBe(2);
  });

  const input = {
    code: 'gasPipe',
    name: '燃气管道',
    anchor: 'village',
    counter: '处',
    fields: [
      { key: 'owner', label: '管道权属单位', kind: 'text', required: true },
      { key: 'pressure', label: '压力级制', kind: 'enum', options: ['低压', '中压'] },
    ],
    checklist: ['管道无占压', '警示标志完好'],
  };

  it('the administrator adds a type; others may not; a taken code is a 409', async () => {
    expect((await office.post('/api/v1/ledger-object-types', input)).statusCode).toBe(403);
    const res = await admin.post('/api/v1/ledger-object-types', input);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'gasPipe', builtin: false, objectCount: 0, version: 1 });
    const again = await admin.post('/api/v1/ledger-object-types', input);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('gasPipe');
  });

  it('refuses a bad field list with a Chinese message', async () => {
    const res = await admin.post('/api/v1/ledger-object-types', {
      ...input,
      code: 'bad',
      fields: [{ key: 'kind', label: '类别', kind: 'enum', options: ['一'] }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('单选字段“类别”至少需要 2 个选项');
  });

  it('edits with the version (409 when stale); objects keep their data when fields go', async () => {
    const house = await typeOf(admin, 'selfBuiltHouse');
    const fields = (house.fields as Array<{ key: string }>).filter((f) => f.key !== 'owner');
    const res = await admin.request({
      method: 'PUT',
      url: `/api/v1/ledger-object-types/${house.id}`,
      payload: { version: house.version, fields, counter: '幢' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ counter: '幢', version: house.version + 1 });
    const stale = await admin.request({
      method: 'PUT',
      url: `/api/v1/ledger-object-types/${house.id}`,
      payload: { version: house.version, name: '旧的名称' },
    });
    expect(stale.statusCode).toBe(409);
    const objects = (await office.get(`/api/v1/ledger-objects?typeId=${house.id}`)).json().items;
    expect(objects[0].data).toMatchObject({ owner: '王某' });
  });

  it('restores a shipped type’s fields and checklist; a type of one’s own has nothing to restore', async () => {
    const house = await typeOf(admin, 'selfBuiltHouse');
    const res = await admin.post(`/api/v1/ledger-object-types/${house.id}/restore`, {});
    expect(res.statusCode, res.body).toBe(200);
    const shipped = defaultObjectTypes.find((d) => d.code === 'selfBuiltHouse');
    expect(res.json()).toMatchObject({ counter: shipped?.counter, fields: shipped?.fields, checklist: shipped?.checklist });
    const own = await typeOf(admin, 'gasPipe');
    const refused = await admin.post(`/api/v1/ledger-object-types/${own.id}/restore`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('系统预置');
  });

  it('an archived type takes no new objects', async () => {
    const own = await typeOf(admin, 'gasPipe');
    await admin.request({ method: 'PUT', url: `/api/v1/ledger-object-types/${own.id}`, payload: { version: own.version, archived: true } });
    const res = await office.post('/api/v1/ledger-objects', {
      typeId: own.id,
      name: '东村燃气管道',
      regionCode: codes.village1,
      data: { owner: '燃气公司' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('已停用');
  });
});
