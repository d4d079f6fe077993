import {
  ceasedEnterpriseStatuses,
  type DataScope,
  type EnforcementPlanStatus,
  type EnforcementPlanTarget,
  foundedReportStatuses,
  openHazardStatuses,
  type RiskLevel,
} from '@anzhi/core';
import { and, asc, desc, eq, gte, inArray, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { reports } from '../reports/report.table.ts';
import { units } from '../units/unit.table.ts';
import { users } from '../users/user.table.ts';
import {
  enforcementChecks,
  enforcementInspectors,
  enforcementPlanAmendments,
  enforcementPlanItems,
  enforcementPlans,
  enforcementTargets,
} from './enforcement.table.ts';

export type EnforcementPlanRow = typeof enforcementPlans.$inferSelect;
export type EnforcementPlanItemRow = typeof enforcementPlanItems.$inferSelect;

/**
 * "近 12 个月举报属实": a founded report about the enterprise (the report module, decided since), or a hazard registered
 * directly with channel 群众举报查实 (found since) — the latter is how reports were recorded before the module existed.
 */
const foundedReportChannel = 'publicReport' as const;

export const enforcementPlanRepo = {
  async unit(ex: Executor, unitId: number) {
    const [row] = await ex.select({ id: units.id, name: units.name, regionCode: units.regionCode }).from(units).where(eq(units.id, unitId));
    return row;
  },

  /** Active inspectors of a unit with a certificate valid on `today` (the default of a plan's capacity). */
  async activeInspectors(ex: Executor, unitId: number, today: string): Promise<number> {
    const [row] = await ex
      .select({ n: sql<number>`count(*)::int` })
      .from(enforcementInspectors)
      .where(
        and(
          eq(enforcementInspectors.unitId, unitId),
          eq(enforcementInspectors.active, true),
          gte(enforcementInspectors.certificateValidUntil, today),
        ),
      );
    return Number(row?.n ?? 0);
  },

  async hasTargets(ex: Executor, unitId: number): Promise<boolean> {
    const [row] = await ex
      .select({ id: enforcementTargets.id })
      .from(enforcementTargets)
      .where(eq(enforcementTargets.unitId, unitId))
      .limit(1);
    return !!row;
  },

  /**
   * The facts the proposal needs about every target of the unit's 名录库 (not excluded, not ceased), in two set-based
   * statements: the targets with their enterprise, and one grouped pass over their hazards.
   */
  async planTargets(ex: Executor, unitId: number, reportsSince: string): Promise<EnforcementPlanTarget[]> {
    const inUnit = and(
      eq(enforcementTargets.unitId, unitId),
      eq(enforcementTargets.excluded, false),
      notInArray(enterprises.status, ceasedEnterpriseStatuses),
    );
    const facts = ex
      .select({
        enterpriseId: hazards.enterpriseId,
        openMajor: sql<number>`count(*) FILTER (WHERE ${hazards.grade} = 'major' AND ${inArray(hazards.status, openHazardStatuses)})`.as(
          'open_major',
        ),
        reported: sql<boolean>`bool_or(${hazards.channel} = ${foundedReportChannel} AND ${hazards.foundOn} >= ${reportsSince})`.as(
          'reported',
        ),
      })
      .from(hazards)
      .where(
        inArray(
          hazards.enterpriseId,
          ex.select({ id: enforcementTargets.enterpriseId }).from(enforcementTargets).where(eq(enforcementTargets.unitId, unitId)),
        ),
      )
      .groupBy(hazards.enterpriseId)
      .as('facts');
    const rows = await ex
      .select({
        enterpriseId: enterprises.id,
        name: enterprises.name,
        regionCode: enterprises.regionCode,
        riskLevel: enterprises.riskLevel,
        flags: enterprises.flags,
        openMajor: facts.openMajor,
        reported: sql<boolean>`(${facts.reported} OR EXISTS (SELECT 1 FROM ${reports} WHERE ${reports.enterpriseId} = ${enterprises.id} AND ${inArray(reports.status, foundedReportStatuses)} AND ${reports.decidedOn} >= ${reportsSince}))`,
      })
      .from(enforcementTargets)
      .innerJoin(enterprises, eq(enterprises.id, enforcementTargets.enterpriseId))
      .leftJoin(facts, eq(facts.enterpriseId, enterprises.id))
      .where(inUnit);
    return rows.map((r) => ({
      enterpriseId: r.enterpriseId,
      name: r.name,
      regionCode: r.regionCode,
      riskLevel: (r.riskLevel ?? null) as RiskLevel | null,
      flags: r.flags,
      majorHazardSource: r.flags.includes('majorHazardSource'),
      openMajorHazards: Number(r.openMajor ?? 0),
      accidentOrFoundedReportWithin12Months: r.reported === true,
    }));
  },

  /** Whether an enterprise is in the unit's 名录库 (not excluded): a plan may only add those. */
  async targetsOf(ex: Executor, unitId: number, enterpriseIds: number[]) {
    if (!enterpriseIds.length) return [];
    return ex
      .select({ enterpriseId: enforcementTargets.enterpriseId, regionCode: enterprises.regionCode, name: enterprises.name })
      .from(enforcementTargets)
      .innerJoin(enterprises, eq(enterprises.id, enforcementTargets.enterpriseId))
      .where(
        and(
          eq(enforcementTargets.unitId, unitId),
          eq(enforcementTargets.excluded, false),
          inArray(enforcementTargets.enterpriseId, enterpriseIds),
        ),
      );
  },

  async page(
    ex: Executor,
    scope: DataScope,
    opts: { unitId?: number; year?: number; status?: EnforcementPlanStatus; offset: number; limit: number },
  ) {
    const where = and(
      scopeOn.enforcement_plans(scope),
      opts.unitId ? eq(enforcementPlans.unitId, opts.unitId) : undefined,
      opts.year ? eq(enforcementPlans.year, opts.year) : undefined,
      opts.status ? eq(enforcementPlans.status, opts.status) : undefined,
    );
    const [rows, [count]] = await Promise.all([
      ex
        .select()
        .from(enforcementPlans)
        .where(where)
        .orderBy(desc(enforcementPlans.year), asc(enforcementPlans.unitId))
        .limit(opts.limit)
        .offset(opts.offset),
      ex.select({ n: sql<number>`count(*)::int` }).from(enforcementPlans).where(where),
    ]);
    return { rows, total: Number(count?.n ?? 0) };
  },

  /** Per plan: checks planned, key and general targets (one grouped statement). */
  async totals(ex: Executor, planIds: number[]) {
    if (!planIds.length) return new Map<number, { planned: number; key: number; general: number }>();
    const rows = await ex
      .select({
        planId: enforcementPlanItems.planId,
        planned: sql<number>`coalesce(sum(${enforcementPlanItems.checksPerYear}), 0)::int`,
        key: sql<number>`count(*) FILTER (WHERE ${enforcementPlanItems.kind} = 'key')::int`,
        general: sql<number>`count(*) FILTER (WHERE ${enforcementPlanItems.kind} = 'general')::int`,
      })
      .from(enforcementPlanItems)
      .where(inArray(enforcementPlanItems.planId, planIds))
      .groupBy(enforcementPlanItems.planId);
    return new Map(rows.map((r) => [r.planId, { planned: Number(r.planned), key: Number(r.key), general: Number(r.general) }]));
  },

  async unitNames(ex: Executor, unitIds: number[]) {
    if (!unitIds.length) return new Map<number, string>();
    const rows = await ex.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async findById(ex: Executor, id: number, scope: DataScope): Promise<EnforcementPlanRow | undefined> {
    const [row] = await ex
      .select()
      .from(enforcementPlans)
      .where(and(eq(enforcementPlans.id, id), scopeOn.enforcement_plans(scope)));
    return row;
  },

  async lock(ex: Executor, id: number): Promise<EnforcementPlanRow> {
    const [row] = await ex.select().from(enforcementPlans).where(eq(enforcementPlans.id, id)).for('update');
    return row as EnforcementPlanRow;
  },

  async findByUnitYear(ex: Executor, unitId: number, year: number) {
    const [row] = await ex
      .select({ id: enforcementPlans.id })
      .from(enforcementPlans)
      .where(and(eq(enforcementPlans.unitId, unitId), eq(enforcementPlans.year, year)));
    return row;
  },

  async insert(ex: Executor, values: typeof enforcementPlans.$inferInsert): Promise<EnforcementPlanRow> {
    const [row] = await ex.insert(enforcementPlans).values(values).returning();
    return row as EnforcementPlanRow;
  },

  async update(ex: Executor, id: number, version: number, values: Partial<typeof enforcementPlans.$inferInsert>) {
    const [row] = await ex
      .update(enforcementPlans)
      .set({ ...values, version: version + 1 })
      .where(and(eq(enforcementPlans.id, id), eq(enforcementPlans.version, version)))
      .returning();
    return row;
  },

  async setProposal(ex: Executor, id: number, proposal: Record<string, unknown>) {
    await ex.update(enforcementPlans).set({ proposal }).where(eq(enforcementPlans.id, id));
  },

  async enterpriseNames(ex: Executor, ids: number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await ex.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async items(ex: Executor, planId: number) {
    return ex
      .select({ item: enforcementPlanItems, enterpriseName: enterprises.name })
      .from(enforcementPlanItems)
      .innerJoin(enterprises, eq(enterprises.id, enforcementPlanItems.enterpriseId))
      .where(eq(enforcementPlanItems.planId, planId))
      .orderBy(asc(enforcementPlanItems.kind), asc(enforcementPlanItems.id));
  },

  async insertItems(ex: Executor, rows: Array<typeof enforcementPlanItems.$inferInsert>) {
    for (let i = 0; i < rows.length; i += 1000) await ex.insert(enforcementPlanItems).values(rows.slice(i, i + 1000));
  },

  async deleteItems(ex: Executor, planId: number, ids?: number[]) {
    await ex
      .delete(enforcementPlanItems)
      .where(and(eq(enforcementPlanItems.planId, planId), ids ? inArray(enforcementPlanItems.id, ids) : undefined));
  },

  async updateItem(ex: Executor, id: number, values: Partial<typeof enforcementPlanItems.$inferInsert>) {
    await ex.update(enforcementPlanItems).set(values).where(eq(enforcementPlanItems.id, id));
  },

  /** Items (of the given ids) that checks already refer to: those cannot be removed. */
  async itemsWithChecks(ex: Executor, itemIds: number[]): Promise<number[]> {
    if (!itemIds.length) return [];
    const rows = await ex
      .selectDistinct({ id: enforcementChecks.planItemId })
      .from(enforcementChecks)
      .where(inArray(enforcementChecks.planItemId, itemIds));
    return rows.map((r) => Number(r.id));
  },

  async amendments(ex: Executor, planId: number) {
    return ex
      .select({ row: enforcementPlanAmendments, actorName: users.displayName })
      .from(enforcementPlanAmendments)
      .leftJoin(users, eq(users.id, enforcementPlanAmendments.actorId))
      .where(eq(enforcementPlanAmendments.planId, planId))
      .orderBy(asc(enforcementPlanAmendments.id));
  },

  async insertAmendment(ex: Executor, values: typeof enforcementPlanAmendments.$inferInsert) {
    await ex.insert(enforcementPlanAmendments).values(values);
  },

  /** The unit's checks of some enterprises scheduled within [from, to] (the monthly plan's status column). */
  async checksIn(ex: Executor, unitId: number, enterpriseIds: number[], from: string, to: string, where?: SQL) {
    if (!enterpriseIds.length) return [];
    return ex
      .select({
        id: enforcementChecks.id,
        code: enforcementChecks.code,
        enterpriseId: enforcementChecks.enterpriseId,
        planItemId: enforcementChecks.planItemId,
        status: enforcementChecks.status,
      })
      .from(enforcementChecks)
      .where(
        and(
          eq(enforcementChecks.unitId, unitId),
          inArray(enforcementChecks.enterpriseId, enterpriseIds),
          gte(enforcementChecks.scheduledOn, from),
          lte(enforcementChecks.scheduledOn, to),
          where,
        ),
      )
      .orderBy(asc(enforcementChecks.id));
  },
};
