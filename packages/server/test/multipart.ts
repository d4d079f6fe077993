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

/** A multipart/form-data body with text fields and any number of files (each in its own field, e.g. several `photos`). */
export function multipartForm(
  fields: Record<string, string>,
  files: ReadonlyArray<{ field: string; name: string; content: Buffer; contentType?: string }> = [],
) {
  const boundary = `----anzhi${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\n` +
          `Content-Type: ${f.contentType ?? 'image/jpeg'}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
