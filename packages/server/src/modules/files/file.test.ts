/*
 * Uploads through the HTTP API. Fixtures: test/fixtures/files/ (built by make-fixtures.ts).
 * phone-rotated.jpg: 2400×1600, red left half, EXIF Orientation 6 (turn 90° clockwise), camera make/model and GPS.
 * screenshot.png: 500×300 RGBA, its left quarter transparent. evidence.pdf: a one-page PDF.
 * not-a-photo.jpg: a UTF-8 text file named .jpg. iphone.heic: HEVC in HEIF, as an iPhone saves (320×192);
 * photo.avif: AV1 in HEIF (320×192).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, multipart, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { files } from './file.table.ts';

const dir = path.join(import.meta.dirname, '../../../test/fixtures/files');
const fixture = (name: string) => fs.readFileSync(path.join(dir, name));

let t: TestApp;
let inspector: Session;
let village: Session;
let office: Session;
let users: Awaited<ReturnType<typeof seedOrg>>['users'];

/** Records of the test owner type "note" 1 and 2: note 1 is visible to office accounts, note 2 to nobody. */
const NOTE = 'test-note';

beforeAll(async () => {
  t = await startTestApp();
  ({ users } = await seedOrg(t.database));
  inspector = await login(t.app, 'inspector');
  village = await login(t.app, 'village');
  office = await login(t.app, 'office');
  t.services.files.owners.register(NOTE, async (_ex, actor, ownerId) => ownerId === 1 && actor.roles.includes('office'));
});
afterAll(() => t.close());

const upload = (s: Session, content: Buffer, fileName: string, field?: string) =>
  s.request({ method: 'POST', url: '/api/v1/files', ...multipart(content, fileName, { field, contentType: 'image/jpeg' }) });

