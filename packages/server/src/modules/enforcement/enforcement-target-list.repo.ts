import { ceasedEnterpriseStatuses } from '@anzhi/core';
import { and, asc, count, eq, ilike, inArray, like, ne, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { likeContains } from '../../lib/scope-sql.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';
import { enforcementTargets } from './enforcement.table.ts';

export type TargetRow = typeof enforcementTargets.$inferSelect;
export type TargetView = TargetRow & {
  unitName: string;
  enterpriseName: string;
  regionName: string | null;
  riskLevel: string | null;
  flags: string[];
};

export interface TargetFilter {
  unitId?: number;
  q?: string;
  regionCode?: string;
  excluded?: boolean;
}

const columns = {
  row: enforcementTargets,
  unitName: units.name,
  enterpriseName: enterprises.name,
  regionName: regions.name,
  riskLevel: enterprises.riskLevel,
  flags: enterprises.flags,
};
type Joined = {
  row: TargetRow;
  unitName: string;
  enterpriseName: string;
  regionName: string | null;
  riskLevel: string | null;
  flags: string[];
};
const flatten = ({ row, ...rest }: Joined): TargetView => ({ ...row, ...rest });

/** A village's code prefix: a township (…000) covers its villages. */
const regionPrefix = (code: string) => code.replace(/0{3}$/u, '');

/** 检查对象名录库 reads and hand edits. Every read takes the caller's scope condition (scopeOn.enforcement_targets). */
export const targetListRepo = {
  async page(ex: Executor, scope: SQL | undefined, f: TargetFilter, page: { offset: number; limit: number }) {
    const w = and(
      scope,
      f.unitId ? eq(enforcementTargets.unitId, f.unitId) : undefined,
      f.excluded === undefined ? undefined : eq(enforcementTargets.excluded, f.excluded),
      f.regionCode ? like(enforcementTargets.regionCode, `${regionPrefix(f.regionCode)}%`) : undefined,
      f.q ? ilike(enterprises.name, likeContains(f.q)) : undefined,
    );
    const base = () =>
      ex
        .select(columns)
        .from(enforcementTargets)
        .innerJoin(enterprises, eq(enterprises.id, enforcementTargets.enterpriseId))
        .innerJoin(units, eq(units.id, enforcementTargets.unitId))
        .leftJoin(regions, eq(regions.code, enforcementTargets.regionCode));
    const rows = await base()
      .where(w)
      .orderBy(asc(enforcementTargets.unitId), asc(enforcementTargets.regionCode), asc(enforcementTargets.id))
      .offset(page.offset)
      .limit(page.limit);
    const [total] = await ex
      .select({ n: count() })
      .from(enforcementTargets)
      .innerJoin(enterprises, eq(enterprises.id, enforcementTargets.enterpriseId))
      .where(w);
    return { rows: rows.map(flatten), total: Number(total?.n ?? 0) };
  },

  async find(ex: Executor, scope: SQL | undefined, id: number): Promise<TargetView | undefined> {
    const [r] = await ex
      .select(columns)
      .from(enforcementTargets)
      .innerJoin(enterprises, eq(enterprises.id, enforcementTargets.enterpriseId))
      .innerJoin(units, eq(units.id, enforcementTargets.unitId))
      .leftJoin(regions, eq(regions.code, enforcementTargets.regionCode))
      .where(and(scope, eq(enforcementTargets.id, id)));
    return r ? flatten(r) : undefined;
  },

  async countOfUnit(ex: Executor, unitId: number): Promise<number> {
    const [r] = await ex.select({ n: count() }).from(enforcementTargets).where(eq(enforcementTargets.unitId, unitId));
    return Number(r?.n ?? 0);
  },

  /**
   * Registry-derived targets the registry no longer gives the unit: the enterprise moved to another supervising unit,
   * or closed. Left in place for the unit to review (exclude with a reason).
   */
  async stale(ex: Executor, unitId: number) {
    return ex
      .select({
        targetId: enforcementTargets.id,
        enterpriseId: enterprises.id,
        enterpriseName: enterprises.name,
        status: enterprises.status,
        supervisingUnitId: enterprises.supervisingUnitId,
      })
      .from(enforcementTargets)
      .innerJoin(enterprises, eq(enterprises.id, enforcementTargets.enterpriseId))
      .where(
        and(
          eq(enforcementTargets.unitId, unitId),
          eq(enforcementTargets.source, 'registry'),
          eq(enforcementTargets.excluded, false),
          or(
            ne(enterprises.supervisingUnitId, unitId),
            sql`${enterprises.supervisingUnitId} IS NULL`,
            inArray(enterprises.status, ceasedEnterpriseStatuses),
          ),
        ),
      )
      .orderBy(asc(enforcementTargets.id));
  },

  async insert(ex: Executor, values: typeof enforcementTargets.$inferInsert): Promise<TargetRow> {
    const [r] = await ex.insert(enforcementTargets).values(values).returning();
    return r as TargetRow;
  },

  async setExcluded(ex: Executor, id: number, excluded: boolean, reason: string | null, now: Date) {
    const [r] = await ex
      .update(enforcementTargets)
      .set({ excluded, excludedReason: reason, updatedAt: now })
      .where(eq(enforcementTargets.id, id))
      .returning();
    return r as TargetRow;
  },

  /** The targets a draw may pick: the unit's, not excluded, with the enterprise's name and place as they are now. */
  async drawable(ex: Executor, unitId: number) {
    return ex
      .select({ id: enforcementTargets.enterpriseId, name: enterprises.name, regionCode: enterprises.regionCode })
      .from(enforcementTargets)
      .innerJoin(enterprises, eq(enterprises.id, enforcementTargets.enterpriseId))
      .where(
        and(
          eq(enforcementTargets.unitId, unitId),
          eq(enforcementTargets.excluded, false),
          notInArray(enterprises.status, ceasedEnterpriseStatuses),
        ),
      )
      .orderBy(asc(enforcementTargets.enterpriseId));
  },
};
