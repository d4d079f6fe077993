import type { DataScope } from '@anzhi/core';
import {
  addDays,
  grantedRewardStatuses,
  imposedPenaltyStatuses,
  type RewardLedgerItem,
  type RewardLedgerQuery,
  type RewardView,
  regionPrefix,
} from '@anzhi/core';
import { and, count, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { enforcementPenalties } from '../enforcement/enforcement.table.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { regions } from '../regions/region.table.ts';
import { reportRewards, reports } from './report.table.ts';
import { chinaDayStart } from './report-filters.sql.ts';

export type ReportRow = typeof reports.$inferSelect;
export type RewardRow = typeof reportRewards.$inferSelect;

/** The year (China time) a reward was proposed, in SQL. */
const proposedYear = sql`extract(year from (${reportRewards.proposedAt} AT TIME ZONE 'UTC') + interval '8 hours')::int`;

export function presentReward(row: RewardRow, trackingCode: string): RewardView {
  return {
    id: row.id,
    reportId: row.reportId,
    trackingCode,
    regionCode: row.regionCode,
    status: row.status,
    rule: row.rule,
    figures: row.figures,
    computedAmount: Number(row.computedAmount),
    amount: row.amount == null ? null : Number(row.amount),
    proposedAt: row.proposedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    notifiedOn: row.notifiedOn,
    claimDueOn: row.claimDueOn,
    paidOn: row.paidOn,
    paymentRef: row.paymentRef,
    version: row.version,
  };
}

/** Rewards: one per report, read and written only through a report in the caller's scope. */
export const rewardRepo = {
  async reportInScope(ex: Executor, scope: DataScope, id: number, forUpdate = false): Promise<ReportRow | undefined> {
    const q = ex
      .select()
      .from(reports)
      .where(and(eq(reports.id, id), scopeOn.reports(scope)));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row;
  },

  async rewardOf(ex: Executor, reportId: number, forUpdate = false): Promise<RewardRow | undefined> {
    const q = ex.select().from(reportRewards).where(eq(reportRewards.reportId, reportId));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row;
  },

  /** The fine of the report's linked penalty case when it was imposed (core imposedPenaltyStatuses), else null. */
  async imposedFine(ex: Executor, penaltyId: number | null): Promise<number | null> {
    if (penaltyId == null) return null;
    const [row] = await ex
      .select({ amount: enforcementPenalties.amount })
      .from(enforcementPenalties)
      .where(and(eq(enforcementPenalties.id, penaltyId), inArray(enforcementPenalties.status, [...imposedPenaltyStatuses])));
    return row?.amount == null ? null : Number(row.amount);
  },

  async ledger(ex: Executor, scope: DataScope, q: RewardLedgerQuery) {
    const filters: (SQL | undefined)[] = [scopeOn.report_rewards(scope)];
    if (q.status?.length) filters.push(inArray(reportRewards.status, q.status));
    if (q.unitId !== undefined)
      filters.push(sql`${reportRewards.reportId} IN (SELECT ${reports.id} FROM ${reports} WHERE ${eq(reports.assignedUnitId, q.unitId)})`);
    if (q.decidedFrom) filters.push(sql`${reportRewards.decidedAt} >= ${chinaDayStart(q.decidedFrom).toISOString()}::timestamptz`);
    if (q.decidedTo) filters.push(sql`${reportRewards.decidedAt} < ${chinaDayStart(addDays(q.decidedTo, 1)).toISOString()}::timestamptz`);
    if (q.paidFrom) filters.push(sql`${reportRewards.paidOn} >= ${q.paidFrom}::date`);
    if (q.paidTo) filters.push(sql`${reportRewards.paidOn} <= ${q.paidTo}::date`);
    if (q.regionCode) filters.push(like(reportRewards.regionCode, `${regionPrefix(q.regionCode)}%`));
    if (q.year) filters.push(sql`${proposedYear} = ${q.year}`);
    const where = and(...filters);
    const [totals] = await ex
      .select({
        total: count(),
        proposed: sql<string>`coalesce(sum(${reportRewards.computedAmount}) FILTER (WHERE ${eq(reportRewards.status, 'proposed')}), 0)`,
        granted: sql<string>`coalesce(sum(${reportRewards.amount}) FILTER (WHERE ${inArray(reportRewards.status, grantedRewardStatuses)}), 0)`,
        paid: sql<string>`coalesce(sum(${reportRewards.amount}) FILTER (WHERE ${eq(reportRewards.status, 'paid')}), 0)`,
      })
      .from(reportRewards)
      .where(where);
    const rows = await ex
      .select({
        r: reportRewards,
        trackingCode: reports.trackingCode,
        matter: reports.matter,
        decidedOn: reports.decidedOn,
        enterpriseName: sql<string | null>`coalesce(${enterprises.name}, ${reports.enterpriseName})`,
        regionName: regions.name,
      })
      .from(reportRewards)
      .innerJoin(reports, eq(reports.id, reportRewards.reportId))
      .leftJoin(enterprises, eq(enterprises.id, reports.enterpriseId))
      .leftJoin(regions, eq(regions.code, reportRewards.regionCode))
      .where(where)
      .orderBy(desc(reportRewards.proposedAt), desc(reportRewards.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const items: RewardLedgerItem[] = rows.map((x) => ({
      ...presentReward(x.r, x.trackingCode),
      matter: x.matter,
      decidedOn: x.decidedOn,
      enterpriseName: x.enterpriseName,
      regionName: x.regionName,
    }));
    return {
      items,
      total: Number(totals?.total ?? 0),
      totals: { proposed: Number(totals?.proposed ?? 0), granted: Number(totals?.granted ?? 0), paid: Number(totals?.paid ?? 0) },
    };
  },
};
