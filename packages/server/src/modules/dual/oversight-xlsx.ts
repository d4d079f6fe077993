import { checkCycleLabels, type DualOversight, type DualOversightFigures } from '@anzhi/core';
import { loadExcelJS } from '../../lib/exceljs.ts';

const columns: Array<[string, (f: DualOversightFigures) => string | number]> = [
  ['应排查', (f) => f.due.value ?? ''],
  ['按期完成', (f) => f.onTime.value ?? ''],
  ['逾期完成', (f) => f.late.value ?? ''],
  ['漏查', (f) => f.missed.value ?? ''],
  ['按期率', (f) => (f.onTimeRate.value == null ? '' : `${f.onTimeRate.value}%`)],
  ...Object.entries(checkCycleLabels).flatMap(
    ([cycle, label]): Array<[string, (f: DualOversightFigures) => string | number]> => [
      [`${label}按期`, (f) => f.cycles.find((c) => c.cycle === cycle)?.onTime.value ?? ''],
      [`${label}逾期`, (f) => f.cycles.find((c) => c.cycle === cycle)?.late.value ?? ''],
      [`${label}漏查`, (f) => f.cycles.find((c) => c.cycle === cycle)?.missed.value ?? ''],
    ],
  ),
  ['主要负责人排查已做', (f) => f.principalDone.value ?? ''],
  ['主要负责人排查缺失', (f) => f.principalMissing.value ?? ''],
  ['风险点', (f) => f.riskPoints.value ?? ''],
  ['长期未复评', (f) => f.reviewOverdue.value ?? ''],
  ['待核实形式主义提示', (f) => f.openSignals.value ?? ''],
];

/** 双重预防监督统计 as an .xlsx: one sheet per grouping (企业、行业领域、村), the same figures as the page. */
export async function oversightXlsx(data: DualOversight): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  for (const g of data.groups) {
    const ws = wb.addWorksheet(`按${g.label}`, { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
    ws.addRow([`双重预防监督统计（${data.from} 至 ${data.to}，截至 ${data.asOf}）`]).font = { bold: true, size: 14 };
    ws.addRow([g.label, ...columns.map(([h]) => h)]).font = { bold: true };
    ws.getColumn(1).width = 28;
    for (const r of g.rows) ws.addRow([r.label, ...columns.map(([, get]) => get(r.figures))]);
    ws.addRow(['合计', ...columns.map(([, get]) => get(data.totals))]).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
