import {
  type CriteriaImportError,
  type CriteriaIssue,
  type CriteriaSet,
  type CriteriaSetImportInput,
  type CriteriaSheetFieldName,
  criteriaFieldLabels,
  criteriaSetMeta,
  criteriaSheetFieldNames,
  parseCriteriaSetJson,
  parseCriteriaSheet,
} from '@anzhi/core';
import { errors } from '../../lib/errors.ts';
import { loadVisibleSheets, looksLikeZip, sheetRows } from '../../lib/xlsx-workbook.ts';
import type { ZipBudget } from '../../lib/zip-budget.ts';

/** A file read into a set, or the reasons it could not be. */
export interface ParsedImport {
  format: 'json' | 'xlsx';
  set: CriteriaSet | null;
  errors: CriteriaImportError[];
  ignoredColumns: string[];
}

export type SheetFields = Partial<Record<CriteriaSheetFieldName, string | readonly string[]>>;
export type SheetMeta = Omit<CriteriaSetImportInput, 'items'>;

/** A criteria set is a few hundred items: a workbook of it is well under a megabyte of XML. */
export const CRITERIA_XLSX_BUDGET: ZipBudget = {
  label: 'Excel 工作簿',
  maxEntries: 500,
  maxEntryBytes: 40 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  maxRows: 20_000,
};

const notXlsx = () =>
  errors.badRequest(
    'criteria.import_not_xlsx',
    '文件不是有效的 Excel 工作簿（.xlsx）。如果是 .xls 或 WPS 文件，请“另存为” .xlsx 格式后再导入',
  );

/** What the bytes are, by content: an .xlsx is a ZIP ("PK\x03\x04"), a .json starts with { once BOM and blanks go. */
export function sniffCriteriaFile(buffer: Uint8Array): 'xlsx' | 'json' {
  if (looksLikeZip(buffer)) return 'xlsx';
  let i = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  while (i < buffer.length && [0x20, 0x09, 0x0a, 0x0d].includes(buffer[i] as number)) i++;
  if (buffer[i] === 0x7b) return 'json';
  throw errors.badRequest('criteria.import_unknown_type', '只能导入 .json 文件或 Excel 工作簿（.xlsx），这个文件两者都不是');
}

const listField: Partial<Record<CriteriaSheetFieldName, RegExp>> = {
  // URLs and repository paths may hold commas and spaces: one source per line.
  sources: /[\r\n]+/,
  domains: /[,，、;；\s]+/,
  flags: /[,，、;；\s]+/,
};
const yes = new Set(['true', '1', '是', 'yes', 'y']);

/** The form fields of an .xlsx import → the set's own fields as the import contract reads them. */
export function sheetMeta(fields: SheetFields): SheetMeta {
  const meta: Record<string, unknown> = {};
  for (const name of criteriaSheetFieldNames) {
    const raw = fields[name];
    const values = (typeof raw === 'string' ? [raw] : (raw ?? [])).map((v) => v.trim()).filter(Boolean);
    const split = listField[name];
    if (split) {
      const list = values.flatMap((v) => v.split(split).map((s) => s.trim())).filter(Boolean);
      if (list.length || name !== 'domains') meta[name] = list;
    } else if (name === 'appliesToAll') {
      if (values[0]) meta[name] = yes.has(values[0].toLowerCase());
    } else if (values[0] !== undefined) meta[name] = values[0];
  }
  return meta as SheetMeta;
}

/** The first visible sheet with a criteria header, parsed; Chinese errors for anything that is not a workbook. */
export async function parseCriteriaWorkbook(buffer: Uint8Array, fields: SheetFields): Promise<ParsedImport> {
  const meta = sheetMeta(fields);
  const id = criteriaSetMeta.shape.id.safeParse(meta.id);
  if (!id.success) {
    // Every item code is built from it: without it each row would report the same mistake.
    const message = `${criteriaFieldLabels.id}：${meta.id ? (id.error.issues[0]?.message ?? '格式不对') : '必填'}`;
    return { format: 'xlsx', set: null, errors: [{ row: 0, column: criteriaFieldLabels.id ?? 'id', message }], ignoredColumns: [] };
  }
  const sheets = await loadVisibleSheets(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), CRITERIA_XLSX_BUDGET, notXlsx);
  let first: ReturnType<typeof parseCriteriaSheet> | null = null;
  for (const sheet of sheets) {
    const result = parseCriteriaSheet(sheetRows(sheet), { ...meta, id: id.data });
    first ??= result;
    if (result.headerRow !== null) return { format: 'xlsx', set: result.set, errors: result.errors, ignoredColumns: result.ignoredColumns };
  }
  const fallback = first?.errors ?? [{ row: 0, column: '', message: '工作簿中没有可见的工作表' }];
  return { format: 'xlsx', set: null, errors: fallback, ignoredColumns: [] };
}

/** A JSON issue on the import's terms: `row` is the item's number (0 for the set's own fields), `column` the field. */
function jsonError(issue: CriteriaIssue): CriteriaImportError {
  const parts = issue.path.split('.');
  const row = parts[0] === 'items' && /^\d+$/.test(parts[1] ?? '') ? Number(parts[1]) + 1 : 0;
  const field = parts.slice(row ? 2 : 0).find((p) => !/^\d+$/.test(p));
  return { row, column: field ? (criteriaFieldLabels[field] ?? field) : '', message: issue.message };
}

export function parseCriteriaJsonFile(buffer: Uint8Array): ParsedImport {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    const message = 'JSON 文件须为 UTF-8 编码：请在编辑器中以 UTF-8 编码另存后再导入';
    return { format: 'json', set: null, errors: [{ row: 0, column: '', message }], ignoredColumns: [] };
  }
  const parsed = parseCriteriaSetJson(text);
  if (parsed.success) return { format: 'json', set: parsed.set, errors: [], ignoredColumns: [] };
  return { format: 'json', set: null, errors: parsed.errors.map(jsonError), ignoredColumns: [] };
}
