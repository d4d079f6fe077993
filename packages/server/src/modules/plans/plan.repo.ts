import type { DataScope, PlanStatus } from '@anzhi/core';
import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { regionSubtree, scopeOn } from '../../db/data-scope.ts';
import { likeContains } from '../../lib/scope-sql.ts';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';
import { plans, planTasks, planUnitMappings } from './plan.table.ts';

export type PlanRow = typeof plans.$inferSelect;
export type PlanTaskRow = typeof planTasks.$inferSelect;
export type PlanMappingRow = typeof planUnitMappings.$inferSelect;

/**
 * Which plans a scope sees: a township's plans are seen by its office, units and leaders, by the county above it
 * (subtree), and by its villages (ancestor). Drafts only by those who may manage plans.
 */
export function planScope(scope: DataScope, opts: { drafts: boolean }): SQL | undefined {
  const published = opts.drafts ? undefined : eq(plans.status, 'published');
  return and(scopeOn.plans(scope), published);
}

/** A unit sees only the tasks it leads or shares (and the headings above them, which the service adds). */
export function taskOfUnit(unitId: number): SQL {
  return sql`(${planTasks.leadUnitIds} @> ARRAY[${unitId}]::int[] OR ${planTasks.coUnitIds} @> ARRAY[${unitId}]::int[])`;
}

/** Who looks at a plan: a unit (its tasks), the villages (tasks of 各村), or everyone (the office, leaders). */
export interface TaskViewer {
  unitId?: number;
  villages?: boolean;
}

function viewerCondition(v: TaskViewer): SQL | undefined {
  if (v.unitId !== undefined) return or(eq(planTasks.kind, 'group'), taskOfUnit(v.unitId));
  if (v.villages) return or(eq(planTasks.kind, 'group'), eq(planTasks.leadVillages, true), eq(planTasks.coVillages, true));
  return undefined;
}

