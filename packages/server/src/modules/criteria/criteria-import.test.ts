/*
 * Importing criteria sets through the HTTP API. Fixtures: test/fixtures/criteria/ (built by make-fixtures.ts; their
 * items are test content of confidence U). gb35181-2025.xlsx: a title row merged across the columns, a blank row,
 * header row 3 with synonyms (条款编号, 类别, 判定情形, 关键字, 适用行业, 适用标签, 可信程度, 出处) and an unknown
 * column 序号; 8 items in rows 4–11 (5.1–5.5, 6.1–6.3); the set's own fields come as form fields. gb35181-2025.json:
 * the same set as .json, with GB-style article names. gb35181-2025-bad.xlsx: the good sheet with five wrong cells,
 * listed in `badSheetErrors` below.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, multipart, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { gb2025Meta } from '../../../test/fixtures/criteria/make-fixtures.ts';

const dir = path.join(import.meta.dirname, '../../../test/fixtures/criteria');
const fixture = (name: string) => fs.readFileSync(path.join(dir, name));

let t: TestApp;
let admin: Session;
let office: Session;

beforeAll(async () => {
  t = await startTestApp();
  await seedOrg(t.database);
  admin = await login(t.app, 'admin');
  office = await login(t.app, 'office');
});
afterAll(() => t.close());

type Fields = Record<string, string | readonly string[]>;

/** The set's own fields as the import form sends them: one text field each, lists one line per value. */
const formFields: Fields = {
  ...gb2025Meta,
  sources: gb2025Meta.sources.join('\n'),
  domains: gb2025Meta.domains.join('、'),
  flags: gb2025Meta.flags,
  appliesToAll: '是',
};

function upload(s: Session, content: Buffer, query: string, fileName: string, fields?: Fields) {
  return s.request({ method: 'POST', url: `/api/v1/criteria-sets/import${query}`, ...multipart(content, fileName, { fields }) });
}

