/*
 * Backups and the uploaded files: the header says where they are; `--with-files` puts the local folder into the
 * archive (version 2), and a restore puts every file back, checked, or nothing at all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { countRows, login, seedOrg, startTestApp, type TestApp, uploadFile } from '../../test/factories.ts';
import { emptyDatabase } from '../../test/test-db.ts';
import { type Database, runMigrations } from '../db/client.ts';
import { files } from '../modules/files/file.table.ts';
import { backupFilesSummary, readHeader, restoreBackup, writeBackup } from './backup.ts';
import { createDiskStorage, listDiskKeys, sha256Of } from './storage.ts';
import { createS3Storage } from './storage-s3.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../../test/fixtures/files', name));

let t: TestApp;
let dir: string;
const now = new Date('2026-03-02T02:00:00Z');

beforeAll(async () => {
  t = await startTestApp();
  await seedOrg(t.database);
  const inspector = await login(t.app, 'inspector');
  await uploadFile(inspector, fixture('phone-rotated.jpg'), 'a.jpg');
  await uploadFile(inspector, fixture('evidence.pdf'), 'b.pdf', 'application/pdf');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-backup-files-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function migratedEmpty(): Promise<Database> {
  const database = await emptyDatabase();
  await runMigrations(database);
  return database;
}

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('a backup says where the uploaded files are', () => {
  it('without --with-files: version 1, the folder named in the header, no file in the archive', async () => {
    const file = path.join(dir, 'plain.jsonl.gz');
    const header = await writeBackup(t.database, file, now, { storage: t.storage, include: false });
    expect(header.version).toBe(1);
    expect(header.files).toEqual({ kind: 'disk', location: t.storage.location, included: false });
    expect(backupFilesSummary(header.files)).toBe(
      `上传的文件不在此备份中：存放在本地文件夹 ${t.storage.location}，请一并备份该文件夹，或加 --with-files 打包进备份`,
    );
    expect(zlib.gunzipSync(fs.readFileSync(file)).toString()).not.toContain('"base64"');
    expect(mode(file)).toBe(0o600);
  });

  it('on S3 it names the bucket, and --with-files is refused: it packs the local folder only', async () => {
    const storage = createS3Storage({
      url: 'http://127.0.0.1:9',
      bucket: 'county-files',
      accessKeyId: 'k',
      secretAccessKey: 's',
      region: 'us-east-1',
    });
    try {
      const header = await writeBackup(t.database, path.join(dir, 's3.jsonl.gz'), now, { storage, include: false });
      expect(backupFilesSummary(header.files)).toBe(
        '上传的文件不在此备份中：存放在对象存储 s3://county-files（http://127.0.0.1:9），请用对象存储的版本控制或跨桶复制备份',
      );
      await expect(writeBackup(t.database, path.join(dir, 's3-files.jsonl.gz'), now, { storage, include: true })).rejects.toThrow(
        /^文件存放在对象存储 s3:\/\/county-files（http:\/\/127.0.0.1:9）中，--with-files 只能打包本地文件夹/,
      );
    } finally {
      storage.close();
    }
  });
});

describe('backup --with-files and restore', () => {
  let file: string;

  beforeAll(async () => {
    file = path.join(dir, 'with-files.jsonl.gz');
    await writeBackup(t.database, file, now, { storage: t.storage, include: true });
  });

  it('the archive is version 2, 0600, and counts the photo, its thumbnail and the PDF', async () => {
    const header = await readHeader(file);
    expect(header.version).toBe(2);
    expect(header.files).toEqual({ kind: 'disk', location: t.storage.location, included: true, count: 3 });
    expect(backupFilesSummary(header.files)).toBe(`已包含本地文件夹 ${t.storage.location} 中的 3 个上传文件`);
    expect(mode(file)).toBe(0o600);
  });

  it('a restore puts every file back where the rows expect it, byte for byte', { timeout: 180_000 }, async () => {
    const target = await migratedEmpty();
    const folder = path.join(dir, 'restored-files');
    try {
      await restoreBackup(target, file, createDiskStorage(folder));
      const rows = await target.db.select().from(files);
      expect(rows).toHaveLength(2);
      const restored = createDiskStorage(folder);
      for (const row of rows) {
        expect(sha256Of((await restored.get(row.key)) as Buffer)).toBe(row.sha256);
        expect((await restored.get(row.thumbKey ?? row.key))?.length).toBeGreaterThan(0);
      }
      expect(await listDiskKeys(folder)).toEqual(await listDiskKeys(t.storage.location));
    } finally {
      await target.close();
    }
  });

  it('a damaged file in the archive: refused in Chinese, no row restored and no file left behind', { timeout: 180_000 }, async () => {
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    const lines = text.split('\n');
    const last = lines.findLastIndex((l) => l.includes('"base64"'));
    const entry = JSON.parse(lines[last] as string);
    lines[last] = JSON.stringify({ ...entry, base64: Buffer.from('not the photo').toString('base64') });
    const broken = path.join(dir, 'broken.jsonl.gz');
    fs.writeFileSync(broken, zlib.gzipSync(lines.join('\n')));
    const target = await migratedEmpty();
    const folder = path.join(dir, 'not-restored');
    try {
      await expect(restoreBackup(target, broken, createDiskStorage(folder))).rejects.toThrow(
        `备份中的文件 ${entry.file} 已损坏（大小或 sha256 不符），无法恢复`,
      );
      expect(await countRows(target, 'files')).toBe(0);
      expect(await countRows(target, 'users')).toBe(0);
      expect(await listDiskKeys(folder)).toEqual([]);
    } finally {
      await target.close();
    }
  });
});

describe('npx anzhi restore / backup --with-files', () => {
  it('restores a backup with files into a new data folder, and backs that folder up again with its files', {
    timeout: 300_000,
  }, async () => {
    if (process.env.ANZHI_TEST_DB === 'postgres') return; // the embedded data folder is the case for a township PC
    const archive = path.join(dir, 'cli-in.jsonl.gz');
    await writeBackup(t.database, archive, now, { storage: t.storage, include: true });
    const to = fs.mkdtempSync(path.join(dir, 'to-'));
    const restored = runCli(['restore', archive], { ANZHI_DATA_DIR: to });
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`已恢复 3 个上传文件到 ${path.join(to, 'files')}`);
    expect(await listDiskKeys(path.join(to, 'files'))).toEqual(await listDiskKeys(t.storage.location));

    const again = path.join(dir, 'cli-out.jsonl.gz');
    const saved = runCli(['backup', '--out', again, '--with-files'], { ANZHI_DATA_DIR: to });
    expect(saved.status, saved.stderr).toBe(0);
    expect(saved.stdout).toContain(`已包含本地文件夹 ${path.join(to, 'files')} 中的 3 个上传文件`);
    expect(mode(again)).toBe(0o600);
  });
});