export const planRepo = {
  async page(ex: Executor, where: SQL | undefined, opts: { q?: string; status?: PlanStatus; offset: number; limit: number }) {
    const c = and(
      where,
      opts.status ? eq(plans.status, opts.status) : undefined,
      opts.q ? or(ilike(plans.title, likeContains(opts.q)), ilike(plans.docNumber, likeContains(opts.q))) : undefined,
    );
    const [rows, [count]] = await Promise.all([
      ex.select().from(plans).where(c).orderBy(desc(plans.updatedAt), desc(plans.id)).limit(opts.limit).offset(opts.offset),
      ex.select({ n: sql<number>`count(*)::int` }).from(plans).where(c),
    ]);
    return { rows, total: Number(count?.n ?? 0) };
  },

  async findById(ex: Executor, id: number, where?: SQL): Promise<PlanRow | undefined> {
    const [row] = await ex
      .select()
      .from(plans)
      .where(and(eq(plans.id, id), where))
      .limit(1);
    return row;
  },

  async lock(ex: Executor, id: number): Promise<PlanRow | undefined> {
    const [row] = await ex.select().from(plans).where(eq(plans.id, id)).for('update');
    return row;
  },

  async insert(ex: Executor, values: typeof plans.$inferInsert): Promise<PlanRow> {
    const [row] = await ex.insert(plans).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  },

  /** Optimistic: only the version the caller saw is updated; undefined when someone else got there first. */
  async update(ex: Executor, id: number, version: number, values: Partial<typeof plans.$inferInsert>): Promise<PlanRow | undefined> {
    const [row] = await ex
      .update(plans)
      .set({ ...values, version: version + 1 })
      .where(and(eq(plans.id, id), eq(plans.version, version)))
      .returning();
    return row;
  },

  async remove(ex: Executor, id: number): Promise<void> {
    await ex.delete(plans).where(eq(plans.id, id));
  },

  async tasks(ex: Executor, planId: number, opts: TaskViewer & { withRemoved?: boolean } = {}): Promise<PlanTaskRow[]> {
    return ex
      .select()
      .from(planTasks)
      .where(and(eq(planTasks.planId, planId), opts.withRemoved ? undefined : isNull(planTasks.removedAt), viewerCondition(opts)))
      .orderBy(asc(planTasks.sortOrder), asc(planTasks.id));
  },

  async insertTask(ex: Executor, values: typeof planTasks.$inferInsert): Promise<PlanTaskRow> {
    const [row] = await ex.insert(planTasks).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  },

  async updateTask(ex: Executor, id: number, values: Partial<typeof planTasks.$inferInsert>): Promise<void> {
    await ex.update(planTasks).set(values).where(eq(planTasks.id, id));
  },

  async removeTasks(ex: Executor, planId: number, ids: number[], at: Date, hard: boolean): Promise<void> {
    if (ids.length === 0) return;
    const where = and(eq(planTasks.planId, planId), inArray(planTasks.id, ids));
    if (hard) await ex.delete(planTasks).where(where);
    else await ex.update(planTasks).set({ removedAt: at, updatedAt: at }).where(where);
  },

  async mappings(ex: Executor, planId: number): Promise<PlanMappingRow[]> {
    return ex.select().from(planUnitMappings).where(eq(planUnitMappings.planId, planId)).orderBy(asc(planUnitMappings.id));
  },

  async insertMappings(ex: Executor, rows: Array<typeof planUnitMappings.$inferInsert>): Promise<void> {
    if (rows.length) await ex.insert(planUnitMappings).values(rows).onConflictDoNothing();
  },

  async updateMapping(ex: Executor, id: number, values: Partial<typeof planUnitMappings.$inferInsert>): Promise<void> {
    await ex.update(planUnitMappings).set(values).where(eq(planUnitMappings.id, id));
  },

  /** The member units a plan of this region may name: the region's own and those of the regions under it. */
  async unitsOf(ex: Executor, regionCode: string) {
    const rows = await ex
      .select({ id: units.id, name: units.name, shortName: units.shortName, aliases: units.aliases, regionCode: units.regionCode })
      .from(units)
      .where(and(eq(units.disabled, false), regionSubtree(units.regionCode, regionCode)))
      .orderBy(asc(units.id));
    return rows;
  },

  async unitNames(ex: Executor, ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await ex.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  /** The villages (and 社区) directly under the township. */
  async villagesOf(ex: Executor, regionCode: string): Promise<Array<{ code: string; name: string }>> {
    return ex
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(and(eq(regions.parentCode, regionCode), eq(regions.level, 'village'), eq(regions.abolished, false)))
      .orderBy(asc(regions.code));
  },

  async region(ex: Executor, code: string) {
    const [row] = await ex.select().from(regions).where(eq(regions.code, code)).limit(1);
    return row;
  },

  /** Names of a region and the regions above it (示例镇, 示例县 …): the prefixes plans put before unit names. */
  async placeNames(ex: Executor, code: string): Promise<string[]> {
    const out: string[] = [];
    let current: string | null = code;
    for (let i = 0; current && i < 6; i++) {
      const row = await this.region(ex, current);
      if (!row) break;
      out.push(row.name);
      current = row.parentCode;
    }
    return out;
  },

  async published(ex: Executor, where: SQL | undefined): Promise<PlanRow[]> {
    return ex
      .select()
      .from(plans)
      .where(and(where, eq(plans.status, 'published')))
      .orderBy(asc(plans.id));
  },

  /** Tasks by id with their plans, for the dispatch to check each reported task belongs to the caller. */
  async tasksWithPlans(ex: Executor, ids: number[], where: SQL | undefined) {
    if (ids.length === 0) return [];
    return ex
      .select({ task: planTasks, plan: plans })
      .from(planTasks)
      .innerJoin(plans, eq(plans.id, planTasks.planId))
      .where(and(inArray(planTasks.id, ids), where));
  },
};
