import type { ReportStats } from '@anzhi/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiUrl, call } from '../../../lib/api-client.ts';

export type { ReportStats };
export interface ReportStatsFilters {
  year: number;
  unitId?: number;
  regionCode?: string;
}

export const reportStatsKey = ['reports', 'stats'] as const;

/** 举报统计 of a year (GET /report-stats): figures by group and month, each with the list it opens. */
export function useReportStats(filters: ReportStatsFilters) {
  return useQuery({
    queryKey: [...reportStatsKey, filters],
    queryFn: ({ signal }) => call('GET /report-stats', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The .xlsx of the statistics, same filters (a plain download link: the session cookie goes with it). */
export function reportStatsExportUrl(filters: ReportStatsFilters): string {
  return apiUrl('/report-stats/export', { ...filters });
}

/** The report list of the year as .xlsx (never the reporters' names or phones). */
export function reportListExportUrl(filters: ReportStatsFilters): string {
  return apiUrl('/reports/export', {
    from: `${filters.year}-01-01`,
    to: `${filters.year}-12-31`,
    unitId: filters.unitId,
    regionCode: filters.regionCode,
  });
}
