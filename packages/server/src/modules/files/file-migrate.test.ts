/*
 * `anzhi files migrate --to s3`: the local files folder into an S3-compatible store (s3rver in this process),
 * verified against the database, idempotent. First the function on real uploads, then the real command.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../../../test/cli.ts';
import { login, seedOrg, startTestApp, type TestApp, uploadFile } from '../../../test/factories.ts';
import { startS3Server, type TestS3Server } from '../../../test/s3-server.ts';
import { freshDatabase } from '../../../test/test-db.ts';
import { buildApp, createServices } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createDiskStorage, listDiskKeys, newStorageKey, sha256Of } from '../../lib/storage.ts';
import { createS3Storage } from '../../lib/storage-s3.ts';
import { NO_S3_MESSAGE } from './file.cli.ts';
import type { FileRow } from './file.repo.ts';
import { files } from './file.table.ts';
import { knownStorageKeys, migrateFiles } from './file-migrate.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/files', name));

let s3: TestS3Server;
let t: TestApp;
let bucket: ReturnType<typeof createS3Storage>;
const dirs: string[] = [];
const closers: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  s3 = await startS3Server();
  bucket = createS3Storage(s3.settings);
  t = await startTestApp();
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  bucket.close();
  await t.close();
  await s3.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('migrating uploaded files to S3', () => {
  let rows: FileRow[];
  let pdf: FileRow;
  let photo: FileRow;
  let orphan: string;

  const run = async (dryRun: boolean) =>
    migrateFiles({
      source: t.storage,
      keys: await listDiskKeys(t.storage.location),
      target: bucket,
      known: await knownStorageKeys(t.database.db),
      dryRun,
    });

  beforeAll(async () => {
    await seedOrg(t.database);
    const inspector = await login(t.app, 'inspector');
    await uploadFile(inspector, fixture('phone-rotated.jpg'), 'a.jpg');
    await uploadFile(inspector, fixture('screenshot.png'), 'b.png', 'image/png');
    await uploadFile(inspector, fixture('evidence.pdf'), 'c.pdf', 'application/pdf');
    rows = await t.database.db.select().from(files).orderBy(asc(files.id));
    [photo, , pdf] = rows as [FileRow, FileRow, FileRow];
    // Damage on the local disk: the PDF altered after upload, one thumbnail gone; and a file no row names.
    const damaged = Buffer.from(fixture('evidence.pdf'));
    damaged[damaged.length - 10] ^= 0xff;
    fs.writeFileSync(path.join(t.storage.location, pdf.key), damaged);
    fs.rmSync(path.join(t.storage.location, rows[1]?.thumbKey as string));
    orphan = newStorageKey('.jpg');
    await t.storage.put(orphan, Buffer.from('left by an interrupted upload'));
  });

  it('a dry run checks every file against the database and writes nothing', async () => {
    const r = await run(true);
    expect(r).toEqual({
      dryRun: true,
      total: 5,
      copied: 4,
      alreadyThere: 0,
      withoutRow: 1,
      failed: [{ key: pdf.key, reason: '本地文件的 sha256 与数据库记录不符（文件已损坏或被改动），未复制' }],
      missing: [rows[1]?.thumbKey],
    });
    for (const key of await listDiskKeys(t.storage.location)) expect(await bucket.stat(key), key).toBeNull();
  });

  it('copies every intact file with its checksum, and leaves the damaged one behind', async () => {
    const r = await run(false);
    expect(r).toMatchObject({ dryRun: false, total: 5, copied: 4, alreadyThere: 0, withoutRow: 1, missing: [rows[1]?.thumbKey] });
    expect(r.failed.map((f) => f.key)).toEqual([pdf.key]);
    for (const row of rows.filter((x) => x !== pdf)) expect(await bucket.stat(row.key)).toEqual({ size: row.size, sha256: row.sha256 });
    expect(await bucket.stat(pdf.key)).toBeNull();
    expect((await bucket.get(orphan))?.toString()).toBe('left by an interrupted upload');
  });

  it('is idempotent: a second run copies nothing, but replaces an object that differs from the local file', async () => {
    expect(await run(false)).toMatchObject({ copied: 0, alreadyThere: 4 });
    await bucket.put(photo.key, Buffer.from('a truncated copy'));
    expect(await run(false)).toMatchObject({ copied: 1, alreadyThere: 3 });
    expect((await bucket.stat(photo.key))?.sha256).toBe(photo.sha256);
    // Once the PDF is put right, the next run takes it too.
    fs.writeFileSync(path.join(t.storage.location, pdf.key), fixture('evidence.pdf'));
    expect(await run(false)).toMatchObject({ copied: 1, alreadyThere: 4, failed: [] });
  });

  it('a server switched to S3 serves every migrated upload as before', async () => {
    const storage = createS3Storage(s3.settings);
    closers.push(() => storage.close());
    const services = createServices({ database: t.database, clock: t.clock, storage });
    const config = loadConfig({ LOG_LEVEL: 'silent', ANZHI_LOGIN_RATE_PER_MINUTE: '10000' });
    const app = await buildApp({ config, database: t.database, clock: t.clock, logger: false, services });
    closers.push(() => app.close());
    const inspector = await login(app, 'inspector');
    for (const row of rows) {
      const res = await inspector.get(`/api/v1/files/${row.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(sha256Of(res.rawPayload)).toBe(row.sha256);
    }
  });
});

describe('npx anzhi files migrate --to s3', () => {
  it('refuses without ANZHI_S3_*, rehearses with --dry-run, then copies and says what to do next', { timeout: 240_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-migrate-cli-'));
    dirs.push(dir);
    const env: Record<string, string> = { ANZHI_DATA_DIR: dir };
    if (process.env.ANZHI_TEST_DB === 'postgres') {
      const database = await freshDatabase();
      closers.push(() => database.close());
      env.DATABASE_URL = database.url as string;
    }
    const local = createDiskStorage(path.join(dir, 'files'));
    const keys = [newStorageKey('.jpg'), newStorageKey('.jpg'), newStorageKey('.pdf')];
    for (const [i, key] of keys.entries()) await local.put(key, Buffer.from(`文件 ${i}`));
    const cli = (args: string[], extra: Record<string, string> = s3.env) =>
      runCliAsync(['files', 'migrate', ...args], { ...env, ...extra });

    const unconfigured = await cli(['--to', 's3'], {});
    expect(unconfigured.status).toBe(1);
    expect(unconfigured.stderr.trim()).toBe(NO_S3_MESSAGE);
    const noTarget = await cli([]);
    expect(noTarget.stderr.trim()).toBe('files migrate 须指定迁移目标：--to s3');

    const dry = await cli(['--to', 's3', '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('【演练，未写入】文件迁移：');
    expect(dry.stdout).toContain('本地文件 3 个：将复制 3 个，对象存储中已有且一致（跳过）0 个，失败 0 个');
    expect(await bucket.stat(keys[0] as string)).toBeNull();

    const real = await cli(['--to', 's3']);
    expect(real.status, real.stderr).toBe(0);
    expect(real.stdout).toContain('本地文件 3 个：已复制并校验 3 个');
    expect(real.stdout).toContain('其中 3 个在数据库中没有记录');
    expect(real.stdout).toContain('全部文件已在对象存储中。请确认 ANZHI_S3_* 已写入服务的环境变量并重启服务');
    for (const [i, key] of keys.entries()) expect((await bucket.get(key))?.toString()).toBe(`文件 ${i}`);
    // A second run finding everything in place is the function's test above; one child process fewer here.
  });
});
