// `anzhi files migrate --to s3 [--dry-run] [--json]`: copies the local files folder into the configured object store.
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { createDiskStorage, listDiskKeys } from '../../lib/storage.ts';
import { localFilesDir } from '../../lib/storage-configured.ts';
import { createS3Storage } from '../../lib/storage-s3.ts';
import { knownStorageKeys, migrateFiles, migrateSummary } from './file-migrate.ts';

export const filesUsage =
  '  files migrate --to s3 [--dry-run] [--json]\n                         把本地文件夹中的上传文件复制到对象存储（ANZHI_S3_*），逐个校验；可重复执行，已复制的跳过';

export const NO_S3_MESSAGE =
  '未配置对象存储：请先设置 ANZHI_S3_URL、ANZHI_S3_BUCKET、ANZHI_S3_ACCESS_KEY、ANZHI_S3_SECRET_KEY（可选 ANZHI_S3_REGION）';

/** Is this a `files` command main should run? Throws a Chinese message for a wrong target. */
export function isFilesMigrate(args: string[], to: string | undefined): boolean {
  if (args[0] !== 'files' || args[1] !== 'migrate') return false;
  if (to !== 's3') throw new Error('files migrate 须指定迁移目标：--to s3');
  return true;
}

/** Runs the migration; returns the exit code (1 when a file failed its check or is missing). */
export async function runFilesMigrate(
  database: Database,
  config: Config,
  opts: { dryRun: boolean; json: boolean },
  out: (s: string) => void = console.log,
): Promise<number> {
  if (!config.s3) throw new Error(NO_S3_MESSAGE);
  const target = createS3Storage(config.s3);
  try {
    try {
      await target.check();
    } catch (e) {
      throw new Error(`无法访问对象存储 ${target.location}：${(e as Error).name} ${(e as Error).message}`.trim());
    }
    const root = localFilesDir(config);
    const result = await migrateFiles({
      source: createDiskStorage(root),
      keys: await listDiskKeys(root),
      target,
      known: await knownStorageKeys(database.db),
      dryRun: opts.dryRun,
    });
    out(opts.json ? JSON.stringify(result) : migrateSummary(result, root, target.location));
    return result.failed.length > 0 || (!opts.dryRun && result.missing.length > 0) ? 1 : 0;
  } finally {
    target.close();
  }
}
