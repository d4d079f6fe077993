import type { EnforcementPlanDetail } from '@anzhi/core';
import { loadExcelJS } from '../../lib/exceljs.ts';

/**
 * The 年度监督检查计划 table as county plans print it (安监总政法〔2017〕150号; regulations.md §9.2): the work-day
 * arithmetic on top, then one line per target — category, why, how often, and a mark under each planned month.
 */
export async function enforcementPlanXlsx(plan: EnforcementPlanDetail): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet('年度监督检查计划', { views: [{ state: 'frozen', ySplit: 5 }] });
  const width = 6 + 12;
  const c = plan.capacity;
  const lines = [
    `${plan.unitName} ${plan.year} 年度安全生产监督检查计划（${plan.status === 'approved' ? '已批准' : '草稿'}）`,
    `总法定工作日 ${c.legalWorkdays} 日（年法定工作日 × 执法人员 ${c.inspectors} 人，计划期 ${c.months} 个月）；监督检查工作日 = ${c.inspectors} 人 × 每月 ${c.inspectionDaysPerMonth} 天 × ${c.months} 个月 = ${c.inspectionPersonDays} 人日`,
    `检查能力 = ${c.inspectionPersonDays} ÷ 每次 ${c.personDaysPerCheck} 人日 = ${c.capacityChecks} 次；计划检查 ${plan.plannedChecks} 次（重点检查 ${plan.keyTargets} 家，一般检查 ${plan.generalTargets} 家，一般检查对象库 ${plan.generalPool} 家）；未列入 ${plan.leftOut.length} 家`,
  ];
  lines.forEach((text, i) => {
    ws.mergeCells(i + 1, 1, i + 1, width);
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = i === 0 ? { bold: true, size: 16 } : { size: 11 };
    cell.alignment = i === 0 ? { horizontal: 'center' } : { wrapText: true };
  });
  ws.addRow([]);
  const header = ws.addRow([
    '序号',
    '被检查单位',
    '所在区划',
    '检查类别',
    '列入理由',
    '年检查次数',
    ...Array.from({ length: 12 }, (_, k) => `${k + 1}月`),
  ]);
  header.font = { bold: true };
  [6, 34, 14, 12, 40, 10].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (let m = 0; m < 12; m++) ws.getColumn(7 + m).width = 5;
  plan.items.forEach((item, k) => {
    ws.addRow([
      k + 1,
      item.enterpriseName,
      item.regionCode,
      item.kind === 'key' ? '重点检查' : '一般检查（双随机）',
      item.reasons.join('、'),
      item.checksPerYear,
      ...Array.from({ length: 12 }, (_, m) => (item.months.includes(m + 1) ? '√' : '')),
    ]);
  });
  const totals = Array.from({ length: 12 }, (_, m) => plan.monthlyLoad.find((l) => l.month === m + 1)?.planned ?? '');
  ws.addRow(['', '合计', '', '', '', plan.plannedChecks, ...totals]).font = { bold: true };
  if (plan.leftOut.length) {
    ws.addRow([]);
    ws.addRow(['', '因检查能力所限未列入的对象']).font = { bold: true };
    for (const l of plan.leftOut) ws.addRow(['', l.enterpriseName, '', '', l.reason]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
