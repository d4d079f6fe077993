import type { ImportResult } from '../enterprise/enterprise.contract.ts';
import { enterpriseNameKey } from '../enterprise/enterprise.rules.ts';
import { type CellColumn, cellText, parseCell, type RawCell } from '../enterprise/import-cell.rules.ts';
import {
  type HeaderMappingOf,
  headerFinder,
  isBlankRowOf,
  locateHeaderRowOf,
  type SheetColumn,
  type SheetRow,
} from '../enterprise/sheet-header.rules.ts';
import { ledgerObjectInput } from './ledger-object.contract.ts';
import { ledgerObjectStatusLabels, type ObjectAnchor, type ObjectFieldDef, type ObjectFieldKind } from './ledger-object.dict.ts';
import { objectDataSchema } from './ledger-object.rules.ts';

/**
 * A 专项台账 as a spreadsheet (issue 17): the export writes these columns and the import reads them back, with the
 * enterprise import's machinery (header synonyms, 必填 markers, 全角, dates, 是/否). The type's own fields are
 * columns headed by their labels (with the unit in brackets); 标签码 and 状态 are written but not read back.
 */
export type LedgerColumnRole = 'name' | 'place' | 'address' | 'field' | 'labelCode' | 'status';
export interface LedgerColumn extends SheetColumn {
  role: LedgerColumnRole;
  field?: ObjectFieldDef;
  width: number;
}

export interface LedgerSheetType {
  name: string;
  anchor: ObjectAnchor;
  fields: readonly ObjectFieldDef[];
}

export const placeHeader: Record<ObjectAnchor, string> = { enterprise: '所属企业', village: '所在村（社区）' };
const placeSynonyms: Record<ObjectAnchor, string[]> = {
  enterprise: ['企业名称', '单位名称', '所属单位', '生产经营单位', '企业'],
  village: ['所在村', '所属村', '村（社区）', '所属村（社区）', '村社区', '村', '社区', '所在社区'],
};

const headerOf = (f: ObjectFieldDef) => (f.unit ? `${f.label}（${f.unit}）` : f.label);

export function ledgerSheetColumns(type: LedgerSheetType): LedgerColumn[] {
  return [
    { role: 'name', header: '名称', synonyms: ['对象名称', `${type.name}名称`, '名字'], width: 28 },
    { role: 'place', header: placeHeader[type.anchor], synonyms: placeSynonyms[type.anchor], width: 24 },
    { role: 'address', header: '地址', synonyms: ['详细地址', '所在地址', '位置地址'], width: 30 },
    ...type.fields.map((f): LedgerColumn => ({ role: 'field', field: f, header: headerOf(f), synonyms: [f.label, f.key], width: 16 })),
    { role: 'labelCode', header: '标签码', synonyms: ['二维码标签码'], width: 14 },
    { role: 'status', header: '状态', synonyms: [], width: 10 },
  ];
}

/** A required column's header as the template and export write it (the import reads it with or without the mark). */
export function ledgerColumnTitle(c: LedgerColumn): string {
  const required = c.role === 'name' || c.role === 'place' || (c.role === 'field' && c.field?.required);
  return required ? `${c.header}*` : c.header;
}

/** A stored value as a cell: 是/否 for yes-no fields, the rest as they are. */
export function ledgerCellValue(f: ObjectFieldDef, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (f.kind === 'bool') return value ? '是' : '否';
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}

export const ledgerStatusCell = (status: keyof typeof ledgerObjectStatusLabels) => ledgerObjectStatusLabels[status];

const cellKinds: Record<ObjectFieldKind, CellColumn['kind']> = {
  text: 'text',
  int: 'int',
  number: 'number',
  date: 'date',
  enum: 'enum',
  bool: 'bool',
  phone: 'phone',
};

function cellColumn(f: ObjectFieldDef): CellColumn {
  return {
    kind: cellKinds[f.kind],
    labels: f.kind === 'enum' ? Object.fromEntries((f.options ?? []).map((o) => [o, [o]])) : undefined,
  };
}

/** "3层", "120 平方米": a number written with its field's unit. */
function withoutUnit(raw: RawCell, f: ObjectFieldDef): RawCell {
  if (typeof raw !== 'string' || !f.unit || (f.kind !== 'int' && f.kind !== 'number')) return raw;
  const s = raw.trim();
  return s.endsWith(f.unit) ? s.slice(0, -f.unit.length) : raw;
}

export type LedgerRowError = ImportResult['errors'][number];

export interface LedgerGoodRow {
  row: number;
  name: string;
  /** The enterprise's name or the village's name or code, as written; null when the column is blank. */
  place: string | null;
  address: string | null;
  data: Record<string, unknown>;
}

