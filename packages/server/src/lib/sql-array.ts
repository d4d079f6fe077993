import { type SQL, sql } from 'drizzle-orm';

/** A text[] literal with one bound parameter per element (`ARRAY[$1, $2]::text[]`; empty: `ARRAY[]::text[]`). */
export function textArray(values: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}
