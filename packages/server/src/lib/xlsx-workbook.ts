import type { RawCell, SheetRow } from '@anzhi/core';
import type ExcelJS from 'exceljs';
import type { AppError } from './errors.ts';
import { loadExcelJS } from './exceljs.ts';
import { measureZip, NotZipError, type ZipBudget } from './zip-budget.ts';

/** An .xlsx (or .docx) is a ZIP archive: its first bytes are "PK\x03\x04". The name and the declared type are not trusted. */
export function looksLikeZip(buffer: Uint8Array): boolean {
  return buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

/**
 * The visible sheets of an uploaded workbook, after its zip is measured against the reader's budget. Throws
 * `notXlsx()` for anything that is not a readable workbook, and the budget's 413 for one that expands too far.
 */
export async function loadVisibleSheets(buffer: Buffer, budget: ZipBudget, notXlsx: () => AppError): Promise<ExcelJS.Worksheet[]> {
  if (!looksLikeZip(buffer)) throw notXlsx();
  try {
    await measureZip(buffer, budget);
  } catch (e) {
    throw e instanceof NotZipError ? notXlsx() : e;
  }
  const Excel = await loadExcelJS();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw notXlsx();
  }
  // Excel never saves a workbook without a sheet: a ZIP without one is some other file (a .docx, an archive).
  if (workbook.worksheets.length === 0) throw notXlsx();
  return workbook.worksheets.filter((s) => s.state === 'visible' || s.state === undefined);
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
