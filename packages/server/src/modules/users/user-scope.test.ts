import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, countRows, login, makeUser, PASSWORD, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { userRepo } from './user.repo.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let admin: Session;
let office: Session;
let otherOffice: Session;
let enterpriseId: number;

beforeAll(async () => {
  t = await startTestApp();
  org = await seedOrg(t.database);
  // An enterprise safety officer whose enterprise does not exist yet (the registry comes later): scope "none".
  const qiye = await makeUser(t.database, { username: 'qiye', displayName: '企业安全员', roles: ['enterprise'] });
  enterpriseId = qiye.id;
  admin = await login(t.app, 'admin');
  office = await login(t.app, 'office');
  otherOffice = await login(t.app, 'otheroffice');
});
afterAll(() => t.close());

const count = (table: 'users' | 'audit_events' | 'sessions') => countRows(t.database, table);

async function usernames(s: Session, query = ''): Promise<string[]> {
  const res = await s.get(`/api/v1/users?pageSize=200${query}`);
  expect(res.statusCode).toBe(200);
  const body = res.json() as { items: { username: string }[]; total: number };
  expect(body.total).toBe(body.items.length);
  return body.items.map((u) => u.username).sort();
}

const newUser = (over: Record<string, unknown>) => ({
  username: 'newuser',
  displayName: '新用户',
  roles: ['village'],
  regionCodes: [codes.village1],
  initialPassword: 'Initial#2026',
  ...over,
});

