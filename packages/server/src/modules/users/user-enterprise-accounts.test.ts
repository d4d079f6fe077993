import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codes,
  login,
  makeEnterprise,
  makeEnterpriseAccount,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';

let t: TestApp;
let office: Session;
let otherOffice: Session;
let own: { id: number };
let neighbour: { id: number };

beforeAll(async () => {
  t = await startTestApp();
  await seedOrg(t.database);
  own = await makeEnterprise(t.database, { regionCode: codes.village1, name: '东村五金厂' });
  neighbour = await makeEnterprise(t.database, { regionCode: codes.otherVillage, name: '邻村砖厂' });
  // Enterprise accounts hold no region: they used to be invisible to the office that must manage them.
  await makeEnterpriseAccount(t.database, own.id, 'wujin');
  await makeEnterpriseAccount(t.database, neighbour.id, 'zhuanchang');
  [office, otherOffice] = await Promise.all([login(t.app, 'office'), login(t.app, 'otheroffice')]);
});
afterAll(() => t.close());

const account = (over: Record<string, unknown>) => ({
  username: 'anquanyuan',
  displayName: '安全员',
  roles: ['enterprise'],
  regionCodes: [],
  initialPassword: 'Initial#2026',
  ...over,
});

describe('enterprise accounts under the township office', () => {
  it('lists the enterprise accounts of its own enterprises, with the enterprise, and not those of 邻镇', async () => {
    const res = await office.get('/api/v1/users?pageSize=200&role=enterprise');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ username: 'wujin', enterpriseId: own.id, enterpriseName: '东村五金厂' })]);
    const other = await otherOffice.get('/api/v1/users?pageSize=200&role=enterprise');
    expect(other.json().items.map((u: { username: string }) => u.username)).toEqual(['zhuanchang']);
  });

  it('creates an enterprise account bound to an enterprise of its township, without a region', async () => {
    const res = await office.post('/api/v1/users', account({ enterpriseId: own.id }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ roles: ['enterprise'], enterpriseId: own.id, enterpriseName: '东村五金厂', regionCodes: [] });
    const me = await login(t.app, 'anquanyuan', 'Initial#2026');
    expect((await me.get('/api/v1/auth/me')).json().user).toMatchObject({ enterpriseId: own.id });
  });

  it('refuses an enterprise account without its enterprise, with one of 邻镇, or with another role', async () => {
    const missing = await office.post('/api/v1/users', account({ username: 'nobind' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('所属企业');
    const outside = await office.post('/api/v1/users', account({ username: 'outside', enterpriseId: neighbour.id }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toContain('不在您的管理范围内');
    const mixed = await office.post(
      '/api/v1/users',
      account({ username: 'mixed', roles: ['enterprise', 'village'], regionCodes: [codes.village1], enterpriseId: own.id }),
    );
    expect(mixed.statusCode).toBe(403);
    expect(mixed.json().message).toContain('不能兼任');
  });

  it('may register the principal and reset the password of its enterprise accounts', async () => {
    const list = (await office.get('/api/v1/users?pageSize=200&role=enterprise')).json().items as { id: number; username: string }[];
    const wujin = list.find((u) => u.username === 'wujin');
    expect(wujin).toBeDefined();
    const res = await office.patch(`/api/v1/users/${wujin?.id}`, { enterprisePrincipal: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ enterprisePrincipal: true, enterpriseName: '东村五金厂' });
    const reset = await office.post(`/api/v1/users/${wujin?.id}/reset-password`, { newPassword: 'Another#2026x' });
    expect(reset.statusCode, reset.body).toBe(200);
  });
});
