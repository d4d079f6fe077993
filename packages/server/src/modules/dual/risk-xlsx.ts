import {
  assessmentMethodLabels,
  checkCycleLabels,
  controlLevelLabels,
  measureKindLabels,
  type RiskSheetKey,
  type RiskTree,
  riskLevelLabels,
  riskPointKindLabels,
  riskSheetColumns,
} from '@anzhi/core';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../lib/exceljs.ts';

const headerFont = { bold: true };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function sheet(wb: ExcelJS.Workbook, name: string, columns: Array<{ header: string; width?: number }>) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = headerFont;
  ws.getRow(1).fill = headerFill;
  return ws;
}

type Row = Partial<Record<RiskSheetKey, string | number | null>>;

/** One row per measure (a measure with several tasks gives a row per task; an event without measures one row). */
function sheetRows(tree: RiskTree): Row[] {
  const rows: Row[] = [];
  for (const p of tree.points)
    for (const u of p.units)
      for (const ev of u.events) {
        const base: Row = {
          point: p.name,
          kind: riskPointKindLabels[p.kind],
          location: p.location,
          unit: u.name,
          event: ev.name,
          consequence: ev.consequence,
          method: ev.method === 'lec' ? 'LEC' : 'LS',
          l: ev.l,
          e: ev.e,
          c: ev.c,
          s: ev.s,
          score: ev.score,
          level: riskLevelLabels[ev.level],
          controlLevel: controlLevelLabels[ev.controlLevel],
        };
        if (ev.measures.length === 0) rows.push(base);
        for (const m of ev.measures) {
          const withMeasure = { ...base, measureKind: measureKindLabels[m.kind], measure: m.content };
          if (m.tasks.length === 0) rows.push(withMeasure);
          for (const t of m.tasks) rows.push({ ...withMeasure, cycle: checkCycleLabels[t.cycle], post: t.postName, owner: t.ownerName });
        }
      }
  return rows;
}

/** The chain as one sheet, in the import's own layout (what is exported can be imported back). */
export async function riskSheetWorkbook(tree: RiskTree): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = '安治 AnZhi';
  const ws = sheet(wb, '风险分级管控清单', [...riskSheetColumns]);
  for (const r of sheetRows(tree)) ws.addRow(riskSheetColumns.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cycleUnit = { shift: ['1', '班'], day: ['1', '日'], week: ['1', '周'], month: ['1', '月'], quarter: ['1', '季'] } as const;
const pointCode = (id: number) => `FXD${String(id).padStart(8, '0')}`;
const unitCode = (id: number) => `FXDY${String(id).padStart(8, '0')}`;
const eventCode = (id: number) => `FXSJ${String(id).padStart(8, '0')}`;
const measureCode = (id: number) => `GKCS${String(id).padStart(8, '0')}`;

/**
 * The national dual-prevention digital system's 数据接入 layout as we know it (the field list published for the
 * 危险化学品企业双重预防机制数字化建设 interface): five sheets 风险分析对象 / 风险分析单元 / 风险事件 / 管控措施 /
 * 排查任务, linked by codes. Codes are derived from our ids so a re-export keeps them; 责任部门 and 责任人 are the
 * watching post and the task owner where we have them. Fill once, report upward without retyping.
 */
export async function riskNationalWorkbook(tree: RiskTree, creditCode: string | null): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  wb.creator = '安治 AnZhi';
  const objects = sheet(wb, '风险分析对象', [
    { header: '企业统一社会信用代码', width: 22 },
    { header: '对象编码' },
    { header: '对象名称', width: 20 },
    { header: '对象类型' },
    { header: '所在位置' },
    { header: '责任部门' },
    { header: '责任人' },
    { header: '风险等级' },
    { header: '复评日期' },
  ]);
  const units = sheet(wb, '风险分析单元', [{ header: '对象编码' }, { header: '单元编码' }, { header: '单元名称', width: 20 }]);
  const events = sheet(wb, '风险事件', [
    { header: '单元编码' },
    { header: '事件编码' },
    { header: '事件名称', width: 24 },
    { header: '可能导致的后果' },
    { header: '评估方法', width: 28 },
    { header: '风险值' },
    { header: '风险等级' },
    { header: '管控层级' },
  ]);
  const measures = sheet(wb, '管控措施', [
    { header: '事件编码' },
    { header: '措施编码' },
    { header: '管控措施描述', width: 40 },
    { header: '管控方式' },
    { header: '措施分类' },
  ]);
  const tasks = sheet(wb, '排查任务', [
    { header: '措施编码' },
    { header: '任务编码' },
    { header: '排查内容', width: 40 },
    { header: '排查周期' },
    { header: '周期单位' },
    { header: '责任岗位' },
    { header: '责任人' },
    { header: '任务状态' },
  ]);
  for (const p of tree.points) {
    const owner = p.units.flatMap((u) => u.events.flatMap((e) => e.measures.flatMap((m) => m.tasks.map((t) => t.ownerName)))).find(Boolean);
    objects.addRow([
      creditCode,
      pointCode(p.id),
      p.name,
      riskPointKindLabels[p.kind],
      p.location,
      p.postName,
      owner ?? null,
      p.level ? riskLevelLabels[p.level] : null,
      p.reviewedOn,
    ]);
    for (const u of p.units) {
      units.addRow([pointCode(p.id), unitCode(u.id), u.name]);
      for (const ev of u.events) {
        events.addRow([
          unitCode(u.id),
          eventCode(ev.id),
          ev.name,
          ev.consequence,
          assessmentMethodLabels[ev.method],
          ev.score,
          riskLevelLabels[ev.level],
          controlLevelLabels[ev.controlLevel],
        ]);
        for (const m of ev.measures) {
          measures.addRow([
            eventCode(ev.id),
            measureCode(m.id),
            m.content,
            m.tasks.length > 0 ? '排查' : '自动化监控',
            measureKindLabels[m.kind],
          ]);
          for (const t of m.tasks) {
            const [every, unit] = cycleUnit[t.cycle];
            tasks.addRow([
              measureCode(m.id),
              `PCRW${String(t.id).padStart(8, '0')}`,
              t.title,
              every,
              unit,
              t.postName,
              t.ownerName,
              t.active ? '启用' : '停用',
            ]);
          }
        }
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
