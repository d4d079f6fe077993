/*
 * Excel import/export of the enterprise registry through the HTTP API. Fixtures: test/fixtures/enterprises/
 * (built by make-fixtures.ts). messy.xlsx: title row 1 merged across all columns, blank row 2, header row 3 with
 * synonyms (＊单位名称（必填）, 统一社会\n信用代码, 法人, 行业大类, 保险到期 …) and two unknown columns (序号, 备注);
 * 29 data rows, of which exactly these 9 are bad:
 *   7  统一社会信用代码  wrong GB 32100 check character
 *   8  主要负责人电话    10 digits
 *   9  所属村（社区）    “南山村” is not a village of 示例镇
 *   10 行业领域          “化工行业” is not a supervision domain
 *   11 单位名称          empty name
 *   13 统一社会信用代码  the same code as row 12 (a duplicated row)
 *   15 单位名称          示例镇(东村)塑料制品厂 at 东村工业路 8 号 = row 14's 示例镇（东村）塑料制品厂 at 东村工业路8号
 *   18 标准化到期日      “2025年13月1日”
 *   19 行业大类          “化工” is not an industry division
 * The other 20 are good: full-width and spaced credit codes, padded names, Chinese dates in five spellings, a real
 * date cell, an Excel serial number, “东村村委会” for 东村, and rows 16–17 sharing one merged 所属村 cell. Row 20 is
 * blank and row 33 has only its 序号: both are skipped.
 * clean.xlsx: 10 good rows under the canonical headers; row 11 (the tenth) is a 厂中厂 tenant of row 10.
 * empty-sheet.xlsx: a header and no data. not-really.xlsx: a CSV text file named .xlsx.
 */
import fs from 'node:fs';
import path from 'node:path';
import { enterpriseColumns } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, countRows, login, multipart, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { fixtureCreditCode } from '../../../test/fixtures/enterprises/make-fixtures.ts';

const dir = path.join(import.meta.dirname, '../../../test/fixtures/enterprises');
const fixture = (name: string) => fs.readFileSync(path.join(dir, name));

const wrong104 = `${fixtureCreditCode(104).slice(0, 17)}${fixtureCreditCode(104)[17] === '0' ? '1' : '0'}`;
const messyErrors = [
  { row: 7, column: '统一社会信用代码', message: `统一社会信用代码：校验位应为 ${fixtureCreditCode(104)[17]}，实际为 ${wrong104[17]}` },
  { row: 8, column: '主要负责人电话', message: '主要负责人电话：应为 11 位手机号或带区号的固定电话' },
  { row: 9, column: '所属村（社区）', message: '所属村（社区）：未找到“南山村”' },
  { row: 10, column: '行业领域', message: '行业领域：无法识别“化工行业”' },
  { row: 11, column: '单位名称', message: '单位名称：必填' },
  { row: 13, column: '统一社会信用代码', message: '与第 12 行重复（同一统一社会信用代码）' },
  { row: 15, column: '单位名称', message: '与第 14 行重复（同一企业名称和地址）' },
  { row: 18, column: '标准化到期日', message: '标准化到期日：无法识别的日期“2025年13月1日”，应为 2026-06-30 这样的日期' },
  { row: 19, column: '行业大类', message: '行业大类：无法识别“化工”，应为国民经济行业大类代码（如 26 或 C26）或名称' },
];
const MESSY_GOOD = 20;

let t: TestApp;
let office: Session;

beforeAll(async () => {
  t = await startTestApp();
  await seedOrg(t.database);
  office = await login(t.app, 'office');
});
afterAll(() => t.close());

function upload(s: Session, content: Buffer, query = '', fileName = 'ledger.xlsx', field = 'file') {
  return s.request({ method: 'POST', url: `/api/v1/enterprises/import${query}`, ...multipart(content, fileName, { field }) });
}

const count = (table: 'enterprises' | 'audit_events', where = 'true') => countRows(t.database, table, sql.raw(where));

