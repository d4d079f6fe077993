import type { ReportStatus, StatNumber } from '@anzhi/core';

/**
 * The lists a figure of 举报统计 opens: the report list `/reports` with its filter keys (status — one or several joined
 * by commas —, channel, source, matter, domain, regionCode, unitId, month | from & to, overdue, named), and the reward
 * ledger `/reports/rewards?status=&year=`.
 */
export type ReportLinkFilters = {
  status?: readonly ReportStatus[];
  channel?: string;
  source?: string;
  matter?: string;
  domain?: string;
  regionCode?: string;
  unitId?: number;
  month?: string;
  from?: string;
  to?: string;
  overdue?: boolean;
  named?: boolean;
};

const order: Array<keyof ReportLinkFilters> = [
  'status',
  'channel',
  'source',
  'matter',
  'domain',
  'regionCode',
  'unitId',
  'month',
  'from',
  'to',
  'overdue',
  'named',
];

export function pathWith(path: string, query: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export function reportListHref(f: ReportLinkFilters): string {
  const query: Record<string, string | number | boolean | undefined> = {};
  for (const k of order) {
    const v = f[k];
    query[k] = Array.isArray(v) ? v.join(',') : (v as string | number | boolean | undefined);
  }
  return pathWith('/reports', query);
}

/**
 * A figure counting reports with one of `statuses` (all when undefined) within the base filters: when the base already
 * names statuses (a row of the status group), only the common ones; none in common opens nothing.
 */
export function statusFigure(
  value: number,
  base: ReportLinkFilters,
  statuses?: readonly ReportStatus[],
  extra: Partial<ReportLinkFilters> = {},
): StatNumber {
  let status = base.status ?? statuses;
  if (base.status && statuses) status = base.status.filter((s) => statuses.includes(s));
  if (status && status.length === 0) return { value, href: null };
  return { value, href: reportListHref({ ...base, ...extra, status }) };
}

export const rewardLedgerHref = (status: readonly string[], year: number): string =>
  pathWith('/reports/rewards', { status: status.join(','), year });