export interface ParsedLedgerSheet {
  headerRow: number;
  mapping: HeaderMappingOf<LedgerColumn>;
  rows: LedgerGoodRow[];
  errors: LedgerRowError[];
  /** Data rows read (blank rows not counted). */
  dataRows: number;
  /** What error reports call each column (the file's own header, else the canonical one). */
  headers: Record<'name' | 'place' | 'address', string>;
}

/** The key two rows (or a row and an object) name the same object by: its name and place, compacted. */
export const ledgerRowKey = (name: string, place: string | null) => `${enterpriseNameKey(name)}|${enterpriseNameKey(place ?? '')}`;

function parseRow(cells: readonly RawCell[], mapping: HeaderMappingOf<LedgerColumn>, type: LedgerSheetType) {
  const errors: Omit<LedgerRowError, 'row'>[] = [];
  const data: Record<string, unknown> = {};
  const headerOfKey = new Map<string, string>();
  let name: string | null = null;
  let place: string | null = null;
  let address: string | null = null;
  for (const { index, header, column } of mapping.columns) {
    const raw = cells[index];
    if (column.role === 'name') name = cellText(raw);
    else if (column.role === 'place') place = cellText(raw);
    else if (column.role === 'address') address = cellText(raw);
    else if (column.role === 'field' && column.field) {
      const f = column.field;
      headerOfKey.set(f.key, header);
      const result = parseCell(cellColumn(f), withoutUnit(raw, f));
      if ('error' in result) errors.push({ column: header, message: `${header}：${result.error}` });
      else if (result.value !== null) data[f.key] = result.value;
    }
  }
  const nameHeader = mapping.columns.find((m) => m.column.role === 'name')?.header ?? '名称';
  const nameCheck = ledgerObjectInput.shape.name.safeParse(name ?? '');
  if (!nameCheck.success)
    errors.unshift({ column: nameHeader, message: `${nameHeader}：${name ? nameCheck.error.issues[0]?.message : '必填'}` });
  const addressHeader = mapping.columns.find((m) => m.column.role === 'address')?.header ?? '地址';
  if (address && !ledgerObjectInput.shape.address.safeParse(address).success)
    errors.push({ column: addressHeader, message: `${addressHeader}：不超过 100 字` });
  // A field the sheet has no column for is checked too: a required one missing from the file is an error on each row.
  const parsed = objectDataSchema(type.fields).safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      const field = type.fields.find((f) => f.key === key);
      const header = headerOfKey.get(key) ?? (field ? headerOf(field) : key);
      const message = data[key] === undefined && field?.required ? `${header}：必填` : `${header}：${issue.message}`;
      if (!errors.some((e) => e.column === header)) errors.push({ column: header, message });
    }
  }
  const order = mapping.columns.map((m) => m.header);
  errors.sort((a, b) => (order.indexOf(a.column) + 1 || 999) - (order.indexOf(b.column) + 1 || 999));
  return { name, place, address, data: parsed.success ? (parsed.data as Record<string, unknown>) : data, errors };
}

/**
 * Everything the ledger import can tell without a database: the header row (名称 and at least one other known
 * column in the first 10 rows, below any merged title), each row's values checked with the type's own schema
 * (objectDataSchema), and rows naming the same object twice. Null when no header row is found.
 */
export function parseLedgerSheet(rows: readonly SheetRow[], type: LedgerSheetType): ParsedLedgerSheet | null {
  const find = headerFinder(ledgerSheetColumns(type));
  const located = locateHeaderRowOf(
    rows.map((r) => r.cells),
    find,
    (m) => m.columns.some((c) => c.column.role === 'name'),
  );
  if (!located) return null;
  const { mapping } = located;
  const headerFor = (role: LedgerColumnRole, fallback: string) => mapping.columns.find((m) => m.column.role === role)?.header ?? fallback;
  const headers = {
    name: headerFor('name', '名称'),
    place: headerFor('place', placeHeader[type.anchor]),
    address: headerFor('address', '地址'),
  };
  const good: LedgerGoodRow[] = [];
  const errors: LedgerRowError[] = [];
  const first = new Map<string, number>();
  let dataRows = 0;
  for (const { row, cells } of rows.slice(located.index + 1)) {
    if (isBlankRowOf(cells, mapping)) continue;
    dataRows++;
    const r = parseRow(cells, mapping, type);
    if (r.errors.length) {
      errors.push(...r.errors.map((e) => ({ row, ...e })));
      continue;
    }
    const key = ledgerRowKey(r.name as string, r.place);
    const seen = first.get(key);
    if (seen !== undefined) {
      errors.push({ row, column: headers.name, message: `${headers.name}：与第 ${seen} 行重复（同一名称和${headers.place}）` });
      continue;
    }
    first.set(key, row);
    good.push({ row, name: r.name as string, place: r.place, address: r.address, data: r.data });
  }
  errors.sort((a, b) => a.row - b.row);
  return { headerRow: (rows[located.index] as SheetRow).row, mapping, rows: good, errors, dataRows, headers };
}
