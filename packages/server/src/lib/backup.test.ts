import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, countRows, login, seedOrg, startTestApp, type TestApp } from '../../test/factories.ts';
import { emptyDatabase } from '../../test/test-db.ts';
import { type Database, openDatabase, runMigrations, schemaVersion } from '../db/client.ts';
import { createAuditService } from '../modules/audit/audit.service.ts';
import { auditedTransaction } from '../modules/audit/audited-transaction.ts';
import { unitRepo } from '../modules/units/unit.repo.ts';
import { userRepo } from '../modules/users/user.repo.ts';
import { systemActor } from './actor.ts';
import { type BackupHeader, readHeader, restoreBackup, writeAutomaticBackup, writeBackup } from './backup.ts';
import { fixedClock } from './clock.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let dir: string;
let file: string;
let header: BackupHeader;
let tables: string[];

const awkwardName = '测试"单位"\\反斜杠\n换行😀';

beforeAll(async () => {
  t = await startTestApp();
  org = await seedOrg(t.database);
  // Activity of every kind: new rows in each table, updates, sign-ins (sessions), awkward text, a deeper region tree.
  const admin = await login(t.app, 'admin');
  const office = await login(t.app, 'office');
  await login(t.app, 'leader');
  const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBeLessThan(300);
  ok(await admin.post('/api/v1/regions', { code: '330110101203', name: '南村' }));
  ok(await admin.post('/api/v1/regions', { code: '330110101203001', name: '南村一网格' }));
  ok(
    await admin.post('/api/v1/users', {
      username: 'backupuser',
      displayName: '备份“测试”人',
      roles: ['village'],
      regionCodes: ['330110101203001'],
      initialPassword: 'Initial#2026',
    }),
  );
  ok(
    await office.post('/api/v1/units', {
      name: awkwardName,
      kind: 'other',
      regionCode: codes.village2,
      aliases: ['别名,带逗号', "带'单引号'"],
      industries: ['fire', 'power'],
    }),
  );
  ok(await office.patch(`/api/v1/units/${org.units.market.id}`, { phone: '0571-88881234', disabled: true }));
  ok(await admin.patch(`/api/v1/users/${org.users.village.id}`, { displayName: '东村网格员' }));
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'inspector', password: 'wrong' } });

  tables = (
    await t.database.rows<{ name: string }>(
      sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).map((r) => r.name);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-backup-test-'));
  file = path.join(dir, 'backup.jsonl.gz');
  header = await writeBackup(t.database, file, new Date('2026-03-02T02:00:00Z'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)$/;

/** Timestamps become milliseconds: each server prints them in its own time zone and precision. */
function normalise(value: unknown): unknown {
  if (typeof value === 'string' && ISO_TIME.test(value)) return Date.parse(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}

async function primaryKey(database: Database, table: string): Promise<string[]> {
  const rows = await database.rows<{ col: string }>(sql`SELECT a.attname AS col FROM pg_index i
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
    WHERE i.indrelid = ${table}::regclass AND i.indisprimary ORDER BY a.attnum`);
  return rows.map((r) => r.col);
}

/** Every row of every table but sessions, as row_to_json gives it, in primary-key order. */
async function dump(database: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables.filter((n) => n !== 'sessions')) {
    const pk = await primaryKey(database, table);
    expect(pk.length, table).toBeGreaterThan(0);
    const rows = await database.rows<{ j: string }>(
      // The statistics cube keeps emptied cells (n = 0) that a rebuild does not create: compare the counts, not the zeros.
      sql.raw(
        `SELECT row_to_json(t)::text AS j FROM "${table}" t ${table === 'hazard_counts' ? 'WHERE n <> 0' : ''} ORDER BY ${pk.map((c) => `"${c}"`).join(', ')}`,
      ),
    );
    out[table] = rows.map((r) => normalise(JSON.parse(r.j)));
  }
  return out;
}

const count = countRows;

/** Rows in every table but the audit anchor, whose one row the migrations create. */
async function totalRows(database: Database): Promise<number> {
  let n = 0;
  for (const table of tables.filter((name) => name !== 'audit_anchor')) n += await count(database, table);
  return n;
}

async function migratedEmpty(): Promise<Database> {
  const database = await emptyDatabase();
  await runMigrations(database);
  return database;
}

function writeGz(name: string, text: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, zlib.gzipSync(text));
  return p;
}

/** Restores the backup into `target` and checks it holds exactly what the source holds. */
async function restoreAndCompare(target: Database) {
  const restored = await restoreBackup(target, file);
  expect(restored).toEqual(header);
  const expected = await dump(t.database);
  const actual = await dump(target);
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const table of Object.keys(expected)) expect(actual[table], table).toEqual(expected[table]);
  expect(await count(target, 'sessions')).toBe(0);
  const audit = await createAuditService({ db: target.db, clock: fixedClock(new Date()) }).verify();
  expect(audit).toEqual({ ok: true, checked: await count(t.database, 'audit_events'), firstBrokenId: null, reason: null });
}

