import { addDays, type DataScope, grantedRewardStatuses, type RewardStatus } from '@anzhi/core';
import { and, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { regionSubtree, scopeOn } from '../../db/data-scope.ts';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';
import { reportRewards, reports } from './report.table.ts';
import { chinaDayStart, decidedSql, openSql, overdueSql, receivedMonthSql } from './report-filters.sql.ts';

/**
 * 举报统计: a handful of set-based statements over the reports the caller may see (the WHERE comes from
 * report-filters.sql.ts). The service adds the counts up into groups.
 */

/** Reports counted by everything a group or a figure needs: the groups are sums of these cells. */
export interface ReportCell {
  channel: string;
  source: string;
  matter: string | null;
  regionCode: string;
  unitId: number | null;
  status: string;
  month: string;
  named: boolean;
  overdue: boolean;
  count: number;
}

export interface DomainCell {
  domain: string;
  status: string;
  named: boolean;
  overdue: boolean;
  count: number;
}

const PAID: RewardStatus = 'paid';
const rowsOf = async <T>(ex: Executor, q: SQL) => ((await ex.execute(q)) as unknown as { rows: T[] }).rows;

export const reportStatsRepo = {
  async cells(ex: Executor, where: SQL | undefined, today: string): Promise<ReportCell[]> {
    const rows = await rowsOf<Record<string, unknown>>(
      ex,
      sql`SELECT ${reports.channel} AS channel, ${reports.source} AS source, ${reports.matter} AS matter,
          ${reports.regionCode} AS region_code, ${reports.assignedUnitId} AS unit_id, ${reports.status} AS status,
          ${receivedMonthSql()} AS month, ${reports.named} AS named, ${overdueSql(today)} AS overdue,
          count(*)::int AS n
        FROM ${reports} WHERE ${where ?? sql`true`}
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
    );
    return rows.map((r) => ({
      channel: String(r.channel),
      source: String(r.source),
      matter: r.matter == null ? null : String(r.matter),
      regionCode: String(r.region_code),
      unitId: r.unit_id == null ? null : Number(r.unit_id),
      status: String(r.status),
      month: String(r.month),
      named: Boolean(r.named),
      overdue: Boolean(r.overdue),
      count: Number(r.n),
    }));
  },

  /** By 行业领域: a report of several domains counts in each; `none` for reports without one. */
  async domainCells(ex: Executor, where: SQL | undefined, today: string): Promise<DomainCell[]> {
    const rows = await rowsOf<Record<string, unknown>>(
      ex,
      sql`SELECT d.domain, ${reports.status} AS status, ${reports.named} AS named, ${overdueSql(today)} AS overdue,
          count(*)::int AS n
        FROM ${reports}
        CROSS JOIN LATERAL unnest(CASE WHEN cardinality(${reports.domains}) = 0 THEN ARRAY['none']::text[] ELSE ${reports.domains} END) AS d(domain)
        WHERE ${where ?? sql`true`}
        GROUP BY 1, 2, 3, 4`,
    );
    return rows.map((r) => ({
      domain: String(r.domain),
      status: String(r.status),
      named: Boolean(r.named),
      overdue: Boolean(r.overdue),
      count: Number(r.n),
    }));
  },

  /** Accepted reports that are decided (with both dates) or still open: 核查用时. */
  async verifyDates(ex: Executor, where: SQL | undefined) {
    return ex
      .select({ status: reports.status, acceptedOn: reports.acceptedOn, decidedOn: reports.decidedOn })
      .from(reports)
      .where(and(where, isNotNull(reports.acceptedOn), or(decidedSql(), openSql())));
  },

  /**
   * Rewards of the reports in scope (and of the unit / region asked): granted (approved or paid) whose decision falls
   * in the window, and paid ones by the month they were paid.
   */
  async rewards(ex: Executor, w: { scope: DataScope; from: string; to: string; unitId?: number; regionCode?: string }) {
    const where = and(
      scopeOn.report_rewards(w.scope),
      w.unitId === undefined
        ? undefined
        : sql`${reportRewards.reportId} IN (SELECT ${reports.id} FROM ${reports} WHERE ${eq(reports.assignedUnitId, w.unitId)})`,
      w.regionCode === undefined ? undefined : regionSubtree(reportRewards.regionCode, w.regionCode),
    );
    const granted = await rowsOf<{ n: number; amount: string | number | null }>(
      ex,
      sql`SELECT count(*)::int AS n, coalesce(sum(${reportRewards.amount}), 0) AS amount FROM ${reportRewards}
        WHERE ${and(
          where,
          inArray(reportRewards.status, [...grantedRewardStatuses]),
          sql`${reportRewards.decidedAt} >= ${chinaDayStart(w.from).toISOString()}::timestamptz`,
          sql`${reportRewards.decidedAt} < ${chinaDayStart(addDays(w.to, 1)).toISOString()}::timestamptz`,
        )}`,
    );
    const paid = await rowsOf<{ month: string; n: number; amount: string | number | null }>(
      ex,
      sql`SELECT to_char(${reportRewards.paidOn}, 'YYYY-MM') AS month, count(*)::int AS n,
          coalesce(sum(${reportRewards.amount}), 0) AS amount
        FROM ${reportRewards}
        WHERE ${and(where, eq(reportRewards.status, PAID), sql`${reportRewards.paidOn} BETWEEN ${w.from}::date AND ${w.to}::date`)}
        GROUP BY 1`,
    );
    return {
      granted: { count: Number(granted[0]?.n ?? 0), amount: Number(granted[0]?.amount ?? 0) },
      paidByMonth: paid.map((r) => ({ month: r.month, count: Number(r.n), amount: Number(r.amount ?? 0) })),
    };
  },

  async unitNames(ex: Executor, ids: number[]) {
    if (ids.length === 0) return [];
    return ex.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
  },

  async regionNames(ex: Executor, codes: string[]) {
    if (codes.length === 0) return [];
    return ex.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes));
  },
};
