/** A multipart/form-data request body for app.inject: text fields, then the file in the field `file`. */
export function multipartBody(file: Buffer, fileName: string, fields: Record<string, string> = {}, field = 'file') {
  const boundary = `----anzhi${Math.random().toString(16).slice(2)}`;
  const text = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(text.join('') + head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The same body cut off in the middle of the file part, as a dropped connection leaves it. */
export function truncatedMultipartBody(file: Buffer, fileName: string, fields: Record<string, string> = {}) {
  const whole = multipartBody(file, fileName, fields);
  const cut = whole.payload.length - file.length / 2 - 40;
  return { payload: whole.payload.subarray(0, Math.floor(cut)), headers: whole.headers };
}
