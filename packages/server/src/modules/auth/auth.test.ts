import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, login, PASSWORD, seedOrg, startTestApp, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await seedOrg(t.database);
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('refuses an unauthenticated request', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.unauthenticated', message: '请先登录' });
  });

  it('signs in, reads the current user, and signs out', async () => {
    const s = await login(t.app, 'office');
    expect(s.cookie).toMatch(/^anzhi_sid=/);
    const me = await s.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'office', roles: ['office'], regionCodes: [codes.town] });
    expect(me.json().user.permissions).toContain('user.write');
    expect((await s.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('sets an HttpOnly SameSite cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: PASSWORD } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('answers a wrong password and an unknown username alike, so the answer does not tell which accounts exist', async () => {
    const known = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'inspector', password: 'wrong' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'wrong' } });
    expect(known.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const body = (res: typeof known) => {
      const { requestId, ...rest } = res.json();
      expect(requestId).toEqual(expect.any(String));
      return rest;
    };
    expect(body(known)).toEqual({ code: 'auth.invalid_credentials', message: '用户名或密码错误（连续输错 5 次账号将被锁定 15 分钟）' });
    expect(body(unknown)).toEqual(body(known));
    expect(Object.keys(known.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
  });

  it('locks the account after 5 wrong passwords for 15 minutes (等保: 登录失败处理)', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'village', password: 'nope' } });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'village', password: 'nope' } });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('auth.locked');
    // Even the right password is refused while locked.
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'village', password: PASSWORD } });
    expect(right.statusCode).toBe(423);
    t.clock.advance(15 * 60_000 + 1000);
    await expect(login(t.app, 'village')).resolves.toBeTruthy();
  });

  it('counts parallel wrong guesses one by one: a burst of 20 checks at most 5 passwords and locks the account', async () => {
    const guess = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password } });
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(`wrong-${i}`)));
    const statuses = burst.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((s) => s !== 401 && s !== 423)).toEqual([]);
    const [checked] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action IN ('login_failed', 'locked') AND after->>'username' = 'leader'`,
    );
    expect(Number(checked?.n)).toBeLessThanOrEqual(5);
    const right = await guess(PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('auth.locked');
    t.clock.advance(15 * 60_000 + 1000);
    expect((await guess(PASSWORD)).statusCode).toBe(200);
  });

  it('lets a burst of 12 correct sign-ins to one account through: checks in flight do not lock out the right password', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'village', password: PASSWORD } }),
      ),
    );
    expect(burst.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    const [user] = await t.database.rows<{ failed: number; locked: unknown }>(
      sql`SELECT failed_login_count AS failed, locked_until AS locked FROM users WHERE username = 'village'`,
    );
    expect(user).toEqual({ failed: 0, locked: null });
  });

  it('ends a session after 30 idle minutes', async () => {
    const s = await login(t.app, 'leader');
    t.clock.advance(29 * 60_000);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await s.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/超时/);
  });
});

describe('initial password', () => {
  it('must be changed before anything else, and then works with the new one', async () => {
    const admin = await login(t.app, 'admin');
    const created = await admin.post('/api/v1/users', {
      username: 'newclerk',
      displayName: '新文员',
      roles: ['office'],
      regionCodes: [codes.town],
      initialPassword: 'Initial#2026',
    });
    expect(created.statusCode).toBe(201);
    const s = await login(t.app, 'newclerk', 'Initial#2026');
    expect((await s.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await s.get('/api/v1/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.password_change_required');

    const weak = await s.post('/api/v1/auth/change-password', { oldPassword: 'Initial#2026', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toMatch(/新密码：密码至少需要 8 位/);

    const ok = await s.post('/api/v1/auth/change-password', { oldPassword: 'Initial#2026', newPassword: 'Better#Pass9' });
    expect(ok.statusCode).toBe(200);
    expect((await s.get('/api/v1/units')).statusCode).toBe(200);
    await expect(login(t.app, 'newclerk', 'Initial#2026')).rejects.toThrow(/401/);
    await expect(login(t.app, 'newclerk', 'Better#Pass9')).resolves.toBeTruthy();
  });
});

describe('disabled accounts', () => {
  it('cannot sign in and lose their open sessions', async () => {
    const admin = await login(t.app, 'admin');
    const s = await login(t.app, 'inspector');
    const id = (await s.get('/api/v1/auth/me')).json().user.id;
    expect((await admin.patch(`/api/v1/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'inspector', password: PASSWORD } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.disabled');
  });
});