async function storedRows(): Promise<number> {
  const [row] = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM criteria_sets`);
  return Number(row?.n);
}

async function auditActions(): Promise<string[]> {
  const rows = await t.database.rows<{ a: string }>(
    sql`SELECT action || ' ' || entity_id AS a FROM audit_events WHERE entity_type = 'criteriaSet' ORDER BY id`,
  );
  return rows.map((r) => r.a);
}

const badSheetErrors = [
  { row: 5, column: '条款编号', message: '条款编号：无法识别“第X条”，应为“第四条（一）”“4.1”或“（三）”这样的编号' },
  { row: 7, column: '适用行业', message: '适用行业：无法识别“航天”，应为系统中的行业领域，如 机械、城镇燃气' },
  { row: 8, column: '可信程度', message: '可信程度：应为 V（已核实原文）、P（非官方来源）或 U（未核实）' },
  { row: 9, column: '判定情形', message: '判定情形：必填' },
  { row: 10, column: '条款编号', message: '条款编号：与第 7 行的条款编号 gb35181-2025/5.4 重复' },
];

describe('criteria import', () => {
  it('refuses a non-admin (403) before reading the file', async () => {
    const res = await upload(office, fixture('gb35181-2025.xlsx'), '?dryRun=true', 'gb.xlsx', formFields);
    expect(res.statusCode).toBe(403);
  });

  it('reports every wrong cell of a bad .xlsx by row and column, in Chinese, and saves nothing', async () => {
    const preview = await upload(admin, fixture('gb35181-2025-bad.xlsx'), '?dryRun=true', 'bad.xlsx', formFields);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, saved: false, format: 'xlsx', set: null, ignoredColumns: ['序号'] });
    expect(preview.json().errors).toEqual(badSheetErrors);

    const commit = await upload(admin, fixture('gb35181-2025-bad.xlsx'), '', 'bad.xlsx', formFields);
    expect(commit.statusCode).toBe(400);
    expect(commit.json()).toMatchObject({ code: 'criteria.import_invalid', details: badSheetErrors });
    expect(commit.json().message).toMatch(/^导入文件有 5 处错误，未导入任何内容。/);
    expect(await storedRows()).toBe(0);
    expect(await auditActions()).toEqual([]);
  });

  it('names a missing set field of an .xlsx import (row 0) instead of a wrong row per item', async () => {
    const { id: _id, ...noId } = formFields;
    const res = await upload(admin, fixture('gb35181-2025.xlsx'), '?dryRun=true', 'gb.xlsx', noId);
    expect(res.json().errors).toEqual([{ row: 0, column: '标准编号', message: '标准编号：必填' }]);
    const { effective: _e, ...noDate } = formFields;
    const late = await upload(admin, fixture('gb35181-2025.xlsx'), '?dryRun=true', 'gb.xlsx', noDate);
    expect(late.json().errors).toEqual([{ row: 0, column: '施行日期', message: '施行日期：必填' }]);
  });

  it('previews then imports a new version from .xlsx: listed, suggested, the old version marked replaced', async () => {
    const preview = await upload(admin, fixture('gb35181-2025.xlsx'), '?dryRun=true', '重大火灾隐患判定规则.xlsx', formFields);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      dryRun: true,
      saved: false,
      mode: 'create',
      errors: [],
      ignoredColumns: ['序号'],
      set: { id: 'gb35181-2025', itemCount: 8, confidenceCounts: { V: 0, P: 0, U: 8 }, domains: ['fire', 'publicVenue', 'smallVenue'] },
      supersede: { id: 'gb35181-2017', supersededBy: 'gb35181-2025', repealedOn: '2025-11-01' },
    });
    expect(preview.json().warnings).toContain('有 8 条条款待核对（可信度 P 或 U）：引用这些条款时将提示对照官方原文核实');
    expect(await storedRows()).toBe(0);

    const res = await upload(admin, fixture('gb35181-2025.xlsx'), '', '重大火灾隐患判定规则.xlsx', formFields);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, saved: true, mode: 'create' });

    const list = (await office.get('/api/v1/criteria-sets')).json().items;
    expect(list).toHaveLength(10);
    expect(list.reduce((n: number, s: { itemCount: number }) => n + s.itemCount, 0)).toBe(229);
    expect(list[9]).toMatchObject({ id: 'gb35181-2025', origin: 'imported', updatedByName: 'admin', status: 'current' });
    const detail = (await office.get('/api/v1/criteria-sets/gb35181-2025')).json();
    expect(detail.items[3]).toMatchObject({
      code: 'gb35181-2025/5.4',
      group: '直接判定要素',
      keywords: ['消防车道', '占用', '堵塞', '消防车'],
    });

    const text = encodeURIComponent('厂区消防车道被货物占用堵塞，消防车无法通行');
    const suggested = (await office.get(`/api/v1/criteria/suggest?text=${text}&foundOn=2026-02-20`)).json();
    expect(suggested.items[0].item.code).toBe('gb35181-2025/5.4');
    expect(suggested.items[0].warning).toContain('待核对');
    // The 2017 version was already marked as replaced by this id: nothing to change there.
    expect(await auditActions()).toEqual(['create gb35181-2025']);
  });

  it('asks for overwrite=true to replace a set, then replaces it from .json', async () => {
    const json = fixture('gb35181-2025.json');
    const preview = await upload(admin, json, '?dryRun=true', 'gb.json');
    expect(preview.json()).toMatchObject({ format: 'json', mode: 'update', removedCodes: [], errors: [] });
    expect(preview.json().warnings[0]).toContain('标准库中已有编号为“gb35181-2025”的《重大火灾隐患判定规则》');

    const refused = await upload(admin, json, '', 'gb.json');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('criteria.set_exists');

    const res = await upload(admin, json, '?overwrite=true', 'gb.json');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ saved: true, mode: 'update' });
    const detail = (await office.get('/api/v1/criteria-sets/gb35181-2025')).json();
    expect(detail.items[3]).toMatchObject({ code: 'gb35181-2025/5.4', article: '5 直接判定要素', item: '5.4' });
    expect(await auditActions()).toEqual(['create gb35181-2025', 'update gb35181-2025']);
  });

  it('imports a .json that replaces a set in force: the old one is marked superseded from the new effective date', async () => {
    const old = (await office.get('/api/v1/criteria-sets/feimei-kuangshan-2022')).json();
    const { items, confidenceCounts: _c, origin: _o, retired: _r, updatedAt: _u, updatedByName: _n, itemCount: _i, ...meta } = old;
    const next = {
      ...meta,
      id: 'feimei-kuangshan-2099',
      title: '金属非金属矿山重大事故隐患判定标准（测试新版）',
      effective: '2099-01-01',
      published: '2098-06-01',
      replaces: 'feimei-kuangshan-2022',
      supersedes: undefined,
      items: items.map((c: { code: string }) => ({ ...c, code: c.code.split('/')[1] })),
    };
    const res = await upload(admin, Buffer.from(JSON.stringify(next)), '', 'new.json');
    expect(res.statusCode).toBe(200);
    expect(res.json().supersede).toMatchObject({ id: 'feimei-kuangshan-2022', repealedOn: '2099-01-01' });
    const replaced = (await office.get('/api/v1/criteria-sets/feimei-kuangshan-2022')).json();
    expect(replaced).toMatchObject({
      status: 'superseded',
      supersededBy: 'feimei-kuangshan-2099',
      repealedOn: '2099-01-01',
      origin: 'modified',
    });
    expect((await auditActions()).slice(-2)).toEqual(['create feimei-kuangshan-2099', 'supersede feimei-kuangshan-2022']);
  });

  it('reports .json problems by item and field, and refuses files that are neither .json nor .xlsx', async () => {
    const broken = JSON.parse(fixture('gb35181-2025.json').toString('utf8'));
    broken.id = 'gb35181-2025x';
    broken.items[2].domains = ['航天'];
    broken.items[4].confidence = '很高';
    const res = await upload(admin, Buffer.from(JSON.stringify(broken)), '?dryRun=true', 'gb.json');
    expect(res.json().errors).toEqual([
      { row: 3, column: '适用领域', message: '第 3 条条款（5.3）的适用领域：无法识别“航天”，应为系统中的行业领域，如 机械、城镇燃气' },
      { row: 5, column: '可信度', message: '第 5 条条款（5.5）的可信度：应为 V（已核实原文）、P（非官方来源）或 U（未核实）' },
    ]);
    const syntax = await upload(admin, Buffer.from('{"id": "x",'), '?dryRun=true', 'x.json');
    expect(syntax.json().errors).toEqual([{ row: 0, column: '', message: '不是有效的 JSON 文件，请检查括号、引号和逗号' }]);

    const csv = await upload(admin, Buffer.from('条款号,摘要\n1,测试'), '?dryRun=true', 'criteria.xlsx');
    expect(csv.statusCode).toBe(400);
    expect(csv.json().code).toBe('criteria.import_unknown_type');
    const noFile = await admin.request({
      method: 'POST',
      url: '/api/v1/criteria-sets/import',
      ...multipart(Buffer.alloc(0), 'empty.json'),
    });
    expect(noFile.json().code).toBe('criteria.import_no_file');
    // A JSON body fails the documented form shape before the handler: the missing file is named all the same.
    const notMultipart = await admin.post('/api/v1/criteria-sets/import', { id: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.json().details).toContainEqual(expect.objectContaining({ path: 'file' }));
  });
});
