import type { z } from 'zod';
import { type EnterpriseInput, enterpriseInput, type ImportResult } from './enterprise.contract.ts';
import { enterpriseNameKey } from './enterprise.rules.ts';
import { type ColumnField, type EnterpriseColumn, enterpriseColumns } from './enterprise-columns.dict.ts';
import { parseCell, type RawCell, toHalfWidth } from './import-cell.rules.ts';
import {
  type HeaderMappingOf,
  headerFinder,
  isBlankRowOf,
  locateHeaderRowOf,
  type MappedColumnOf,
  mapHeaderCells,
  type SheetRow,
} from './sheet-header.rules.ts';

export { displayHeader, normaliseHeader, type SheetRow } from './sheet-header.rules.ts';

export type ImportRowError = ImportResult['errors'][number];
export type CellError = Omit<ImportRowError, 'row'>;

const findEnterpriseColumn = headerFinder(enterpriseColumns);

export function columnForHeader(raw: RawCell): EnterpriseColumn | undefined {
  return findEnterpriseColumn(raw);
}

export type MappedColumn = MappedColumnOf<EnterpriseColumn>;
export type HeaderMapping = HeaderMappingOf<EnterpriseColumn>;

/** Maps a header row's cells (0-based) to fields; unknown or repeated headers are listed as ignored, never refused. */
export function mapHeaderRow(cells: readonly RawCell[]): HeaderMapping {
  return mapHeaderCells(cells, findEnterpriseColumn);
}

/** The header row: the first of the first `maxRows` rows naming the enterprise name column and at least one other. */
export function locateHeaderRow(rows: readonly (readonly RawCell[])[], maxRows = 10): { index: number; mapping: HeaderMapping } | null {
  return locateHeaderRowOf(rows, findEnterpriseColumn, (m) => m.columns.some((c) => c.column.field === 'name'), maxRows);
}

const rowSchema = enterpriseInput.omit({ regionCode: true, landlordId: true, supervisingUnitId: true, fiveToOne: true }).partial();
type RowInput = z.infer<typeof rowSchema>;
const schemaShape = rowSchema.shape as Record<string, unknown>;

/** The contract narrowed to the sheet's own columns: a 10-column ledger is not checked field by field 40 times. */
const schemas = new WeakMap<HeaderMapping, typeof rowSchema>();
function schemaFor(mapping: HeaderMapping): typeof rowSchema {
  let schema = schemas.get(mapping);
  if (!schema) {
    const fields = mapping.columns.map((m) => m.column.field).filter((f) => f in schemaShape);
    schema = rowSchema.pick(
      Object.fromEntries(fields.map((f) => [f, true])) as Record<keyof RowInput, true>,
    ) as unknown as typeof rowSchema;
    schemas.set(mapping, schema);
  }
  return schema;
}

export interface ParsedRow {
  /** Only the fields whose columns the file has; absent when the row has errors. */
  input?: Partial<EnterpriseInput>;
  regionName?: string | null;
  landlordName?: string | null;
  supervisingUnitName?: string | null;
  errors: CellError[];
}

const refFields: ReadonlySet<ColumnField> = new Set(['region', 'landlord', 'supervisingUnit']);

export function isBlankRow(cells: readonly RawCell[], mapping: HeaderMapping): boolean {
  return isBlankRowOf(cells, mapping);
}