describe('who sees which accounts', () => {
  it('the administrator sees every account', async () => {
    expect(await usernames(admin)).toEqual(
      ['admin', 'inspector', 'leader', 'office', 'otheroffice', 'otherunit', 'qiye', 'unitstaff', 'village'].sort(),
    );
  });

  it('the 示例镇 office sees only accounts whose regions lie in 示例镇', async () => {
    const res = await office.get('/api/v1/users?pageSize=200');
    const items = res.json().items as { username: string; regionCodes: string[] }[];
    expect(items.map((u) => u.username).sort()).toEqual(['inspector', 'leader', 'office', 'unitstaff', 'village']);
    for (const u of items) expect(u.regionCodes.every((c) => c.startsWith('330110101'))).toBe(true);
    expect(res.json().total).toBe(5);
  });

  it('the 邻镇 office sees only its own township', async () => {
    expect(await usernames(otherOffice)).toEqual(['otheroffice', 'otherunit']);
  });

  it('answers 404 (not 403) for an account outside the scope, so its existence does not leak', async () => {
    for (const id of [org.users.otherOffice.id, org.users.otherUnitStaff.id, org.users.admin.id, enterpriseId]) {
      const res = await office.get(`/api/v1/users/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'user.not_found', message: '用户不存在或您无权查看' });
    }
    const inside = await office.get(`/api/v1/users/${org.users.village.id}`);
    expect(inside.statusCode).toBe(200);
    expect(inside.json()).toMatchObject({ username: 'village', regionCodes: [codes.village1] });
  });

  it('filters by region only inside the scope', async () => {
    expect(await usernames(office, `&regionCode=${codes.village1}`)).toEqual(['village']);
    expect(await usernames(office, `&regionCode=${codes.otherTown}`)).toEqual([]);
    expect(await usernames(admin, `&regionCode=${codes.otherTown}`)).toEqual(['otheroffice', 'otherunit']);
  });

  it('refuses changes to an account outside the scope with 404 and writes nothing', async () => {
    const users = await count('users');
    const events = await count('audit_events');
    const id = org.users.otherOffice.id;
    expect((await office.patch(`/api/v1/users/${id}`, { displayName: '改名' })).statusCode).toBe(404);
    expect((await office.post(`/api/v1/users/${id}/reset-password`, { newPassword: 'Another#2026' })).statusCode).toBe(404);
    expect((await office.post(`/api/v1/users/${id}/unlock`)).statusCode).toBe(404);
    expect((await office.patch(`/api/v1/users/${org.users.admin.id}`, { disabled: true })).statusCode).toBe(404);
    expect(await count('users')).toBe(users);
    expect(await count('audit_events')).toBe(events);
    expect((await admin.get(`/api/v1/users/${id}`)).json().displayName).toBe('otheroffice');
  });

  for (const username of ['unitstaff', 'village', 'leader', 'inspector', 'qiye']) {
    it(`refuses the user list to ${username} (no user.read)`, async () => {
      const s = await login(t.app, username);
      const res = await s.get('/api/v1/users');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'auth.forbidden', message: '您没有执行此操作的权限' });
      const me = (await s.get('/api/v1/auth/me')).json().user;
      expect(me.permissions).not.toContain('user.read');
      expect((await s.get(`/api/v1/users/${me.id}`)).statusCode).toBe(403);
    });
  }
});

describe('an office creating accounts', () => {
  it('cannot create an account in 邻镇, and nothing is written', async () => {
    const users = await count('users');
    const events = await count('audit_events');
    const res = await office.post('/api/v1/users', newUser({ username: 'intruder', roles: ['office'], regionCodes: [codes.otherTown] }));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'user.scope_exceeded', message: `所辖区划 ${codes.otherTown} 超出了您的管理范围` });
    expect(await count('users')).toBe(users);
    expect(await count('audit_events')).toBe(events);
    expect(await userRepo.findByUsername(t.database.db, 'intruder')).toBeUndefined();
  });

  it('cannot reach into 邻镇 by listing one region inside and one outside', async () => {
    const users = await count('users');
    const res = await office.post('/api/v1/users', newUser({ username: 'straddler', regionCodes: [codes.village1, codes.otherVillage] }));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'user.scope_exceeded', message: `所辖区划 ${codes.otherVillage} 超出了您的管理范围` });
    expect(await count('users')).toBe(users);
  });

  it('cannot grant the administrator role, and nothing is written', async () => {
    const users = await count('users');
    const events = await count('audit_events');
    const res = await office.post('/api/v1/users', newUser({ username: 'wannabe', roles: ['admin'], regionCodes: [codes.town] }));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'user.scope_exceeded', message: '只有系统管理员可以授予“系统管理员”角色' });
    expect(await count('users')).toBe(users);
    expect(await count('audit_events')).toBe(events);
  });

  it('must give an account a region, and may not attach it to a unit of 邻镇', async () => {
    const none = await office.post('/api/v1/users', newUser({ username: 'noregion', regionCodes: [] }));
    expect(none.statusCode).toBe(403);
    expect(none.json().message).toBe('请为账号指定所辖区划');
    const foreignUnit = await office.post(
      '/api/v1/users',
      newUser({ username: 'foreignunit', roles: ['unit'], regionCodes: [codes.town], unitId: org.units.otherEmergency.id }),
    );
    expect(foreignUnit.statusCode).toBe(400);
    expect(foreignUnit.json()).toMatchObject({ code: 'user.unit_unknown' });
    expect(foreignUnit.json().message).toMatch(/^所属单位：编号为 \d+ 的单位不存在或不在您的管理范围内$/);
    const noUnit = await office.post('/api/v1/users', newUser({ username: 'nounit', roles: ['unit'], regionCodes: [codes.town] }));
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json()).toMatchObject({ code: 'user.unit_required', details: [{ path: 'unitId' }] });
  });

  it('refuses a weak initial password with a Chinese message naming the field', async () => {
    const res = await office.post('/api/v1/users', newUser({ username: 'weakling', initialPassword: 'weak' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'auth.weak_password', details: [{ path: 'initialPassword' }] });
    expect(res.json().message).toMatch(/^初始密码：密码至少需要 8 位/);
  });

  it('creates a village cadre for its own village, audited, and visible only inside the township', async () => {
    const users = await count('users');
    const events = await count('audit_events');
    const res = await office.post('/api/v1/users', newUser({ username: 'dongcun2', displayName: '东村网格员' }));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      username: 'dongcun2',
      roles: ['village'],
      regionCodes: [codes.village1],
      mustChangePassword: true,
      disabled: false,
    });
    expect(await count('users')).toBe(users + 1);
    expect(await count('audit_events')).toBe(events + 1);
    const [event] = await t.database.rows<{ actor_user_id: number; action: string; entity_type: string; entity_id: string }>(
      sql`SELECT actor_user_id, action, entity_type, entity_id FROM audit_events ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toEqual({ actor_user_id: org.users.office.id, action: 'create', entity_type: 'user', entity_id: String(created.id) });
    expect(await usernames(office)).toContain('dongcun2');
    expect((await otherOffice.get(`/api/v1/users/${created.id}`)).statusCode).toBe(404);

    const dup = await office.post('/api/v1/users', newUser({ username: 'dongcun2' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'user.username_taken', message: '用户名“dongcun2”已被使用' });
  });

  it('cannot widen an account of its own into 邻镇 afterwards', async () => {
    const id = org.users.village.id;
    const res = await office.patch(`/api/v1/users/${id}`, { regionCodes: [codes.otherVillage] });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('user.scope_exceeded');
    const promote = await office.patch(`/api/v1/users/${id}`, { roles: ['admin'] });
    expect(promote.statusCode).toBe(403);
    expect((await admin.get(`/api/v1/users/${id}`)).json()).toMatchObject({ roles: ['village'], regionCodes: [codes.village1] });
  });
});

describe('managing a unit staff account (role unit, tied to a unit)', () => {
  it('the office may rename it and reset its password; the administrator may disable it', async () => {
    const id = org.users.otherUnitStaff.id;
    const renamed = await otherOffice.patch(`/api/v1/users/${id}`, { displayName: '邻镇应急办职员' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      displayName: '邻镇应急办职员',
      roles: ['unit'],
      unitId: org.units.otherEmergency.id,
      unitName: '邻镇应急办',
    });
    const reset = await otherOffice.post(`/api/v1/users/${id}/reset-password`, { newPassword: 'Reset#2026ok' });
    expect(reset.statusCode).toBe(200);
    const disabled = await admin.patch(`/api/v1/users/${id}`, { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabled).toBe(true);
    const [event] = await t.database.rows<{ action: string }>(sql`SELECT action FROM audit_events ORDER BY id DESC LIMIT 1`);
    expect(event?.action).toBe('disable');
  });

  it('but the office may not move it to a unit outside its scope, nor take its unit away', async () => {
    const id = org.users.unitStaff.id;
    const moved = await office.patch(`/api/v1/users/${id}`, { unitId: org.units.otherEmergency.id });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().code).toBe('user.unit_unknown');
    const dropped = await office.patch(`/api/v1/users/${id}`, { unitId: null });
    expect(dropped.statusCode).toBe(400);
    expect(dropped.json().code).toBe('user.unit_required');
    expect((await admin.get(`/api/v1/users/${id}`)).json().unitId).toBe(org.units.market.id);
  });
});

describe('the leader is read-only', () => {
  it('reads, but every write answers 403 and changes nothing', async () => {
    const leader = await login(t.app, 'leader');
    expect((await leader.get('/api/v1/units')).statusCode).toBe(200);
    expect((await leader.get('/api/v1/regions')).statusCode).toBe(200);
    const units = (await admin.get('/api/v1/units?pageSize=500')).json();
    const events = await count('audit_events');
    const writes: Array<[string, string, unknown]> = [
      ['POST', '/api/v1/units', { name: '示例镇新单位', kind: 'other', regionCode: codes.town }],
      ['PATCH', `/api/v1/units/${org.units.emergency.id}`, { name: '改名的应急办' }],
      ['POST', '/api/v1/users', newUser({ username: 'byleader' })],
      ['PATCH', `/api/v1/users/${org.users.village.id}`, { displayName: '改名' }],
      ['POST', `/api/v1/users/${org.users.village.id}/reset-password`, { newPassword: 'Another#2026' }],
      ['POST', `/api/v1/users/${org.users.village.id}/unlock`, undefined],
      ['POST', '/api/v1/regions', { code: '330110101299', name: '领导村' }],
      ['PATCH', `/api/v1/regions/${codes.village1}`, { name: '改名村' }],
    ];
    for (const [method, url, payload] of writes) {
      const res = await leader.request({ method: method as 'POST' | 'PATCH', url, payload: payload as object | undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code, `${method} ${url}`).toBe('auth.forbidden');
    }
    expect((await admin.get('/api/v1/units?pageSize=500')).json()).toEqual(units);
    expect(await count('audit_events')).toBe(events);
  });

  it('neither may the inspector or the village cadre write units', async () => {
    for (const username of ['inspector', 'village']) {
      const s = await login(t.app, username);
      const res = await s.patch(`/api/v1/units/${org.units.market.id}`, { phone: '0571-88880000' });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('auth.forbidden');
    }
  });
});

describe('an enterprise account without an enterprise', () => {
  it('may not read regions, units or users (region.read is not granted to the enterprise role)', async () => {
    const s = await login(t.app, 'qiye');
    expect((await s.get('/api/v1/auth/me')).json().user.permissions).toEqual([
      'dashboard.read',
      'enterprise.read',
      'hazard.read',
      'hazard.report',
      'hazard.act',
      'criteria.read',
      'file.upload',
      // Its own enforcement checks (the statistics stay closed to it).
      'enforcement.read',
      // 双重预防: its own risk points, tasks, cards and checks (not the township's oversight).
      'dual.read',
      'dual.manage',
      'dual.check',
      // 专项台账: its own enterprise's objects (有限空间 …), never a campaign.
      'ledger.read',
      'ledger.manage',
    ]);
    for (const url of ['/api/v1/regions', '/api/v1/units', '/api/v1/users']) {
      const res = await s.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code, url).toBe('auth.forbidden');
    }
    // It may read enterprises, but an account bound to none sees none.
    expect((await s.get('/api/v1/enterprises')).json()).toEqual({ items: [], total: 0 });
  });

  it('sees an empty dashboard, even when region codes are set on it', async () => {
    const s = await login(t.app, 'qiye');
    const empty = {
      regionCount: 0,
      villageCount: 0,
      unitCount: 0,
      userCount: null,
      recentEvents: [],
      hazards: { open: 0, openMajor: 0, overdue: 0, foundThisMonth: 0, closedThisMonth: 0, monthStart: '2026-03-01' },
    };
    expect((await s.get('/api/v1/dashboard/summary')).json()).toEqual(empty);
    // The API no longer lets an enterprise account go without its enterprise; older rows may still look like this.
    const patched = await admin.patch(`/api/v1/users/${enterpriseId}`, { regionCodes: [codes.town] });
    expect(patched.statusCode).toBe(400);
    await userRepo.update(t.database.db, enterpriseId, { regionCodes: [codes.town] });
    expect((await s.get('/api/v1/dashboard/summary')).json()).toEqual(empty);
    // The office's own dashboard does count the township.
    const officeSummary = (await office.get('/api/v1/dashboard/summary')).json();
    expect(officeSummary).toMatchObject({ regionCount: 3, villageCount: 2, unitCount: 3 });
  });
});

describe('resetting a password', () => {
  it('refuses a weak password with a Chinese message naming the field', async () => {
    const res = await office.post(`/api/v1/users/${org.users.inspector.id}/reset-password`, { newPassword: 'short' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('auth.weak_password');
    expect(res.json().message).toMatch(/^新密码：密码至少需要 8 位/);
  });

  it('forces a change at next sign-in and ends the sessions of that account only', async () => {
    const target = await login(t.app, 'inspector');
    const bystander = await login(t.app, 'leader');
    expect((await target.get('/api/v1/auth/me')).statusCode).toBe(200);
    const [before] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${org.users.inspector.id}`,
    );
    expect(Number(before?.n)).toBeGreaterThan(0);

    const res = await office.post(`/api/v1/users/${org.users.inspector.id}/reset-password`, { newPassword: 'Reset#2026ok' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });

    const [after] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${org.users.inspector.id}`,
    );
    expect(Number(after?.n)).toBe(0);
    expect((await target.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await bystander.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/users/${org.users.inspector.id}`)).json().mustChangePassword).toBe(true);

    await expect(login(t.app, 'inspector')).rejects.toThrow(/401/);
    const fresh = await login(t.app, 'inspector', 'Reset#2026ok');
    expect((await fresh.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await fresh.get('/api/v1/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.password_change_required');

    const [event] = await t.database.rows<{ action: string; entity_id: string; after: unknown }>(
      sql`SELECT action, entity_id, after FROM audit_events ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toEqual({ action: 'login', entity_id: String(org.users.inspector.id), after: null });
    const [reset] = await t.database.rows<{ actor_user_id: number; after: unknown }>(
      sql`SELECT actor_user_id, after FROM audit_events WHERE action = 'reset_password' AND entity_id = ${String(org.users.inspector.id)}`,
    );
    expect(reset).toEqual({ actor_user_id: org.users.office.id, after: null });
  });
});

describe('unlocking an account', () => {
  it('clears a lock so the right password works again', async () => {
    const id = org.users.unitStaff.id;
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'unitstaff', password: 'wrong-password' } });
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'unitstaff', password: PASSWORD },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('auth.locked');
    expect((await office.get(`/api/v1/users/${id}`)).json().locked).toBe(true);

    expect((await otherOffice.post(`/api/v1/users/${id}/unlock`)).statusCode).toBe(404);
    expect((await office.get(`/api/v1/users/${id}`)).json().locked).toBe(true);

    const res = await office.post(`/api/v1/users/${id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect((await office.get(`/api/v1/users/${id}`)).json().locked).toBe(false);
    const [row] = await t.database.rows<{ failed_login_count: number; locked_until: unknown }>(
      sql`SELECT failed_login_count, locked_until FROM users WHERE id = ${id}`,
    );
    expect(row).toEqual({ failed_login_count: 0, locked_until: null });
    const s = await login(t.app, 'unitstaff');
    expect((await s.get('/api/v1/auth/me')).json().user.username).toBe('unitstaff');
    const [event] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'unlock' AND entity_id = ${String(id)} AND actor_user_id = ${org.users.office.id}`,
    );
    expect(Number(event?.n)).toBe(1);
  });
});
