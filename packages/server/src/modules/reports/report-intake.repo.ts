import { duplicateCandidateStatuses } from '@anzhi/core';
import { and, asc, eq, gte, ilike, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { likeContains } from '../../lib/scope-sql.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { regions } from '../regions/region.table.ts';
import { reportEvents, reportMessages, reportRewards, reports } from './report.table.ts';

export type ReportRow = typeof reports.$inferSelect;
export type NewReportRow = typeof reports.$inferInsert;

/** What the intake copies from the registry (region, industry, domains, supervising unit) and shows (name, region name). */
const enterpriseColumns = {
  id: enterprises.id,
  name: enterprises.name,
  publicCode: enterprises.publicCode,
  regionCode: enterprises.regionCode,
  regionName: regions.name,
  industryCode: enterprises.industryCode,
  domains: enterprises.domains,
  supervisingUnitId: enterprises.supervisingUnitId,
};
export type IntakeEnterprise = { id: number; name: string; publicCode: string; regionCode: string; regionName: string | null } & {
  industryCode: string | null;
  domains: string[];
  supervisingUnitId: number | null;
};

const township = alias(regions, 'township');

export const reportIntakeRepo = {
  async enterpriseBy(ex: Executor, by: { publicCode: string } | { id: number }): Promise<IntakeEnterprise | undefined> {
    const [row] = await ex
      .select(enterpriseColumns)
      .from(enterprises)
      .leftJoin(regions, eq(regions.code, enterprises.regionCode))
      .where('publicCode' in by ? eq(enterprises.publicCode, by.publicCode) : eq(enterprises.id, by.id))
      .limit(1);
    return row;
  },

  /** At most 10 enterprises whose name contains the words (the public form's search), by name. */
  async searchEnterprises(ex: Executor, q: string): Promise<IntakeEnterprise[]> {
    return ex
      .select(enterpriseColumns)
      .from(enterprises)
      .leftJoin(regions, eq(regions.code, enterprises.regionCode))
      .where(ilike(enterprises.name, likeContains(q)))
      .orderBy(asc(enterprises.name), asc(enterprises.id))
      .limit(10);
  },

  /** The villages and communities of the platform (not abolished), with their township's name. */
  async villages(ex: Executor, code?: string) {
    return ex
      .select({ code: regions.code, name: regions.name, townshipName: township.name })
      .from(regions)
      .leftJoin(township, eq(township.code, regions.parentCode))
      .where(and(eq(regions.level, 'village'), eq(regions.abolished, false), code === undefined ? undefined : eq(regions.code, code)))
      .orderBy(asc(regions.code));
  },

  /**
   * Earlier reports that may be the same matter: the same enterprise or the same village, received within the window,
   * not declined. Core (`chooseDuplicateOf`) decides among them.
   */
  async duplicateCandidates(ex: Executor, where: { enterpriseId: number | null; regionCode: string; from: Date; to: Date }) {
    return ex
      .select({
        id: reports.id,
        enterpriseId: reports.enterpriseId,
        regionCode: reports.regionCode,
        place: reports.place,
        description: reports.description,
        receivedAt: reports.receivedAt,
        duplicateOfId: reports.duplicateOfId,
      })
      .from(reports)
      .where(
        and(
          where.enterpriseId === null
            ? eq(reports.regionCode, where.regionCode)
            : or(eq(reports.enterpriseId, where.enterpriseId), and(eq(reports.regionCode, where.regionCode), isNull(reports.enterpriseId))),
          gte(reports.receivedAt, where.from),
          lte(reports.receivedAt, where.to),
          inArray(reports.status, duplicateCandidateStatuses),
        ),
      )
      .orderBy(asc(reports.receivedAt), asc(reports.id))
      .limit(500);
  },

  async insert(ex: Executor, values: NewReportRow): Promise<ReportRow> {
    const [row] = await ex.insert(reports).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  },

  async addEvent(ex: Executor, values: typeof reportEvents.$inferInsert): Promise<void> {
    await ex.insert(reportEvents).values(values);
  },

  async addMessage(ex: Executor, values: typeof reportMessages.$inferInsert): Promise<void> {
    await ex.insert(reportMessages).values(values);
  },

  /** The report behind a tracking code, with the registry name of its enterprise. */
  async byTrackingCode(ex: Executor, trackingCode: string) {
    const [row] = await ex
      .select({ report: reports, registryName: enterprises.name })
      .from(reports)
      .leftJoin(enterprises, eq(enterprises.id, reports.enterpriseId))
      .where(eq(reports.trackingCode, trackingCode))
      .limit(1);
    return row;
  },

  async messages(ex: Executor, reportId: number) {
    return ex
      .select({ kind: reportMessages.kind, body: reportMessages.body, at: reportMessages.at, fromReporter: reportMessages.fromReporter })
      .from(reportMessages)
      .where(eq(reportMessages.reportId, reportId))
      .orderBy(asc(reportMessages.at), asc(reportMessages.id));
  },

  async reward(ex: Executor, reportId: number) {
    const [row] = await ex
      .select({ status: reportRewards.status, amount: reportRewards.amount, claimDueOn: reportRewards.claimDueOn })
      .from(reportRewards)
      .where(eq(reportRewards.reportId, reportId))
      .limit(1);
    return row;
  },

  /** Bumps the version of a report the reporter answered (the office's open form sees it changed). */
  async touch(ex: Executor, id: number, at: Date): Promise<void> {
    await ex
      .update(reports)
      .set({ version: sql`${reports.version} + 1`, updatedAt: at })
      .where(eq(reports.id, id));
  },
};
