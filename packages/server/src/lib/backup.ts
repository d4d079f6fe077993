import fs from 'node:fs';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { type AuditHead, GENESIS_HASH } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import { type Database, schemaVersion } from '../db/client.ts';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './private-dir.ts';
import { listDiskKeys, type Storage, type StorageKind, sha256Of } from './storage.ts';

/**
 * A logical, versioned backup: gzip'd JSON lines — a header, then for each table a marker and its rows as
 * row_to_json gives them. It restores into either database (PGlite or PostgreSQL), which is how a township that
 * outgrows the embedded database moves to a server. Sessions are not kept: a restore must not sign anyone in.
 * With the local files folder included (`--with-files`), a `{"files": N}` marker follows the tables, then one line
 * per file with its key, size, sha256 and the bytes in base64; such a backup is version 2, so an older program
 * refuses it instead of restoring the database without the files.
 */
export const BACKUP_FORMAT = 'anzhi-backup';
export const BACKUP_VERSION = 2;
const VERSION_WITHOUT_FILES = 1;
// Sessions must not survive a restore; hazard_counts is derived (its triggers rebuild it as hazards are restored).
const SKIP = new Set(['sessions', 'hazard_counts']);
// Tables a migration fills with their one row (the audit anchor): a restore overwrites that row.
const SEEDED = new Set(['audit_anchor']);
const BATCH = 1000;

interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  identity: string[];
  /** Columns that reference the same table (a tree): filled in a second pass. */
  selfRefs: string[];
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function tables(database: Database): Promise<TableInfo[]> {
  const names = (
    await database.rows<{ name: string }>(sql`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)
  )
    .map((r) => r.name)
    .filter((n) => !SKIP.has(n));
  const cols = await database.rows<{ t: string; c: string; identity: string }>(sql`SELECT table_name AS t, column_name AS c,
      is_identity AS identity FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`);
  const cons = await database.rows<{ t: string; type: string; ref: string | null; cols: string }>(sql`
      SELECT c.conrelid::regclass::text AS t, c.contype AS type, c.confrelid::regclass::text AS ref,
             (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols
      FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
      WHERE ns.nspname = 'public' AND c.contype IN ('p', 'f')`);
  const unq = (s: string | null) => (s ?? '').replace(/^"|"$/g, '');
  const infos = names.map<TableInfo>((name) => ({
    name,
    columns: cols.filter((c) => c.t === name).map((c) => c.c),
    identity: cols.filter((c) => c.t === name && c.identity === 'YES').map((c) => c.c),
    primaryKey: cons.find((c) => unq(c.t) === name && c.type === 'p')?.cols.split(',') ?? [],
    selfRefs: cons.filter((c) => unq(c.t) === name && c.type === 'f' && unq(c.ref) === name).flatMap((c) => c.cols.split(',')),
  }));
  // Parents before children: order by foreign keys between different tables.
  const deps = new Map(
    infos.map((i) => [
      i.name,
      new Set(cons.filter((c) => unq(c.t) === i.name && c.type === 'f' && unq(c.ref) !== i.name).map((c) => unq(c.ref))),
    ]),
  );
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (ordered.length < infos.length) {
    const next = infos.find((i) => !done.has(i.name) && [...(deps.get(i.name) ?? [])].every((d) => done.has(d) || !deps.has(d)));
    if (!next) throw new Error('foreign keys form a cycle between tables');
    ordered.push(next);
    done.add(next.name);
  }
  return ordered;
}

async function auditHeadOf(database: Database): Promise<AuditHead> {
  const [row] = await database.rows<{ count: number; lastId: string | number; lastHash: string }>(sql`
    SELECT count(*)::int AS "count", COALESCE(max(id), 0) AS "lastId",
           COALESCE((SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1), ${GENESIS_HASH}) AS "lastHash" FROM audit_events`);
  return { count: Number(row?.count ?? 0), lastId: Number(row?.lastId ?? 0), lastHash: row?.lastHash ?? GENESIS_HASH };
}

export interface BackupHeader {
  format: string;
  version: number;
  schemaVersion: string;
  createdAt: string;
  source: string;
  tables: Record<string, number>;
  /**
   * The audit chain's head when the backup was taken (absent in older backups). Kept apart from the database, it lets
   * `anzhi audit verify --expect <backup>` see that the newest events were deleted later.
   */
  auditHead?: AuditHead;
  /** Where the uploaded files were (absent in older backups); `count` when the local folder is in the backup. */
  files?: BackupFiles;
}

export interface BackupFiles {
  kind: StorageKind;
  location: string;
  included: boolean;
  count?: number;
}

interface FileLine {
  file: string;
  size: number;
  sha256: string;
  base64: string;
}

/** What to say about the files: where they are, and the local folder's bytes when they go into the backup. */
export interface BackupFilesOption {
  storage: Storage;
  include: boolean;
}

async function* backupLines(database: Database, createdAt: Date, files?: BackupFilesOption): AsyncGenerator<string> {
  if (files?.include && files.storage.kind !== 'disk') {
    throw new Error(
      `文件存放在对象存储 ${files.storage.location}中，--with-files 只能打包本地文件夹；对象存储请用其自身的版本控制或跨桶复制备份`,
    );
  }
  const keys = files?.include ? await listDiskKeys(files.storage.location) : [];
  const infos = await tables(database);
  const counts: Record<string, number> = {};
  for (const t of infos) {
    const [row] = await database.rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${ident(t.name)}`));
    counts[t.name] = Number(row?.n ?? 0);
  }
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: files?.include ? BACKUP_VERSION : VERSION_WITHOUT_FILES,
    schemaVersion: schemaVersion(),
    createdAt: createdAt.toISOString(),
    source: database.kind,
    tables: counts,
    auditHead: await auditHeadOf(database),
    ...(files && {
      files: {
        kind: files.storage.kind,
        location: files.storage.location,
        included: files.include,
        ...(files.include && { count: keys.length }),
      },
    }),
  };
  yield `${JSON.stringify(header)}\n`;
  for (const t of infos) {
    yield `${JSON.stringify({ table: t.name, rows: counts[t.name] })}\n`;
    const order = (t.primaryKey.length ? t.primaryKey : t.columns).map(ident).join(', ');
    for (let offset = 0; offset < (counts[t.name] ?? 0); offset += BATCH) {
      const rows = await database.rows<{ j: string }>(
        sql.raw(`SELECT row_to_json(x)::text AS j FROM ${ident(t.name)} x ORDER BY ${order} LIMIT ${BATCH} OFFSET ${offset}`),
      );
      yield rows.map((r) => `${r.j}\n`).join('');
    }
  }
  if (!files?.include) return;
  yield `${JSON.stringify({ files: keys.length })}\n`;
  for (const key of keys) {
    const bytes = await files.storage.get(key);
    if (!bytes) throw new Error(`备份过程中文件 ${key} 已不在文件夹中，请重新备份`);
    const line: FileLine = { file: key, size: bytes.length, sha256: sha256Of(bytes), base64: bytes.toString('base64') };
    yield `${JSON.stringify(line)}\n`;
  }
}

