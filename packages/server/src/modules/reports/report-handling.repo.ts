import {
  type DataScope,
  openReportStatuses,
  type ReportListItem,
  type ReportListQuery,
  type ReportStatus,
  reportIsOverdue,
} from '@anzhi/core';
import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { regionSubtree, scopeOn } from '../../db/data-scope.ts';
import { likeContains } from '../../lib/scope-sql.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';
import { users } from '../users/user.table.ts';
import { reportEvents, reportMessages, reports } from './report.table.ts';

export type ReportRow = typeof reports.$inferSelect;

/** SQL of core's `reportIsOverdue` as of `today` (the open set is core's; a test feeds the same rows to both). */
export function reportOverdueSql(today: string): SQL {
  return and(inArray(reports.status, [...openReportStatuses]), isNotNull(reports.dueOn), lt(reports.dueOn, today)) as SQL;
}

/** The instant a China calendar day starts (receivedAt is a timestamp; the filters speak in days and months). */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function listWhere(scope: DataScope, q: ReportListQuery, today: string): SQL | undefined {
  const text = q.q ? likeContains(q.q) : null;
  return and(
    scopeOn.reports(scope),
    q.status ? eq(reports.status, q.status) : undefined,
    q.channel ? eq(reports.channel, q.channel) : undefined,
    q.source ? eq(reports.source, q.source) : undefined,
    q.matter ? eq(reports.matter, q.matter) : undefined,
    q.regionCode ? regionSubtree(reports.regionCode, q.regionCode) : undefined,
    q.unitId ? eq(reports.assignedUnitId, q.unitId) : undefined,
    q.enterpriseId ? eq(reports.enterpriseId, q.enterpriseId) : undefined,
    q.named === undefined ? undefined : eq(reports.named, q.named),
    q.overdue === undefined ? undefined : q.overdue ? reportOverdueSql(today) : sql`NOT (${reportOverdueSql(today)})`,
    q.linked === undefined ? undefined : q.linked ? isNotNull(reports.hazardId) : isNull(reports.hazardId),
    q.month
      ? and(gte(reports.receivedAt, dayStart(`${q.month}-01`)), lt(reports.receivedAt, dayStart(`${nextMonth(q.month)}-01`)))
      : undefined,
    q.from ? gte(reports.receivedAt, dayStart(q.from)) : undefined,
    q.to ? lt(reports.receivedAt, dayStart(nextDay(q.to))) : undefined,
    text
      ? or(
          ilike(reports.description, text),
          ilike(reports.place, text),
          ilike(reports.enterpriseName, text),
          ilike(reports.trackingCode, text),
          sql`${reports.enterpriseId} IN (SELECT ${enterprises.id} FROM ${enterprises} WHERE ${ilike(enterprises.name, text)})`,
        )
      : undefined,
  );
}

const received: ReportStatus = 'received';

