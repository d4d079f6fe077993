import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli.ts';
import { codes, countRows, login, PASSWORD, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { openDatabase } from '../../db/client.ts';

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

interface Event {
  id: number;
  actorUserId: number | null;
  actorName: string | null;
  actorRoles: string[];
  ip: string | null;
  entityType: string;
  entityId: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  hash: string;
}

async function events(query: string): Promise<{ items: Event[]; total: number }> {
  const res = await admin.get(`/api/v1/audit-events?${query.includes('pageSize=') ? query : `pageSize=200&${query}`}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const count = (where = sql`true`) => countRows(t.database, 'audit_events', where);

async function verify() {
  const res = await admin.get('/api/v1/audit-events/verify');
  expect(res.statusCode).toBe(200);
  return res.json() as { ok: boolean; checked: number; firstBrokenId: number | null; reason: string | null };
}

/** Runs SQL on audit_events with its append-only trigger switched off (what an intruder with DB access could do). */
async function withoutTrigger(query: SQL) {
  await t.database.rows(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
  try {
    await t.database.rows(query);
  } finally {
    await t.database.rows(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
  }
}

/** The text of an error and its causes (drizzle wraps the driver's error). */
function errorText(e: unknown): string {
  const parts: string[] = [];
  for (let c = e as { message?: string; cause?: unknown } | undefined; c; c = c.cause as typeof c) parts.push(String(c.message));
  return parts.join(' | ');
}

describe('what a mutation records', () => {
  it('creating a user records actor, roles, ip, entity and the account after — never the password hash', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      remoteAddress: '10.1.2.3',
      payload: {
        username: 'auditee',
        displayName: '被审计人',
        roles: ['office'],
        regionCodes: [codes.town],
        initialPassword: 'Initial#2026',
      },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as number;
    const { items, total } = await events(`entityType=user&action=create&entityId=${id}`);
    expect(total).toBe(1);
    const e = items[0] as Event;
    expect(e).toMatchObject({
      actorUserId: org.users.admin.id,
      actorName: 'admin',
      actorRoles: ['admin'],
      ip: '10.1.2.3',
      entityType: 'user',
      entityId: String(id),
      action: 'create',
      before: null,
    });
    expect(e.after).toMatchObject({
      id,
      username: 'auditee',
      displayName: '被审计人',
      roles: ['office'],
      regionCodes: [codes.town],
      mustChangePassword: true,
    });
    expect(e.after).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(e)).not.toMatch(/argon2|password_?hash/i);
    expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('updating a unit records before and after, with the office as actor', async () => {
    const res = await office.patch(`/api/v1/units/${org.units.market.id}`, { phone: '0571-88881234' });
    expect(res.statusCode).toBe(200);
    const { items } = await events(`entityType=unit&entityId=${org.units.market.id}`);
    const e = items[0] as Event;
    expect(e).toMatchObject({
      actorUserId: org.users.office.id,
      actorName: 'office',
      actorRoles: ['office'],
      ip: '127.0.0.1',
      action: 'update',
    });
    expect(e.before).toMatchObject({ id: org.units.market.id, name: '示例镇市场监管所', phone: null });
    expect(e.after).toMatchObject({ id: org.units.market.id, name: '示例镇市场监管所', phone: '0571-88881234' });
  });

  it('a sign-in, a failed sign-in of an unknown name and a sign-out are recorded', async () => {
    const before = await count();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '192.0.2.7',
      payload: { username: 'leader', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0] as string;
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '192.0.2.8',
      payload: { username: 'ghost', password: 'whatever1' },
    });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', remoteAddress: '192.0.2.7', headers: { cookie } });
    expect(await count()).toBe(before + 3);
    const { items } = await events('entityType=session&pageSize=3');
    expect(items.map((e) => e.action)).toEqual(['logout', 'login_failed', 'login']);
    const [logout, failed, signIn] = items as [Event, Event, Event];
    expect(signIn).toMatchObject({
      actorUserId: org.users.leader.id,
      actorRoles: ['leader'],
      ip: '192.0.2.7',
      entityId: String(org.users.leader.id),
      after: null,
    });
    expect(failed).toMatchObject({
      actorUserId: null,
      actorName: 'ghost',
      actorRoles: [],
      ip: '192.0.2.8',
      entityId: null,
      after: { username: 'ghost', reason: 'unknown_user' },
    });
    expect(logout).toMatchObject({ actorUserId: org.users.leader.id, ip: '192.0.2.7' });
  });

  it('no event anywhere holds a password or its hash, after resets and changes of passwords', async () => {
    const id = org.users.inspector.id;
    expect((await admin.post(`/api/v1/users/${id}/reset-password`, { newPassword: 'Reset#2026ok' })).statusCode).toBe(200);
    const s = await login(t.app, 'inspector', 'Reset#2026ok');
    expect((await s.post('/api/v1/auth/change-password', { oldPassword: 'Reset#2026ok', newPassword: 'Changed#2026ok' })).statusCode).toBe(
      200,
    );
    const rows = await t.database.rows<{ j: string }>(sql`SELECT row_to_json(a)::text AS j FROM audit_events a`);
    expect(rows.length).toBeGreaterThan(5);
    for (const { j } of rows) {
      expect(j).not.toMatch(/argon2|password_?hash|Reset#2026ok|Changed#2026ok|Initial#2026/i);
    }
    expect(await count(sql`action = 'reset_password' AND entity_id = ${String(id)}`)).toBe(1);
    expect(await count(sql`action = 'change_password' AND entity_id = ${String(id)} AND actor_user_id = ${id}`)).toBe(1);
  });
});

describe('reading the trail', () => {
  it('filters by entity type, action and text', async () => {
    const units = await events('entityType=unit');
    expect(units.total).toBe(await count(sql`entity_type = 'unit'`));
    expect(units.items.every((e) => e.entityType === 'unit')).toBe(true);

    const logins = await events('action=login');
    expect(logins.total).toBe(await count(sql`action = 'login'`));
    expect(logins.total).toBeGreaterThanOrEqual(3);
    expect(logins.items.every((e) => e.action === 'login')).toBe(true);

    const text = await events('q=auditee');
    expect(text.total).toBeGreaterThanOrEqual(1);
    expect(text.items.every((e) => JSON.stringify(e).includes('auditee'))).toBe(true);
    expect((await events('entityType=user&action=create&q=auditee')).total).toBe(1);
    expect((await events('entityType=unit&q=auditee')).total).toBe(0);
    expect((await events('q=ghost')).items.map((e) => e.action)).toEqual(['login_failed']);
    // LIKE wildcards are taken literally.
    expect((await events(`q=${encodeURIComponent('%')}`)).total).toBe(0);
  });

  it('filters by time and pages, newest first', async () => {
    expect((await events(`from=${encodeURIComponent('2026-03-03T00:00:00+08:00')}`)).total).toBe(0);
    expect((await events(`to=${encodeURIComponent('2026-03-01T00:00:00Z')}`)).total).toBe(0);
    const all = await count();
    expect((await events(`from=2026-03-02T00:00:00Z&to=2026-03-02T02:00:00Z`)).total).toBe(all);
    const page = await events('pageSize=2&page=2');
    expect(page.total).toBe(all);
    expect(page.items).toHaveLength(2);
    const first = await events('pageSize=2&page=1');
    expect((first.items[1] as Event).id).toBeGreaterThan((page.items[0] as Event).id);
    const bad = await admin.get('/api/v1/audit-events?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^开始时间：/);
  });

  it('is for administrators only', async () => {
    for (const username of ['office', 'leader', 'unitstaff']) {
      const s = username === 'office' ? office : await login(t.app, username);
      for (const url of ['/api/v1/audit-events', '/api/v1/audit-events/verify']) {
        const res = await s.get(url);
        expect(res.statusCode, `${username} ${url}`).toBe(403);
        expect(res.json().code).toBe('auth.forbidden');
      }
    }
    expect((await office.get('/api/v1/dashboard/summary')).json().recentEvents).toEqual([]);
    expect((await admin.get('/api/v1/dashboard/summary')).json().recentEvents).toHaveLength(10);
  });
});

describe('the hash chain', () => {
  it('verifies after many events', async () => {
    for (let i = 0; i < 40; i++) {
      const res = await office.patch(`/api/v1/units/${org.units.emergency.id}`, { phone: `0571-8888${String(1000 + i)}` });
      expect(res.statusCode).toBe(200);
    }
    const total = await count();
    expect(total).toBeGreaterThan(50);
    expect(await verify()).toEqual({ ok: true, checked: total, firstBrokenId: null, reason: null });
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    const total = await count();
    const attempts = [
      sql`UPDATE audit_events SET action = 'tampered' WHERE id = (SELECT min(id) FROM audit_events)`,
      sql`DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)`,
      sql`TRUNCATE audit_events`,
    ];
    for (const q of attempts) {
      const error = await t.database.rows(q).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      expect(errorText(error)).toMatch(/audit_events is append-only \((UPDATE|DELETE|TRUNCATE) refused\)/);
    }
    await expect(t.database.db.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
    expect(await count()).toBe(total);
    expect(await count(sql`action = 'tampered'`)).toBe(0);
  });

  it('names an event whose content was changed behind the trigger, and heals when it is put back', async () => {
    const [target] = await t.database.rows<{ id: number; after: string }>(
      sql`SELECT id::int AS id, after::text AS after FROM audit_events WHERE entity_type = 'unit' AND action = 'update' ORDER BY id LIMIT 1 OFFSET 5`,
    );
    const id = Number(target?.id);
    const total = await count();
    await withoutTrigger(sql`UPDATE audit_events SET after = jsonb_set(after, '{phone}', '"0571-99999999"') WHERE id = ${id}`);
    expect(await verify()).toEqual({
      ok: false,
      checked: await count(sql`id < ${id}`),
      firstBrokenId: id,
      reason: '记录内容与其哈希不符（该条被改动）',
    });
    await withoutTrigger(sql`UPDATE audit_events SET after = ${target?.after}::jsonb WHERE id = ${id}`);
    expect(await verify()).toEqual({ ok: true, checked: total, firstBrokenId: null, reason: null });
  });

  it('names an event whose actor was changed', async () => {
    const [target] = await t.database.rows<{ id: number; actor: number }>(
      sql`SELECT id::int AS id, actor_user_id AS actor FROM audit_events WHERE entity_type = 'user' AND action = 'create' ORDER BY id LIMIT 1`,
    );
    const id = Number(target?.id);
    await withoutTrigger(sql`UPDATE audit_events SET actor_user_id = ${org.users.office.id} WHERE id = ${id}`);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, firstBrokenId: id, reason: '记录内容与其哈希不符（该条被改动）' });
    await withoutTrigger(sql`UPDATE audit_events SET actor_user_id = ${target?.actor} WHERE id = ${id}`);
    expect((await verify()).ok).toBe(true);
  });

  it('names an event whose actor name was changed (the name users read as who did it)', async () => {
    const [target] = await t.database.rows<{ id: number; name: string }>(
      sql`SELECT id::int AS id, actor_name AS name FROM audit_events WHERE actor_name IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const id = Number(target?.id);
    await withoutTrigger(sql`UPDATE audit_events SET actor_name = '替罪羊' WHERE id = ${id}`);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: id });
    await withoutTrigger(sql`UPDATE audit_events SET actor_name = ${target?.name} WHERE id = ${id}`);
    expect((await verify()).ok).toBe(true);
  });

  it('names the event after one that was deleted', async () => {
    const ids = (await t.database.rows<{ id: number }>(sql`SELECT id::int AS id FROM audit_events ORDER BY id`)).map((r) => Number(r.id));
    const middle = ids[Math.floor(ids.length / 2)] as number;
    const next = ids[ids.indexOf(middle) + 1] as number;
    const [saved] = await t.database.rows<{ j: string }>(sql`SELECT row_to_json(a)::text AS j FROM audit_events a WHERE id = ${middle}`);
    await withoutTrigger(sql`DELETE FROM audit_events WHERE id = ${middle}`);
    expect(await verify()).toEqual({
      ok: false,
      checked: ids.indexOf(middle),
      firstBrokenId: next,
      reason: '与前一条记录的链接不符（前一条被删除或改动）',
    });
    // Putting the very row back restores the chain.
    await t.database.rows(sql`INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, ${saved?.j}::json)`);
    expect(await verify()).toEqual({ ok: true, checked: ids.length, firstBrokenId: null, reason: null });
  });

  it('names the newest events deleted behind the trigger (truncation), from the anchor the writes keep', async () => {
    const newest = (
      await t.database.rows<{ id: number; j: string }>(
        sql`SELECT id::int AS id, row_to_json(a)::text AS j FROM audit_events a ORDER BY id DESC LIMIT 2`,
      )
    ).map((r) => ({ id: Number(r.id), j: r.j }));
    const total = await count();
    const [last, before] = newest as [{ id: number; j: string }, { id: number; j: string }];
    await withoutTrigger(sql`DELETE FROM audit_events WHERE id = ${last.id}`);
    expect(await verify()).toEqual({
      ok: false,
      checked: total - 1,
      firstBrokenId: last.id,
      reason: `审计记录被截断：最新的第 ${total} 条记录（#${last.id}）已被删除。审计锚点记载共 ${total} 条，现存 ${total - 1} 条`,
      truncated: { missing: 1, lastId: last.id, source: '审计锚点' },
    });
    await withoutTrigger(sql`DELETE FROM audit_events WHERE id = ${before.id}`);
    expect(await verify()).toMatchObject({
      ok: false,
      firstBrokenId: last.id,
      reason: expect.stringContaining(`最新的 2 条记录（第 ${total - 1}–${total} 条，最后一条 #${last.id}）已被删除`),
      truncated: { missing: 2, lastId: last.id },
    });
    for (const row of [before, last]) {
      await t.database.rows(sql`INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, ${row.j}::json)`);
    }
    expect(await verify()).toEqual({ ok: true, checked: total, firstBrokenId: null, reason: null });
  });

  it('the anchor only moves forward: deleting it or lowering its count is refused', async () => {
    await expect(t.database.db.execute(sql`DELETE FROM audit_anchor`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`UPDATE audit_anchor SET count = count - 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`TRUNCATE audit_anchor`)).rejects.toThrow();
    expect((await verify()).ok).toBe(true);
  });

  it('new events keep extending a verified chain', async () => {
    expect((await office.patch(`/api/v1/units/${org.units.market.id}`, { phone: null })).statusCode).toBe(200);
    expect(await verify()).toMatchObject({ ok: true, checked: await count() });
  });
});

describe('the anzhi audit verify command', () => {
  // The in-memory PGlite of this file cannot be shared with a child process; the PostgreSQL test database can.
  if (process.env.ANZHI_TEST_DB === 'postgres') {
    it('exits 0 with ok:true on the test database, and 1 after tampering', { timeout: 120_000 }, async () => {
      const url = (t.database as { url?: string }).url as string;
      expect(url).toMatch(/^postgres/);
      const good = runCli(['audit', 'verify', '--json'], { DATABASE_URL: url });
      expect(good.status, good.stderr).toBe(0);
      expect(JSON.parse(good.stdout)).toEqual({ ok: true, checked: await count(), firstBrokenId: null, reason: null });

      const [target] = await t.database.rows<{ id: number; after: string }>(
        sql`SELECT id::int AS id, after::text AS after FROM audit_events WHERE entity_type = 'unit' ORDER BY id LIMIT 1`,
      );
      const id = Number(target?.id);
      await withoutTrigger(sql`UPDATE audit_events SET after = jsonb_set(after, '{name}', '"篡改"') WHERE id = ${id}`);
      try {
        const bad = runCli(['audit', 'verify', '--json'], { DATABASE_URL: url });
        expect(bad.status).toBe(1);
        expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, firstBrokenId: id });
        const human = runCli(['audit', 'verify'], { DATABASE_URL: url });
        expect(human.status).toBe(1);
        expect(human.stdout).toContain(`审计链被破坏：第一条异常记录 #${id}`);
      } finally {
        await withoutTrigger(sql`UPDATE audit_events SET after = ${target?.after}::jsonb WHERE id = ${id}`);
      }
      expect((await verify()).ok).toBe(true);
    });
  }

  it('catches deleted newest events even when the anchor is rewound too, from the head in a backup', { timeout: 180_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-cli-'));
    try {
      const env = { ANZHI_DATA_DIR: dir };
      expect(runCli(['seed-demo'], env).status).toBe(0);
      const backup = path.join(dir, 'before.jsonl.gz');
      const saved = runCli(['backup', '--out', backup], env);
      expect(saved.status, saved.stderr).toBe(0);
      // An intruder with full SQL access deletes the newest event and rewinds the anchor to match.
      // The demo writes its seeding event and the events of what it records through the services (专项检查 …).
      let newest = 0;
      const db = await openDatabase({ pgliteDir: path.join(dir, 'pgdata') });
      try {
        const [head] = await db.rows<{ n: number; last: number }>(sql`SELECT count(*)::int AS n, max(id)::int AS last FROM audit_events`);
        expect(head?.last).toBe(head?.n);
        newest = head?.last ?? 0;
        await db.rows(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
        await db.rows(sql`DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)`);
        await db.rows(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
        await db.rows(sql`ALTER TABLE audit_anchor DISABLE TRIGGER audit_anchor_no_rewind`);
        await db.rows(
          sql`UPDATE audit_anchor SET count = count - 1, last_id = e.id, last_hash = e.hash
            FROM (SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1) e`,
        );
        await db.rows(sql`ALTER TABLE audit_anchor ENABLE TRIGGER audit_anchor_no_rewind`);
      } finally {
        await db.close();
      }
      // The database alone now looks whole; the backup's header still knows the head.
      expect(JSON.parse(runCli(['audit', 'verify', '--json'], env).stdout)).toMatchObject({ ok: true, checked: newest - 1 });
      const bad = runCli(['audit', 'verify', '--json', '--expect', backup], env);
      expect(bad.status).toBe(1);
      expect(JSON.parse(bad.stdout)).toMatchObject({
        ok: false,
        checked: newest - 1,
        firstBrokenId: newest,
        truncated: { missing: 1, lastId: newest, source: expect.stringContaining(`备份 ${backup}`) },
      });
      const human = runCli(['audit', 'verify', '--expect', backup], env);
      expect(human.stdout).toContain(`审计链被破坏：审计记录被截断：最新的第 ${newest} 条记录（#${newest}）已被删除`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('works on an embedded data folder: seed-demo, verify, tamper, verify again', { timeout: 180_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-cli-'));
    try {
      const seeded = runCli(['seed-demo'], { ANZHI_DATA_DIR: dir });
      expect(seeded.status, seeded.stderr).toBe(0);
      expect(seeded.stdout).toContain('已载入演示数据：示例镇');
      expect(fs.existsSync(path.join(dir, 'anzhi.lock'))).toBe(false);

      const good = runCli(['audit', 'verify', '--json'], { ANZHI_DATA_DIR: dir });
      expect(good.status, good.stderr).toBe(0);
      const verified = JSON.parse(good.stdout);
      expect(verified).toMatchObject({ ok: true, firstBrokenId: null, reason: null });

      // Tamper with the folder while no process holds it.
      const db = await openDatabase({ pgliteDir: path.join(dir, 'pgdata') });
      try {
        // Every event of the seeding was checked (its own and those of what it recorded through the services).
        const [count] = await db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_events`);
        expect(verified.checked).toBe(count?.n);
        expect(verified.checked).toBeGreaterThan(0);
        await db.rows(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
        await db.rows(sql`UPDATE audit_events SET after = jsonb_set(after, '{accounts}', '99')`);
        await db.rows(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
      } finally {
        await db.close();
      }
      const bad = runCli(['audit', 'verify', '--json'], { ANZHI_DATA_DIR: dir });
      expect(bad.status).toBe(1);
      expect(JSON.parse(bad.stdout)).toEqual({ ok: false, checked: 0, firstBrokenId: 1, reason: '记录内容与其哈希不符（该条被改动）' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
