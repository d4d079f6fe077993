import { labelCodeOf } from '@anzhi/core';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codes,
  countRows,
  login,
  makeEnterprise,
  multipart,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';
import { deflatedRepeat, xlsxParts, zipOf } from '../../../test/zip-bomb.ts';
import { loadExcelJS } from '../../lib/exceljs.ts';
import { ledgerObjects } from './campaign.table.ts';

let t: TestApp;
let office: Session;
let houseType: number;
let confinedType: number;

beforeAll(async () => {
  t = await startTestApp();
  await seedOrg(t.database);
  await makeEnterprise(t.database, { name: '东村机械厂', regionCode: codes.village1 });
  await makeEnterprise(t.database, { name: '邻镇化工厂', regionCode: codes.otherVillage });
  office = await login(t.app, 'office');
  const types = (await office.get('/api/v1/ledger-object-types')).json().items as Array<{ id: number; code: string }>;
  houseType = types.find((x) => x.code === 'selfBuiltHouse')?.id as number;
  confinedType = types.find((x) => x.code === 'confinedSpace')?.id as number;
});
afterAll(() => t?.close());

type Cell = string | number | boolean | null;
/** A real .xlsx as a township keeps it: a merged title row above the header, then the rows. */
async function workbook(header: Cell[], rows: Cell[][], title = '示例镇经营性自建房台账'): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const importFile = (typeId: number, file: Buffer, dryRun = false) =>
  office.request({
    method: 'POST',
    url: `/api/v1/ledger-objects/import?typeId=${typeId}&dryRun=${dryRun}`,
    ...multipart(file, '台账.xlsx'),
  });

const houseHeader = ['名称*', '所在村（社区）（必填）', '地址', '房屋产权人*', '层数（层）', '经营用途', '已做房屋安全鉴定', '备注'];

describe('import', () => {
  it('reads a messy sheet (title row, 必填 marks, 全角 digits, 是/否, a blank row, an unknown column): preview, then all rows', async () => {
    const file = await workbook(houseHeader, [
      ['东村王家楼', '东村', '东村３组１２号', '王建国', '４层', '餐饮', '是', '临街'],
      [null, null, null, null, null, null, null, null],
      ['西村李家楼', '西村村委会', null, '李四', 3, '住宿', '否', null],
    ]);
    const preview = await importFile(houseType, file, true);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({ dryRun: true, created: 2, updated: 0, unchanged: 0, errors: [], ignoredColumns: ['备注'] });
    expect(await countRows(t.database, 'ledger_objects')).toBe(0);

    const res = await importFile(houseType, file);
    expect(res.json()).toMatchObject({ dryRun: false, created: 2, errors: [] });
    const items = (await office.get(`/api/v1/ledger-objects?typeId=${houseType}`)).json().items;
    expect(items.find((o: { name: string }) => o.name === '东村王家楼')).toMatchObject({
      regionName: '东村',
      address: '东村3组12号',
      data: { owner: '王建国', floors: 4, use: '餐饮', structureAppraised: true },
    });
  });

  it('importing the same file again creates nothing; a changed cell updates one object', async () => {
    const rows: Cell[][] = [
      ['东村王家楼', '东村', '东村３组１２号', '王建国', '４层', '餐饮', '是', '临街'],
      ['西村李家楼', '西村', null, '李四', 3, '住宿', '否', null],
    ];
    expect((await importFile(houseType, await workbook(houseHeader, rows))).json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    (rows[1] as Cell[])[4] = 4;
    expect((await importFile(houseType, await workbook(houseHeader, rows))).json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await countRows(t.database, 'ledger_objects')).toBe(2);
  });

  it('a file with a bad row imports nothing, and names each row’s problems in Chinese', async () => {
    const file = await workbook(houseHeader, [
      ['东村新楼', '东村', null, '赵六', 2, '商超', '是', null],
      ['邻村楼', '邻村', null, '钱七', 2, '餐饮', null, null],
      ['无主楼', '东村', null, null, 'abc', '网吧', '也许', null],
      ['东村新楼', '东村', null, '赵六', 2, '商超', null, null],
    ]);
    const res = await importFile(houseType, file);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: false, created: 0, updated: 0, unchanged: 0 });
    expect(body.errors).toEqual([
      { row: 4, column: '所在村（社区）', message: '所在村（社区）：未找到“邻村”' },
      { row: 5, column: '房屋产权人', message: '房屋产权人：必填' },
      { row: 5, column: '层数（层）', message: '层数（层）：应为整数，如 35，实际为“abc”' },
      { row: 5, column: '经营用途', message: expect.stringContaining('无法识别“网吧”') },
      { row: 5, column: '已做房屋安全鉴定', message: '已做房屋安全鉴定：应为“是”或“否”，实际为“也许”' },
      { row: 6, column: '名称', message: '名称：与第 3 行重复（同一名称和所在村（社区））' },
    ]);
    expect(await countRows(t.database, 'ledger_objects')).toBe(2);
  });

  it('an enterprise ledger names its enterprise; one out of scope is a row error', async () => {
    const file = await workbook(
      ['有限空间名称', '所属企业', '有限空间类型', '所在位置', '责任人', '已设置安全警示标志'],
      [
        ['污水池', '东村机械厂', '地下有限空间', '厂区东侧', '李安', '是'],
        ['储罐', '邻镇化工厂', '密闭设备', '罐区', '周某', '否'],
      ],
      '有限空间管理台账',
    );
    const res = (await importFile(confinedType, file)).json();
    expect(res.errors).toEqual([{ row: 4, column: '所属企业', message: '所属企业：未找到企业“邻镇化工厂”（或不在您的管理范围内）' }]);
    const ok = await workbook(
      ['名称', '所属企业', '有限空间类型', '所在位置', '责任人'],
      [['污水池', '东村 机械厂', '地下有限空间', '厂区东侧', '李安']],
    );
    expect((await importFile(confinedType, ok)).json()).toMatchObject({ created: 1, errors: [] });
  });

  it('refuses what is not a workbook, a sheet without a header, and a zip bomb — with Chinese 4xx', async () => {
    const notXlsx = await importFile(houseType, Buffer.from('名称,村\n甲,东村\n'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().message).toContain('.xlsx');
    const noHeader = await importFile(houseType, await workbook(['甲', '乙'], [['1', '2']]));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().message).toContain('未找到表头');
    const sheet = await deflatedRepeat(
      '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
      60 * 1024 * 1024,
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      '</sheetData></worksheet>',
    );
    const bomb = await importFile(houseType, zipOf(xlsxParts(sheet)));
    expect(bomb.statusCode).toBe(413);
    expect(bomb.json().message).toContain('压缩炸弹');
    const none = await office.request({
      method: 'POST',
      url: `/api/v1/ledger-objects/import?typeId=${houseType}`,
      ...multipart(Buffer.from(''), 'x', { field: 'other' }),
    });
    expect(none.statusCode).toBe(400);
  });
});

