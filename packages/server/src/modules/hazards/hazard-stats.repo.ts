import { type DataScope, type HazardFilter, type HazardGroupBy, regionLevelOf } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';
import { hazardRepo, hazardWhere } from './hazard.repo.ts';
import { hazards } from './hazard.table.ts';
import { hazardSql } from './hazard-predicates.sql.ts';

const childPrefix: Record<string, number> = { province: 4, city: 6, county: 9, township: 12, village: 12, grid: 12 };

/** The region a statistics request looks into: the filter's region, or the caller's single region. */
export function statsRoot(scope: DataScope, regionCode: string | undefined): string | null {
  if (regionCode) return regionCode;
  if ((scope.kind === 'regions' || scope.kind === 'unit') && scope.regionCodes.length === 1) return scope.regionCodes[0] as string;
  return null;
}

/** The SQL key a hazard is counted under. Every hazard has exactly one key, so the groups add up to the total. */
export function groupKey(groupBy: HazardGroupBy, root: string | null): SQL {
  switch (groupBy) {
    case 'region': {
      // One level below the root: a township's villages, a county's townships (county by default).
      const len = root ? (childPrefix[regionLevelOf(root)] ?? 12) : 6;
      return sql`rpad(substr(${hazards.regionCode}, 1, ${sql.raw(String(len))}), 12, '0')`;
    }
    case 'industry':
      return sql`coalesce(${hazards.industryCode}, '')`;
    case 'channel':
      return sql`${hazards.channel}`;
    case 'status':
      return sql`${hazards.status}`;
    case 'grade':
      return sql`${hazards.grade}`;
    case 'domain':
      // The first (main) domain, so that the counts still add up.
      return sql`coalesce(${hazards.domains}[1], '')`;
    case 'unit':
      // nullif: the statistics cube stores "no unit" as 0.
      return sql`coalesce(nullif(${hazards.supervisingUnitId}, 0)::text, '')`;
  }
}

export interface DynamicZeroRow {
  key: string;
  stock: number;
  stockClosed: number;
  stockDismissed: number;
  increment: number;
  incrementClosed: number;
  incrementDismissed: number;
  open: number;
  overdue: number;
  closed: number;
  avgDaysToClose: number | null;
}

/**
 * Filters the statistics cube (hazard_counts, migration 0010) can answer exactly: only conditions on its dimensions.
 * The cube is read under the alias "hazards", so the very same WHERE and group keys apply to it.
 */
export function cubeAnswers(scope: DataScope, filter: HazardFilter, groupBy?: HazardGroupBy): boolean {
  if (scope.kind !== 'all' && scope.kind !== 'regions') return false;
  if (groupBy === 'domain') return false;
  const dimensions = new Set(['status', 'open', 'grade', 'channel', 'regionCode', 'industrySection', 'supervisingUnitId']);
  return Object.entries(filter).every(([k, v]) => v === undefined || dimensions.has(k));
}

const cube = sql`hazard_counts AS hazards`;

/**
 * The name a group key stands for (a region's, a unit's), looked up in the statement that counts the groups: one round
 * trip instead of counting, then asking for the names. Other groupings are labelled from core's dictionaries.
 */
export function groupName(groupBy: HazardGroupBy): SQL | undefined {
  if (groupBy === 'region') return sql`(SELECT ${regions.name} FROM ${regions} WHERE ${regions.code} = g.key)`;
  if (groupBy === 'unit') return sql`(SELECT ${units.name} FROM ${units} WHERE ${units.id} = nullif(g.key, '')::int)`;
  return undefined;
}

export interface HazardGroup {
  key: string;
  count: number;
  /** From groupName, when asked for: null when the key names nothing (no unit, a region not in the registry). */
  name?: string | null;
}