async function find(name: string) {
  const res = await office.get(`/api/v1/enterprises?q=${encodeURIComponent(name)}&pageSize=5`);
  return res.json().items.find((e: { name: string }) => e.name === name);
}

async function workbookOf(buffer: Buffer | Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

async function exportAs(s: Session, query = '') {
  const res = await s.get(`/api/v1/enterprises/export${query}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res;
}

describe('import of a messy township ledger', () => {
  it('refuses leaders (403) and requests without a file (400)', async () => {
    const leader = await login(t.app, 'leader');
    const refused = await upload(leader, fixture('clean.xlsx'));
    expect(refused.statusCode).toBe(403);
    const none = await office.post('/api/v1/enterprises/import', { file: 'x' });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'enterprise.import_no_file' });
    const otherField = await upload(office, fixture('clean.xlsx'), '', 'ledger.xlsx', 'upload');
    expect(otherField.json()).toMatchObject({ code: 'enterprise.import_no_file' });
  });

  it('previews with dryRun: the same report, nothing written', async () => {
    const before = [await count('enterprises'), await count('audit_events')];
    const res = await upload(office, fixture('messy.xlsx'), '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      dryRun: true,
      created: MESSY_GOOD,
      updated: 0,
      unchanged: 0,
      errors: messyErrors,
      ignoredColumns: ['序号', '备注'],
    });
    expect([await count('enterprises'), await count('audit_events')]).toEqual(before);
  });

  it('reports exactly the bad rows and imports the rest in one go, audited', async () => {
    const res = await upload(office, fixture('messy.xlsx'), '', 'messy.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      dryRun: false,
      created: MESSY_GOOD,
      updated: 0,
      unchanged: 0,
      errors: messyErrors,
      ignoredColumns: ['序号', '备注'],
    });
    expect(await count('enterprises')).toBe(MESSY_GOOD);
    expect(await count('audit_events', `entity_type = 'enterprise' AND action = 'create'`)).toBe(MESSY_GOOD);
    const [summary] = await t.database.rows<{ after: Record<string, unknown> }>(
      sql`SELECT after FROM audit_events WHERE action = 'import' ORDER BY id DESC LIMIT 1`,
    );
    expect(summary?.after).toMatchObject({ fileName: 'messy.xlsx', created: MESSY_GOOD, updated: 0, unchanged: 0, errors: 9 });
    const verify = await (await login(t.app, 'admin')).get('/api/v1/audit-events/verify');
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('normalises what it read: codes, dates, phones, labels, region variants, merged cells', async () => {
    expect(await find('东村化工有限公司')).toMatchObject({
      creditCode: fixtureCreditCode(101),
      regionCode: codes.village1,
      standardisationLevel: 'level3',
      standardisationExpiry: '2025-06-30',
      insuranceExpiry: '2026-12-31',
      riskLevel: 'high',
      riskLevelSetBy: 'office',
      domains: ['hazardousChemicals'],
      flags: ['hazardousChemicalUse', 'majorHazardSource'],
      industryCode: '26',
      supervisingUnitName: '示例镇应急管理办公室',
    });
    expect(await find('西村五金制品厂')).toMatchObject({
      creditCode: fixtureCreditCode(102),
      employees: 35,
      standardisationExpiry: '2026-12-31',
    });
    expect(await find('东村精密机械厂')).toMatchObject({
      regionCode: codes.village1,
      principalPhone: '13900139003',
      industryCode: '34',
      standardisationExpiry: '2026-03-31',
      insuranceExpiry: '2026-06-30',
    });
    expect(await find('西村服装厂')).toMatchObject({ regionCode: codes.village2 });
    expect(await find('东村铸造厂')).toMatchObject({ insuranceExpiry: '2025-12-31' });
    expect(await find('东村加油站')).toMatchObject({ principalPhone: '0571-88880023' });
    expect(await find('东村农机合作社')).toMatchObject({ status: 'rectifying' });
    expect(await find('示例镇（东村）塑料制品厂')).toMatchObject({ creditCode: null, address: '东村工业路8号' });
  });

  it('changes nothing when the same file is imported again', async () => {
    const events = await count('audit_events');
    const res = await upload(office, fixture('messy.xlsx'));
    expect(res.json()).toMatchObject({ created: 0, updated: 0, unchanged: MESSY_GOOD, errors: messyErrors });
    expect(await count('enterprises')).toBe(MESSY_GOOD);
    // Only the summary of the import itself is recorded.
    expect(await count('audit_events')).toBe(events + 1);
  });

  it('updates exactly the enterprise whose cell was edited, and records before/after', async () => {
    const wb = await workbookOf(fixture('messy.xlsx'));
    (wb.worksheets[0] as ExcelJS.Worksheet).getCell('M4').value = 121;
    const res = await upload(office, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.json()).toMatchObject({ created: 0, updated: 1, unchanged: MESSY_GOOD - 1 });
    const e = await find('东村化工有限公司');
    expect(e).toMatchObject({ employees: 121, version: 2 });
    const history = (await office.get(`/api/v1/enterprises/${e.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'update', before: { employees: 120 }, after: { employees: 121 } });
  });

  it('links 厂中厂 tenants to a landlord named in the same file', async () => {
    const res = await upload(office, fixture('clean.xlsx'));
    expect(res.json()).toEqual({ dryRun: false, created: 10, updated: 0, unchanged: 0, errors: [], ignoredColumns: [] });
    expect(await find('西村清洁样例10号厂')).toMatchObject({ landlordName: '西村清洁样例8号厂' });
    expect((await upload(office, fixture('clean.xlsx'))).json()).toMatchObject({ created: 0, updated: 0, unchanged: 10 });
  });
});

