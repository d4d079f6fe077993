import type { Executor } from '../../db/client.ts';
import { type Storage, type StoredObject, sha256Of } from '../../lib/storage.ts';
import { fileRepo } from './file.repo.ts';

/** What the database says a key holds: size and sha256 for a file, nothing known for a thumbnail (null). */
export type KnownKeys = Map<string, StoredObject | null>;

export async function knownStorageKeys(ex: Executor): Promise<KnownKeys> {
  const known: KnownKeys = new Map();
  for (const row of await fileRepo.listStoredKeys(ex)) {
    known.set(row.key, { size: row.size, sha256: row.sha256 });
    if (row.thumbKey) known.set(row.thumbKey, null);
  }
  return known;
}

export interface MigrateFailure {
  key: string;
  reason: string;
}

export interface MigrateResult {
  dryRun: boolean;
  /** Keys found in the source folder. */
  total: number;
  /** Copied and read back intact (a dry run: would be copied). */
  copied: number;
  /** Already in the target with the same size and sha256: left alone, which makes a second run a no-op. */
  alreadyThere: number;
  /** In the folder without a database row (left by a crash or an older version): copied all the same. */
  withoutRow: number;
  failed: MigrateFailure[];
  /** Keys the database names that are neither in the folder nor in the target. */
  missing: string[];
}

/**
 * Copies every key of `source` (the local folder) to `target` (S3), verifying each: the local bytes against the
 * database's size and sha256 where it has them, and what the target holds afterwards against the local bytes.
 * Idempotent: a key already in the target with the same size and checksum is skipped, so it can run again after
 * an interruption or to catch files uploaded meanwhile. The source is never changed.
 */
export async function migrateFiles(opts: {
  source: Storage;
  keys: readonly string[];
  target: Storage;
  known: KnownKeys;
  dryRun: boolean;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<MigrateResult> {
  const { source, target, known, dryRun } = opts;
  const result: MigrateResult = {
    dryRun,
    total: opts.keys.length,
    copied: 0,
    alreadyThere: 0,
    withoutRow: 0,
    failed: [],
    missing: [],
  };
  const fail = (key: string, reason: string): void => {
    result.failed.push({ key, reason });
  };

  async function one(key: string): Promise<void> {
    const bytes = await source.get(key);
    if (!bytes) return fail(key, '迁移过程中本地文件被删除');
    const sha256 = sha256Of(bytes);
    const expected = known.get(key);
    if (!known.has(key)) result.withoutRow++;
    if (expected && expected.size !== bytes.length) {
      return fail(key, `本地文件大小 ${bytes.length} 字节与数据库记录的 ${expected.size} 字节不符，未复制`);
    }
    if (expected?.sha256 && expected.sha256 !== sha256)
      return fail(key, '本地文件的 sha256 与数据库记录不符（文件已损坏或被改动），未复制');
    const there = await target.stat(key);
    if (there && there.size === bytes.length && there.sha256 === sha256) {
      result.alreadyThere++;
      return;
    }
    if (dryRun) {
      result.copied++;
      return;
    }
    await target.put(key, bytes);
    const back = await target.get(key);
    if (!back || back.length !== bytes.length || sha256Of(back) !== sha256) return fail(key, '复制后读回的内容与本地文件不符');
    result.copied++;
  }

  const queue = [...opts.keys];
  let done = 0;
  const worker = async () => {
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      try {
        await one(key);
      } catch (e) {
        fail(key, `出错：${(e as Error).message}`);
      }
      opts.onProgress?.(++done, result.total);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));

  const inFolder = new Set(opts.keys);
  for (const key of known.keys()) {
    if (!inFolder.has(key) && !(await target.stat(key))) result.missing.push(key);
  }
  result.failed.sort((a, b) => a.key.localeCompare(b.key));
  result.missing.sort();
  return result;
}

/** The Chinese report `anzhi files migrate` prints. */
export function migrateSummary(r: MigrateResult, from: string, to: string): string {
  const lines = [
    `${r.dryRun ? '【演练，未写入】' : ''}文件迁移：${from} → ${to}`,
    `本地文件 ${r.total} 个：${r.dryRun ? '将复制' : '已复制并校验'} ${r.copied} 个，对象存储中已有且一致（跳过）${r.alreadyThere} 个，失败 ${r.failed.length} 个`,
  ];
  if (r.withoutRow) lines.push(`其中 ${r.withoutRow} 个在数据库中没有记录（可能是中断的上传留下的），仍一并复制`);
  if (r.missing.length) lines.push(`数据库记录的文件中有 ${r.missing.length} 个在本地文件夹和对象存储中都找不到：`);
  lines.push(...r.missing.slice(0, 20).map((k) => `  ${k}`));
  if (r.failed.length) lines.push('失败的文件：', ...r.failed.slice(0, 50).map((f) => `  ${f.key}：${f.reason}`));
  if (r.failed.length > 50) lines.push(`  ……另有 ${r.failed.length - 50} 个`);
  if (r.dryRun) lines.push('去掉 --dry-run 即执行复制。');
  else if (r.failed.length === 0 && r.missing.length === 0) {
    lines.push('全部文件已在对象存储中。请确认 ANZHI_S3_* 已写入服务的环境变量并重启服务；本地文件夹未删除，可在确认无误后自行清理。');
  } else lines.push('有文件未能迁移，请处理后重新执行（已复制的文件不会重复复制）。');
  return lines.join('\n');
}
