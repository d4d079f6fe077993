import crypto from 'node:crypto';
import { fileThumbUrl, fileUrl, type UploadedFile } from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, type AuditActor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { newStorageKey, type Storage } from '../../lib/storage.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { processPhoto } from './file.images.ts';
import { type FileRow, fileRepo } from './file.repo.ts';
import { sniffUpload, UNSUPPORTED_FILE_MESSAGE } from './file.sniff.ts';
import { createFileOwnerRegistry } from './file-owners.ts';

export interface UploadInput {
  bytes: Buffer;
  fileName?: string | null;
}

/** Bytes to send back, with what the response headers need. */
export interface FileContent {
  bytes: Buffer;
  mime: string;
  fileName: string;
}

export function toUploadedFile(row: FileRow): UploadedFile {
  return {
    id: row.id,
    mime: row.mime,
    size: row.size,
    originalName: row.originalName,
    url: fileUrl(row.id),
    thumbUrl: row.thumbKey ? fileThumbUrl(row.id) : null,
  };
}

/** The name as given, without folders or control characters, at most 200 characters. */
function cleanName(name: string | null | undefined): string | null {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/\p{Cc}/gu, '').trim();
  return clean ? clean.slice(0, 200) : null;
}

/** The download name: photos were re-encoded, so their name ends in .jpg whatever they were uploaded as. */
function downloadName(row: FileRow, thumb: boolean): string {
  const name = row.originalName ?? `file-${row.id}`;
  if (row.mime !== 'image/jpeg') return name;
  return `${name.replace(/\.[A-Za-z0-9]{1,5}$/, '')}${thumb ? '-thumb' : ''}.jpg`;
}

function photoError(kind: string, reason: 'unreadable' | 'too_many_pixels'): AppError {
  if (reason === 'too_many_pixels') return errors.badRequest('file.too_many_pixels', '图片像素过大（超过 1 亿像素），请缩小后再上传');
  if (kind === 'image/heic') {
    return errors.badRequest(
      'file.heic_unsupported',
      '暂不支持 HEIC/HEIF 格式的照片。请通过网页上传（手机浏览器会自动转为 JPEG），或在手机“设置 → 相机 → 格式”中选择“兼容性最佳”后重拍',
    );
  }
  return errors.badRequest('file.unreadable_image', '图片已损坏或无法识别，请重新拍摄或选择其他照片');
}

/** The store did not answer (S3 down, disk full or unwritable): the user can only try again later. */
async function throughStorage<T>(what: () => Promise<T>): Promise<T> {
  try {
    return await what();
  } catch (e) {
    // The cause stays in the log (error handler), out of the response: it names hosts and buckets.
    throw Object.assign(
      new AppError(503, 'file.storage_unavailable', '文件存储暂时无法访问，请稍后重试；如持续出现，请联系管理员检查文件存储'),
      { cause: e },
    );
  }
}

/** Photo bytes checked and re-encoded, and put in storage, before the transaction that records them. */
export interface StoredPhoto {
  key: string;
  thumbKey: string;
  main: Buffer;
}

const badAttachment = (id: number, message: string) =>
  errors.badRequest('file.invalid_attachment', message, [{ path: 'fileIds', message, fileId: id }]);