describe('export and labels', () => {
  it('exports a type in the import’s layout (名称, 所在村（社区）, 地址, fields by label, 标签码, 状态)', async () => {
    const res = await office.get(`/api/v1/ledger-objects/export.xlsx?typeId=${houseType}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('经营性自建房台账'));
    const Excel = await loadExcelJS();
    const wb = new Excel.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '名称*',
      '所在村（社区）*',
      '地址',
      '房屋产权人*',
      '产权人电话',
      '层数（层）*',
      '建成年份',
      '建筑面积（平方米）',
      '经营用途*',
      '已做房屋安全鉴定',
      '标签码',
      '状态',
    ]);
    expect(ws.rowCount).toBe(3);
    // The export imports back unchanged.
    const again = await importFile(houseType, res.rawPayload);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: [] });
  });

  it('prints an A4 sheet of QR labels for chosen objects or a whole type; refuses objects out of scope', async () => {
    const items = (await office.get(`/api/v1/ledger-objects?typeId=${houseType}`)).json().items as Array<{ id: number; labelCode: string }>;
    const res = await office.get(`/api/v1/ledger-objects/labels.docx?ids=${items.map((o) => o.id).join(',')}`);
    expect(res.statusCode, res.body).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    for (const o of items) expect(xml).toContain(o.labelCode);
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/'))).toHaveLength(items.length);
    const whole = await office.get(`/api/v1/ledger-objects/labels.docx?typeId=${houseType}`);
    expect(whole.statusCode).toBe(200);
    const otherOffice = await login(t.app, 'otheroffice');
    expect((await otherOffice.get(`/api/v1/ledger-objects/labels.docx?ids=${items[0]?.id}`)).statusCode).toBe(404);
  });

  it('caps a label sheet at 500', async () => {
    await t.database.db.insert(ledgerObjects).values(
      Array.from({ length: 501 }, (_, i) => ({
        typeId: houseType,
        labelCode: labelCodeOf(new Uint8Array([i % 32, (i >> 5) % 32, 7, 7, 7, 7, 7, 7, 7, 9])),
        name: `批量楼${i}`,
        nameKey: `批量楼${i}`,
        regionCode: codes.village2,
        data: { owner: '某', floors: 2, use: '其他' },
      })),
    );
    const res = await office.get(`/api/v1/ledger-objects/labels.docx?typeId=${houseType}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('500');
  });
});
