import { type Column, getTableColumns, is, SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** How to fill a column a row leaves out: its default function, its constant default, or null. */
function defaultOf(column: Column, now: Date): () => unknown {
  if (column.defaultFn) return column.defaultFn;
  // The only SQL default in the schema is now() (created/updated timestamps).
  const value = column.default === undefined ? null : is(column.default, SQL) ? now : column.default;
  return () => value;
}

/**
 * `SELECT … FROM json_populate_recordset(NULL::table, $1)` for `db.insert(table).select(…)`: the rows travel as one
 * JSON parameter that PostgreSQL parses natively. Drizzle's multi-row VALUES builds half a million parameters for
 * 10,000 enterprises and spends seconds doing so; this takes milliseconds on both PGlite and PostgreSQL. Absent values
 * get the column's default; `computed` gives SQL for columns not taken from the rows (e.g. the id from its sequence).
 */
export function jsonRows<T extends PgTable>(
  table: T,
  rows: ReadonlyArray<Record<string, unknown>>,
  computed: Record<string, SQL> = {},
): SQL {
  const columns = Object.entries(getTableColumns(table));
  const now = new Date();
  const taken = columns
    .filter(([key]) => !computed[key])
    .map(([key, column]) => ({ key, name: column.name, fill: defaultOf(column, now) }));
  const payload = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const { key, name, fill } of taken) {
      const v = row[key] === undefined ? fill() : row[key];
      out[name] = v instanceof Date ? v.toISOString() : v;
    }
    return out;
  });
  const select = columns.map(([key, column]) => computed[key] ?? sql`r.${sql.identifier(column.name)}`);
  return sql`SELECT ${sql.join(select, sql`, `)} FROM json_populate_recordset(NULL::${table}, ${JSON.stringify(payload)}::json) AS r`;
}

/**
 * Writes chunk after chunk on one connection, building the next chunk (its JSON) while the database writes the
 * current one. `prepare` is the CPU part, `send` the query. Answers come back in chunk order.
 */
export async function pipelined<T, P, R>(
  items: readonly T[],
  size: number,
  prepare: (chunk: T[]) => P,
  send: (prepared: P) => Promise<R>,
): Promise<R[]> {
  const answers: R[] = [];
  let prepared = items.length > 0 ? prepare(items.slice(0, size)) : undefined;
  for (let i = 0; i < items.length; i += size) {
    const answer = send(prepared as P);
    // Awaited below; until then a failure must not count as an unhandled rejection.
    answer.catch(() => {});
    // One turn of the event loop lets the query reach the database before the CPU is busy again.
    await new Promise((resolve) => setImmediate(resolve));
    prepared = i + size < items.length ? prepare(items.slice(i + size, i + 2 * size)) : undefined;
    answers.push(await answer);
  }
  return answers;
}
