import type { EnterpriseColumn } from './enterprise-columns.dict.ts';
import { industryDivisions, industrySectionNames } from './industry.dict.ts';

/** A cell as a spreadsheet reader hands it over: rich text, formulas and hyperlinks already reduced to their value. */
export type RawCell = string | number | boolean | Date | null | undefined;

export type CellResult = { value: unknown } | { error: string };

/** Full-width ASCII (Ａ１（，) and the ideographic space → their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Full-width digits and letters only: Chinese text keeps its full-width brackets and commas. */
function halfWidthAlnum(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > days ? null : `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug makes that the working epoch). */
export function excelSerialToDate(serial: number): string | null {
  if (!(serial >= 1 && serial < 2958466)) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial + 1e-6) * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function dateOfJs(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  // Readers give dates at UTC midnight; a second of slack absorbs floating-point serials like 45838.99999999.
  const t = new Date(d.getTime() + 1000);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The ways dates are written in township ledgers: 2025年6月30日, 2025.6.30, 2025/06/30, 2025-6-30, 20250630. */
export function parseDateText(text: string): string | null {
  const s = toHalfWidth(text).trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}$/.test(s)) return excelSerialToDate(Number(s));
  return null;
}

export function parseDateCell(raw: RawCell): string | null | undefined {
  if (raw instanceof Date) return dateOfJs(raw);
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 19000101 && raw <= 22001231) return parseDateText(String(raw));
    return excelSerialToDate(raw);
  }
  return parseDateText(String(raw));
}

/** Text of a cell: trimmed, runs of spaces made one, full-width digits and letters made half-width; empty → null. */
export function cellText(raw: RawCell): string | null {
  if (raw === null || raw === undefined) return null;
  let s: string;
  if (raw instanceof Date) s = dateOfJs(raw) ?? '';
  else if (typeof raw === 'number') s = Number.isFinite(raw) ? String(raw) : '';
  else if (typeof raw === 'boolean') s = raw ? '是' : '否';
  else s = raw;
  s = halfWidthAlnum(s)
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim();
  return s === '' ? null : s;
}

/** What two values of a text column compare as: the import's reading of the database's value. */
export function normaliseText(value: unknown): string | null {
  return typeof value === 'string' ? cellText(value) : null;
}

const compactKey = (s: string) => toHalfWidth(s).replace(/\s+/g, '').toLowerCase();

const labelIndexes = new WeakMap<object, Map<string, string>>();
function labelIndex(labels: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  let index = labelIndexes.get(labels);
  if (!index) {
    index = new Map();
    for (const [code, names] of Object.entries(labels)) {
      index.set(compactKey(code), code);
      for (const n of names) index.set(compactKey(n), code);
    }
    labelIndexes.set(labels, index);
  }
  return index;
}

/** What a cell is read as: an enterprise column, or any column of the same kinds (a 专项台账 field). */
export type CellColumn = Pick<EnterpriseColumn, 'kind' | 'labels'>;

const yes = new Set(['是', '有', 'Y', 'YES', 'TRUE', '√', '✓', '已', '1']);
const no = new Set(['否', '无', '没有', 'N', 'NO', 'FALSE', '×', '✗', '未', '0']);

function lookupLabel(column: CellColumn, text: string): string | undefined {
  const index = labelIndex(column.labels ?? {});
  const key = compactKey(text);
  return index.get(key) ?? index.get(key.replace(/安全生产|标准化|达标|风险$/g, '')) ?? index.get(key.replace(/企业$|场所$/, ''));
}

const industryByName = new Map(Object.entries(industryDivisions).map(([code, d]) => [compactKey(d.name), code]));

/** 国民经济行业 大类: "26", "C26", "C26 化学原料和化学制品制造业" or the name alone. */
export function parseIndustry(text: string): CellResult {
  const s = compactKey(text).toUpperCase();
  const m = /^([A-T])?(\d{1,2})(?!\d)/.exec(s);
  if (m) {
    const code = (m[2] as string).padStart(2, '0');
    const division = industryDivisions[code];
    if (division && (!m[1] || m[1] === division.section)) return { value: code };
    return { error: `无法识别“${text}”，应为国民经济行业大类代码（如 26 或 C26）或名称` };
  }
  const byName = industryByName.get(compactKey(text));
  if (byName) return { value: byName };
  if (/^[A-T]$/.test(s) || Object.values(industrySectionNames).includes(text.trim())) {
    return { error: `“${text}”是行业门类，请填写行业大类（如 C26 化学原料和化学制品制造业）` };
  }
  return { error: `无法识别“${text}”，应为国民经济行业大类代码（如 26 或 C26）或名称` };
}

function parseInteger(raw: RawCell, text: string): CellResult {
  if (typeof raw === 'number') return Number.isInteger(raw) ? { value: raw } : { error: `应为整数，实际为 ${raw}` };
  const s = toHalfWidth(text)
    .replace(/[,\s]/g, '')
    .replace(/[人名个]$/, '');
  return /^-?\d+$/.test(s) ? { value: Number(s) } : { error: `应为整数，如 35，实际为“${text}”` };
}

function parseNumber(raw: RawCell, text: string): CellResult {
  if (typeof raw === 'number') return { value: raw };
  const s = toHalfWidth(text).replace(/[\s°]/g, '');
  return /^-?\d+(\.\d+)?$/.test(s) ? { value: Number(s) } : { error: `应为数字，实际为“${text}”` };
}

/**
 * One cell as the value of its field: null when empty (an empty list for list columns), or a Chinese reason why
 * it cannot be read. Values are checked further by the enterprise contract.
 */
export function parseCell(column: CellColumn, raw: RawCell): CellResult {
  const text = cellText(raw);
  if (text === null) return { value: column.kind === 'list' ? [] : null };
  switch (column.kind) {
    case 'phone':
    case 'creditCode':
      return { value: toHalfWidth(text) };
    case 'date': {
      const date = parseDateCell(raw);
      return date ? { value: date } : { error: `无法识别的日期“${text}”，应为 2026-06-30 这样的日期` };
    }
    case 'int':
      return parseInteger(raw, text);
    case 'number':
      return parseNumber(raw, text);
    case 'industry':
      return parseIndustry(text);
    case 'bool': {
      const key = compactKey(text).toUpperCase();
      if (yes.has(key)) return { value: true };
      if (no.has(key)) return { value: false };
      return { error: `应为“是”或“否”，实际为“${text}”` };
    }
    case 'enum': {
      const code = lookupLabel(column, text);
      if (code) return { value: code };
      const allowed = Object.values(column.labels ?? {}).map((l) => l[0]);
      return { error: `无法识别“${text}”，应为 ${allowed.join('、')} 之一` };
    }
    case 'list': {
      const parts = text.split(/[,，、;；/|\s]+/).filter(Boolean);
      const codes: string[] = [];
      const unknown: string[] = [];
      for (const p of parts) {
        const code = lookupLabel(column, p);
        if (!code) unknown.push(`“${p}”`);
        else if (!codes.includes(code)) codes.push(code);
      }
      return unknown.length ? { error: `无法识别${unknown.join('、')}` } : { value: codes };
    }
    default:
      return { value: text };
  }
}
