// 挂图作战责任表 (.xlsx), the layout of seed 001's annex: 序号 | 重点任务（一级指标、二级指标）| 工作措施 | 责任人 | 责任领导 |
// 时限 | 进展, with the responsible units beside the measures, generated from the ledger.
import {
  type PlanDateRef,
  type PlanReportStatus,
  type PlanTaskStatus,
  planReportFilingLabels,
  planReportStatusLabels,
  planTaskStatusLabels,
} from '@anzhi/core';
import { loadExcelJS } from '../../lib/exceljs.ts';
import type { PlanTaskRow } from './plan.repo.ts';
import type { Ledger } from './plan-ledger.ts';
import { assigneeName, collapsed } from './plan-progress.ts';

const headers: Array<[string, number]> = [
  ['序号', 6],
  ['一级指标', 22],
  ['二级指标', 28],
  ['工作措施', 60],
  ['责任单位', 24],
  ['责任人', 14],
  ['责任领导', 14],
  ['时限', 16],
  ['进展', 40],
];

export interface WallRow {
  group: string;
  task: PlanTaskRow;
  units: string;
  people: string;
  progress: string;
}

function unitsText(t: PlanTaskRow, names: Ledger['names']): string {
  const lead = collapsed(t, 'lead', names).map((a) => a.name);
  const co = collapsed(t, 'co', names).map((a) => a.name);
  return [lead.length ? `牵头：${lead.join('、')}` : '', co.length ? `配合：${co.join('、')}` : ''].filter(Boolean).join('\n');
}

/** The rows of the table: one per task, its heading above it, the latest report of each assignee as 进展. */
export function wallRows(ledger: Ledger, statuses: Map<number, PlanTaskStatus>): WallRow[] {
  const byId = new Map(ledger.nodes.map((n) => [n.id, n]));
  return ledger.tasks.map((t) => {
    const parent = t.parentId ? byId.get(t.parentId) : undefined;
    const latest = [...(ledger.latest.get(t.id)?.values() ?? [])];
    const lines = latest.map(
      (r) =>
        `${assigneeName(r.assigneeKey, ledger.names, ledger.villages)}（${r.period}）：${planReportStatusLabels[r.status as PlanReportStatus]}` +
        (r.filing === 'noChange' ? `，${planReportFilingLabels.noChange}` : '') +
        (r.summary ? `，${r.summary}` : ''),
    );
    const status = planTaskStatusLabels[statuses.get(t.id) ?? 'notStarted'];
    return {
      group: parent ? `${parent.ordinal}${parent.title}` : '',
      task: t,
      units: unitsText(t, ledger.names),
      people: t.people.join('、'),
      progress: [`【${status}】`, ...lines].join('\n'),
    };
  });
}

export async function wallTableXlsx(title: string, rows: readonly WallRow[]): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet('挂图作战', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  headers.forEach(([, width], i) => {
    ws.getColumn(i + 1).width = width;
  });
  ws.mergeCells(1, 1, 1, headers.length);
  const head = ws.getCell(1, 1);
  head.value = title;
  head.font = { bold: true, size: 16 };
  head.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  // Two header rows: 重点任务 spans 一级指标 and 二级指标, the other headers span both rows.
  ws.getRow(2).values = ['序号', '重点任务', '', '工作措施', '责任单位', '责任人', '责任领导', '时限', '进展'];
  ws.getRow(3).values = ['', '一级指标', '二级指标'];
  ws.mergeCells(2, 2, 2, 3);
  for (const col of [1, 4, 5, 6, 7, 8, 9]) ws.mergeCells(2, col, 3, col);
  for (const r of [2, 3]) {
    const row = ws.getRow(r);
    row.font = { bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  let groupStart = 4;
  rows.forEach((r, i) => {
    const deadlines = (r.task.deadlines as PlanDateRef[]).map((d) => `${d.raw}（${d.date}）`).join('\n');
    const row = ws.addRow([
      i + 1,
      r.group,
      `${r.task.ordinal}${r.task.title}`,
      r.task.text,
      r.units,
      r.people,
      r.task.leaders.join('、'),
      deadlines,
      r.progress,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' };
    // Consecutive tasks under one heading share one 一级指标 cell, as the printed tables do.
    const next = rows[i + 1];
    if (!next || next.group !== r.group) {
      if (row.number > groupStart) ws.mergeCells(groupStart, 2, row.number, 2);
      groupStart = row.number + 1;
    }
  });
  const last = ws.rowCount;
  for (let r = 2; r <= last; r++) {
    for (let c = 1; c <= headers.length; c++) {
      ws.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
