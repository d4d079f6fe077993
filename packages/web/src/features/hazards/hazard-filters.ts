import { addDays } from '@anzhi/core';
import { apiUrl } from '../../lib/api-client.ts';

/**
 * The ledger filters, named as the API names them (core's `hazardFilter`), so the ledger URL, the export link and
 * every click-through from the statistics speak the same query string and show the same set of hazards.
 */
export const hazardFilterKeys = [
  'q',
  'status',
  'open',
  'grade',
  'channel',
  'regionCode',
  'domain',
  'mainDomain',
  'industrySection',
  'supervisingUnitId',
  'enterpriseId',
  'overdue',
  'supervised',
  'supervisionLevel',
  'foundFrom',
  'foundTo',
  'closedFrom',
  'closedTo',
  'stockAt',
  'mine',
  'awaitingMe',
] as const;

export type HazardFilterKey = (typeof hazardFilterKeys)[number];
export type HazardFilters = Partial<Record<HazardFilterKey, string>>;

function queryString(filters: HazardFilters): string {
  const params = new URLSearchParams();
  for (const key of hazardFilterKeys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** The ledger page showing exactly these hazards. */
export function hazardListHref(filters: HazardFilters): string {
  return `/hazards${queryString(filters)}`;
}

/** The .xlsx of the hazards the ledger shows. */
export function hazardExportHref(filters: HazardFilters): string {
  return apiUrl('/hazards/export', filters);
}

/** 增量: found after the cut-off, i.e. from the next day on. */
export function incrementFrom(cutoff: string): string {
  return addDays(cutoff, 1);
}
