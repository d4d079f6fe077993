import { type SQL, sql } from 'drizzle-orm';

/** A text[] literal with one bound parameter per element (`ARRAY[$1, $2]::text[]`; empty: `ARRAY[]::text[]`). */
export function textArray(values: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * A parenthesised list of string literals, `('a', 'b')`, for constant sets from core (statuses, grades): written into
 * the SQL text so the planner matches them against partial indexes and the DDL of an index can carry them. Only
 * plain identifiers are accepted (no quoting to get wrong).
 */
export function literalList(values: readonly string[]): string {
  if (values.length === 0) throw new Error('literalList: empty set');
  for (const v of values) if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(v)) throw new Error(`literalList: not a plain identifier: ${v}`);
  return `(${values.map((v) => `'${v}'`).join(', ')})`;
}