/** Writes a backup readable by the server's account only (0600): it holds password hashes (and, with files, photos). */
export async function writeBackup(database: Database, file: string, now = new Date(), files?: BackupFilesOption): Promise<BackupHeader> {
  const tmp = `${file}.part`;
  // A leftover .part keeps its old mode when opened again: remove it first so the mode below applies.
  fs.rmSync(tmp, { force: true });
  const out = fs.createWriteStream(tmp, { mode: PRIVATE_FILE_MODE, flags: 'wx' });
  await pipeline(Readable.from(backupLines(database, now, files)), zlib.createGzip(), out);
  fs.renameSync(tmp, file);
  return readHeader(file);
}

async function* lines(file: string): AsyncGenerator<string> {
  const raw = fs.createReadStream(file);
  const input = raw.pipe(zlib.createGunzip());
  // pipe() does not forward a read error (a missing file): without this it is thrown outside any caller.
  raw.on('error', (e) => input.destroy(e));
  try {
    yield* readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`备份文件不存在：${file}`);
    if (code === 'Z_DATA_ERROR') throw new Error('不是安治备份文件（不是 gzip 压缩的备份）');
    if (code === 'Z_BUF_ERROR') throw new Error('备份文件不完整（可能在复制或下载时被截断），无法恢复');
    throw e;
  }
}

export async function readHeader(file: string): Promise<BackupHeader> {
  for await (const line of lines(file)) return parseHeader(line);
  throw new Error('备份文件为空');
}

function parseHeader(line: string): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(line);
  } catch {
    throw new Error('不是安治备份文件（无法解析文件头）');
  }
  if (header.format !== BACKUP_FORMAT) throw new Error('不是安治备份文件');
  if (header.version > BACKUP_VERSION) throw new Error(`备份格式版本 ${header.version} 比本程序支持的 ${BACKUP_VERSION} 新，请先升级安治`);
  return header;
}

/** One line for people: where the uploaded files are, and whether this backup holds them. */
export function backupFilesSummary(files: BackupFiles | undefined): string {
  if (!files) return '此备份未记载上传文件的位置（旧版本备份）';
  if (files.included) return `已包含本地文件夹 ${files.location} 中的 ${files.count ?? 0} 个上传文件`;
  if (files.kind === 's3') return `上传的文件不在此备份中：存放在对象存储 ${files.location}，请用对象存储的版本控制或跨桶复制备份`;
  return `上传的文件不在此备份中：存放在本地文件夹 ${files.location}，请一并备份该文件夹，或加 --with-files 打包进备份`;
}

/** A file line of a backup, checked against its size and sha256. */
function fileOf(obj: Record<string, unknown>): { key: string; bytes: Buffer } {
  const { file: key, size, sha256, base64 } = obj as unknown as FileLine;
  const bytes = Buffer.from(typeof base64 === 'string' ? base64 : '', 'base64');
  if (typeof key !== 'string' || bytes.length !== size || sha256Of(bytes) !== sha256) {
    throw new Error(`备份中的文件 ${String(key)} 已损坏（大小或 sha256 不符），无法恢复`);
  }
  return { key, bytes };
}

