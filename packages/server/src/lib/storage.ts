import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where file bytes live; the database keeps only the key. Local disk is the one implementation today — an
 * S3-compatible one would implement the same three calls.
 */
export interface Storage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the bytes; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

// Keys are made by newStorageKey, never taken from a request; the pattern keeps any other key off the file system.
const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}(\.[a-z0-9]{1,8})?$/;

/** A fresh random key, fanned out over 256 folders: `3f/3f0c…-….jpg`. */
export function newStorageKey(suffix = ''): string {
  const id = crypto.randomUUID();
  return `${id.slice(0, 2)}/${id}${suffix}`;
}

function checked(root: string, key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  return path.join(root, key);
}

/** Files under `root` (`${dataDir}/files` in production, a temp dir in tests). */
export function createDiskStorage(root: string): Storage {
  return {
    async put(key, bytes) {
      const file = checked(root, key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a reader never sees half a file, and a crash leaves only a temp file behind.
      const temp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temp, bytes, { flag: 'wx' });
      await fs.rename(temp, file);
    },
    async get(key) {
      try {
        return await fs.readFile(checked(root, key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async delete(key) {
      await fs.rm(checked(root, key), { force: true });
    },
  };
}
