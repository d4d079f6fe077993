import { locateHeaderRow, parseEnterpriseSheet, type SheetRow } from '@anzhi/core';
import { errors } from '../../lib/errors.ts';
import { loadVisibleSheets, sheetRows } from '../../lib/xlsx-workbook.ts';
import type { ZipBudget } from '../../lib/zip-budget.ts';

/**
 * What an enterprise ledger may expand to. A township's ledger of a few thousand enterprises is a few MB of XML;
 * these leave ample room and refuse a 330 MB "bomb" before ExcelJS builds it into memory.
 */
export const ENTERPRISE_XLSX_BUDGET: ZipBudget = {
  label: 'Excel 工作簿',
  maxEntries: 2_000,
  maxEntryBytes: 80 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRows: 50_000,
};

const notXlsx = () =>
  errors.badRequest(
    'enterprise.import_not_xlsx',
    '文件不是有效的 Excel 工作簿（.xlsx）。如果是 .xls、.csv 或 WPS 文件，请在 Excel/WPS 中“另存为”.xlsx 格式后再导入',
  );

/**
 * The rows of the sheet to import: the first visible sheet whose first 10 rows hold a header row. Throws a 4xx
 * with a Chinese message for anything that is not a readable workbook or is over the budget.
 */
export async function readEnterpriseSheet(buffer: Uint8Array): Promise<{ sheetName: string; rows: SheetRow[] }> {
  const sheets = await loadVisibleSheets(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), ENTERPRISE_XLSX_BUDGET, notXlsx);
  if (sheets.length === 0) throw errors.badRequest('enterprise.import_no_sheet', '工作簿中没有可见的工作表');
  for (const sheet of sheets) {
    if (locateHeaderRow(sheetRows(sheet, 10).map((r) => r.cells))) return { sheetName: sheet.name, rows: sheetRows(sheet) };
  }
  throw errors.badRequest(
    'enterprise.import_no_header',
    '未找到表头：前 10 行中没有同时包含“企业名称”（或“单位名称”）和其他列名（如“统一社会信用代码”“地址”）的行',
  );
}

/** The sheet read and its rows checked (core's rules): all the CPU of an import, run in the parse pool. */
export async function readEnterpriseImport(buffer: Uint8Array) {
  const { sheetName, rows } = await readEnterpriseSheet(buffer);
  return { sheetName, sheet: parseEnterpriseSheet(rows) };
}
