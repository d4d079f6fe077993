import type { FastifyRequest } from 'fastify';
import { AppError, errors } from './errors.ts';

/** One uploaded file (the multipart field `file`) and the text fields sent beside it. */
export interface Upload {
  bytes: Buffer;
  fileName: string;
  fields: Record<string, string[]>;
}

/** What each upload route says in its own words: no file chosen, and a file over its size limit. */
export interface UploadMessages {
  missing: () => AppError;
  tooLarge: () => AppError;
}

export const uploadErrors = {
  truncated: () => errors.badRequest('upload.truncated', '上传的内容不完整（传输中断或表单格式损坏），请检查网络后重新上传'),
  tooManyParts: () => new AppError(413, 'upload.too_many_parts', '表单中的文件或字段过多：一次只能上传一个文件'),
  badField: () => errors.badRequest('upload.bad_field', '表单字段名无效'),
};

/** The multipart parser's failures that mean the client sent a broken body: never a 500. */
export function clientFault(e: unknown, messages: UploadMessages): AppError | null {
  const { code, message } = e as { code?: string; message?: string };
  switch (code) {
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return messages.missing();
    case 'FST_REQ_FILE_TOO_LARGE':
      return messages.tooLarge();
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return uploadErrors.tooManyParts();
    case 'FST_PROTO_VIOLATION':
      return uploadErrors.badField();
    case 'FST_MP_PREMATURE_CLOSE':
      return uploadErrors.truncated();
  }
  // busboy's own errors carry no code: a body that ends before its closing boundary, or has no boundary at all.
  if (/unexpected end of multipart data|terminated early|boundary not found|malformed/i.test(message ?? '')) {
    return uploadErrors.truncated();
  }
  return null;
}

/** Reads the whole multipart body: the first part named `file`, and every text field. */
export async function readUpload(request: FastifyRequest, messages: UploadMessages): Promise<Upload> {
  const fields: Record<string, string[]> = {};
  let file: { bytes: Buffer; fileName: string } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Every part must be read to the end, or the parser stalls; only the first `file` is kept.
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file' && !file) file = { bytes, fileName: part.filename };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = [...(fields[part.fieldname] ?? []), part.value];
      }
    }
  } catch (e) {
    throw clientFault(e, messages) ?? e;
  }
  if (!file) throw messages.missing();
  return { ...file, fields };
}