/** Reads one data row with the header mapping and checks it with the same contract as the form. */
export function parseEnterpriseRow(cells: readonly RawCell[], mapping: HeaderMapping): ParsedRow {
  const out: Record<string, unknown> = {};
  const refs: Record<string, string | null> = {};
  const errors: CellError[] = [];
  const headerOf = new Map<string, string>();
  for (const { index, header, column } of mapping.columns) {
    headerOf.set(column.field, header);
    const result = parseCell(column, cells[index]);
    if ('error' in result) {
      errors.push({ column: header, message: `${header}：${result.error}` });
      continue;
    }
    if (refFields.has(column.field)) refs[column.field] = result.value as string | null;
    else if (column.field === 'name' && result.value === null) errors.push({ column: header, message: `${header}：必填` });
    // A blank status keeps the current one (a new enterprise is 在营).
    else if (!(column.field === 'status' && result.value === null)) out[column.field] = result.value;
  }
  const parsed = schemaFor(mapping).safeParse(out);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const header = headerOf.get(String(issue.path[0])) ?? String(issue.path[0]);
      if (!errors.some((e) => e.column === header)) errors.push({ column: header, message: `${header}：${issue.message}` });
    }
  }
  // In the order of the sheet's columns, as a user reads along the row.
  const order = mapping.columns.map((m) => m.header);
  errors.sort((a, b) => order.indexOf(a.column) - order.indexOf(b.column));
  const row: ParsedRow = { errors, regionName: refs.region, landlordName: refs.landlord, supervisingUnitName: refs.supervisingUnit };
  if (errors.length === 0 && parsed.success) {
    // zod fills defaults for absent fields; only the file's own columns may change an enterprise.
    const data = parsed.data as RowInput & Record<string, unknown>;
    row.input = Object.fromEntries(Object.keys(out).map((k) => [k, data[k]])) as Partial<EnterpriseInput>;
  }
  return row;
}

/** An address as a key: half-width, no spaces or punctuation, so "工业路 8 号" meets "工业路8号". */
export function addressKey(address: string | null | undefined): string {
  return toHalfWidth(address ?? '')
    .replace(/[\s,，.。、\-—#()（）]/g, '')
    .toUpperCase();
}

/** Who an enterprise is across files: its credit code, or without one its name and address. */
export function enterpriseMatchKey(e: { creditCode?: string | null; name?: string | null; address?: string | null }): string {
  return e.creditCode ? `code:${e.creditCode}` : `name:${enterpriseNameKey(e.name ?? '')}|${addressKey(e.address)}`;
}

/** Rows naming an enterprise already named higher up in the same file: each is reported, the first one is kept. */
export function findDuplicateRows(
  rows: ReadonlyArray<{ row: number; input: Partial<EnterpriseInput> }>,
  mapping: HeaderMapping,
): ImportRowError[] {
  const header = (field: string) => mapping.columns.find((m) => m.column.field === field)?.header ?? field;
  const first = new Map<string, number>();
  const errors: ImportRowError[] = [];
  for (const { row, input } of rows) {
    const key = enterpriseMatchKey(input);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, row);
    else if (input.creditCode) {
      errors.push({ row, column: header('creditCode'), message: `与第 ${seen} 行重复（同一统一社会信用代码）` });
    } else {
      errors.push({ row, column: header('name'), message: `与第 ${seen} 行重复（同一企业名称和地址）` });
    }
  }
  return errors;
}

export interface GoodRow extends Omit<ParsedRow, 'errors' | 'input'> {
  row: number;
  input: Partial<EnterpriseInput>;
}
export interface ParsedSheet {
  headerRow: number;
  mapping: HeaderMapping;
  rows: GoodRow[];
  errors: ImportRowError[];
  /** Data rows read (blank rows not counted). */
  dataRows: number;
}

/** Everything the import can tell without a database: header, values, duplicates. Null when no header row is found. */
export function parseEnterpriseSheet(rows: readonly SheetRow[]): ParsedSheet | null {
  const header = locateHeaderRow(rows.map((r) => r.cells));
  if (!header) return null;
  const { mapping } = header;
  const good: GoodRow[] = [];
  const errors: ImportRowError[] = [];
  let dataRows = 0;
  for (const { row, cells } of rows.slice(header.index + 1)) {
    if (isBlankRow(cells, mapping)) continue;
    dataRows++;
    const { input, errors: cellErrors, ...refs } = parseEnterpriseRow(cells, mapping);
    if (input) good.push({ row, input, ...refs });
    else errors.push(...cellErrors.map((e) => ({ row, ...e })));
  }
  const duplicates = findDuplicateRows(good, mapping);
  const duplicateRows = new Set(duplicates.map((e) => e.row));
  errors.push(...duplicates);
  errors.sort((a, b) => a.row - b.row);
  return {
    headerRow: (rows[header.index] as SheetRow).row,
    mapping,
    rows: good.filter((r) => !duplicateRows.has(r.row)),
    errors,
    dataRows,
  };
}
