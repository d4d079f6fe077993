import { labelOf } from '@anzhi/core';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, countRows, login, PASSWORD, type Session, seedOrg, startTestApp, type TestApp } from './factories.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp();
  org = await seedOrg(t.database);
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

const json = { 'content-type': 'application/json' };
const loginUrl = '/api/v1/auth/login';

const count = (table: string) => countRows(t.database, table);

describe('bad input is a 4xx with a Chinese message, never a 5xx', () => {
  it('malformed JSON → 400 invalid_json', async () => {
    for (const payload of ['{"username":', '{username: "admin"}', '']) {
      const res = await t.app.inject({ method: 'POST', url: loginUrl, headers: json, payload });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_json', message: '请求内容不是有效的 JSON' });
      expect(res.json().requestId).toEqual(expect.any(String));
    }
    const authed = await admin.request({ method: 'POST', url: '/api/v1/units', headers: json, payload: '[{' });
    expect(authed.statusCode).toBe(400);
    expect(authed.json().code).toBe('invalid_json');
  });

  it('a wrong type → 400 validation_failed naming the field in Chinese, with details[].path', async () => {
    const res = await t.app.inject({ method: 'POST', url: loginUrl, payload: { username: 123, password: PASSWORD } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      message: '用户名：应为文本',
      details: [{ path: 'username', message: '用户名：应为文本' }],
    });
    const nested = await admin.post('/api/v1/users', {
      username: 'typed',
      displayName: '类型',
      roles: ['office', 'emperor'],
      regionCodes: [codes.town],
      initialPassword: 'Initial#2026',
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().details).toEqual([{ path: 'roles.1', message: expect.stringMatching(/^角色：/) }]);
  });

  it('a missing required field → 必填; several problems are all listed', async () => {
    const res = await t.app.inject({ method: 'POST', url: loginUrl, payload: { username: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', message: '密码：必填', details: [{ path: 'password' }] });
    const unit = await admin.post('/api/v1/units', { kind: 'regulator' });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().message).toBe('请求内容有 2 处错误：名称：必填；所属区划：必填');
    expect(unit.json().details.map((d: { path: string }) => d.path)).toEqual(['name', 'regionCode']);
  });

  it('a body over 1 MB → 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: loginUrl,
      headers: json,
      payload: JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'y' }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'body_too_large', message: '请求内容过大' });
  });

  it('an unknown route → 404 JSON not_found, with or without a session, for any method', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nope'],
      ['POST', '/api/v1/nope'],
      ['DELETE', '/api/v1/users'],
      ['PUT', `/api/v1/units/${org.units.market.id}`],
      ['GET', '/api/nothing'],
      ['GET', '/not-an-api'],
    ] as const) {
      for (const res of [await t.app.inject({ method, url }), await admin.request({ method, url })]) {
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.json()).toMatchObject({ code: 'not_found', message: `接口不存在：${method} ${url}` });
      }
    }
  });

  it('a text/plain body to a JSON route → 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: loginUrl,
      headers: { 'content-type': 'text/plain' },
      payload: `{"username":"admin","password":"${PASSWORD}"}`,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'unsupported_media_type', message: '不支持的内容类型，请以 JSON 提交' });
    const units = await count('units');
    const authed = await admin.request({
      method: 'POST',
      url: '/api/v1/units',
      headers: { 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expect(authed.statusCode).toBe(415);
    const form = await admin.request({
      method: 'POST',
      url: '/api/v1/units',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=x',
    });
    expect(form.statusCode).toBe(415);
    expect(await count('units')).toBe(units);
  });

  it('a path id that is not a plain decimal number → 400 (hex, spaces, exponents, signs, beyond the column)', async () => {
    const ids = ['abc', '0', '1.5', '-3', '-1', '0x10', '%2016', '16%20', '1e3', '%2B7', '01', '2147483648', '99999999999'];
    for (const id of ids) {
      for (const url of [`/api/v1/users/${id}`, `/api/v1/units/${id}`, `/api/v1/hazards/${id}`, `/api/v1/hazards/${id}/actions/accept`]) {
        const res = await admin.request({
          method: url.endsWith('/accept') ? 'POST' : 'GET',
          url,
          payload: url.endsWith('/accept') ? {} : undefined,
        });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().code, url).toBe('validation_failed');
        expect(res.json().message, url).toMatch(/^编号：(应为正整数编号|编号超出范围)$/);
      }
    }
    // The same record under its plain id is found.
    expect((await admin.get(`/api/v1/units/${org.units.market.id}`)).statusCode).toBe(200);
  });

  it('validation messages are Chinese throughout: lengths, numbers, options, formats', async () => {
    const requests: InjectOptions[] = [
      { method: 'POST', url: '/api/v1/units', payload: { name: '名'.repeat(300), kind: 'regulator', regionCode: codes.town } },
      { method: 'POST', url: '/api/v1/units', payload: { name: '单位', kind: 'emperor', regionCode: codes.town } },
      { method: 'GET', url: '/api/v1/users?pageSize=100000' },
      { method: 'GET', url: '/api/v1/hazards?page=0' },
      { method: 'POST', url: '/api/v1/users', payload: { username: 'x'.repeat(200), displayName: '长', roles: [], regionCodes: [] } },
    ];
    for (const r of requests) {
      const res = await admin.request(r);
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(400);
      const body = res.json() as { message: string; details: { message: string }[] };
      for (const m of [body.message, ...body.details.map((d) => d.message)]) {
        // Field names and quoted values aside, no English (string, expected, <=) reaches users.
        expect(m.replace(/“[^”]*”/g, ''), `${r.method} ${r.url}: ${m}`).not.toMatch(/[A-Za-z<>=]/);
      }
    }
  });

  it('every request field of the OpenAPI document has a Chinese label, so no message names a field in English', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const names = new Set<string>();
    const walk = (s: unknown): void => {
      if (!s || typeof s !== 'object') return;
      const o = s as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[] };
      for (const [k, v] of Object.entries(o.properties ?? {})) {
        names.add(k);
        walk(v);
      }
      walk(o.items);
      for (const x of [...(o.anyOf ?? []), ...(o.oneOf ?? [])]) walk(x);
    };
    for (const item of Object.values(doc.paths as Record<string, Record<string, Record<string, unknown>>>)) {
      for (const op of Object.values(item)) {
        for (const p of (op.parameters ?? []) as { name: string }[]) names.add(p.name);
        walk((op.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)?.content?.['application/json']?.schema);
      }
    }
    expect(names.size).toBeGreaterThan(100);
    expect([...names].filter((n) => labelOf([n]) === n)).toEqual([]);
  });

  it('page=0 and an oversized pageSize → 400 naming 页码 / 每页条数', async () => {
    const zero = await admin.get('/api/v1/users?page=0');
    expect(zero.statusCode).toBe(400);
    expect(zero.json()).toMatchObject({ code: 'validation_failed', details: [{ path: 'page' }] });
    expect(zero.json().message).toMatch(/^页码：/);
    const big = await admin.get('/api/v1/users?pageSize=100000');
    expect(big.statusCode).toBe(400);
    expect(big.json().message).toMatch(/^每页条数：/);
  });

  it('numbers beyond what the database holds → 400, not 500', async () => {
    const huge = '99999999999';
    const requests: InjectOptions[] = [
      { method: 'GET', url: `/api/v1/users?unitId=${huge}` },
      { method: 'GET', url: `/api/v1/audit-events?actorUserId=${huge}` },
      {
        method: 'POST',
        url: '/api/v1/users',
        payload: {
          username: 'bigunit',
          displayName: '大号',
          roles: ['unit'],
          regionCodes: [codes.town],
          unitId: Number(huge),
          initialPassword: 'Initial#2026',
        },
      },
    ];
    for (const r of requests) {
      const res = await admin.request(r);
      expect(res.statusCode, `${r.method} ${r.url}: ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_value', message: '请求内容有误：数值超出范围' });
    }
  });

  it('a NUL character in text → 400, not 500, and nothing is written', async () => {
    const users = await count('users');
    const requests: InjectOptions[] = [
      { method: 'GET', url: '/api/v1/users?q=%00' },
      { method: 'GET', url: '/api/v1/units?q=a%00b' },
      { method: 'GET', url: '/api/v1/audit-events?q=%00' },
      {
        method: 'POST',
        url: '/api/v1/users',
        payload: {
          username: 'nuluser',
          displayName: 'a\u0000b',
          roles: ['leader'],
          regionCodes: [codes.town],
          initialPassword: 'Initial#2026',
        },
      },
      { method: 'PATCH', url: `/api/v1/units/${org.units.market.id}`, payload: { name: '市场\u0000监管所' } },
      { method: 'POST', url: loginUrl, payload: { username: 'ad\u0000min', password: PASSWORD } },
    ];
    for (const r of requests) {
      const res = r.url === loginUrl ? await t.app.inject(r) : await admin.request(r);
      expect(res.statusCode, `${r.method} ${r.url}: ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_value', message: '请求内容有误：含有无法保存的字符或无效的取值' });
    }
    expect(await count('users')).toBe(users);
    expect((await admin.get(`/api/v1/units/${org.units.market.id}`)).json().name).toBe('示例镇市场监管所');
  });
});

