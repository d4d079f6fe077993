import {
  escalationStepLabels,
  type HazardSummary,
  hazardCategoryLabels,
  hazardChannelLabels,
  hazardGradeLabels,
  hazardStatusLabels,
  isCleared,
  majorReportItemLabels,
  majorReportItems,
  supervisionLevelLabels,
} from '@anzhi/core';
import { loadExcelJS } from '../../lib/exceljs.ts';

/** One ledger row: the summary and the texts the workbook prints. */
export type LedgerRow = HazardSummary & {
  description: string;
  citations: string[];
  cause: string | null;
  harm: string | null;
  difficulty: string | null;
};

/** The 隐患排查治理台账 columns townships report upward. */
const columns: Array<[header: string, width: number, value: (h: LedgerRow) => string | number]> = [
  ['隐患编号', 18, (h) => h.code],
  ['企业（单位）名称', 30, (h) => h.enterpriseName ?? h.placeName ?? ''],
  ['所在村（社区）', 14, (h) => h.regionName ?? h.regionCode],
  ['监管单位', 20, (h) => h.supervisingUnitName ?? ''],
  ['隐患来源', 14, (h) => hazardChannelLabels[h.channel]],
  ['隐患等级', 14, (h) => hazardGradeLabels[h.grade]],
  ['隐患类别', 14, (h) => hazardCategoryLabels[h.category]],
  ['隐患名称', 30, (h) => h.title],
  ['隐患描述', 50, (h) => h.description],
  // 16号令 第十四条第二款: the report items of a major hazard.
  ...majorReportItems.map((k): [string, number, (h: LedgerRow) => string] => [majorReportItemLabels[k], 30, (h) => h[k] ?? '']),
  ['判定依据', 40, (h) => h.citations.join('；')],
  ['发现日期', 12, (h) => h.foundOn],
  ['整改期限', 12, (h) => h.deadline ?? ''],
  ['整改状态', 14, (h) => hazardStatusLabels[h.status]],
  ['是否逾期', 10, (h) => (h.overdue ? `逾期${h.daysOverdue}天` : '否')],
  ['督办级别', 14, (h) => (h.supervisionLevel ? supervisionLevelLabels[h.supervisionLevel] : '')],
  ['问责措施', 10, (h) => (h.escalationStep ? escalationStepLabels[h.escalationStep] : '')],
  ['销号日期', 12, (h) => (isCleared(h.status) ? (h.closedOn ?? '') : '')],
];

/** Streams the ledger into an .xlsx: rows arrive in batches, so a large export never sits in memory whole. */
export async function hazardLedgerXlsx(title: string, batches: AsyncIterable<LedgerRow[]>): Promise<Buffer> {
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet('隐患台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, columns.length + 1);
  const head = ws.getCell(1, 1);
  head.value = title;
  head.font = { bold: true, size: 16 };
  head.alignment = { horizontal: 'center' };
  const header = ws.addRow(['序号', ...columns.map(([h]) => h)]);
  header.font = { bold: true };
  ws.getColumn(1).width = 6;
  columns.forEach(([, width], i) => {
    ws.getColumn(i + 2).width = width;
  });
  let n = 0;
  for await (const batch of batches) {
    for (const h of batch) ws.addRow([++n, ...columns.map(([, , value]) => value(h))]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
