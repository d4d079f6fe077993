import { and, asc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { planReports } from './plan.table.ts';
import { planSql } from './plan-predicates.sql.ts';

/** Only reports that count (core countsAsReport): what every view, score and document reads. */
const counted = () => planSql.countsAsReport(sql`${planReports.filing}`);

export type PlanReportRow = typeof planReports.$inferSelect;

export const assigneeKeyOf = (a: { unitId: number | null; villageCode: string | null }) =>
  a.unitId != null ? `unit:${a.unitId}` : `village:${a.villageCode}`;

export const planReportRepo = {
  /** Every report of a plan up to a period (the ledger and the rankings read them all: a plan has hundreds). */
  async ofPlan(ex: Executor, planId: number, upTo?: string): Promise<PlanReportRow[]> {
    return ex
      .select()
      .from(planReports)
      .where(and(eq(planReports.planId, planId), counted(), upTo ? lte(planReports.period, upTo) : undefined))
      .orderBy(asc(planReports.period), asc(planReports.id));
  },

  /** One assignee's reports on these tasks for these periods (this month's, and last month's for the prefill). */
  async ofAssignee(ex: Executor, assigneeKey: string, taskIds: number[], upTo: string): Promise<PlanReportRow[]> {
    if (taskIds.length === 0) return [];
    return ex
      .select()
      .from(planReports)
      .where(and(eq(planReports.assigneeKey, assigneeKey), inArray(planReports.taskId, taskIds), lte(planReports.period, upTo), counted()))
      .orderBy(asc(planReports.period), asc(planReports.id));
  },

  async lockOne(ex: Executor, taskId: number, assigneeKey: string, period: string): Promise<PlanReportRow | undefined> {
    const [row] = await ex
      .select()
      .from(planReports)
      .where(and(eq(planReports.taskId, taskId), eq(planReports.assigneeKey, assigneeKey), eq(planReports.period, period)))
      .for('update');
    return row;
  },

  /** Inserts unless another request inserted the same (task, assignee, period) first: then undefined. */
  async insert(ex: Executor, values: typeof planReports.$inferInsert): Promise<PlanReportRow | undefined> {
    const [row] = await ex.insert(planReports).values(values).onConflictDoNothing().returning();
    return row;
  },

  async update(ex: Executor, id: number, version: number, values: Partial<typeof planReports.$inferInsert>) {
    const [row] = await ex
      .update(planReports)
      .set({ ...values, version: version + 1 })
      .where(and(eq(planReports.id, id), eq(planReports.version, version)))
      .returning();
    return row;
  },

  async findById(ex: Executor, id: number): Promise<PlanReportRow | undefined> {
    const [row] = await ex.select().from(planReports).where(eq(planReports.id, id)).limit(1);
    return row;
  },

  async count(ex: Executor, where?: SQL): Promise<number> {
    const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(planReports).where(where);
    return Number(row?.n ?? 0);
  },
};
