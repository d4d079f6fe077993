/*
 * Zip bombs against every OOXML reader, through the HTTP API: a sheet or document part of hundreds of MB of
 * repeated bytes deflated to well under a MB, once with honest sizes in the zip directory and once with a directory
 * that lies. Each is refused with a Chinese 4xx before any parser sees it, and this process's heap stays bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, seedOrg, startTestApp, type TestApp } from '../../test/app.ts';
import { multipartBody } from '../../test/multipart.ts';
import { deflated, deflatedRepeat, docxParts, xlsxParts, type ZipPart, zipOf } from '../../test/zip-bomb.ts';

const MB = 1024 * 1024;
const SHEET_HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const DOC_HEAD = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
const DOC_TAIL = '</w:t></w:r></w:p></w:body></w:document>';

let t: TestApp;
let office: Session;
let admin: Session;
let sheetBomb: ZipPart;
let docBomb: ZipPart;

beforeAll(async () => {
  t = await startTestApp();
  await seedOrg(t.database);
  office = await login(t.app, 'office');
  admin = await login(t.app, 'admin');
  sheetBomb = await deflatedRepeat(' ', 330 * MB, SHEET_HEAD, SHEET_TAIL);
  docBomb = await deflatedRepeat('安全', 500 * MB, DOC_HEAD, DOC_TAIL);
}, 120_000);
afterAll(() => t.close());

const routes = {
  enterprises: (file: Buffer) => office.request({ method: 'POST', url: '/api/v1/enterprises/import', ...multipartBody(file, 'a.xlsx') }),
  criteria: (file: Buffer) =>
    admin.request({ method: 'POST', url: '/api/v1/criteria-sets/import', ...multipartBody(file, 'a.xlsx', { id: 'bomb-2026' }) }),
  plans: (file: Buffer) => office.request({ method: 'POST', url: '/api/v1/plans/import', ...multipartBody(file, 'a.docx') }),
};

/** Sends the file, and requires the given refusal with this process's heap grown by less than 100 MB. */
async function refused(route: keyof typeof routes, file: Buffer, status: number, code: string, message: RegExp) {
  const before = process.memoryUsage().heapUsed;
  const res = await routes[route](file);
  const grown = process.memoryUsage().heapUsed - before;
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json()).toMatchObject({ code, message: expect.stringMatching(message) });
  expect(grown).toBeLessThan(100 * MB);
}

describe('zip bombs are refused before parsing, with a Chinese 4xx', () => {
  it('the bombs are small on the wire and huge expanded', () => {
    expect(sheetBomb.data.length).toBeLessThan(1.5 * MB);
    expect(sheetBomb.size).toBeGreaterThan(300 * MB);
    expect(docBomb.size).toBeGreaterThan(450 * MB);
  });

  it('an .xlsx whose sheet expands to 330 MB: enterprise import and criteria import', async () => {
    const bomb = zipOf(xlsxParts(sheetBomb));
    await refused('enterprises', bomb, 413, 'file.zip_entry_too_large', /解压后达 3\d\d MB.*压缩炸弹/u);
    await refused('criteria', bomb, 413, 'file.zip_entry_too_large', /压缩炸弹/u);
  });

  it('a .docx whose document expands to 500 MB: plan import', async () => {
    await refused('plans', zipOf(docxParts(docBomb)), 413, 'file.zip_entry_too_large', /Word 文档.*压缩炸弹/u);
  });

  it('a zip directory that lies about the sizes is caught while inflating', async () => {
    const lying = { ...sheetBomb, declaredSize: 4096 };
    await refused('enterprises', zipOf(xlsxParts(lying)), 400, 'file.zip_size_mismatch', /实际大小与文件目录中登记的不符/u);
    await refused('criteria', zipOf(xlsxParts(lying)), 400, 'file.zip_size_mismatch', /不符/u);
    await refused('plans', zipOf(docxParts({ ...docBomb, declaredSize: 4096 })), 400, 'file.zip_size_mismatch', /不符/u);
  });

  it('parts that each stay under the limit but add up past the total', async () => {
    const part = await deflatedRepeat(' ', 60 * MB);
    const parts = [
      ...xlsxParts(deflated('', `${SHEET_HEAD}${SHEET_TAIL}`)),
      ...[1, 2].map((i) => ({ ...part, name: `xl/media/pad${i}.bin` })),
    ];
    await refused('enterprises', zipOf(parts), 413, 'file.zip_too_large', /解压后至少 \d+ MB，超过上限 100 MB/u);
  });

  it('too many entries', async () => {
    const many = Array.from({ length: 2_100 }, (_, i) => deflated(`xl/media/p${i}.txt`, 'x'));
    await refused(
      'enterprises',
      zipOf([...xlsxParts(deflated('', `${SHEET_HEAD}${SHEET_TAIL}`)), ...many]),
      413,
      'file.zip_too_many_entries',
      /2105 个部件/u,
    );
  });

  it('a sheet of more rows than one import may hold', async () => {
    const rows = await deflatedRepeat('<row r="1"/>', 60_000 * 12, SHEET_HEAD, SHEET_TAIL);
    await refused('enterprises', zipOf(xlsxParts(rows)), 413, 'file.too_many_rows', /超过一次可导入的 50000 行/u);
  });
});
