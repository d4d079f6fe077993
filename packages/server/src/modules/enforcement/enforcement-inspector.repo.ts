import { and, asc, count, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { likeContains } from '../../lib/scope-sql.ts';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';
import { enforcementInspectors } from './enforcement.table.ts';

export type InspectorRow = typeof enforcementInspectors.$inferSelect;
export type InspectorView = InspectorRow & { unitName: string; homeRegionName: string | null };

export interface InspectorFilter {
  unitId?: number;
  validity?: 'valid' | 'expired';
  includeInactive?: boolean;
  q?: string;
  today: string;
}

const columns = { row: enforcementInspectors, unitName: units.name, homeRegionName: regions.name };

function where(scope: SQL | undefined, f: InspectorFilter): SQL | undefined {
  return and(
    scope,
    f.unitId ? eq(enforcementInspectors.unitId, f.unitId) : undefined,
    f.includeInactive ? undefined : eq(enforcementInspectors.active, true),
    f.validity === 'valid' ? gte(enforcementInspectors.certificateValidUntil, f.today) : undefined,
    f.validity === 'expired' ? lt(enforcementInspectors.certificateValidUntil, f.today) : undefined,
    f.q
      ? or(ilike(enforcementInspectors.name, likeContains(f.q)), ilike(enforcementInspectors.certificateNo, likeContains(f.q)))
      : undefined,
  );
}

const flatten = (r: { row: InspectorRow; unitName: string; homeRegionName: string | null }): InspectorView => ({
  ...r.row,
  unitName: r.unitName,
  homeRegionName: r.homeRegionName,
});

/** 执法检查人员名录库. Every read takes the caller's scope condition (scopeOn.enforcement_inspectors). */
export const inspectorRepo = {
  async page(ex: Executor, scope: SQL | undefined, f: InspectorFilter, page: { offset: number; limit: number }) {
    const w = where(scope, f);
    const rows = await ex
      .select(columns)
      .from(enforcementInspectors)
      .innerJoin(units, eq(units.id, enforcementInspectors.unitId))
      .leftJoin(regions, eq(regions.code, enforcementInspectors.homeRegionCode))
      .where(w)
      .orderBy(asc(enforcementInspectors.unitId), asc(enforcementInspectors.id))
      .offset(page.offset)
      .limit(page.limit);
    const [total] = await ex.select({ n: count() }).from(enforcementInspectors).where(w);
    return { rows: rows.map(flatten), total: Number(total?.n ?? 0) };
  },

  async find(ex: Executor, scope: SQL | undefined, id: number): Promise<InspectorView | undefined> {
    const [r] = await ex
      .select(columns)
      .from(enforcementInspectors)
      .innerJoin(units, eq(units.id, enforcementInspectors.unitId))
      .leftJoin(regions, eq(regions.code, enforcementInspectors.homeRegionCode))
      .where(and(scope, eq(enforcementInspectors.id, id)));
    return r ? flatten(r) : undefined;
  },

  /** The inspector holding a certificate number, in any unit (the number is unique nationwide). */
  async byCertificate(ex: Executor, certificateNo: string): Promise<InspectorRow | undefined> {
    const [r] = await ex.select().from(enforcementInspectors).where(eq(enforcementInspectors.certificateNo, certificateNo));
    return r;
  },

  async insert(ex: Executor, values: typeof enforcementInspectors.$inferInsert): Promise<InspectorRow> {
    const [r] = await ex.insert(enforcementInspectors).values(values).returning();
    return r as InspectorRow;
  },

  /** Optimistic: changes the row only at the version read; undefined when someone else changed it first. */
  async update(ex: Executor, id: number, version: number, values: Partial<typeof enforcementInspectors.$inferInsert>) {
    const [r] = await ex
      .update(enforcementInspectors)
      .set({ ...values, version: version + 1 })
      .where(and(eq(enforcementInspectors.id, id), eq(enforcementInspectors.version, version)))
      .returning();
    return r;
  },

  /** The active inspectors of a unit, for a draw's snapshot. */
  async activeOfUnit(ex: Executor, unitId: number): Promise<InspectorRow[]> {
    return ex
      .select()
      .from(enforcementInspectors)
      .where(and(eq(enforcementInspectors.unitId, unitId), eq(enforcementInspectors.active, true)))
      .orderBy(asc(enforcementInspectors.id));
  },
};
