import type { ReportStatus, StatNumber } from '@anzhi/core';

/**
 * The lists a figure of 举报统计 opens: the report list `/reports` with its filter keys (status — one or several joined
 * by commas —, channel, source, matter, domain, regionCode, unitId, month | from & to, overdue, named), and the reward
 * ledger `/reports/rewards?status=&unitId=&regionCode=&decidedFrom=&decidedTo=` (granted) or `…&paidFrom=&paidTo=` (paid).
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

/** The ledger of the rewards a figure counts: granted ones by the day they were decided, paid ones by the day paid. */
export function rewardLedgerHref(
  status: readonly string[],
  by: 'decided' | 'paid',
  w: { from: string; to: string; unitId?: number; regionCode?: string },
): string {
  return pathWith('/reports/rewards', {
    status: status.join(','),
    unitId: w.unitId,
    regionCode: w.regionCode,
    [`${by}From`]: w.from,
    [`${by}To`]: w.to,
  });
}
