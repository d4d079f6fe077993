import { multipart } from './factories.ts';

/** A multipart/form-data request body for app.inject: text fields, then the file in the field `file`. */
export function multipartBody(file: Buffer, fileName: string, fields: Record<string, string> = {}, field = 'file') {
  return multipart(file, fileName, { fields, field });
}

/** The same body cut off in the middle of the file part, as a dropped connection leaves it. */
export function truncatedMultipartBody(file: Buffer, fileName: string, fields: Record<string, string> = {}) {
  const whole = multipartBody(file, fileName, fields);
  const cut = whole.payload.length - file.length / 2 - 40;
  return { payload: whole.payload.subarray(0, Math.floor(cut)), headers: whole.headers };
}
