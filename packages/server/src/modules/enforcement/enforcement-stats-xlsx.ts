import type { EnforcementStats, StatNumber } from '@anzhi/core';
import { loadExcelJS } from '../../lib/exceljs.ts';

const v = (n: StatNumber | undefined) => n?.value ?? '';
const pct = (n: StatNumber | undefined) => (n?.value == null ? '' : `${n.value}%`);

/**
 * The unit table of 执法统计 as an .xlsx: one row per enforcing unit with its year figures and its signals, then, on a
 * second sheet, planned / scheduled / done per month.
 */
export async function enforcementStatsXlsx(stats: EnforcementStats): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet('执法统计', { views: [{ state: 'frozen', ySplit: 2 }] });
  const columns: Array<[string, number, (u: EnforcementStats['units'][number]) => string | number]> = [
    ['执法单位', 26, (u) => u.unitName],
    ['计划检查', 10, (u) => v(u.figures.planned)],
    ['已安排', 10, (u) => v(u.figures.scheduled)],
    ['已完成', 10, (u) => v(u.figures.done)],
    ['完成率', 10, (u) => pct(u.figures.completionRate)],
    ['重点对象', 10, (u) => v(u.figures.keyTargets)],
    ['已覆盖', 10, (u) => v(u.figures.keyCovered)],
    ['覆盖率', 10, (u) => pct(u.figures.coverageRate)],
    ['发现隐患', 10, (u) => v(u.figures.hazardsFound)],
    ['其中重大', 10, (u) => v(u.figures.majorHazardsFound)],
    ['每次检查发现隐患', 14, (u) => v(u.figures.hazardsPerCheck)],
    ['重大隐患检查数', 14, (u) => v(u.figures.majorFailedChecks)],
    ['已立案', 10, (u) => v(u.figures.majorCases)],
    ['立案率', 10, (u) => pct(u.figures.caseRate)],
    ['处罚件数', 10, (u) => v(u.figures.penaltyCases)],
    ['处罚金额（元）', 14, (u) => v(u.figures.penaltyAmount)],
    ['约谈提示', 50, (u) => u.signals.map((s) => `${s.label}：${s.reason}`).join('\n')],
  ];
  ws.mergeCells(1, 1, 1, columns.length);
  const head = ws.getCell(1, 1);
  head.value = `${stats.year}年执法检查统计（截至${stats.asOf}）`;
  head.font = { bold: true, size: 16 };
  head.alignment = { horizontal: 'center' };
  ws.addRow(columns.map(([h]) => h)).font = { bold: true };
  columns.forEach(([, width], i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const u of stats.units) ws.addRow(columns.map(([, , value]) => value(u)));
  const total = { unitName: '合计', figures: stats.totals, signals: [], unitId: 0, months: [] };
  ws.addRow(columns.map(([, , value], i) => (i === columns.length - 1 ? '' : value(total)))).font = { bold: true };

  const months = wb.addWorksheet('按月计划与完成', { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
  months.addRow(['执法单位', ...Array.from({ length: 12 }, (_, k) => `${k + 1}月`)]).font = { bold: true };
  months.addRow(['', ...Array.from({ length: 12 }, () => '计划/安排/完成')]);
  months.getColumn(1).width = 26;
  for (let k = 2; k <= 13; k++) months.getColumn(k).width = 14;
  for (const u of stats.units) months.addRow([u.unitName, ...u.months.map((m) => `${v(m.planned)}/${v(m.scheduled)}/${v(m.done)}`)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
