import { parseRiskSheet } from '@anzhi/core';
import { errors } from '../../lib/errors.ts';
import { loadVisibleSheets, sheetRows } from '../../lib/xlsx-workbook.ts';
import type { ZipBudget } from '../../lib/zip-budget.ts';

/** A risk ledger of an enterprise is a few hundred rows: ample room, and a zip bomb is refused before it is built. */
export const RISK_XLSX_BUDGET: ZipBudget = {
  label: 'Excel 工作簿',
  maxEntries: 500,
  maxEntryBytes: 30 * 1024 * 1024,
  maxTotalBytes: 40 * 1024 * 1024,
  maxRows: 5_000,
};

const notXlsx = () =>
  errors.badRequest(
    'dual.risk_import_not_xlsx',
    '文件不是有效的 Excel 工作簿（.xlsx）。如果是 .xls 或 WPS 文件，请“另存为”.xlsx 格式后再导入',
  );

/** The first visible sheet with a risk-ledger header (风险点名称 and 管控措施 in its first 10 rows), parsed by core. */
export async function readRiskImport(buffer: Uint8Array) {
  const sheets = await loadVisibleSheets(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), RISK_XLSX_BUDGET, notXlsx);
  for (const sheet of sheets) {
    const parsed = parseRiskSheet(sheetRows(sheet));
    if (parsed) return parsed;
  }
  throw errors.badRequest('dual.risk_import_no_header', '未找到表头：前 10 行中没有同时包含“风险点名称”和“管控措施”的行');
}
