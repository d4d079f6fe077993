import crypto from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

export type StorageKind = 'disk' | 's3';

/** Size and checksum of stored bytes; sha256 is null when the store does not know it (an object put by another tool). */
export interface StoredObject {
  size: number;
  sha256: string | null;
}

/**
 * Where file bytes live; the database keeps only the key. Two implementations: a local folder (default, embedded)
 * and an S3-compatible object store (`storage-s3.ts`); `storage-contract.test.ts` runs the same test against both.
 */
export interface Storage {
  readonly kind: StorageKind;
  /** Where the bytes are, for people and backup headers: the folder, or `s3://bucket` at the endpoint. */
  readonly location: string;
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Size and sha256 without fetching the bytes (S3), or null when nothing is stored under the key. */
  stat(key: string): Promise<StoredObject | null>;
  /** Removes the bytes; a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Throws when the store cannot be reached or written to. */
  check(): Promise<void>;
  /** Lets go of connections (S3), so a CLI command can end. */
  close(): void;
}

// Keys are made by newStorageKey, never taken from a request; the pattern keeps any other key off the file system
// and out of the bucket.
const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}(\.[a-z0-9]{1,8})?$/;

/** A fresh random key, fanned out over 256 folders: `3f/3f0c…-….jpg`. */
export function newStorageKey(suffix = ''): string {
  const id = crypto.randomUUID();
  return `${id.slice(0, 2)}/${id}${suffix}`;
}

export function isStorageKey(key: string): boolean {
  return KEY.test(key);
}

/** The key itself, or an error for anything newStorageKey could not have made. */
export function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  return key;
}

export const sha256Of = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Files under `root` (`${dataDir}/files` in production, a temp dir in tests). */
export function createDiskStorage(root: string): Storage {
  const fileOf = (key: string) => path.join(root, checkedKey(key));
  return {
    kind: 'disk',
    location: path.resolve(root),
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a reader never sees half a file, and a crash leaves only a temp file behind.
      const temp = `${file}.${process.pid}.${crypto.randomUUID().slice(0, 8)}.tmp`;
      await fs.writeFile(temp, bytes, { flag: 'wx' });
      await fs.rename(temp, file);
    },
    async get(key) {
      try {
        return await fs.readFile(fileOf(key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async stat(key) {
      const file = fileOf(key);
      try {
        const { size } = await fs.stat(file);
        const hash = crypto.createHash('sha256');
        await pipeline(createReadStream(file), hash);
        return { size, sha256: hash.digest('hex') };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
    async check() {
      await fs.mkdir(root, { recursive: true });
      await fs.access(root, fs.constants.R_OK | fs.constants.W_OK);
    },
    close() {},
  };
}

/** Every key stored in a local files folder (temp files and anything else newStorageKey did not make are skipped). */
export async function listDiskKeys(root: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fs.readdir(root, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return entries
    .map((p) => p.split(path.sep).join('/'))
    .filter(isStorageKey)
    .sort();
}

export interface StorageHealth {
  kind: StorageKind;
  reachable: boolean;
}

/** For `/api/health`: which store, and whether it answers within `timeoutMs`. Never throws. */
export async function storageHealth(storage: Storage, timeoutMs = 3000): Promise<StorageHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    await Promise.race([storage.check(), timeout]);
    return { kind: storage.kind, reachable: true };
  } catch {
    return { kind: storage.kind, reachable: false };
  } finally {
    clearTimeout(timer);
  }
}
