import type { ReportFigures, ReportStats, StatNumber } from '@anzhi/core';
import { loadExcelJS } from '../../lib/exceljs.ts';

const v = (n: StatNumber | undefined) => n?.value ?? '';
const pct = (n: StatNumber | undefined) => (n?.value == null ? '' : `${n.value}%`);

const figureColumns: Array<[string, (f: ReportFigures) => string | number]> = [
  ['收到', (f) => v(f.received)],
  ['办理中', (f) => v(f.open)],
  ['超期', (f) => v(f.overdue)],
  ['已办结', (f) => v(f.decided)],
  ['属实', (f) => v(f.founded)],
  ['不属实', (f) => v(f.unfounded)],
  ['属实率', (f) => pct(f.foundedRate)],
  ['不予受理', (f) => v(f.rejected)],
  ['合并办理', (f) => v(f.merged)],
  ['实名', (f) => v(f.named)],
];

/** 举报统计 as an .xlsx: the headline figures, one table per group, and the months. Counts only — no identities. */
export async function reportStatsXlsx(stats: ReportStats): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  const title = stats.year ? `${stats.year}年举报统计` : `举报统计（${stats.from} 至 ${stats.to}）`;

  const ws = wb.addWorksheet('总体', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, 4);
  const head = ws.getCell(1, 1);
  head.value = `${title}（截至${stats.asOf}）`;
  head.font = { bold: true, size: 16 };
  ws.addRow(['指标', '数值']).font = { bold: true };
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 16;
  for (const [label, get] of figureColumns) ws.addRow([label, get(stats.totals)]);
  ws.addRow(['核查用时中位数（天）', v(stats.verify.medianDays)]);
  ws.addRow(['核查用时 90 分位（天）', v(stats.verify.p90Days)]);
  ws.addRow(['已办结（计入用时）', v(stats.verify.decided)]);
  ws.addRow(['已受理仍在核查', v(stats.verify.stillOpen)]);
  ws.addRow(['批准奖励（件）', v(stats.rewards.granted)]);
  ws.addRow(['批准奖励金额（元）', v(stats.rewards.grantedAmount)]);
  ws.addRow(['已发放奖励（件）', v(stats.rewards.paid)]);
  ws.addRow(['已发放金额（元）', v(stats.rewards.paidAmount)]);

  for (const g of stats.groups) {
    const sheet = wb.addWorksheet(`按${g.label}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([g.label, ...figureColumns.map(([h]) => h)]).font = { bold: true };
    sheet.getColumn(1).width = 28;
    for (const r of g.rows) sheet.addRow([r.label, ...figureColumns.map(([, get]) => get(r.figures))]);
  }

  const months = wb.addWorksheet('按月', { views: [{ state: 'frozen', ySplit: 1 }] });
  months.addRow(['月份', ...figureColumns.map(([h]) => h), '发放奖励（件）', '发放金额（元）']).font = { bold: true };
  for (const m of stats.months)
    months.addRow([m.month, ...figureColumns.map(([, get]) => get(m.figures)), v(m.rewardsPaid), v(m.rewardsPaidAmount)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
