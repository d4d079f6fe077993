import fs from 'node:fs';
import path from 'node:path';
import type { DataScope } from '@anzhi/core';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { scopeOn, unscopedTables } from './data-scope.ts';
import * as schema from './schema.ts';

const tables: PgTable[] = Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => is(v, PgTable));
/** Columns that tie a row to a place or an enterprise: such a table needs a scope condition. */
const placeColumns = new Set(['region_code', 'region_codes', 'enterprise_id']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'migrations' ? [] : sourceFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}
const src = path.resolve(import.meta.dirname, '..');

describe('data scope has one choke point (src/db/data-scope.ts)', () => {
  it('every table is either scoped there or declared unscoped with a reason', () => {
    const names = tables.map((t) => getTableName(t)).sort();
    const classified = [...Object.keys(scopeOn), ...Object.keys(unscopedTables)].sort();
    expect(classified).toEqual(names);
    for (const reason of Object.values(unscopedTables)) expect(reason.length).toBeGreaterThan(10);
  });

  it('a table holding region codes or enterprise ids cannot be declared unscoped', () => {
    const placeBound = tables
      .filter((t) => Object.values(getTableColumns(t)).some((c) => placeColumns.has(c.name)))
      .map((t) => getTableName(t));
    expect(placeBound.length).toBeGreaterThan(5);
    for (const name of placeBound) expect(Object.keys(scopeOn), name).toContain(name);
  });

  it('every scope condition restricts anyone but the administrator', () => {
    const restricted: DataScope[] = [
      { kind: 'none' },
      { kind: 'enterprise', enterpriseId: 1 },
      { kind: 'unit', unitId: 1, regionCodes: ['330110101000'] },
      { kind: 'regions', regionCodes: ['330110101000'] },
    ];
    for (const [name, condition] of Object.entries(scopeOn)) {
      expect(condition({ kind: 'all' }), name).toBeUndefined();
      for (const scope of restricted) expect(condition(scope), `${name} ${scope.kind}`).toBeDefined();
    }
  });

  it('no repo or service builds scope SQL of its own, and no repo takes the scope as optional', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(src)) {
      const rel = path.relative(src, file);
      if (rel === path.join('db', 'data-scope.ts') || rel === path.join('lib', 'scope-sql.ts')) continue;
      const text = fs.readFileSync(file, 'utf8');
      if (/\bregion(Array)?InScope\b/.test(text)) offenders.push(`${rel}: uses regionInScope (use scopeOn or regionSubtree)`);
      if (/scope\?\s*:\s*DataScope/.test(text)) offenders.push(`${rel}: optional scope (pass the actor's scope or systemScope)`);
    }
    expect(offenders).toEqual([]);
  });
});
