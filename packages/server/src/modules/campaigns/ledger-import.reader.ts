import { type LedgerSheetType, parseLedgerSheet } from '@anzhi/core';
import { errors } from '../../lib/errors.ts';
import { loadVisibleSheets, sheetRows } from '../../lib/xlsx-workbook.ts';
import type { ZipBudget } from '../../lib/zip-budget.ts';

/** A township's ledger of one object type is a few thousand rows: ample room, and a zip bomb is refused before it is built. */
export const LEDGER_XLSX_BUDGET: ZipBudget = {
  label: 'Excel 工作簿',
  maxEntries: 1_000,
  maxEntryBytes: 40 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  maxRows: 20_000,
};

const notXlsx = () =>
  errors.badRequest(
    'ledger.import_not_xlsx',
    '文件不是有效的 Excel 工作簿（.xlsx）。如果是 .xls、.csv 或 WPS 文件，请在 Excel/WPS 中“另存为”.xlsx 格式后再导入',
  );

/**
 * The first visible sheet whose first 10 rows hold a header naming 名称 and another column of the type, parsed by
 * core (parseLedgerSheet). Throws a Chinese 4xx for anything not a readable workbook, over budget, or without header.
 */
export async function readLedgerImport(buffer: Uint8Array, type: LedgerSheetType) {
  const sheets = await loadVisibleSheets(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), LEDGER_XLSX_BUDGET, notXlsx);
  for (const sheet of sheets) {
    const parsed = parseLedgerSheet(sheetRows(sheet), type);
    if (parsed) return { sheetName: sheet.name, sheet: parsed };
  }
  throw errors.badRequest(
    'ledger.import_no_header',
    `未找到表头：前 10 行中没有同时包含“名称”和其他列名（如“${type.anchor === 'enterprise' ? '所属企业' : '所在村（社区）'}”“地址”）的行`,
  );
}