describe('writing a backup', () => {
  it('has a header with format, version, schema version, source and the row count of each table but sessions', async () => {
    expect(tables).toEqual(expect.arrayContaining(['audit_events', 'regions', 'sessions', 'units', 'users']));
    expect(await count(t.database, 'sessions')).toBeGreaterThan(0);
    expect(header).toMatchObject({
      format: 'anzhi-backup',
      version: 1,
      schemaVersion: schemaVersion(),
      createdAt: '2026-03-02T02:00:00.000Z',
      source: t.database.kind,
    });
    // Sessions are not kept; hazard_counts is derived (its triggers rebuild it as the hazards are restored).
    expect(Object.keys(header.tables).sort()).toEqual(tables.filter((n) => n !== 'sessions' && n !== 'hazard_counts'));
    for (const table of Object.keys(header.tables)) expect(header.tables[table], table).toBe(await count(t.database, table));
    expect(header.tables).toMatchObject({ regions: 8, units: 5, users: 9 });
    expect(await readHeader(file)).toEqual(header);
    expect(fs.existsSync(`${file}.part`)).toBe(false);
  });
});

describe('backup files hold password hashes', () => {
  const mode = (p: string) => fs.statSync(p).mode & 0o777;

  it('are written 0600, even over a leftover world-readable .part file', async () => {
    expect(mode(file)).toBe(0o600);
    const again = path.join(dir, 'again.jsonl.gz');
    fs.writeFileSync(`${again}.part`, 'old', { mode: 0o644 });
    await writeBackup(t.database, again);
    expect(mode(again)).toBe(0o600);
  });

  it('scheduled ones go to a 0700 folder, created or tightened, as 0600 files', async () => {
    const created = path.join(dir, 'auto-new', 'backups');
    const first = await writeAutomaticBackup(t.database, created, new Date('2026-03-02T03:00:00Z'), 7);
    expect(mode(created)).toBe(0o700);
    expect(mode(first.file)).toBe(0o600);
    const loose = path.join(dir, 'auto-old');
    fs.mkdirSync(loose, { mode: 0o755 });
    fs.chmodSync(loose, 0o755);
    await writeAutomaticBackup(t.database, loose, new Date('2026-03-02T04:00:00Z'), 7);
    expect(mode(loose)).toBe(0o700);
  });
});

