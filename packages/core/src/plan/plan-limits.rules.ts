// What a hostile or broken file can make the plan parser do: every reader caps rows, cells and text (CONVENTIONS §13).

/** Caps of the plan parser. A real 30-page plan stays far below them; past them the rest is dropped and a note says so. */
export const PLAN_LIMITS = {
  /** Characters of text parsed; a 30-page plan is about 40,000. */
  textChars: 2_000_000,
  /** Paragraphs (and table rows read as paragraphs). */
  paragraphs: 20_000,
  /** Tables of one document. */
  tables: 200,
  /** Rows of one table, header rows included. */
  tableRows: 2_000,
  /** Cells of one row. */
  rowCells: 40,
  /** Characters of one cell. */
  cellChars: 5_000,
} as const;

/** A table cut to the caps; `capped` says whether anything was dropped. */
export function capTable(rows: string[][]): { rows: string[][]; capped: boolean } {
  let capped = rows.length > PLAN_LIMITS.tableRows;
  const out = rows.slice(0, PLAN_LIMITS.tableRows).map((row) => {
    if (row.length > PLAN_LIMITS.rowCells) capped = true;
    return row.slice(0, PLAN_LIMITS.rowCells).map((c) => {
      if (c.length <= PLAN_LIMITS.cellChars) return c;
      capped = true;
      return c.slice(0, PLAN_LIMITS.cellChars);
    });
  });
  return { rows: out, capped };
}
