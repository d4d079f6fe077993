import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, loginAs, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { makeReport } from '../../../test/report-kit.ts';
import { loadExcelJS } from '../../lib/exceljs.ts';

/** Every XML part of an .xlsx, as text (the workbook is a zip; shared strings, sheets, properties…). */
function xmlParts(bytes: Buffer): string {
  const entries = unzipSync(new Uint8Array(bytes));
  return Object.values(entries)
    .map((b) => Buffer.from(b).toString('utf8'))
    .join('\n');
}
async function sheetRows(bytes: Buffer, sheet = 1): Promise<unknown[][]> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[sheet - 1]?.eachRow((r) => {
    rows.push((r.values as unknown[]).slice(1));
  });
  return rows;
}

const PHONE = '13912345678';
const NAME = '欧阳保密';

describe('举报 exports (GET /reports/export, GET /report-stats/export)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(new Date('2026-06-15T02:00:00Z'));
    const org = await seedOrg(t.database);
    const identity = t.services.reportModule.identity;
    const A = await makeEnterprise(t.database, { name: '甲化工', regionCode: codes.village1, supervisingUnitId: org.units.emergency.id });
    const B = await makeEnterprise(t.database, { name: '乙电梯', regionCode: codes.village2, supervisingUnitId: org.units.market.id });
    const O = await makeEnterprise(t.database, {
      name: '邻镇丙厂',
      regionCode: codes.otherVillage,
      supervisingUnitId: org.units.otherEmergency.id,
    });
    const ex = t.database.db;
    await makeReport(ex, identity, {
      enterprise: A,
      status: 'founded',
      description: '仓库里堆放了大量液化气瓶',
      reporterName: NAME,
      reporterPhone: PHONE,
      receivedAt: new Date('2026-03-01T02:00:00Z'),
      acceptedOn: '2026-03-02',
      decidedOn: '2026-03-20',
    });
    await makeReport(ex, identity, {
      enterprise: B,
      status: 'verifying',
      channel: 'internal',
      receivedAt: new Date('2026-04-01T02:00:00Z'),
      acceptedOn: '2026-04-02',
      dueOn: '2026-06-01',
    });
    await makeReport(ex, identity, { enterprise: O, status: 'received', description: '邻镇的举报' });
  });
  afterAll(() => t.close());

  it('the list as .xlsx with the list filters and the caller scope; 实名 yes/no, never the name or phone', async () => {
    const office = await loginAs(t.app, 'office');
    const res = await office.get('/api/v1/reports/export');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toContain('实名');
    expect(rows).toHaveLength(3);
    const named = rows.find((r) => r.includes('仓库里堆放了大量液化气瓶'));
    expect(named).toEqual(expect.arrayContaining(['甲化工', '东村', '示例镇应急管理办公室', '属实', '是', '2026-03-01', '2026-03-20']));
    expect(rows.find((r) => r.includes('乙电梯'))).toEqual(expect.arrayContaining(['内部吹哨人', '核查中', '超期', '否']));
    const xml = xmlParts(res.rawPayload);
    expect(xml).toContain('仓库里堆放了大量液化气瓶');
    expect(xml).not.toContain(PHONE);
    expect(xml).not.toContain(NAME);
    expect(xml).not.toContain('邻镇的举报');

    const founded = await sheetRows((await office.get('/api/v1/reports/export?status=founded&named=true')).rawPayload);
    expect(founded).toHaveLength(2);
    const overdue = await sheetRows((await office.get('/api/v1/reports/export?overdue=true&channel=internal&month=2026-04')).rawPayload);
    expect(overdue).toHaveLength(2);
    const unit = await loginAs(t.app, 'unit');
    const own = await sheetRows((await unit.get('/api/v1/reports/export')).rawPayload);
    expect(own.map((r) => r[0])).toHaveLength(2);
    expect(own[1]).toContain('乙电梯');
  });

  it('the statistics as .xlsx: numbers only, no identity', async () => {
    const office = await loginAs(t.app, 'office');
    const res = await office.get('/api/v1/report-stats/export?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('2026举报统计.xlsx');
    const summary = await sheetRows(res.rawPayload);
    expect(summary).toContainEqual(['收到', 2]);
    expect(summary).toContainEqual(['属实率', '100%']);
    const xml = xmlParts(res.rawPayload);
    expect(xml).toContain('按举报渠道');
    expect(xml).not.toContain(PHONE);
    expect(xml).not.toContain(NAME);
  });
});
