import type { DataScope, UnitKind } from '@anzhi/core';
import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { likeContains } from '../../lib/scope-sql.ts';
import { units } from './unit.table.ts';

export type UnitRow = typeof units.$inferSelect;

export interface UnitFilter {
  q?: string;
  kind?: UnitKind;
}

export const unitRepo = {
  async findById(ex: Executor, id: number, scope: DataScope): Promise<UnitRow | undefined> {
    const [row] = await ex
      .select()
      .from(units)
      .where(and(eq(units.id, id), scopeOn.units(scope)))
      .limit(1);
    return row;
  },
  async findByName(ex: Executor, regionCode: string, name: string): Promise<UnitRow | undefined> {
    const [row] = await ex
      .select()
      .from(units)
      .where(and(eq(units.regionCode, regionCode), eq(units.name, name)))
      .limit(1);
    return row;
  },
  async list(ex: Executor, scope: DataScope, f: UnitFilter, page: number, pageSize: number) {
    const c: (SQL | undefined)[] = [scopeOn.units(scope)];
    if (f.q) {
      const like = likeContains(f.q);
      c.push(or(ilike(units.name, like), ilike(units.shortName, like), sql`array_to_string(${units.aliases}, ' ') ILIKE ${like}`));
    }
    if (f.kind) c.push(eq(units.kind, f.kind));
    const where = and(...c);
    const items = await ex
      .select()
      .from(units)
      .where(where)
      .orderBy(asc(units.disabled), asc(units.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [count] = await ex.select({ n: sql<number>`count(*)::int` }).from(units).where(where);
    return { items, total: Number(count?.n ?? 0) };
  },
  async inRegions(ex: Executor, regionCodes: string[]): Promise<UnitRow[]> {
    if (regionCodes.length === 0) return [];
    return ex.select().from(units).where(inArray(units.regionCode, regionCodes));
  },
  async count(ex: Executor, scope: DataScope): Promise<number> {
    const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(units).where(scopeOn.units(scope));
    return Number(row?.n ?? 0);
  },
  async insert(ex: Executor, values: typeof units.$inferInsert): Promise<UnitRow> {
    const [row] = await ex.insert(units).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  },
  async update(ex: Executor, id: number, values: Partial<typeof units.$inferInsert>): Promise<UnitRow> {
    const [row] = await ex.update(units).set(values).where(eq(units.id, id)).returning();
    if (!row) throw new Error(`unit ${id} vanished`);
    return row;
  },
};