describe('export', () => {
  it('round-trips: what it exports imports back as unchanged', async () => {
    const res = await exportAs(office);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="enterprises-20260302.xlsx"; filename*=UTF-8''${encodeURIComponent('企业台账-20260302.xlsx')}`,
    );
    const ws = (await workbookOf(res.rawPayload)).worksheets[0] as ExcelJS.Worksheet;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(enterpriseColumns.map((c) => c.header));
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const total = (await office.get('/api/v1/enterprises')).json().total;
    expect(ws.actualRowCount).toBe(total + 1);
    const byName = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => byName.set(String(row.getCell(1).value), row));
    const chem = byName.get('东村化工有限公司') as ExcelJS.Row;
    const cell = (header: string) => chem.getCell(enterpriseColumns.findIndex((c) => c.header === header) + 1).value;
    expect([cell('所属村（社区）'), cell('标准化有效期'), cell('风险等级'), cell('行业领域'), cell('国民经济行业')]).toEqual([
      '东村',
      '2025-06-30',
      '较大风险',
      '危险化学品',
      'C26 化学原料和化学制品制造业',
    ]);
    const back = await upload(office, res.rawPayload);
    expect(back.json()).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: total, errors: [], ignoredColumns: [] });
  });

  it('honours the list filters and the data scope', async () => {
    const rowsOf = async (s: Session, query = '') => {
      const ws = (await workbookOf((await exportAs(s, query)).rawPayload)).worksheets[0] as ExcelJS.Worksheet;
      const out: string[][] = [];
      ws.eachRow((row, n) => n > 1 && out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return out;
    };
    const chemicals = await rowsOf(office, '?domain=hazardousChemicals');
    expect(chemicals.length).toBe((await office.get('/api/v1/enterprises?domain=hazardousChemicals')).json().total);
    expect(chemicals.length).toBeGreaterThan(0);
    expect(chemicals.every((r) => r[enterpriseColumns.findIndex((c) => c.field === 'domains')]?.includes('危险化学品'))).toBe(true);

    const village = await login(t.app, 'village');
    const own = await rowsOf(village);
    expect(own.length).toBe((await village.get('/api/v1/enterprises')).json().total);
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((r) => r[2]))).toEqual(new Set(['东村']));
    expect(await rowsOf(await login(t.app, 'otheroffice'))).toEqual([]);
  });

  it('serves an import template whose example row imports cleanly', async () => {
    const res = await office.get('/api/v1/enterprises/import-template');
    expect(res.statusCode).toBe(200);
    const wb = await workbookOf(res.rawPayload);
    expect(((wb.worksheets[0] as ExcelJS.Worksheet).getRow(1).values as unknown[]).slice(1)).toEqual(
      enterpriseColumns.map((c) => c.header),
    );
    expect((await upload(office, res.rawPayload, '?dryRun=true')).json()).toMatchObject({ created: 1, errors: [] });
  });
});

describe('bad files', () => {
  it('refuses what is not an .xlsx, an empty sheet and a sheet without header, with Chinese messages', async () => {
    const notXlsx = await upload(office, fixture('not-really.xlsx'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json()).toMatchObject({ code: 'enterprise.import_not_xlsx' });
    expect(notXlsx.json().message).toContain('另存为');
    const zip = Buffer.from(zipSync({ 'readme.txt': new TextEncoder().encode('not a workbook') }));
    expect((await upload(office, zip)).json()).toMatchObject({ code: 'enterprise.import_not_xlsx' });
    const empty = await upload(office, fixture('empty-sheet.xlsx'));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'enterprise.import_empty' });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['甲', '乙']);
    const headless = await upload(office, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(headless.statusCode).toBe(400);
    expect(headless.json()).toMatchObject({ code: 'enterprise.import_no_header' });
  });

  it('refuses a file over 20 MB with 413', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 'a');
    const res = await upload(office, big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'enterprise.import_too_large' });
    expect(res.json().message).toContain('20 MB');
  });

  it('imports nothing at all when the transaction fails half-way', async () => {
    // A test-only trigger makes the database refuse one update, after the new rows of the file were inserted.
    await t.database.rows(
      sql.raw(`CREATE FUNCTION anzhi_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.name = '拒绝写入厂' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$`),
    );
    await t.database.rows(
      sql.raw('CREATE TRIGGER anzhi_test_refuse BEFORE INSERT OR UPDATE ON enterprises FOR EACH ROW EXECUTE FUNCTION anzhi_test_refuse()'),
    );
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('企业台账');
      ws.addRow(['企业名称', '统一社会信用代码', '所属村（社区）']);
      ws.addRow(['新厂甲', fixtureCreditCode(301), '东村']);
      ws.addRow(['新厂乙', fixtureCreditCode(302), '西村']);
      ws.addRow(['拒绝写入厂', fixtureCreditCode(101), '东村']);
      const before = [await count('enterprises'), await count('audit_events')];
      const res = await upload(office, Buffer.from(await wb.xlsx.writeBuffer()));
      expect(res.statusCode).toBe(500);
      expect([await count('enterprises'), await count('audit_events')]).toEqual(before);
      expect(await find('新厂甲')).toBeUndefined();
      expect(await find('东村化工有限公司')).toMatchObject({ employees: 121 });
    } finally {
      await t.database.rows(sql.raw('DROP TRIGGER anzhi_test_refuse ON enterprises'));
      await t.database.rows(sql.raw('DROP FUNCTION anzhi_test_refuse()'));
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/enterprises/import', '/api/v1/enterprises/export', '/api/v1/enterprises/import-template']),
    );
    const body = doc.paths['/api/v1/enterprises/import'].post.requestBody.content['multipart/form-data'].schema;
    expect(body.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(
      Object.keys(doc.paths['/api/v1/enterprises/import'].post.responses['200'].content['application/json'].schema.properties),
    ).toEqual(expect.arrayContaining(['created', 'updated', 'unchanged', 'errors']));
  });
});