export const hazardStatsRepo = {
  async groups(ex: Executor, where: SQL | undefined, key: SQL, fromCube = false, name?: SQL): Promise<HazardGroup[]> {
    const counted = fromCube
      ? sql`SELECT ${key} AS key, sum(n)::int AS count FROM ${cube} ${where ? sql`WHERE ${where}` : sql``}
          GROUP BY 1 HAVING sum(n) > 0`
      : sql`SELECT ${key} AS key, count(*)::int AS count FROM ${hazards} ${where ? sql`WHERE ${where}` : sql``} GROUP BY 1`;
    const result = (await ex.execute(
      name ? sql`SELECT g.key, g.count, ${name} AS name FROM (${counted}) g ORDER BY 2 DESC, 1` : sql`${counted} ORDER BY 2 DESC, 1`,
    )) as unknown as { rows: { key: string; count: number; name?: string | null }[] };
    return result.rows.map((r) => ({
      key: String(r.key),
      count: Number(r.count),
      ...(name ? { name: r.name == null ? null : String(r.name) } : {}),
    }));
  },

  async cubeCount(ex: Executor, where: SQL | undefined): Promise<number> {
    const result = (await ex.execute(
      sql`SELECT coalesce(sum(n), 0)::int AS n FROM ${cube} ${where ? sql`WHERE ${where}` : sql``}`,
    )) as unknown as { rows: { n: number }[] };
    return Number(result.rows[0]?.n ?? 0);
  },

  /**
   * 动态清零: the stock at the cut-off (core's countsAsStockAt) and how much of it is cleared (销号) or dismissed since,
   * the increment found since and the same for it, what is open and overdue today, and the average days from finding
   * to clearing. A dismissal ends a hazard but does not clear it.
   */
  async dynamicZero(ex: Executor, where: SQL | undefined, key: SQL, cutoff: string, today: string): Promise<DynamicZeroRow[]> {
    const isStock = hazardSql.countsAsStockAt(cutoff);
    const isIncrement = sql`${hazards.foundOn} > ${cutoff}::date`;
    const cleared = hazardSql.isCleared();
    const dismissed = hazardSql.isDismissed();
    const result = (await ex.execute(sql`
      SELECT ${key} AS key,
        count(*) FILTER (WHERE ${isStock})::int AS stock,
        count(*) FILTER (WHERE ${isStock} AND ${cleared})::int AS stock_closed,
        count(*) FILTER (WHERE ${isStock} AND ${dismissed})::int AS stock_dismissed,
        count(*) FILTER (WHERE ${isIncrement})::int AS increment,
        count(*) FILTER (WHERE ${isIncrement} AND ${cleared})::int AS increment_closed,
        count(*) FILTER (WHERE ${isIncrement} AND ${dismissed})::int AS increment_dismissed,
        count(*) FILTER (WHERE ${hazardSql.isOpen()})::int AS open,
        count(*) FILTER (WHERE ${hazardSql.isOverdue(today)})::int AS overdue,
        count(*) FILTER (WHERE ${cleared})::int AS closed,
        avg(${hazards.closedOn} - ${hazards.foundOn}) FILTER (WHERE ${cleared}) AS avg_days
      FROM ${hazards}
      WHERE ${hazards.foundOn} <= ${today}::date ${where ? sql`AND ${where}` : sql``}
      GROUP BY 1 ORDER BY 1`)) as unknown as { rows: Record<string, unknown>[] };
    return result.rows.map((r) => ({
      key: String(r.key),
      stock: Number(r.stock),
      stockClosed: Number(r.stock_closed),
      stockDismissed: Number(r.stock_dismissed),
      increment: Number(r.increment),
      incrementClosed: Number(r.increment_closed),
      incrementDismissed: Number(r.increment_dismissed),
      open: Number(r.open),
      overdue: Number(r.overdue),
      closed: Number(r.closed),
      avgDaysToClose: r.avg_days == null ? null : Math.round(Number(r.avg_days) * 10) / 10,
    }));
  },
};

/** The total of a ledger filter: from the cube when it can answer exactly, else counted in the table. */
export async function countHazards(ex: Executor, scope: DataScope, filter: HazardFilter, today: string): Promise<number> {
  const where = hazardWhere(scope, filter, today);
  return cubeAnswers(scope, filter) ? hazardStatsRepo.cubeCount(ex, where) : hazardRepo.count(ex, where);
}

/**
 * Several ledger totals in one statement (one round trip; PGlite runs one statement at a time anyway), each from the
 * cube when it can answer exactly, else counted in the table — the same choice and WHERE as countHazards.
 */
export async function countHazardsTogether<K extends string>(
  ex: Executor,
  scope: DataScope,
  filters: Record<K, HazardFilter>,
  today: string,
): Promise<Record<K, number>> {
  const keys = Object.keys(filters) as K[];
  const columns = keys.map((k, i) => {
    const filter = filters[k];
    const where = hazardWhere(scope, filter, today);
    const tail = where ? sql` WHERE ${where}` : sql``;
    const total = cubeAnswers(scope, filter)
      ? sql`(SELECT coalesce(sum(n), 0) FROM ${cube}${tail})`
      : sql`(SELECT count(*) FROM ${hazards}${tail})`;
    return sql`${total}::int AS ${sql.identifier(`n${i}`)}`;
  });
  const result = (await ex.execute(sql`SELECT ${sql.join(columns, sql`, `)}`)) as unknown as { rows: Record<string, unknown>[] };
  const row = result.rows[0] ?? {};
  return Object.fromEntries(keys.map((k, i) => [k, Number(row[`n${i}`] ?? 0)])) as Record<K, number>;
}
