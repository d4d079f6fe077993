import { type DataScope, regionLevelOf } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { hazards } from './hazard.table.ts';

export type HazardGroupBy = 'region' | 'industry' | 'channel' | 'status' | 'grade' | 'domain' | 'unit';

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
      return sql`coalesce(${hazards.supervisingUnitId}::text, '')`;
  }
}

export interface DynamicZeroRow {
  key: string;
  stock: number;
  stockClosed: number;
  increment: number;
  incrementClosed: number;
  open: number;
  overdue: number;
  closed: number;
  avgDaysToClose: number | null;
}

export const hazardStatsRepo = {
  async groups(ex: Executor, where: SQL | undefined, key: SQL): Promise<{ key: string; count: number }[]> {
    const result = (await ex.execute(sql`
      SELECT ${key} AS key, count(*)::int AS count FROM ${hazards}
      ${where ? sql`WHERE ${where}` : sql``}
      GROUP BY 1 ORDER BY 2 DESC, 1`)) as unknown as { rows: { key: string; count: number }[] };
    return result.rows.map((r) => ({ key: String(r.key), count: Number(r.count) }));
  },

  /**
   * 动态清零: stock open at the cut-off and how much of it is closed, the increment found since and how much of it is
   * closed, what is open and overdue today, and the average days from finding to closing.
   */
  async dynamicZero(ex: Executor, where: SQL | undefined, key: SQL, cutoff: string, today: string): Promise<DynamicZeroRow[]> {
    const open = sql`${hazards.status} NOT IN ('closed', 'dismissed')`;
    const isStock = sql`${hazards.foundOn} <= ${cutoff}::date AND (${hazards.closedOn} IS NULL OR ${hazards.closedOn} > ${cutoff}::date)`;
    const isIncrement = sql`${hazards.foundOn} > ${cutoff}::date`;
    const overdue = sql`${hazards.status} IN ('found', 'confirmed', 'planSubmitted', 'rectifying') AND ${hazards.deadline} < ${today}::date`;
    const result = (await ex.execute(sql`
      SELECT ${key} AS key,
        count(*) FILTER (WHERE ${isStock})::int AS stock,
        count(*) FILTER (WHERE ${isStock} AND NOT (${open}))::int AS stock_closed,
        count(*) FILTER (WHERE ${isIncrement})::int AS increment,
        count(*) FILTER (WHERE ${isIncrement} AND NOT (${open}))::int AS increment_closed,
        count(*) FILTER (WHERE ${open})::int AS open,
        count(*) FILTER (WHERE ${overdue})::int AS overdue,
        count(*) FILTER (WHERE ${hazards.status} = 'closed')::int AS closed,
        avg(${hazards.closedOn} - ${hazards.foundOn}) FILTER (WHERE ${hazards.status} = 'closed') AS avg_days
      FROM ${hazards}
      WHERE ${hazards.foundOn} <= ${today}::date ${where ? sql`AND ${where}` : sql``}
      GROUP BY 1 ORDER BY 1`)) as unknown as { rows: Record<string, unknown>[] };
    return result.rows.map((r) => ({
      key: String(r.key),
      stock: Number(r.stock),
      stockClosed: Number(r.stock_closed),
      increment: Number(r.increment),
      incrementClosed: Number(r.increment_closed),
      open: Number(r.open),
      overdue: Number(r.overdue),
      closed: Number(r.closed),
      avgDaysToClose: r.avg_days == null ? null : Math.round(Number(r.avg_days) * 10) / 10,
    }));
  },
};
