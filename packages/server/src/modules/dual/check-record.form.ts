import { checkPhotoMax, checkPhotoMaxBytes, checkPhotoTotalMax } from '@anzhi/core';
import type { FastifyRequest } from 'fastify';
import { AppError, errors } from '../../lib/errors.ts';
import { clientFault } from '../../lib/multipart-upload.ts';

/** A synced record as sent: the `record` field (JSON text; another field name for another module's record) and the photos by item (`photo.<seq>`), in order. */
export interface CheckRecordForm {
  record: string | undefined;
  photos: Array<{ seq: number; bytes: Buffer; fileName: string }>;
}

const MAX_MB = checkPhotoMaxBytes / 1024 / 1024;
const photoPart = /^photo\.(\d{1,3})$/;

/** The parser's limits on this route: every photo of a record and the one text field. */
export const checkRecordFormLimits = {
  fileSize: checkPhotoMaxBytes,
  files: checkPhotoTotalMax,
  fields: 5,
  parts: checkPhotoTotalMax + 5,
};
export const checkRecordBodyLimit = checkPhotoTotalMax * checkPhotoMaxBytes + 1024 * 1024;

const tooMany = () =>
  errors.badRequest('checkRecord.too_many_photos', `照片：一条记录最多 ${checkPhotoTotalMax} 张`, [
    { path: 'photos', message: `照片：一条记录最多 ${checkPhotoTotalMax} 张` },
  ]);

/**
 * Reads the whole form; too many or too large photos, an unknown file part or a broken body is a 4xx naming it.
 * `as`: another module's phone record of the same shape (专项检查: field `check`), read by the same rules.
 */
export async function readCheckRecordForm(
  request: FastifyRequest,
  as: { field: string; what: string } = { field: 'record', what: '排查记录' },
): Promise<CheckRecordForm> {
  if (!request.isMultipart()) {
    throw new AppError(
      415,
      'checkRecord.not_multipart',
      `请以 multipart/form-data 表单提交${as.what}（字段 ${as.field} 和照片 photo.<序号>）`,
    );
  }
  let record: string | undefined;
  const photos: CheckRecordForm['photos'] = [];
  const perItem = new Map<number, number>();
  const tooLarge = () => {
    const message = `照片：第 ${photos.length + 1} 张超过 ${MAX_MB} MB，请压缩后再上传`;
    return new AppError(413, 'checkRecord.photo_too_large', message, [{ path: 'photos', message }]);
  };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Every part is read to the end, or the parser stalls.
        const bytes = await part.toBuffer();
        const m = photoPart.exec(part.fieldname);
        if (!m) throw errors.badRequest('checkRecord.unknown_file_field', '照片请放在表单字段 photo.<检查项序号> 中');
        const seq = Number(m[1]);
        const n = (perItem.get(seq) ?? 0) + 1;
        perItem.set(seq, n);
        if (n > checkPhotoMax) {
          const message = `第 ${seq} 项照片：最多 ${checkPhotoMax} 张`;
          throw errors.badRequest('checkRecord.too_many_photos', message, [{ path: `photo.${seq}`, message }]);
        }
        if (bytes.length > 0) photos.push({ seq, bytes, fileName: part.filename ?? '' });
      } else if (part.fieldname === as.field && typeof part.value === 'string' && record === undefined) {
        record = part.value;
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw tooMany();
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw clientFault(e, { missing: () => errors.badRequest('checkRecord.empty_form', '表单为空'), tooLarge }) ?? e;
  }
  return { record, photos };
}
