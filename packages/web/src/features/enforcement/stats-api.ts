import type { EnforcementStats } from '@anzhi/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiUrl, call } from '../../lib/api-client.ts';

export type { EnforcementStats };
export interface EnforcementStatsFilters {
  year: number;
  unitId?: number;
  regionCode?: string;
}

export const enforcementStatsKey = ['enforcement', 'stats'] as const;

/** 执法统计 of a year (GET /enforcement-stats): per unit and month, signals and 第一百一十三条 flags. */
export function useEnforcementStats(filters: EnforcementStatsFilters) {
  return useQuery({
    queryKey: [...enforcementStatsKey, filters],
    queryFn: ({ signal }) => call('GET /enforcement-stats', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The .xlsx of the unit table, same filters (a plain download link: the session cookie goes with it). */
export function enforcementStatsExportUrl(filters: EnforcementStatsFilters): string {
  return apiUrl('/enforcement-stats/export', { ...filters });
}