describe('every API route needs a session', () => {
  // Every operation's answer to an anonymous caller is checked by the role × endpoint matrix (role-matrix.test.ts).
  it('a forged or stale cookie is no session either', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'anzhi_sid=forged-token' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('security headers and the origin check', () => {
  it('sets CSP, nosniff and frame options on answers, errors included', async () => {
    for (const res of [
      await t.app.inject({ method: 'GET', url: '/api/health' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/nope' }),
      await admin.get('/api/v1/units'),
    ]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it('refuses a state-changing request from another origin, and changes nothing', async () => {
    const evil = await t.app.inject({
      method: 'POST',
      url: loginUrl,
      headers: { origin: 'http://evil.example' },
      payload: { username: 'admin', password: PASSWORD },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json()).toMatchObject({ code: 'auth.bad_origin', message: '拒绝来自其他站点的请求' });
    expect(evil.headers['set-cookie']).toBeUndefined();

    const crossSite = await t.app.inject({
      method: 'POST',
      url: loginUrl,
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { username: 'admin', password: PASSWORD },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json()).toMatchObject({ code: 'auth.cross_site', message: '拒绝跨站请求' });

    const nullOrigin = await t.app.inject({
      method: 'POST',
      url: loginUrl,
      headers: { origin: 'null' },
      payload: { username: 'admin', password: PASSWORD },
    });
    expect(nullOrigin.statusCode).toBe(403);
    expect(nullOrigin.json()).toMatchObject({ code: 'auth.bad_origin', message: '请求来源无效' });

    // With a valid session cookie, a forged request still changes nothing.
    const units = await count('units');
    const forged = await admin.request({
      method: 'POST',
      url: '/api/v1/units',
      headers: { origin: 'http://evil.example' },
      payload: { name: '伪造单位', kind: 'other', regionCode: codes.town },
    });
    expect(forged.statusCode).toBe(403);
    const forgedPatch = await admin.request({
      method: 'PATCH',
      url: `/api/v1/units/${org.units.market.id}`,
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { phone: '0571-66666666' },
    });
    expect(forgedPatch.statusCode).toBe(403);
    expect(await count('units')).toBe(units);
    expect((await admin.get(`/api/v1/units/${org.units.market.id}`)).json().phone).toBeNull();
  });

  it('lets through a request from its own origin, and reads from anywhere', async () => {
    const same = await t.app.inject({
      method: 'POST',
      url: loginUrl,
      headers: { host: 'anzhi.example:8080', origin: 'http://anzhi.example:8080', 'sec-fetch-site': 'same-origin' },
      payload: { username: 'admin', password: PASSWORD },
    });
    expect(same.statusCode).toBe(200);
    const otherPort = await t.app.inject({
      method: 'POST',
      url: loginUrl,
      headers: { host: 'anzhi.example:8080', origin: 'http://anzhi.example:9090' },
      payload: { username: 'admin', password: PASSWORD },
    });
    expect(otherPort.statusCode).toBe(403);
    // The same host and port under another scheme is another origin.
    const otherScheme = await t.app.inject({
      method: 'POST',
      url: loginUrl,
      headers: { host: 'anzhi.example:8080', origin: 'https://anzhi.example:8080' },
      payload: { username: 'admin', password: PASSWORD },
    });
    expect(otherScheme.statusCode).toBe(403);
    expect(otherScheme.json()).toMatchObject({ code: 'auth.bad_origin', message: '拒绝来自其他站点的请求' });
    expect(otherScheme.headers['set-cookie']).toBeUndefined();
    const read = await admin.request({ method: 'GET', url: '/api/v1/units', headers: { origin: 'http://evil.example' } });
    expect(read.statusCode).toBe(200);
  });
});

describe('the login rate limit', () => {
  it('answers the 4th attempt within a minute with 429 when the limit is 3, per client address', async () => {
    const limited = await startTestApp(undefined, { ANZHI_LOGIN_RATE_PER_MINUTE: '3' });
    try {
      await seedOrg(limited.database);
      const attempt = (remoteAddress = '203.0.113.5') =>
        limited.app.inject({ method: 'POST', url: loginUrl, remoteAddress, payload: { username: 'leader', password: PASSWORD } });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(200);
      const fourth = await attempt();
      expect(fourth.statusCode).toBe(429);
      expect(fourth.json()).toMatchObject({ code: 'rate_limited', message: '操作过于频繁，请稍后再试' });
      expect(fourth.headers['retry-after']).toBeDefined();
      // Another address is counted on its own, and other routes are not limited.
      expect((await attempt('203.0.113.6')).statusCode).toBe(200);
      expect((await limited.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('system pages', () => {
  it('/api/health names the database and the file storage in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      db: process.env.ANZHI_TEST_DB === 'postgres' ? 'postgres' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      storage: { kind: 'disk', reachable: true },
      // No DATABASE_REPLICA_URL: every read goes to the primary (replica fallback: db/read-replica.test.ts).
      replica: { state: 'none', lagSeconds: null, maxLagSeconds: 0, checkedAt: null },
      // Filled by the storage and queue modules' registered checks.
      checks: expect.any(Object),
    });
  });

  it('/api/docs serves the API documentation page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toContain('Swagger UI');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.info.title).toBe('安治 AnZhi API');
  });
});