async function uploadOk(s: Session, name: string): Promise<number> {
  const res = await upload(s, fixture(name), name);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** The actor the auth plugin would resolve for a seeded user, for calling attachFiles directly. */
function actorOf(user: { id: number; username: string }): Actor {
  return { userId: user.id, username: user.username, displayName: user.username, roles: [] } as unknown as Actor;
}

describe('upload', () => {
  it('turns a phone photo upright by its EXIF orientation, shrinks it to 2048 px, drops EXIF and GPS, and makes a smaller 320 px thumbnail', async () => {
    const res = await upload(inspector, fixture('phone-rotated.jpg'), 'IMG_0001.jpg');
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ mime: 'image/jpeg', originalName: 'IMG_0001.jpg', url: `/api/v1/files/${body.id}` });
    expect(body.thumbUrl).toBe(`/api/v1/files/${body.id}/thumb`);

    const main = await inspector.get(body.url);
    expect(main.statusCode).toBe(200);
    expect(main.headers['content-type']).toBe('image/jpeg');
    expect(main.headers['cache-control']).toContain('private');
    expect(main.headers['content-disposition']).toMatch(/^inline; filename="IMG_0001\.jpg"/);
    expect(main.rawPayload.length).toBe(body.size);
    const meta = await sharp(main.rawPayload).metadata();
    // Stored landscape 2400×1600 and turned a quarter: portrait, long side 2048.
    expect([meta.width, meta.height]).toEqual([1365, 2048]);
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(main.rawPayload.includes(Buffer.from('AnZhiTest'))).toBe(false);
    // The red half of the picture is now on top.
    const { data } = await sharp(main.rawPayload)
      .extract({ left: 600, top: 400, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(120);
    expect(data[2]).toBeLessThan(100);

    const thumb = await inspector.get(body.thumbUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    const thumbMeta = await sharp(thumb.rawPayload).metadata();
    expect([thumbMeta.width, thumbMeta.height]).toEqual([213, 320]);
    expect(thumb.rawPayload.length).toBeLessThan(main.rawPayload.length / 5);

    const [row] = await t.database.db.select().from(files).where(eq(files.id, body.id));
    expect(row).toMatchObject({ ownerType: null, uploadedBy: users.inspector.id, size: body.size });
    expect(row?.sha256).toBe(crypto.createHash('sha256').update(main.rawPayload).digest('hex'));
  });

  it('stores a PNG screenshot as JPEG, transparent areas white, not enlarged', async () => {
    const res = await upload(inspector, fixture('screenshot.png'), '截图.png');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mime: 'image/jpeg', originalName: '截图.png' });
    const main = await inspector.get(res.json().url);
    expect(main.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('截图.jpg')}`);
    const { data, info } = await sharp(main.rawPayload).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([500, 300]);
    expect(Math.min(data[0] ?? 0, data[1] ?? 0, data[2] ?? 0)).toBeGreaterThan(240);
  });

  it('keeps a PDF as it is, with no thumbnail', async () => {
    const res = await upload(inspector, fixture('evidence.pdf'), '整改报告.pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mime: 'application/pdf', thumbUrl: null, size: fixture('evidence.pdf').length });
    const main = await inspector.get(res.json().url);
    expect(main.headers['content-type']).toBe('application/pdf');
    expect(main.rawPayload.equals(fixture('evidence.pdf'))).toBe(true);
    expect((await inspector.get(`${res.json().url}/thumb`)).statusCode).toBe(404);
  });

  it('refuses an iPhone HEIC the server cannot decode (no HEVC decoder in the prebuilt libvips), saying what to do', async () => {
    const res = await upload(inspector, fixture('iphone.heic'), 'IMG_0002.HEIC');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'file.heic_unsupported', message: expect.stringContaining('兼容性最佳') });
  });

  it('accepts an AVIF (a HEIF the server can decode) and stores it as JPEG', async () => {
    const res = await upload(inspector, fixture('photo.avif'), 'photo.avif');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mime: 'image/jpeg' });
    const meta = await sharp((await inspector.get(res.json().url)).rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 320, 192]);
  });

  it('refuses a text file renamed .jpg, saying what is accepted', async () => {
    const res = await upload(inspector, fixture('not-a-photo.jpg'), 'not-a-photo.jpg');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'file.unsupported_type' });
    expect(res.json().message).toContain('文件类型不支持');
    expect(res.json().message).toContain('JPEG');
  });

  it('refuses a damaged JPEG (right first bytes, garbage after)', async () => {
    const damaged = Buffer.concat([fixture('phone-rotated.jpg').subarray(0, 4), crypto.randomBytes(4000)]);
    const res = await upload(inspector, damaged, 'broken.jpg');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'file.unreadable_image', message: expect.stringContaining('无法识别') });
  });

  it('refuses a 16 MB upload with 413 and a Chinese message', async () => {
    const big = Buffer.concat([fixture('phone-rotated.jpg'), Buffer.alloc(16 * 1024 * 1024)]);
    const res = await upload(inspector, big, 'huge.jpg');
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'file.too_large', message: expect.stringContaining('15 MB') });
  });

  it('asks for the file field when it is missing', async () => {
    const res = await upload(inspector, fixture('screenshot.png'), 'a.png', 'photo');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'file.no_file' });
    const json = await inspector.post('/api/v1/files', { file: 'x' });
    expect(json.statusCode).toBe(400);
  });

  it('needs the file.upload permission and a session', async () => {
    const leader = await login(t.app, 'leader');
    expect((await upload(leader, fixture('screenshot.png'), 'a.png')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/files', ...multipart(fixture('screenshot.png'), 'a.png') });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('reading', () => {
  it('an unattached file is for its uploader only', async () => {
    const id = await uploadOk(inspector, 'screenshot.png');
    expect((await inspector.get(`/api/v1/files/${id}`)).statusCode).toBe(200);
    for (const other of [village, office]) {
      const res = await other.get(`/api/v1/files/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'file.not_found', message: '文件不存在或您无权查看' });
      expect((await other.get(`/api/v1/files/${id}/thumb`)).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/files/${id}` })).statusCode).toBe(401);
    expect((await inspector.get('/api/v1/files/999999')).statusCode).toBe(404);
  });

  it('an attached file is for whoever may see its owner, as the owner type decides', async () => {
    const id = await uploadOk(inspector, 'screenshot.png');
    await auditedTransaction(t.database.db, (tx) => t.services.files.attachFiles(tx, actorOf(users.inspector), [id], NOTE, 1));
    expect((await office.get(`/api/v1/files/${id}`)).statusCode).toBe(200);
    expect((await office.get(`/api/v1/files/${id}/thumb`)).statusCode).toBe(200);
    // The uploader reads it only through the owner now, like everyone else.
    expect((await inspector.get(`/api/v1/files/${id}`)).statusCode).toBe(404);
    expect((await village.get(`/api/v1/files/${id}`)).statusCode).toBe(404);
  });

  it('a file attached to an owner type nobody registered is denied to all', async () => {
    const id = await uploadOk(inspector, 'screenshot.png');
    await t.database.db.update(files).set({ ownerType: 'ghost', ownerId: 1 }).where(eq(files.id, id));
    expect((await inspector.get(`/api/v1/files/${id}`)).statusCode).toBe(404);
    expect((await office.get(`/api/v1/files/${id}`)).statusCode).toBe(404);
  });
});

describe('attachFiles', () => {
  const attach = (user: { id: number; username: string }, ids: number[], ownerId: number, ownerType = NOTE) =>
    auditedTransaction(t.database.db, (tx) => t.services.files.attachFiles(tx, actorOf(user), ids, ownerType, ownerId));

  async function refusal(promise: Promise<unknown>): Promise<AppError> {
    const e = await promise.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }

  it('sets the owner of the actor’s own uploads, and again for the same owner is a no-op', async () => {
    const a = await uploadOk(inspector, 'screenshot.png');
    const b = await uploadOk(inspector, 'evidence.pdf');
    await attach(users.inspector, [a, b, a], 2);
    await attach(users.inspector, [a, b], 2);
    expect(await t.services.files.listByOwner(t.database.db, NOTE, 2)).toMatchObject([
      { id: a, mime: 'image/jpeg' },
      { id: b, mime: 'application/pdf', thumbUrl: null },
    ]);
  });

  it('refuses, naming the file, a missing file, someone else’s upload and a file attached elsewhere; nothing is attached then', async () => {
    const mine = await uploadOk(inspector, 'screenshot.png');
    const theirs = await uploadOk(village, 'screenshot.png');
    const missing = await refusal(attach(users.inspector, [mine, 999999], 3));
    expect(missing).toMatchObject({ status: 400, code: 'file.invalid_attachment', message: '文件（编号 999999）不存在，请重新上传' });
    const foreign = await refusal(attach(users.inspector, [mine, theirs], 3));
    expect(foreign.message).toBe(`文件（编号 ${theirs}）不是您上传的，不能使用`);
    expect(foreign.details).toEqual([{ path: 'fileIds', message: foreign.message, fileId: theirs }]);
    const [row] = await t.database.db.select().from(files).where(eq(files.id, mine));
    expect(row?.ownerType).toBeNull();

    await attach(users.inspector, [mine], 3);
    const elsewhere = await refusal(attach(users.inspector, [mine], 4));
    expect(elsewhere.message).toBe(`文件（编号 ${mine}）已用于其他记录，不能重复使用，请重新上传`);
  });

  it('refuses an owner type no module registered (a programming error, not a user one)', async () => {
    const id = await uploadOk(inspector, 'screenshot.png');
    await expect(attach(users.inspector, [id], 1, 'unregistered')).rejects.toThrow(/not registered/);
  });

  it('records uploads and attachments in the audit trail', async () => {
    const id = await uploadOk(inspector, 'evidence.pdf');
    await attach(users.inspector, [id], 5);
    const { items } = await t.services.audit.list({ entityType: 'file', entityId: String(id) }, 1, 10);
    expect(items.map((e) => e.action).sort()).toEqual(['attach', 'upload']);
  });
});
