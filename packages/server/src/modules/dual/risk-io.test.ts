import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codes,
  countRows,
  loginAs,
  makeEnterprise,
  multipart,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';

const messy = readFileSync(new URL('../../../test/fixtures/dual/risk-import-messy.xlsx', import.meta.url));

async function workbookOf(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('清单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const header = [
  '风险点名称',
  '对象类型',
  '风险分析单元',
  '风险事件',
  '评估方法',
  'L',
  'E',
  'C',
  'S',
  '措施分类',
  '管控措施',
  '排查周期',
  '责任岗位',
  '责任人',
];

describe('风险分级管控 in Excel: import (all rows or none), export in the same layout, the national interface layout', () => {
  let t: TestApp;
  let ent: EnterpriseRow;
  let copy: EnterpriseRow;
  let office: Session;

  beforeAll(async () => {
    t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
    const org = await seedOrg(t.database);
    ent = await makeEnterprise(t.database, {
      name: '东村冲压厂',
      regionCode: codes.village1,
      supervisingUnitId: org.units.market.id,
      creditCode: '91339901MA2H0C0A1X',
    });
    copy = await makeEnterprise(t.database, { name: '东村冲压二厂', regionCode: codes.village1 });
    office = await loginAs(t.app, 'office');
  });
  afterAll(() => t.close());

  const upload = (enterpriseId: number, file: Buffer) =>
    office.request({ method: 'POST', url: `/api/v1/enterprises/${enterpriseId}/risk-import`, ...multipart(file, '风险清单.xlsx') });

  it('reads a messy ledger: title and two-row merged header, merged and blank "same as above" cells, blank rows, 全角 numbers, "6（相当可能）"', async () => {
    const res = await upload(ent.id, messy);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ points: 2, units: 3, events: 3, measures: 5, tasks: 4 });
    const tree = (await office.get(`/api/v1/enterprises/${ent.id}/risk-tree`)).json();
    const press = tree.points.find((p: { name: string }) => p.name === '1号冲压机');
    expect(press).toMatchObject({ kind: 'device', location: '一车间', level: 'high' });
    expect(press.units[0].events[0]).toMatchObject({ name: '手部进入模具区', l: 6, e: 6, c: 7, score: 252, level: 'high' });
    expect(press.units[0].events[0].measures.map((m: { tasks: unknown[] }) => m.tasks.length)).toEqual([1, 1]);
    expect(press.units[1].events[0]).toMatchObject({ method: 'ls', l: 2, s: 3, score: 6, level: 'medium' });
    expect(tree.enterprise.assessedRiskLevel).toBe('high');
    // The same sheet again adds nothing.
    expect((await upload(ent.id, messy)).json()).toEqual({ points: 0, units: 0, events: 0, measures: 0, tasks: 0 });
  });

  it('refuses a sheet with any bad row, naming row and column in Chinese, and writes nothing', async () => {
    const before = await countRows(t.database, 'risk_points');
    const file = await workbookOf([
      header,
      ['叉车作业', '作业活动', '厂内运输', '叉车撞人', 'LEC', 3, 6, 15, null, '管理', '限速 5 km/h', '每日', null, '刘队长'],
      ['喷漆房', '场所', '调漆间', '火灾爆炸', 'LEC', 5, 6, 40, null, '工程技术', '防爆电器', '每日', null, '赵主任'],
      ['锅炉', '设备', '燃烧器', '炉膛爆炸', 'LS', 2, null, null, 5, '维护保养', '熄火保护完好', '每周', null, null],
    ]);
    const res = await upload(copy.id, file);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('第 3 行“L”');
    expect(res.json().message).toContain('事故发生的可能性 L');
    expect(res.json().message).toContain('第 4 行“责任岗位”');
    expect(await countRows(t.database, 'risk_points')).toBe(before);
    const notXlsx = await upload(copy.id, Buffer.from('风险点名称,管控措施\n'));
    expect(notXlsx.statusCode).toBe(400);
  });

  it('exports in the import layout (a round trip gives the same chain) and in the national five-sheet layout', async () => {
    const res = await office.get(`/api/v1/enterprises/${ent.id}/risk-export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const again = await upload(copy.id, res.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ points: 2, units: 3, events: 3, measures: 5, tasks: 4 });

    const national = await office.get(`/api/v1/enterprises/${ent.id}/risk-national`);
    expect(national.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(national.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['风险分析对象', '风险分析单元', '风险事件', '管控措施', '排查任务']);
    const headers = (name: string) => ((wb.getWorksheet(name)?.getRow(1).values ?? []) as unknown[]).filter(Boolean);
    expect(headers('风险分析对象')).toEqual(expect.arrayContaining(['对象编码', '对象名称', '对象类型', '责任部门', '责任人', '风险等级']));
    expect(headers('管控措施')).toEqual(expect.arrayContaining(['管控措施描述', '管控方式', '措施分类']));
    expect(headers('排查任务')).toEqual(expect.arrayContaining(['排查内容', '排查周期', '周期单位']));
    expect(wb.getWorksheet('风险分析对象')?.rowCount).toBe(3);
    expect(wb.getWorksheet('排查任务')?.rowCount).toBe(5);
    expect(wb.getWorksheet('风险分析对象')?.getCell('A2').value).toBe('91339901MA2H0C0A1X');
  });
});
