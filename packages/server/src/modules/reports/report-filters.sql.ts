import { addDays, type DataScope, decidedReportStatuses, openReportStatuses, type ReportListFilters, type ReportStatus } from '@anzhi/core';
import { and, eq, inArray, isNotNull, isNull, not, type SQL, sql } from 'drizzle-orm';
import { regionSubtree, scopeOn } from '../../db/data-scope.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { reports } from './report.table.ts';

/**
 * The report list's filters as SQL (statistics, export; the handling list reads the same keys). Every status condition
 * comes from core's sets (report.dict.ts, report-stats.rules.ts `reportIsOverdue`).
 */

/** Open and past the verification deadline as of `today` (core `reportIsOverdue`). */
export function overdueSql(today: string): SQL {
  // Never NULL (a report without a deadline is not overdue), so `NOT overdue` means what it says.
  return sql`(${inArray(reports.status, [...openReportStatuses])} AND ${reports.dueOn} IS NOT NULL AND ${reports.dueOn} < ${today}::date)`;
}
export const openSql = (): SQL => inArray(reports.status, [...openReportStatuses]);
export const decidedSql = (): SQL => inArray(reports.status, [...decidedReportStatuses]);

/** The instant a China calendar day starts (received dates are China dates). */
export const chinaDayStart = (day: string): Date => new Date(`${day}T00:00:00+08:00`);
const monthEnd = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** Received on a China day between from and to, both included. */
export function receivedBetween(from: string | undefined, to: string | undefined): SQL | undefined {
  return and(
    from ? sql`${reports.receivedAt} >= ${chinaDayStart(from).toISOString()}::timestamptz` : undefined,
    to ? sql`${reports.receivedAt} < ${chinaDayStart(addDays(to, 1)).toISOString()}::timestamptz` : undefined,
  );
}

/** The China month (YYYY-MM) a report was received in. */
export const receivedMonthSql = (): SQL => sql`to_char((${reports.receivedAt} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, '\\$&');
}

/** The caller's scope and the list's filters on `reports`. */
export function reportFilterSql(scope: DataScope, f: ReportListFilters, today: string): SQL | undefined {
  const like = f.q ? `%${escapeLike(f.q.trim())}%` : undefined;
  // A tracking code as printed on the receipt (JB-XXXX-XXXX-XX) or typed with spaces finds the stored JBXXXXXXXXXX.
  const codeLike = f.q ? `%${escapeLike(f.q.replace(/[\s-]/g, ''))}%` : undefined;
  return and(
    scopeOn.reports(scope),
    f.status?.length ? inArray(reports.status, f.status as ReportStatus[]) : undefined,
    f.channel ? eq(reports.channel, f.channel) : undefined,
    f.source ? eq(reports.source, f.source) : undefined,
    f.matter ? eq(reports.matter, f.matter) : undefined,
    f.regionCode ? regionSubtree(reports.regionCode, f.regionCode) : undefined,
    f.unitId !== undefined ? eq(reports.assignedUnitId, f.unitId) : undefined,
    f.enterpriseId !== undefined ? eq(reports.enterpriseId, f.enterpriseId) : undefined,
    f.named !== undefined ? eq(reports.named, f.named) : undefined,
    f.overdue === true ? overdueSql(today) : f.overdue === false ? not(overdueSql(today)) : undefined,
    f.linked === true ? isNotNull(reports.hazardId) : f.linked === false ? isNull(reports.hazardId) : undefined,
    f.domain === 'none' ? sql`cardinality(${reports.domains}) = 0` : f.domain ? sql`${f.domain} = ANY(${reports.domains})` : undefined,
    f.month ? receivedBetween(`${f.month}-01`, monthEnd(f.month)) : undefined,
    receivedBetween(f.from, f.to),
    like
      ? sql`(${reports.description} ILIKE ${like} OR ${reports.place} ILIKE ${like} OR ${reports.enterpriseName} ILIKE ${like}
          OR ${reports.trackingCode} ILIKE ${codeLike}
          OR ${reports.enterpriseId} IN (SELECT ${enterprises.id} FROM ${enterprises} WHERE ${enterprises.name} ILIKE ${like}))`
      : undefined,
  );
}
