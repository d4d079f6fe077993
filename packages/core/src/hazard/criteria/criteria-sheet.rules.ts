import type { z } from 'zod';
import type { ImportRowError, SheetRow } from '../../enterprise/enterprise-import.rules.ts';
import { cellText, type RawCell, toHalfWidth } from '../../enterprise/import-cell.rules.ts';
import { clausesUseArticles, parseClauseNumber } from './clause-number.rules.ts';
import { type CriteriaSet, type CriteriaSetImportInput, criteriaSetImport } from './criteria.contract.ts';
import { criteriaFieldLabels, criteriaIssuePlace } from './criteria-import.rules.ts';

export type CriteriaColumnField =
  | 'setRef'
  | 'clause'
  | 'group'
  | 'summary'
  | 'text'
  | 'keywords'
  | 'domains'
  | 'flags'
  | 'confidence'
  | 'kind'
  | 'source'
  | 'note';

export interface CriteriaColumn {
  field: CriteriaColumnField;
  header: string;
  synonyms: readonly string[];
  required: boolean;
}

/** The flat sheet an admin fills to load a set: one row per item; the set's own fields come from the import form. */
export const criteriaColumns: readonly CriteriaColumn[] = [
  { field: 'setRef', header: '标准编号', synonyms: ['标准代号', '判定标准编号', '文号'], required: false },
  { field: 'clause', header: '条款号', synonyms: ['条款', '条款编号', '条目', '条文编号', '条目编号'], required: true },
  { field: 'group', header: '分组', synonyms: ['类别', '分类', '方面', '章节', '条款分类'], required: false },
  {
    field: 'summary',
    header: '条款内容/摘要',
    synonyms: ['条款内容', '摘要', '内容', '条款摘要', '情形', '判定情形', '隐患情形'],
    required: true,
  },
  { field: 'text', header: '官方原文', synonyms: ['原文', '条文原文'], required: false },
  { field: 'keywords', header: '关键词', synonyms: ['关键字', '检索词'], required: false },
  { field: 'domains', header: '适用领域', synonyms: ['行业领域', '领域', '适用行业'], required: false },
  { field: 'flags', header: '适用标志', synonyms: ['重点标签', '标签', '适用标签'], required: false },
  { field: 'confidence', header: '可信度', synonyms: ['可信程度', '核实程度'], required: true },
  { field: 'kind', header: '条款类型', synonyms: ['类型'], required: false },
  { field: 'source', header: '来源', synonyms: ['出处', '来源链接', '依据来源'], required: false },
  { field: 'note', header: '适用说明', synonyms: ['说明', '备注'], required: false },
];

const headerKey = (s: string) =>
  toHalfWidth(s)
    .replace(/[\s*＊:：/、()（）[\]【】]|必填|选填/g, '')
    .toLowerCase();
const columnsByKey = new Map<string, CriteriaColumn>();
for (const c of criteriaColumns) for (const name of [c.header, ...c.synonyms]) columnsByKey.set(headerKey(name), c);

interface MappedColumn {
  index: number;
  header: string;
  column: CriteriaColumn;
}

function mapHeader(cells: readonly RawCell[]): { columns: MappedColumn[]; ignored: string[] } {
  const columns: MappedColumn[] = [];
  const ignored: string[] = [];
  cells.forEach((cell, index) => {
    const header = (cellText(cell) ?? '').replace(/\s+/g, '');
    if (!header) return;
    const column = columnsByKey.get(headerKey(header));
    if (column && !columns.some((m) => m.column.field === column.field)) columns.push({ index, header, column });
    else ignored.push(header);
  });
  return { columns, ignored };
}

