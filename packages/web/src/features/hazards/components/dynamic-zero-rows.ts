import { clearedHazardStatuses, industryDivisions, industrySectionNames } from '@anzhi/core';
import type { DynamicZeroRow } from '../api.ts';
import { type HazardFilters, hazardListHref, incrementFrom } from '../hazard-filters.ts';

/** region: by village/township; domain: by 行业领域 (the default for industry); industry: by 国民经济门类. */
export type ZeroGroupBy = 'region' | 'domain' | 'industry';

/** A row of the 动态清零 table; `filter` is the ledger filter of its group (null: no filter can express it). */
export interface ZeroRow extends DynamicZeroRow {
  stockOpen: number;
  incrementOpen: number;
  filter: HazardFilters | null;
  total?: boolean;
}

const rate = (part: number, whole: number) => (whole ? part / whole : null);

function sum(rows: DynamicZeroRow[], key: string, label: string): DynamicZeroRow {
  const add = (k: keyof DynamicZeroRow) => rows.reduce((a, r) => a + Number(r[k] ?? 0), 0);
  const stock = add('stock');
  const stockClosed = add('stockClosed');
  const stockDismissed = add('stockDismissed');
  const increment = add('increment');
  const incrementClosed = add('incrementClosed');
  const incrementDismissed = add('incrementDismissed');
  const open = add('open');
  const overdue = add('overdue');
  const closed = add('closed');
  // The server's averages are per group over its closed hazards: weight them by that count.
  const weighted = rows.reduce((a, r) => a + (r.avgDaysToClose ?? 0) * r.closed, 0);
  return {
    key,
    label,
    stock,
    stockClosed,
    stockDismissed,
    increment,
    incrementClosed,
    incrementDismissed,
    open,
    overdue,
    closed,
    avgDaysToClose: closed ? Math.round((weighted / closed) * 10) / 10 : null,
    stockClearedRate: rate(stockClosed, stock),
    incrementClosedRate: rate(incrementClosed, increment),
    overdueRate: rate(overdue, open),
  };
}

/**
 * The server counts industries by 大类 (division), but the ledger filters by 门类 (section) only: folding the rows
 * into sections keeps every number a link to exactly the hazards behind it.
 */
function bySection(rows: DynamicZeroRow[]): DynamicZeroRow[] {
  const groups = new Map<string, DynamicZeroRow[]>();
  for (const r of rows) {
    const section = industryDivisions[r.key]?.section ?? '';
    groups.set(section, [...(groups.get(section) ?? []), r]);
  }
  return [...groups]
    .sort(([a], [b]) => (a || '~').localeCompare(b || '~'))
    .map(([section, list]) => sum(list, section, section ? `${section} ${industrySectionNames[section] ?? ''}` : '未分类'));
}

// A dismissed hazard (不成立) ended without being cleared: neither cleared nor still open.
const withOpen = (r: DynamicZeroRow) => ({
  ...r,
  stockOpen: r.stock - r.stockClosed - r.stockDismissed,
  incrementOpen: r.increment - r.incrementClosed - r.incrementDismissed,
});

/** 销号 (core's cleared set) as a ledger status filter. */
const cleared = clearedHazardStatuses.join(',');

function groupFilter(key: string, groupBy: ZeroGroupBy, root: string | null): HazardFilters | null {
  // Hazards without an industry have no ledger filter (hazardFilter cannot ask for "none"); nor have hazards
  // registered at the root region itself, as a region filter takes in everything below it.
  if (!key || (groupBy === 'region' && key === root)) return null;
  if (groupBy === 'domain') return { mainDomain: key };
  return groupBy === 'region' ? { regionCode: key } : { industrySection: key };
}

/**
 * The table's rows and a 合计 row. `root` is the region the server splits into its children: the region filter, or
 * the user's single region.
 */
export function zeroRows(rows: DynamicZeroRow[], groupBy: ZeroGroupBy, root: string | null): ZeroRow[] {
  const groups = groupBy === 'industry' ? bySection(rows) : rows;
  const withFilter = groups.map((r): ZeroRow => ({ ...withOpen(r), filter: groupFilter(r.key, groupBy, root) }));
  if (!rows.length) return [];
  return [...withFilter, { ...withOpen(sum(rows, 'total', '合计')), filter: {}, total: true }];
}

/** The numbers of a row, each with the ledger filter that lists exactly its hazards. */
export type ZeroMetric =
  | 'stock'
  | 'stockClosed'
  | 'stockOpen'
  | 'stockClearedRate'
  | 'increment'
  | 'incrementClosed'
  | 'incrementOpen'
  | 'incrementClosedRate'
  | 'open'
  | 'overdue'
  | 'overdueRate'
  | 'closed'
  | 'avgDaysToClose';

export function metricFilter(metric: ZeroMetric, cutoff: string): HazardFilters {
  const stock = { stockAt: cutoff };
  const increment = { foundFrom: incrementFrom(cutoff) };
  switch (metric) {
    case 'stock':
      return stock;
    case 'stockClosed':
    case 'stockClearedRate':
      return { ...stock, status: cleared };
    case 'stockOpen':
      return { ...stock, open: 'true' };
    case 'increment':
      return increment;
    case 'incrementClosed':
    case 'incrementClosedRate':
      return { ...increment, status: cleared };
    case 'incrementOpen':
      return { ...increment, open: 'true' };
    case 'open':
      return { open: 'true' };
    case 'overdue':
    case 'overdueRate':
      return { overdue: 'true' };
    case 'closed':
    case 'avgDaysToClose':
      return { status: cleared };
  }
}

/** The ledger of one number of the table; null when its group cannot be filtered. */
export function metricHref(row: ZeroRow, metric: ZeroMetric, cutoff: string, base: HazardFilters): string | null {
  if (!row.filter) return null;
  return hazardListHref({ ...base, ...row.filter, ...metricFilter(metric, cutoff) });
}
