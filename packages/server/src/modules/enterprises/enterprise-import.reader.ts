import { locateHeaderRow, type RawCell, type SheetRow } from '@anzhi/core';
import ExcelJS from 'exceljs';
import { errors } from '../../lib/errors.ts';

const notXlsx = () =>
  errors.badRequest(
    'enterprise.import_not_xlsx',
    '文件不是有效的 Excel 工作簿（.xlsx）。如果是 .xls、.csv 或 WPS 文件，请在 Excel/WPS 中“另存为”.xlsx 格式后再导入',
  );

/** An .xlsx is a ZIP archive: its first bytes are "PK\x03\x04". The name and the declared type are not trusted. */
export function looksLikeXlsx(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

/** A cell's value without Excel's wrappers: rich text joined, formulas as their result, hyperlinks as their text. */
function plainValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value as RawCell;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return null;
  if ('result' in value) return plainValue(value.result as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('text' in value) return plainValue(value.text as ExcelJS.CellValue);
  return null;
}

export function sheetRows(sheet: ExcelJS.Worksheet, limit = Number.POSITIVE_INFINITY): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > limit) return;
    // row.values is 1-based and sparse; a merged range gives every cell the value of its top-left cell.
    const values = row.values as ExcelJS.CellValue[];
    const cells: RawCell[] = new Array(Math.max(0, values.length - 1));
    for (let i = 1; i < values.length; i++) cells[i - 1] = plainValue(values[i]);
    rows.push({ row: number, cells });
  });
  return rows;
}

/**
 * The rows of the sheet to import: the first visible sheet whose first 10 rows hold a header row. Throws a 400
 * with a Chinese message for anything that is not a readable workbook.
 */
export async function readEnterpriseSheet(buffer: Buffer): Promise<{ sheetName: string; rows: SheetRow[] }> {
  if (!looksLikeXlsx(buffer)) throw notXlsx();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw notXlsx();
  }
  // Excel never saves a workbook without a sheet: a ZIP without one is some other file (a .docx, an archive).
  if (workbook.worksheets.length === 0) throw notXlsx();
  const sheets = workbook.worksheets.filter((s) => s.state === 'visible' || s.state === undefined);
  if (sheets.length === 0) throw errors.badRequest('enterprise.import_no_sheet', '工作簿中没有可见的工作表');
  for (const sheet of sheets) {
    if (locateHeaderRow(sheetRows(sheet, 10).map((r) => r.cells))) return { sheetName: sheet.name, rows: sheetRows(sheet) };
  }
  throw errors.badRequest(
    'enterprise.import_no_header',
    '未找到表头：前 10 行中没有同时包含“企业名称”（或“单位名称”）和其他列名（如“统一社会信用代码”“地址”）的行',
  );
}
