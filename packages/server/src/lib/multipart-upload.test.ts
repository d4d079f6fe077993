import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, seedOrg, startTestApp, type TestApp } from '../../test/app.ts';
import { truncatedMultipartBody } from '../../test/multipart.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await seedOrg(t.database);
});
afterAll(() => t.close());

// Every route that takes an upload (grep request.file / request.parts): a body cut in the middle of the file part.
const routes = [
  { url: '/api/v1/files', user: 'office' },
  { url: '/api/v1/enterprises/import', user: 'office' },
  { url: '/api/v1/criteria-sets/import', user: 'admin' },
  { url: '/api/v1/plans/import', user: 'office' },
  { url: '/api/v1/plans/1/reimport', user: 'office' },
];

describe('a multipart body cut off in the middle of a part', () => {
  it.each(routes)('$url answers 400 with a Chinese message, not 500', async ({ url, user }) => {
    const session = await login(t.app, user);
    const bytes = Buffer.alloc(64 * 1024, 0x41);
    const res = await session.request({ method: 'POST', url, ...truncatedMultipartBody(bytes, 'a.xlsx', { id: 'x' }) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'upload.truncated', message: expect.stringContaining('上传的内容不完整') });
  });
});