describe('restoring a backup', () => {
  it('into a fresh database reproduces every row, the sequences continue, and the audit chain still verifies', async () => {
    const target = await migratedEmpty();
    try {
      await restoreAndCompare(target);
      const awkward = await target.rows<{ name: string; aliases: string[] }>(
        sql`SELECT name, aliases FROM units WHERE name = ${awkwardName}`,
      );
      expect(awkward).toEqual([{ name: awkwardName, aliases: ['别名,带逗号', "带'单引号'"] }]);

      // Identity sequences continue after the restored rows.
      const now = new Date('2026-03-03T00:00:00Z');
      const [maxUnit] = await target.rows<{ n: number }>(sql`SELECT max(id)::int AS n FROM units`);
      const unit = await unitRepo.insert(target.db, {
        name: '恢复后新单位',
        kind: 'other',
        regionCode: codes.town,
        createdAt: now,
        updatedAt: now,
      });
      expect(unit.id).toBe(Number(maxUnit?.n) + 1);
      const [maxUser] = await target.rows<{ n: number }>(sql`SELECT max(id)::int AS n FROM users`);
      const user = await userRepo.insert(target.db, {
        username: 'afterrestore',
        displayName: '恢复后',
        passwordHash: 'x',
        roles: ['leader'],
        regionCodes: [codes.town],
        createdAt: now,
        updatedAt: now,
      });
      expect(user.id).toBe(Number(maxUser?.n) + 1);

      // The chain goes on from the restored last hash.
      const audit = createAuditService({ db: target.db, clock: fixedClock(now) });
      await auditedTransaction(target.db, (tx) =>
        audit.record(tx, systemActor, { entityType: 'system', entityId: null, action: 'restore', after: { file: 'backup.jsonl.gz' } }),
      );
      const [maxEvent] = await target.rows<{ n: number }>(sql`SELECT max(id)::int AS n FROM audit_events`);
      expect(Number(maxEvent?.n)).toBe((header.tables.audit_events as number) + 1);
      expect(await audit.verify()).toEqual({
        ok: true,
        checked: (header.tables.audit_events as number) + 1,
        firstBrokenId: null,
        reason: null,
      });
    } finally {
      await target.close();
    }
  });

  it('into a database that is not empty is refused with a Chinese message, and writes nothing', { timeout: 120_000 }, async () => {
    const before = await dump(t.database);
    await expect(restoreBackup(t.database, file)).rejects.toThrow(/^目标数据库不是空的（表 \w+ 已有数据），只能恢复到新建的数据库$/);
    expect(await dump(t.database)).toEqual(before);

    const target = await migratedEmpty();
    try {
      await target.rows(sql`INSERT INTO regions (code, name, level) VALUES ('110000000000', '北京市', 'province')`);
      await expect(restoreBackup(target, file)).rejects.toThrow('目标数据库不是空的（表 regions 已有数据），只能恢复到新建的数据库');
      expect(await totalRows(target)).toBe(1);
    } finally {
      await target.close();
    }
  });

  it('refuses files that are not backups, or are broken, with a clear Chinese message and writes nothing', {
    timeout: 120_000,
  }, async () => {
    const plain = path.join(dir, 'notes.txt');
    fs.writeFileSync(plain, '这不是备份文件\n');
    const full = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    const truncated = path.join(dir, 'truncated.jsonl.gz');
    const gz = fs.readFileSync(file);
    fs.writeFileSync(truncated, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const cases: Array<[string, RegExp | string]> = [
      [plain, '不是安治备份文件（不是 gzip 压缩的备份）'],
      [writeGz('text.gz', 'hello world\n'), '不是安治备份文件（无法解析文件头）'],
      [writeGz('other.gz', `${JSON.stringify({ format: 'something-else', version: 1 })}\n`), '不是安治备份文件'],
      [writeGz('newer.gz', `${JSON.stringify({ ...header, version: 3 })}\n`), '备份格式版本 3 比本程序支持的 2 新，请先升级安治'],
      [writeGz('empty.gz', ''), '备份文件为空'],
      [truncated, '备份文件不完整（可能在复制或下载时被截断），无法恢复'],
      [
        writeGz('unknown-table.gz', `${full}${JSON.stringify({ table: 'no_such_table', rows: 1 })}\n{"x":1}\n`),
        '备份中的表 no_such_table 在当前数据库中不存在',
      ],
      [path.join(dir, 'missing.jsonl.gz'), `备份文件不存在：${path.join(dir, 'missing.jsonl.gz')}`],
    ];
    const target = await migratedEmpty();
    try {
      for (const [p, message] of cases) {
        const error = await restoreBackup(target, p).then(
          () => null,
          (e: Error) => e,
        );
        expect(error?.message, p).toEqual(message);
        // All or nothing: the rows inserted before the failure are gone.
        expect(await totalRows(target), p).toBe(0);
      }
      await expect(readHeader(plain)).rejects.toThrow('不是安治备份文件（不是 gzip 压缩的备份）');
      await expect(readHeader(path.join(dir, 'missing.jsonl.gz'))).rejects.toThrow(/^备份文件不存在/);
      // After all that, the same database still takes the real backup.
      await restoreAndCompare(target);
    } finally {
      await target.close();
    }
  });

  // A township that outgrows the embedded database moves to a server, and back: the same file restores into either.
  if (process.env.ANZHI_TEST_DB === 'postgres') {
    it('from PostgreSQL into an embedded PGlite database reproduces every row', { timeout: 120_000 }, async () => {
      const target = await openDatabase({});
      try {
        await runMigrations(target);
        expect(target.kind).toBe('pglite');
        await restoreAndCompare(target);
      } finally {
        await target.close();
      }
    });
  }
});