export const reportHandlingRepo = {
  async list(ex: Executor, scope: DataScope, q: ReportListQuery, today: string): Promise<{ rows: ReportRow[]; total: number }> {
    const where = listWhere(scope, q, today);
    const [rows, [total]] = await Promise.all([
      ex
        .select()
        .from(reports)
        .where(where)
        // 待受理 first, then the newest.
        .orderBy(desc(eq(reports.status, received)), desc(reports.receivedAt), desc(reports.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      ex.select({ n: count() }).from(reports).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },

  async inScope(ex: Executor, scope: DataScope, id: number, lock = false): Promise<ReportRow | undefined> {
    const query = ex
      .select()
      .from(reports)
      .where(and(eq(reports.id, id), scopeOn.reports(scope)));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },

  async update(ex: Executor, id: number, set: Partial<typeof reports.$inferInsert>): Promise<void> {
    await ex
      .update(reports)
      .set({ ...set, version: sql`${reports.version} + 1` })
      .where(eq(reports.id, id));
  },

  async insertMessage(ex: Executor, row: typeof reportMessages.$inferInsert): Promise<void> {
    await ex.insert(reportMessages).values(row);
  },

  async insertEvents(ex: Executor, rows: (typeof reportEvents.$inferInsert)[]): Promise<void> {
    if (rows.length) await ex.insert(reportEvents).values(rows);
  },

  /** List items: names of the enterprise, region and unit, and how many reports were merged into each. */
  async present(ex: Executor, rows: ReportRow[], today: string): Promise<ReportListItem[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const entIds = [...new Set(rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])))];
    const unitIds = [...new Set(rows.flatMap((r) => (r.assignedUnitId ? [r.assignedUnitId] : [])))];
    const [ents, us, regs, dups] = await Promise.all([
      entIds.length
        ? ex.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, entIds))
        : [],
      unitIds.length ? ex.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)) : [],
      ex
        .select({ code: regions.code, name: regions.name })
        .from(regions)
        .where(inArray(regions.code, [...new Set(rows.map((r) => r.regionCode))])),
      ex
        .select({ id: reports.duplicateOfId, n: count() })
        .from(reports)
        .where(inArray(reports.duplicateOfId, ids))
        .groupBy(reports.duplicateOfId),
    ]);
    const entName = new Map(ents.map((e) => [e.id, e.name]));
    const unitName = new Map(us.map((u) => [u.id, u.name]));
    const regionName = new Map(regs.map((r) => [r.code, r.name]));
    const dupCount = new Map(dups.map((d) => [d.id, Number(d.n)]));
    return rows.map((r) => ({
      id: r.id,
      trackingCode: r.trackingCode,
      channel: r.channel,
      source: r.source,
      matter: r.matter,
      status: r.status,
      excerpt: r.description.length > 80 ? `${r.description.slice(0, 79)}…` : r.description,
      enterpriseId: r.enterpriseId,
      enterpriseName: (r.enterpriseId ? entName.get(r.enterpriseId) : null) ?? r.enterpriseName ?? null,
      regionCode: r.regionCode,
      regionName: regionName.get(r.regionCode) ?? null,
      assignedUnitId: r.assignedUnitId,
      assignedUnitName: r.assignedUnitId ? (unitName.get(r.assignedUnitId) ?? null) : null,
      receivedAt: r.receivedAt.toISOString(),
      acceptedOn: r.acceptedOn,
      dueOn: r.dueOn,
      overdue: reportIsOverdue(r, today),
      duplicateOfId: r.duplicateOfId,
      duplicateCount: dupCount.get(r.id) ?? 0,
      hazardId: r.hazardId,
      named: r.named,
      version: r.version,
    }));
  },

  async messages(ex: Executor, reportId: number) {
    return ex
      .select({
        id: reportMessages.id,
        kind: reportMessages.kind,
        body: reportMessages.body,
        fromReporter: reportMessages.fromReporter,
        authorName: users.displayName,
        at: reportMessages.at,
      })
      .from(reportMessages)
      .leftJoin(users, eq(users.id, reportMessages.authorId))
      .where(eq(reportMessages.reportId, reportId))
      .orderBy(asc(reportMessages.at), asc(reportMessages.id));
  },

  async events(ex: Executor, reportId: number) {
    return ex
      .select({
        id: reportEvents.id,
        kind: reportEvents.kind,
        note: reportEvents.note,
        data: reportEvents.data,
        actorName: users.displayName,
        at: reportEvents.at,
      })
      .from(reportEvents)
      .leftJoin(users, eq(users.id, reportEvents.actorId))
      .where(eq(reportEvents.reportId, reportId))
      .orderBy(asc(reportEvents.at), asc(reportEvents.id));
  },

  async duplicatesOf(ex: Executor, reportId: number) {
    return ex
      .select({ id: reports.id, trackingCode: reports.trackingCode, status: reports.status, receivedAt: reports.receivedAt })
      .from(reports)
      .where(eq(reports.duplicateOfId, reportId))
      .orderBy(asc(reports.receivedAt), asc(reports.id));
  },

  /** The reports a hazard came from or confirmed, as the caller's report scope allows. */
  async ofHazard(ex: Executor, scope: DataScope, hazardId: number) {
    return ex
      .select({ id: reports.id, trackingCode: reports.trackingCode, channel: reports.channel, receivedAt: reports.receivedAt })
      .from(reports)
      .where(and(eq(reports.hazardId, hazardId), scopeOn.reports(scope)))
      .orderBy(asc(reports.receivedAt), asc(reports.id));
  },
};