export function createFileService(deps: { db: Db; clock: Clock; audit: AuditService; storage: Storage }) {
  const { db, clock, audit, storage } = deps;
  const owners = createFileOwnerRegistry();

  async function visible(ex: Executor, actor: Actor, row: FileRow): Promise<boolean> {
    if (row.ownerType === null || row.ownerId === null) return row.uploadedBy === actor.userId;
    return owners.canView(ex, actor, row.ownerType, row.ownerId);
  }

  /** Photos re-encoded with a thumbnail; PDFs kept as they are. */
  async function prepare(bytes: Buffer): Promise<{ mime: string; main: Buffer; thumb: Buffer | null }> {
    const kind = sniffUpload(bytes);
    if (!kind) throw errors.badRequest('file.unsupported_type', UNSUPPORTED_FILE_MESSAGE);
    if (kind === 'application/pdf') return { mime: kind, main: bytes, thumb: null };
    const photo = await processPhoto(bytes);
    if (!photo.ok) throw photoError(kind, photo.reason);
    return { mime: 'image/jpeg', main: photo.main, thumb: photo.thumb };
  }

  /** Removes stored bytes whose transaction failed (bytes without a row would never be found again). */
  async function discard(stored: readonly StoredPhoto[]): Promise<void> {
    await Promise.all(stored.flatMap((s) => [storage.delete(s.key), storage.delete(s.thumbKey)])).catch(() => undefined);
  }

  return {
    /** Other modules register who may see the records files are attached to: `files.owners.register('hazard', …)`. */
    owners,

    /**
     * A photo checked by its bytes (never the client's type) and re-encoded, without storing it: for uploads that
     * come without an account (a public report), checked before anything is written. PDFs and anything else → 400.
     */
    async preparePhoto(bytes: Buffer): Promise<{ main: Buffer; thumb: Buffer }> {
      const prepared = await prepare(bytes);
      if (!prepared.thumb) throw errors.badRequest('file.not_a_photo', '只能上传照片（JPEG、PNG、WebP、HEIC），不能上传 PDF 或其他文件');
      return { main: prepared.main, thumb: prepared.thumb };
    },

    /** Puts prepared photos in storage; the caller records them with `recordOwned` or removes them with `discard`. */
    async storePhotos(photos: ReadonlyArray<{ main: Buffer; thumb: Buffer }>): Promise<StoredPhoto[]> {
      const stored: StoredPhoto[] = [];
      try {
        for (const p of photos) {
          const item = { key: newStorageKey('.jpg'), thumbKey: newStorageKey('.jpg'), main: p.main };
          stored.push(item);
          await throughStorage(() => storage.put(item.key, p.main));
          await throughStorage(() => storage.put(item.thumbKey, p.thumb));
        }
        return stored;
      } catch (e) {
        await discard(stored);
        throw e;
      }
    },

    discard,

    /**
     * Rows for stored photos, attached to their owner at once and uploaded by no account, inside the caller's
     * audited transaction. `names` replace the client's file names (which may say who took them).
     */
    async recordOwned(
      ex: Executor,
      actor: AuditActor,
      stored: readonly StoredPhoto[],
      owner: { type: string; id: number; names: (i: number) => string },
    ): Promise<number[]> {
      if (!owners.has(owner.type)) throw new Error(`recordOwned: file owner type '${owner.type}' is not registered`);
      const ids: number[] = [];
      for (const [i, s] of stored.entries()) {
        const row = await fileRepo.insert(ex, {
          key: s.key,
          thumbKey: s.thumbKey,
          mime: 'image/jpeg',
          size: s.main.length,
          sha256: crypto.createHash('sha256').update(s.main).digest('hex'),
          originalName: owner.names(i),
          ownerType: owner.type,
          ownerId: owner.id,
          uploadedBy: null,
          createdAt: clock.now(),
        });
        ids.push(row.id);
      }
      await audit.recordMany(
        ex,
        actor,
        ids.map((id) => ({ entityType: 'file', entityId: id, action: 'upload', after: { ownerType: owner.type, ownerId: owner.id } })),
      );
      return ids;
    },

    async upload(actor: Actor, input: UploadInput): Promise<UploadedFile> {
      const { mime, main, thumb } = await prepare(input.bytes);
      const key = newStorageKey(mime === 'application/pdf' ? '.pdf' : '.jpg');
      const thumbKey = thumb ? newStorageKey('.jpg') : null;
      await throughStorage(() => storage.put(key, main));
      try {
        if (thumb && thumbKey) await throughStorage(() => storage.put(thumbKey, thumb));
        return await auditedTransaction(db, async (tx) => {
          const row = await fileRepo.insert(tx, {
            key,
            thumbKey,
            mime,
            size: main.length,
            sha256: crypto.createHash('sha256').update(main).digest('hex'),
            originalName: cleanName(input.fileName),
            uploadedBy: actor.userId,
            createdAt: clock.now(),
          });
          const { originalName, size, sha256 } = row;
          await audit.record(tx, auditActorOf(actor), {
            entityType: 'file',
            entityId: row.id,
            action: 'upload',
            after: { mime, size, sha256, originalName },
          });
          return toUploadedFile(row);
        });
      } catch (e) {
        // Bytes without a row would never be found again.
        await Promise.all([storage.delete(key), thumbKey ? storage.delete(thumbKey) : null]).catch(() => undefined);
        throw e;
      }
    },

    /** The file or its thumbnail, for its uploader until attached, then for whoever may see its owner. */
    async read(actor: Actor, id: number, variant: 'file' | 'thumb'): Promise<FileContent> {
      const row = await fileRepo.findById(db, id);
      if (!row || !(await visible(db, actor, row))) throw errors.notFound('文件', 'file.not_found');
      const key = variant === 'thumb' ? row.thumbKey : row.key;
      if (!key) throw new AppError(404, 'file.no_thumbnail', '该文件没有缩略图（PDF 文件请直接打开）');
      const bytes = await throughStorage(() => storage.get(key));
      if (!bytes) throw new AppError(404, 'file.bytes_missing', '文件内容在存储中找不到，请联系管理员检查数据目录或备份');
      return { bytes, mime: variant === 'thumb' ? 'image/jpeg' : row.mime, fileName: downloadName(row, variant === 'thumb') };
    },

    /**
     * Attaches uploaded files to a record, inside the caller's transaction. Each file must exist and either be
     * this actor's unattached upload or already belong to the same record; otherwise a 400 names the file.
     */
    async attachFiles(ex: Executor, actor: Actor, fileIds: number[], ownerType: string, ownerId: number): Promise<void> {
      // A file attached to an owner type nobody answers for could never be read again.
      if (!owners.has(ownerType)) throw new Error(`attachFiles: file owner type '${ownerType}' is not registered`);
      const ids = [...new Set(fileIds)];
      const rows = new Map((await fileRepo.lockByIds(ex, ids)).map((r) => [r.id, r]));
      const fresh: number[] = [];
      for (const id of ids) {
        const row = rows.get(id);
        if (!row) throw badAttachment(id, `文件（编号 ${id}）不存在，请重新上传`);
        if (row.ownerType === ownerType && row.ownerId === ownerId) continue;
        if (row.ownerType !== null) throw badAttachment(id, `文件（编号 ${id}）已用于其他记录，不能重复使用，请重新上传`);
        if (row.uploadedBy !== actor.userId) throw badAttachment(id, `文件（编号 ${id}）不是您上传的，不能使用`);
        fresh.push(id);
      }
      await fileRepo.setOwner(ex, fresh, ownerType, ownerId);
      await audit.recordMany(
        ex,
        auditActorOf(actor),
        fresh.map((id) => ({ entityType: 'file', entityId: id, action: 'attach', after: { ownerType, ownerId } })),
      );
    },

    /** The files attached to a record, oldest first. */
    async listByOwner(ex: Executor, ownerType: string, ownerId: number): Promise<UploadedFile[]> {
      return (await fileRepo.listByOwner(ex, ownerType, ownerId)).map(toUploadedFile);
    },
  };
}

export type FileService = ReturnType<typeof createFileService>;
