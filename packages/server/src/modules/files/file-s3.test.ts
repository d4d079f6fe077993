/*
 * Uploads through the real /api/v1/files route with the S3-compatible backend (s3rver in this process), as a county
 * runs several server processes on one bucket: any process reads what another stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, multipart, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { startS3Server, type TestS3Server } from '../../../test/s3-server.ts';
import { buildApp, createServices } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Storage } from '../../lib/storage.ts';
import { createS3Storage } from '../../lib/storage-s3.ts';
import { files } from './file.table.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/files', name));

let s3: TestS3Server;
let t: TestApp;
let inspector: Session;
/** A second server process on the same database and bucket. */
let other: FastifyInstance;
const stores: Storage[] = [];

function s3Storage() {
  const s = createS3Storage(s3.settings);
  stores.push(s);
  return s;
}

beforeAll(async () => {
  s3 = await startS3Server();
  t = await startTestApp(undefined, {}, { storage: s3Storage() });
  await seedOrg(t.database);
  inspector = await login(t.app, 'inspector');
  const services = createServices({ database: t.database, clock: t.clock, storage: s3Storage() });
  other = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', ANZHI_LOGIN_RATE_PER_MINUTE: '10000' }),
    database: t.database,
    clock: t.clock,
    logger: false,
    services,
  });
});
afterAll(async () => {
  await other?.close();
  await t?.close();
  for (const s of stores) s.close();
  await s3?.close();
});

const upload = (s: Session, content: Buffer, fileName: string) =>
  s.request({ method: 'POST', url: '/api/v1/files', ...multipart(content, fileName, { contentType: 'application/octet-stream' }) });

describe('uploads with the S3-compatible storage', () => {
  it('stores the photo and its thumbnail in the bucket under the row keys, with the size and sha256 the row records', async () => {
    const res = await upload(inspector, fixture('phone-rotated.jpg'), 'IMG_0001.jpg');
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await t.database.db.select().from(files).where(eq(files.id, res.json().id));
    if (!row?.thumbKey) throw new Error('no thumbnail key');
    // Read straight from the bucket with a client of its own, not through the app.
    const bucket = s3Storage();
    expect(await bucket.stat(row.key)).toEqual({ size: row.size, sha256: row.sha256 });
    const thumb = await bucket.stat(row.thumbKey);
    expect(thumb?.size).toBeGreaterThan(0);

    const main = await inspector.get(`/api/v1/files/${row.id}`);
    expect(main.statusCode).toBe(200);
    expect(main.headers['content-type']).toBe('image/jpeg');
    expect(main.rawPayload.equals((await bucket.get(row.key)) as Buffer)).toBe(true);
    const small = await inspector.get(`/api/v1/files/${row.id}/thumb`);
    expect(small.statusCode).toBe(200);
    expect(small.rawPayload.length).toBe(thumb?.size);
  });

  it('keeps a PDF byte for byte, and another server process on the same bucket serves it', async () => {
    const pdf = fixture('evidence.pdf');
    const res = await upload(inspector, pdf, '整改报告.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const elsewhere = await login(other, 'inspector');
    const read = await elsewhere.get(`/api/v1/files/${res.json().id}`);
    expect(read.statusCode).toBe(200);
    expect(read.rawPayload.equals(pdf)).toBe(true);
  });

  it('/api/health reports the S3 storage as reachable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json().storage).toEqual({ kind: 's3', reachable: true });
  });

  it('when the store is down: health says unreachable, uploads and reads answer 503 in Chinese and leave no row', async () => {
    const stored = await upload(inspector, fixture('evidence.pdf'), 'before.pdf');
    expect(stored.statusCode).toBe(201);
    const rowsBefore = (await t.database.db.select().from(files)).length;
    await s3.close();
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json().storage).toEqual({ kind: 's3', reachable: false });

    const failed = await upload(inspector, fixture('evidence.pdf'), 'after.pdf');
    expect(failed.statusCode).toBe(503);
    expect(failed.json()).toMatchObject({ code: 'file.storage_unavailable', message: expect.stringMatching(/^文件存储暂时无法访问/) });
    expect(failed.body).not.toContain('127.0.0.1');
    expect((await t.database.db.select().from(files)).length).toBe(rowsBefore);
    const read = await inspector.get(`/api/v1/files/${stored.json().id}`);
    expect(read.statusCode).toBe(503);
  });
});
