import path from 'node:path';
import type { Config } from '../config.ts';
import { createDiskStorage, type Storage } from './storage.ts';
import { createS3Storage } from './storage-s3.ts';

/** The local files folder: where files live without S3, and what `anzhi files migrate` and `backup --with-files` read. */
export function localFilesDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'files');
}

/** The store the configuration names: S3 when `ANZHI_S3_*` is set, else the local folder. */
export function configuredStorage(config: Pick<Config, 'dataDir' | 's3'>): Storage {
  return config.s3 ? createS3Storage(config.s3) : createDiskStorage(localFilesDir(config));
}
