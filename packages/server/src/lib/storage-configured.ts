import path from 'node:path';
import type { Config } from '../config.ts';
import { createDiskStorage, type Storage } from './storage.ts';
import type { S3Settings } from './storage-s3.ts';

/** The local files folder: where files live without S3, and what `anzhi files migrate` and `backup --with-files` read. */
export function localFilesDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'files');
}

/** The store the configuration names: S3 when `ANZHI_S3_*` is set, else the local folder. */
export function configuredStorage(config: Pick<Config, 'dataDir' | 's3'>): Storage {
  return config.s3 ? lazyS3Storage(config.s3) : createDiskStorage(localFilesDir(config));
}

/**
 * The S3 store, with the AWS SDK loaded on the first file operation: a few hundred milliseconds of start-up that a
 * township on its local folder never pays, and a county pays once.
 */
function lazyS3Storage(s3: S3Settings): Storage {
  let store: Promise<Storage> | undefined;
  const open = () => {
    store ??= import('./storage-s3.ts').then((m) => m.createS3Storage(s3));
    return store;
  };
  return {
    kind: 's3',
    location: `s3://${s3.bucket}（${s3.url}）`,
    put: async (key, bytes) => (await open()).put(key, bytes),
    get: async (key) => (await open()).get(key),
    stat: async (key) => (await open()).stat(key),
    delete: async (key) => (await open()).delete(key),
    check: async () => (await open()).check(),
    close: () => {
      void store?.then((s) => s.close());
    },
  };
}
