import { cellText, type RawCell, toHalfWidth } from './import-cell.rules.ts';

/**
 * Finding a spreadsheet's header row and its columns over a list of known columns: the machinery every importer
 * shares (the enterprise registry, the 专项台账 object ledgers). A column is known by its header and synonyms;
 * headers are compared half-width, without spaces, 必填 markers or bracketed notes ("层数（层）" is "层数").
 */
export interface SheetColumn {
  header: string;
  synonyms: readonly string[];
}

export interface MappedColumnOf<C> {
  /** 0-based cell index in the row. */
  index: number;
  /** The header as the user wrote it (what error reports name). */
  header: string;
  column: C;
}
export interface HeaderMappingOf<C> {
  columns: MappedColumnOf<C>[];
  ignoredColumns: string[];
}

/** The header keys a column is found under: half-width, no spaces, no 必填 markers, with and without brackets. */
export function headerKeys(raw: string): string[] {
  const s = toHalfWidth(raw)
    .replace(/\s+/g, '')
    .replace(/\*/g, '')
    .replace(/\((必填|选填|必选|可选)\)/g, '')
    .replace(/[:：]$/, '');
  const brackets = /[()[\]【】〔〕<>《》]/g;
  const withoutGroups = s.replace(/\([^)]*\)|【[^】]*】|\[[^\]]*\]/g, '');
  return [...new Set([s.replace(brackets, ''), withoutGroups.replace(brackets, '')])].filter(Boolean);
}

export function normaliseHeader(raw: RawCell): string {
  return headerKeys(cellText(raw) ?? '')[0] ?? '';
}

/** The header as the user wrote it, without line breaks, spaces or 必填 markers: what error reports name. */
export function displayHeader(raw: RawCell): string {
  return (cellText(raw) ?? '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/[（(](必填|选填|必选|可选)[）)]/g, '');
}

/** A finder of the column a header cell names, among `columns` (the first column claiming a key wins). */
export function headerFinder<C extends SheetColumn>(columns: readonly C[]): (raw: RawCell) => C | undefined {
  const byKey = new Map<string, C>();
  for (const c of columns) {
    for (const name of [c.header, ...c.synonyms]) for (const key of headerKeys(name)) if (!byKey.has(key)) byKey.set(key, c);
  }
  return (raw) => {
    for (const key of headerKeys(cellText(raw) ?? '')) {
      const c = byKey.get(key);
      if (c) return c;
    }
    return undefined;
  };
}

/** Maps a header row's cells to columns; unknown or repeated headers are listed as ignored, never refused. */
export function mapHeaderCells<C>(cells: readonly RawCell[], find: (raw: RawCell) => C | undefined): HeaderMappingOf<C> {
  const columns: MappedColumnOf<C>[] = [];
  const ignoredColumns: string[] = [];
  cells.forEach((cell, index) => {
    const header = displayHeader(cell);
    if (!header) return;
    const column = find(cell);
    if (column && !columns.some((m) => m.column === column)) columns.push({ index, header, column });
    else ignoredColumns.push(header);
  });
  return { columns, ignoredColumns };
}

/**
 * The header row: the first of the first `maxRows` rows whose mapping names at least two columns and is `accepted`
 * (e.g. names the name column) — a merged title row above it names none.
 */
export function locateHeaderRowOf<C>(
  rows: readonly (readonly RawCell[])[],
  find: (raw: RawCell) => C | undefined,
  accepted: (mapping: HeaderMappingOf<C>) => boolean,
  maxRows = 10,
): { index: number; mapping: HeaderMappingOf<C> } | null {
  for (let i = 0; i < Math.min(rows.length, maxRows); i++) {
    const mapping = mapHeaderCells(rows[i] ?? [], find);
    if (mapping.columns.length >= 2 && accepted(mapping)) return { index: i, mapping };
  }
  return null;
}

/** A row with nothing in any mapped column (a blank line between blocks, a footer's empty cells). */
export function isBlankRowOf<C>(cells: readonly RawCell[], mapping: HeaderMappingOf<C>): boolean {
  return mapping.columns.every((m) => cellText(cells[m.index]) === null);
}

/** A row of a sheet as readers hand it over. */
export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  cells: readonly RawCell[];
}