const listOf = (text: string | null) =>
  text
    ? text
        .split(/[,，、;；|\n]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

export interface CriteriaSheetResult {
  /** The checked set when the whole sheet is right; null as soon as one row is wrong. */
  set: CriteriaSet | null;
  /** Row 0 means the set's own fields (from the import form), not a sheet row. */
  errors: ImportRowError[];
  ignoredColumns: string[];
  headerRow: number | null;
  dataRows: number;
}

type Meta = Omit<CriteriaSetImportInput, 'items'>;

/** The sheet's columns once the header is found: which cell of a row holds a field, and how the user titled it. */
class SheetColumns {
  constructor(readonly mapped: readonly MappedColumn[]) {}
  header(field: CriteriaColumnField): string {
    return this.mapped.find((m) => m.column.field === field)?.header ?? '';
  }
  cell(r: SheetRow, field: CriteriaColumnField): string | null {
    const m = this.mapped.find((c) => c.column.field === field);
    return m ? cellText(r.cells[m.index]) : null;
  }
  error(row: number, field: CriteriaColumnField, message: string): ImportRowError {
    return { row, column: this.header(field), message: `${this.header(field)}：${message}` };
  }
}

interface ReadRows {
  items: Record<string, unknown>[];
  /** The sheet row of each item. */
  itemRows: number[];
  errors: ImportRowError[];
}

/** Each data row as an import item; rows whose set or clause number is wrong are refused here, with their reason. */
function readItemRows(data: readonly SheetRow[], cols: SheetColumns, meta: Meta): ReadRows {
  const out: ReadRows = { items: [], itemRows: [], errors: [] };
  const bareIsArticle = clausesUseArticles(data.map((r) => cols.cell(r, 'clause') ?? ''));
  const firstRowOfCode = new Map<string, number>();
  const compactDoc = meta.docNumber?.replace(/\s/g, '');
  for (const r of data) {
    const value = (field: CriteriaColumnField) => cols.cell(r, field) ?? undefined;
    const setRef = value('setRef');
    if (setRef && setRef !== meta.id && setRef.replace(/\s/g, '') !== compactDoc) {
      out.errors.push(cols.error(r.row, 'setRef', `应为本次导入的标准编号“${meta.id}”或文号“${meta.docNumber}”，一次只导入一个标准`));
      continue;
    }
    const clauseText = value('clause');
    const clause = clauseText ? parseClauseNumber(clauseText, bareIsArticle) : null;
    if (!clause) {
      out.errors.push(
        cols.error(r.row, 'clause', clauseText ? `无法识别“${clauseText}”，应为“第四条（一）”“4.1”或“（三）”这样的编号` : '必填'),
      );
      continue;
    }
    const code = `${meta.id}/${clause.numbers.join('.')}`;
    const first = firstRowOfCode.get(code);
    if (first !== undefined) {
      out.errors.push(cols.error(r.row, 'clause', `与第 ${first} 行的条款编号 ${code} 重复`));
      continue;
    }
    firstRowOfCode.set(code, r.row);
    out.items.push({
      code,
      article: clause.article,
      item: clause.item,
      group: value('group'),
      summary: value('summary'),
      text: value('text'),
      keywords: listOf(value('keywords') ?? null),
      domains: listOf(value('domains') ?? null),
      flags: listOf(value('flags') ?? null),
      kind: value('kind'),
      confidence: value('confidence'),
      source: value('source') ?? meta.sources?.[0] ?? '',
      note: value('note'),
    });
    out.itemRows.push(r.row);
  }
  return out;
}

const columnOfField: Record<string, CriteriaColumnField> = { code: 'clause', article: 'clause', item: 'clause' };

/** Contract issues back onto the sheet: an item's field → its row and column; the set's own fields → row 0. */
function sheetErrors(issues: readonly z.core.$ZodIssue[], itemRows: readonly number[], cols: SheetColumns): ImportRowError[] {
  return issues.map((issue) => {
    const [top, index, field] = issue.path;
    if (top === 'items' && typeof index === 'number') {
      const key = typeof field === 'string' ? field : 'clause';
      const header = cols.header(columnOfField[key] ?? (key as CriteriaColumnField)) || (criteriaFieldLabels[key] ?? key);
      return { row: itemRows[index] ?? 0, column: header, message: `${header}：${issue.message}` };
    }
    const place = criteriaIssuePlace(issue.path);
    return { row: 0, column: place, message: `${place}：${issue.message}` };
  });
}

/**
 * Sheet rows (as the server reads the .xlsx) and the set's fields from the form → a checked criteria set, or one
 * Chinese error per wrong cell: {row, column, message}. Checked by the same contract as the .json import.
 */
export function parseCriteriaSheet(rows: readonly SheetRow[], meta: Meta): CriteriaSheetResult {
  const headerIndex = rows.slice(0, 10).findIndex((r) => {
    const fields = mapHeader(r.cells).columns.map((m) => m.column.field);
    return fields.includes('clause') && fields.includes('summary');
  });
  if (headerIndex < 0) {
    const message = '未找到表头：前 10 行中须有“条款号”和“条款内容/摘要”两列';
    return { set: null, errors: [{ row: 0, column: '', message }], ignoredColumns: [], headerRow: null, dataRows: 0 };
  }
  const headerRow = rows[headerIndex] as SheetRow;
  const { columns, ignored } = mapHeader(headerRow.cells);
  const cols = new SheetColumns(columns);
  const missing = criteriaColumns.filter((c) => c.required && !cols.header(c.field));
  if (missing.length) {
    const errors = missing.map((c) => ({ row: 0, column: c.header, message: `缺少“${c.header}”列` }));
    return { set: null, errors, ignoredColumns: ignored, headerRow: headerRow.row, dataRows: 0 };
  }
  const data = rows.slice(headerIndex + 1).filter((r) => columns.some((m) => cellText(r.cells[m.index]) !== null));
  const base = { ignoredColumns: ignored, headerRow: headerRow.row, dataRows: data.length };
  const { items, itemRows, errors } = readItemRows(data, cols, meta);
  // Refused rows are left out of the contract check, so one pass reports every wrong cell of the sheet.
  const parsed = items.length ? criteriaSetImport.safeParse({ ...meta, items }) : null;
  if (parsed?.success && errors.length === 0) return { set: parsed.data, errors: [], ...base };
  if (parsed && !parsed.success) errors.push(...sheetErrors(parsed.error.issues, itemRows, cols));
  if (data.length === 0) errors.push({ row: 0, column: '', message: '表头下没有条款' });
  return { set: null, errors: errors.sort((a, b) => a.row - b.row), ...base };
}
