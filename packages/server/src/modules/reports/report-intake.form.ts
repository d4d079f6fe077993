import { reportPhotoMax, reportPhotoMaxBytes } from '@anzhi/core';
import type { FastifyRequest } from 'fastify';
import { AppError, errors } from '../../lib/errors.ts';
import { clientFault } from '../../lib/multipart-upload.ts';

/** The public form as sent: text fields (first value of each) and the photo parts, in order. */
export interface ReportForm {
  fields: Record<string, string>;
  photos: Array<{ bytes: Buffer; fileName: string }>;
}

const MAX_MB = reportPhotoMaxBytes / 1024 / 1024;
const tooMany = () =>
  errors.badRequest('report.too_many_photos', `照片：最多上传 ${reportPhotoMax} 张`, [
    { path: 'photos', message: `照片：最多上传 ${reportPhotoMax} 张` },
  ]);

/** Limits of the multipart parser on this route: photos, their size, and a handful of text fields. */
export const reportFormLimits = { fileSize: reportPhotoMaxBytes, files: reportPhotoMax, fields: 30, parts: reportPhotoMax + 30 };

/** Reads the whole form; a photo over the size limit, too many photos or a broken body is a 4xx naming it. */
export async function readReportForm(request: FastifyRequest): Promise<ReportForm> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'report.not_multipart', '请以 multipart/form-data 表单提交举报（文字字段和照片 photos）');
  }
  const fields: Record<string, string> = {};
  const photos: ReportForm['photos'] = [];
  const tooLarge = () => {
    const message = `照片：第 ${photos.length + 1} 张超过 ${MAX_MB} MB，请压缩后再上传`;
    return new AppError(413, 'report.photo_too_large', message, [{ path: 'photos', message }]);
  };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Every part is read to the end, or the parser stalls.
        const bytes = await part.toBuffer();
        if (part.fieldname !== 'photos') throw errors.badRequest('report.unknown_file_field', '照片请放在表单字段 photos 中');
        if (bytes.length > 0) photos.push({ bytes, fileName: part.filename ?? '' });
      } else if (typeof part.value === 'string' && !(part.fieldname in fields)) {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw tooMany();
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw clientFault(e, { missing: () => errors.badRequest('report.empty_form', '表单为空'), tooLarge }) ?? e;
  }
  if (photos.length > reportPhotoMax) throw tooMany();
  return { fields, photos };
}