/**
 * Restores a backup into a migrated, empty database in one transaction: all of it or nothing.
 * Columns the backup does not have (added by a later migration) take their defaults.
 * Files in the backup go into `files` (the configured storage), each checked; if anything fails, the files put are
 * removed again. Without `files` they are skipped.
 */
export async function restoreBackup(database: Database, file: string, files?: Storage): Promise<BackupHeader> {
  const put: string[] = [];
  try {
    return await restoreAll(database, file, files, put);
  } catch (e) {
    await Promise.all(put.map((key) => files?.delete(key))).catch(() => undefined);
    throw e;
  }
}

async function restoreAll(database: Database, file: string, files: Storage | undefined, put: string[]): Promise<BackupHeader> {
  const infos = new Map((await tables(database)).map((t) => [t.name, t]));
  for (const t of infos.values()) {
    if (SEEDED.has(t.name)) continue;
    const [row] = await database.rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${ident(t.name)}`));
    if (Number(row?.n) > 0) throw new Error(`目标数据库不是空的（表 ${t.name} 已有数据），只能恢复到新建的数据库`);
  }
  let header: BackupHeader | undefined;
  await database.db.transaction(async (tx) => {
    let current: TableInfo | undefined;
    let inFiles = false;
    let batch: string[] = [];
    const flush = async () => {
      if (!current || batch.length === 0) return;
      const t = current;
      const keys = Object.keys(JSON.parse(batch[0] as string)).filter((k) => t.columns.includes(k));
      const list = keys.map(ident).join(', ');
      const values = keys.map((k) => (t.selfRefs.includes(k) ? 'NULL' : `j.${ident(k)}`)).join(', ');
      const json = `[${batch.join(',')}]`;
      const upsert = SEEDED.has(t.name)
        ? ` ON CONFLICT (${t.primaryKey.map(ident).join(', ')}) DO UPDATE SET ${keys.map((k) => `${ident(k)} = EXCLUDED.${ident(k)}`).join(', ')}`
        : '';
      await tx.execute(
        sql`${sql.raw(`INSERT INTO ${ident(t.name)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM json_populate_recordset(NULL::${ident(t.name)}, `)}${json}::json) j${sql.raw(upsert)}`,
      );
      for (const col of t.selfRefs.filter((c) => keys.includes(c))) {
        const match = t.primaryKey.map((k) => `x.${ident(k)} = j.${ident(k)}`).join(' AND ');
        await tx.execute(
          sql`${sql.raw(`UPDATE ${ident(t.name)} x SET ${ident(col)} = j.${ident(col)} FROM json_populate_recordset(NULL::${ident(t.name)}, `)}${json}::json) j WHERE ${sql.raw(match)}`,
        );
      }
      batch = [];
    };
    for await (const line of lines(file)) {
      if (!line) continue;
      if (!header) {
        header = parseHeader(line);
        continue;
      }
      const obj = JSON.parse(line) as Record<string, unknown>;
      if (inFiles) {
        const { key, bytes } = fileOf(obj);
        if (!files) continue;
        await files.put(key, bytes);
        put.push(key);
        continue;
      }
      if (Object.keys(obj).length === 1 && typeof obj.files === 'number') {
        await flush();
        inFiles = true;
        continue;
      }
      if (Object.keys(obj).length === 2 && typeof obj.table === 'string' && typeof obj.rows === 'number') {
        await flush();
        current = infos.get(obj.table);
        if (!current) throw new Error(`备份中的表 ${obj.table} 在当前数据库中不存在`);
        continue;
      }
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    for (const t of infos.values()) {
      for (const col of t.identity) {
        await tx.execute(
          sql.raw(
            `SELECT setval(pg_get_serial_sequence('${t.name}', '${col}'), COALESCE((SELECT max(${ident(col)}) FROM ${ident(t.name)}), 0) + 1, false)`,
          ),
        );
      }
    }
  });
  if (!header) throw new Error('备份文件为空');
  return header;
}

/** A scheduled backup into `dir` (created 0700), keeping the newest `keep`. */
export async function writeAutomaticBackup(database: Database, dir: string, now: Date, keep: number) {
  ensurePrivateDir(dir);
  const file = `${dir}/${autoBackupName(now)}`;
  const header = await writeBackup(database, file, now);
  return { file, header, removed: pruneBackups(dir, keep) };
}

/** Keeps the newest `keep` automatic backups in a folder. */
export function pruneBackups(dir: string, keep: number): string[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^anzhi-auto-\d{8}T\d{6}Z\.jsonl\.gz$/.test(f))
    .sort();
  const removed = files.slice(0, Math.max(0, files.length - keep));
  for (const f of removed) fs.unlinkSync(`${dir}/${f}`);
  return removed;
}

export function autoBackupName(now: Date): string {
  return `anzhi-auto-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}.jsonl.gz`;
}
