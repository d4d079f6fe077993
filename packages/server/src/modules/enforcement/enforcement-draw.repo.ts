import type { DrawStatus } from '@anzhi/core';
import { and, asc, count, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';
import { enforcementChecks, enforcementDraws } from './enforcement.table.ts';

export type DrawRow = typeof enforcementDraws.$inferSelect;

/** What a list shows of a draw: sizes read from the snapshot in SQL, never the snapshot itself (10,000 targets). */
const summary = {
  id: enforcementDraws.id,
  unitId: enforcementDraws.unitId,
  unitName: units.name,
  title: enforcementDraws.title,
  status: enforcementDraws.status,
  seedHash: enforcementDraws.seedHash,
  algorithm: enforcementDraws.algorithm,
  planId: enforcementDraws.planId,
  committedAt: enforcementDraws.committedAt,
  drawnAt: enforcementDraws.drawnAt,
  scheduledOn: sql<string>`${enforcementDraws.inputs}->>'drawnOn'`,
  targetCount: sql<number>`(${enforcementDraws.inputs}->>'targetCount')::int`,
  inspectorsPerCheck: sql<number>`(${enforcementDraws.inputs}->>'inspectorsPerCheck')::int`,
  targetPool: sql<number>`jsonb_array_length(${enforcementDraws.inputs}->'targets')`,
  inspectorPool: sql<number>`jsonb_array_length(${enforcementDraws.inputs}->'inspectors')`,
  drawnChecks: sql<number>`coalesce(jsonb_array_length(${enforcementDraws.result}->'checks'), 0)`,
};
export interface DrawSummaryRow {
  id: number;
  unitName: string;
  unitId: number;
  title: string;
  status: DrawStatus;
  seedHash: string;
  algorithm: string;
  planId: number | null;
  committedAt: Date;
  drawnAt: Date | null;
  scheduledOn: string;
  targetCount: number;
  inspectorsPerCheck: number;
  targetPool: number;
  inspectorPool: number;
  drawnChecks: number;
}

export const drawRepo = {
  async page(ex: Executor, scope: SQL | undefined, f: { unitId?: number; status?: DrawStatus }, page: { offset: number; limit: number }) {
    const w = and(
      scope,
      f.unitId ? eq(enforcementDraws.unitId, f.unitId) : undefined,
      f.status ? eq(enforcementDraws.status, f.status) : undefined,
    );
    const rows = (await ex
      .select(summary)
      .from(enforcementDraws)
      .innerJoin(units, eq(units.id, enforcementDraws.unitId))
      .where(w)
      .orderBy(desc(enforcementDraws.id))
      .offset(page.offset)
      .limit(page.limit)) as DrawSummaryRow[];
    const [total] = await ex.select({ n: count() }).from(enforcementDraws).where(w);
    return { rows, total: Number(total?.n ?? 0) };
  },

  /** The whole row (snapshot, seed) with its unit's name; `scope` undefined only for the public, drawn record. */
  async find(ex: Executor, scope: SQL | undefined, id: number, opts: { lock?: boolean } = {}) {
    const q = ex
      .select({ row: enforcementDraws, unitName: units.name })
      .from(enforcementDraws)
      .innerJoin(units, eq(units.id, enforcementDraws.unitId))
      .where(and(scope, eq(enforcementDraws.id, id)));
    const [r] = opts.lock ? await q.for('update', { of: enforcementDraws }) : await q;
    return r;
  },

  /** Returns the row as written without reading the snapshot back (10,000 targets are not worth a round trip). */
  async insert(ex: Executor, values: typeof enforcementDraws.$inferInsert & Pick<DrawRow, 'committedAt' | 'createdAt'>): Promise<DrawRow> {
    const [r] = await ex.insert(enforcementDraws).values(values).returning({ id: enforcementDraws.id });
    return {
      inputs: null,
      result: null,
      planId: null,
      committedBy: null,
      drawnBy: null,
      drawnAt: null,
      ...values,
      id: (r as { id: number }).id,
    };
  },

  /** Marks a committed draw drawn; false when it was not committed any more (run twice at once). */
  async markDrawn(ex: Executor, id: number, values: Pick<DrawRow, 'result' | 'drawnBy' | 'drawnAt'>): Promise<boolean> {
    const r = await ex
      .update(enforcementDraws)
      .set({ ...values, status: 'drawn' })
      .where(and(eq(enforcementDraws.id, id), eq(enforcementDraws.status, 'committed')))
      .returning({ id: enforcementDraws.id });
    return r.length === 1;
  },

  /** The checks a draw created: id and number per enterprise. */
  async checksOf(ex: Executor, drawId: number) {
    return ex
      .select({ id: enforcementChecks.id, code: enforcementChecks.code, enterpriseId: enforcementChecks.enterpriseId })
      .from(enforcementChecks)
      .where(eq(enforcementChecks.drawId, drawId))
      .orderBy(asc(enforcementChecks.id));
  },

  /**
   * A unit's checks on or after `from` whose status makes inspectors recuse (core drawRecusalCheckStatuses): the
   * pairs a draw's recusal window needs. Planned checks later than the draw's day count too.
   */
  async recentChecks(ex: Executor, unitId: number, from: string, statuses: readonly string[]) {
    return ex
      .select({
        enterpriseId: enforcementChecks.enterpriseId,
        inspectorIds: enforcementChecks.inspectorIds,
        on: enforcementChecks.scheduledOn,
      })
      .from(enforcementChecks)
      .where(
        and(
          eq(enforcementChecks.unitId, unitId),
          gte(enforcementChecks.scheduledOn, from),
          inArray(enforcementChecks.status, statuses as never[]),
        ),
      );
  },

  async regionNames(ex: Executor, codes: string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows = await ex
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(inArray(regions.code, [...new Set(codes)]));
    return new Map(rows.map((r) => [r.code, r.name]));
  },
};
