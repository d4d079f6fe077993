/*
 * One contract, two backends: the local folder and an S3-compatible server (s3rver, in this process on a random
 * loopback port; it checks the access key, not V4 signatures). Whatever the file module relies on must hold for both.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../test/s3-server.ts';
import { createDiskStorage, newStorageKey, type Storage, sha256Of, storageHealth } from './storage.ts';
import { createS3Storage } from './storage-s3.ts';

let s3: TestS3Server;
let dir: string;
const made: Storage[] = [];

beforeAll(async () => {
  s3 = await startS3Server();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-storage-test-'));
});
afterAll(async () => {
  for (const s of made) s.close();
  await s3.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const backends: Array<[string, () => Storage]> = [
  ['local folder', () => createDiskStorage(path.join(dir, 'files'))],
  ['S3-compatible server', () => createS3Storage(s3.settings)],
];

describe.each(backends)('storage contract: %s', (_name, make) => {
  let storage: Storage;
  beforeAll(() => {
    storage = make();
    made.push(storage);
  });

  it('gives back exactly the bytes put under a key, with their size and sha256', async () => {
    const key = newStorageKey('.jpg');
    const bytes = crypto.randomBytes(10_000);
    await storage.put(key, bytes);
    expect((await storage.get(key))?.equals(bytes)).toBe(true);
    expect(await storage.stat(key)).toEqual({ size: 10_000, sha256: sha256Of(bytes) });
  });

  it('answers null for a key nothing is stored under, and deleting it is not an error', async () => {
    const key = newStorageKey('.pdf');
    expect(await storage.get(key)).toBeNull();
    expect(await storage.stat(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('deletes: the bytes are gone afterwards, other keys are untouched', async () => {
    const [a, b] = [newStorageKey('.jpg'), newStorageKey('.jpg')];
    await storage.put(a, Buffer.from('a'));
    await storage.put(b, Buffer.from('b'));
    await storage.delete(a);
    expect(await storage.get(a)).toBeNull();
    expect(await storage.stat(a)).toBeNull();
    expect((await storage.get(b))?.toString()).toBe('b');
  });

  it('overwrites: a second put under the same key replaces the bytes, size and checksum', async () => {
    const key = newStorageKey();
    await storage.put(key, Buffer.from('first version, longer'));
    await storage.put(key, Buffer.from('second'));
    expect((await storage.get(key))?.toString()).toBe('second');
    expect(await storage.stat(key)).toEqual({ size: 6, sha256: sha256Of(Buffer.from('second')) });
  });

  it('stores an empty file and a 20 MB one (more than the upload limit) intact', { timeout: 60_000 }, async () => {
    const empty = newStorageKey('.pdf');
    await storage.put(empty, Buffer.alloc(0));
    expect((await storage.get(empty))?.length).toBe(0);
    const key = newStorageKey('.pdf');
    const large = crypto.randomBytes(20 * 1024 * 1024);
    await storage.put(key, large);
    const back = await storage.get(key);
    expect(back?.length).toBe(large.length);
    expect(sha256Of(back as Buffer)).toBe(sha256Of(large));
    expect(await storage.stat(key)).toEqual({ size: large.length, sha256: sha256Of(large) });
  });

  it('refuses keys newStorageKey could not have made, for every call, before touching the store', async () => {
    for (const bad of ['../escape.jpg', '/etc/passwd', 'ab/../../x', 'AB/not-a-uuid', '', `${newStorageKey()}/more`]) {
      await expect(storage.put(bad, Buffer.from('x')), bad).rejects.toThrow(/^invalid storage key/);
      await expect(storage.get(bad), bad).rejects.toThrow(/^invalid storage key/);
      await expect(storage.stat(bad), bad).rejects.toThrow(/^invalid storage key/);
      await expect(storage.delete(bad), bad).rejects.toThrow(/^invalid storage key/);
    }
  });

  it('is reachable, and says what kind it is', async () => {
    await expect(storage.check()).resolves.toBeUndefined();
    expect(await storageHealth(storage)).toEqual({ kind: storage.kind, reachable: true });
  });
});

describe('unreachable or misconfigured storage', () => {
  it('a local folder that cannot be created is reported unreachable', async () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    expect(await storageHealth(createDiskStorage(path.join(blocker, 'files')))).toEqual({ kind: 'disk', reachable: false });
  });

  it('an S3 store with an unknown access key, a missing bucket or nobody listening is reported unreachable', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const wrong = [
      { ...s3.settings, accessKeyId: 'NOT-A-KEY' },
      { ...s3.settings, bucket: 'no-such-bucket' },
      { ...s3.settings, url: `http://127.0.0.1:${port}` },
    ];
    for (const settings of wrong) {
      const storage = createS3Storage(settings);
      made.push(storage);
      expect(await storageHealth(storage), JSON.stringify(settings)).toEqual({ kind: 's3', reachable: false });
    }
    // Nor can an unknown access key write.
    await expect(made.at(-3)?.put(newStorageKey(), Buffer.from('x'))).rejects.toThrow();
  });
});
