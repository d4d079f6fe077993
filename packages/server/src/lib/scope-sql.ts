import { type DataScope, impliedParentCode, regionPrefix } from '@anzhi/core';
import { type AnyColumn, inArray, or, type SQL, sql } from 'drizzle-orm';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, '\\$&');
}

function scopeRegions(scope: DataScope): string[] | 'all' | 'none' {
  if (scope.kind === 'all') return 'all';
  if (scope.kind === 'regions' || scope.kind === 'unit') return scope.regionCodes;
  return 'none';
}

export function ancestorCodes(codes: readonly string[]): string[] {
  const out = new Set<string>();
  for (const code of codes) {
    for (let p = impliedParentCode(code); p; p = impliedParentCode(p)) out.add(p);
  }
  return [...out];
}

/**
 * SQL condition: the region code in `column` lies in the scope's subtrees (and, when asked, is an ancestor of them,
 * e.g. the county above a township). `undefined` means no restriction.
 */
export function regionInScope(column: AnyColumn, scope: DataScope, opts: { ancestors?: boolean } = {}): SQL | undefined {
  const codes = scopeRegions(scope);
  if (codes === 'all') return undefined;
  if (codes === 'none' || codes.length === 0) return sql`false`;
  const parts: SQL[] = codes.map((c) => sql`${column} LIKE ${`${escapeLike(regionPrefix(c))}%`}`);
  if (opts.ancestors) {
    const up = ancestorCodes(codes);
    if (up.length) parts.push(inArray(column, up));
  }
  return or(...parts);
}

/** The same for a text[] column: any element inside the scope. */
export function regionArrayInScope(column: AnyColumn, scope: DataScope): SQL | undefined {
  const codes = scopeRegions(scope);
  if (codes === 'all') return undefined;
  if (codes === 'none' || codes.length === 0) return sql`false`;
  const patterns = codes.map((c) => `${escapeLike(regionPrefix(c))}%`);
  const list = sql.join(
    patterns.map((p) => sql`${p}`),
    sql`, `,
  );
  return sql`EXISTS (SELECT 1 FROM unnest(${column}) AS rc(code) WHERE rc.code LIKE ANY (ARRAY[${list}]::text[]))`;
}

export function likeContains(q: string): string {
  return `%${escapeLike(q)}%`;
}
