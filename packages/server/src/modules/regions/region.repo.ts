import type { DataScope } from '@anzhi/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { regions } from './region.table.ts';

export type RegionRow = typeof regions.$inferSelect;

export const regionRepo = {
  async findByCode(ex: Executor, code: string): Promise<RegionRow | undefined> {
    const [row] = await ex.select().from(regions).where(eq(regions.code, code)).limit(1);
    return row;
  },
  /** The regions a scope may see, with the ancestors above them so a tree can be drawn. */
  async list(ex: Executor, scope: DataScope): Promise<RegionRow[]> {
    return ex
      .select()
      .from(regions)
      .where(scopeOn.regions(scope, { ancestors: true }))
      .orderBy(asc(regions.code));
  },
  async countByLevel(ex: Executor, scope: DataScope): Promise<Record<string, number>> {
    const rows = await ex
      .select({ level: regions.level, n: sql<number>`count(*)::int` })
      .from(regions)
      .where(and(scopeOn.regions(scope), eq(regions.abolished, false)))
      .groupBy(regions.level);
    return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
  },
  async insert(ex: Executor, values: typeof regions.$inferInsert): Promise<RegionRow> {
    const [row] = await ex.insert(regions).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  },
  async update(ex: Executor, code: string, values: Partial<typeof regions.$inferInsert>): Promise<RegionRow> {
    const [row] = await ex.update(regions).set(values).where(eq(regions.code, code)).returning();
    if (!row) throw new Error(`region ${code} vanished`);
    return row;
  },
};
