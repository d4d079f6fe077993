import {
  decidedReportStatuses,
  foundedReportStatuses,
  impliedParentCode,
  openReportStatuses,
  percent,
  type ReportFigures,
  type ReportStatus,
  regionLevelOf,
  reportIsDecided,
  reportIsOpen,
} from '@anzhi/core';
import { type ReportLinkFilters, reportListHref, statusFigure } from './report-stats-links.ts';

/** Counts of some reports; the figures of a group row or of all are made from it. */
export interface Tally {
  received: number;
  open: number;
  overdue: number;
  decided: number;
  founded: number;
  unfounded: number;
  rejected: number;
  merged: number;
  named: number;
}

const UNFOUNDED: ReportStatus = 'unfounded';
const REJECTED: ReportStatus = 'rejected';
const MERGED: ReportStatus = 'merged';

export const emptyTally = (): Tally => ({
  received: 0,
  open: 0,
  overdue: 0,
  decided: 0,
  founded: 0,
  unfounded: 0,
  rejected: 0,
  merged: 0,
  named: 0,
});

/** Adds counted cells (a status, 实名 or not, overdue or not, how many) to a tally, by core's predicates. */
export function addCell(t: Tally, c: { status: string; named: boolean; overdue: boolean; count: number }): void {
  const status = c.status as ReportStatus;
  t.received += c.count;
  if (reportIsOpen(status)) t.open += c.count;
  if (c.overdue) t.overdue += c.count;
  if (reportIsDecided(status)) t.decided += c.count;
  if (foundedReportStatuses.includes(status)) t.founded += c.count;
  if (status === UNFOUNDED) t.unfounded += c.count;
  if (status === REJECTED) t.rejected += c.count;
  if (status === MERGED) t.merged += c.count;
  if (c.named) t.named += c.count;
}

/** The figures of a tally; each opens the report list with the row's filters (`base`) and its own. */
export function figuresOf(t: Tally, base: ReportLinkFilters | null): ReportFigures {
  const fig = (value: number, statuses?: readonly ReportStatus[], extra: Partial<ReportLinkFilters> = {}) =>
    base ? statusFigure(value, base, statuses, extra) : { value, href: null };
  const rate = percent(t.founded, t.decided);
  return {
    received: base ? { value: t.received, href: reportListHref(base) } : { value: t.received, href: null },
    open: fig(t.open, openReportStatuses),
    overdue: fig(t.overdue, undefined, { overdue: true }),
    decided: fig(t.decided, decidedReportStatuses),
    founded: fig(t.founded, foundedReportStatuses),
    unfounded: fig(t.unfounded, [UNFOUNDED]),
    foundedRate: { ...fig(t.founded, foundedReportStatuses), value: rate },
    rejected: fig(t.rejected, [REJECTED]),
    merged: fig(t.merged, [MERGED]),
    named: fig(t.named, undefined, { named: true }),
  };
}

/** The village (村/社区) and township (乡镇) a report's region lies in, from the code (a grid rolls up to its village). */
export function villageAndTownship(code: string): { village: string | null; township: string | null } {
  let village: string | null = null;
  let township: string | null = null;
  for (let c: string | null = code; c; c = impliedParentCode(c)) {
    const level = regionLevelOf(c);
    if (level === 'village' && !village) village = c;
    if (level === 'township') township = c;
  }
  return { village, township };
}
