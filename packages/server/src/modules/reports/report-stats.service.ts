import {
  decidedReportStatuses,
  grantedRewardStatuses,
  openReportStatuses,
  percentile,
  type ReportChannel,
  type ReportMatter,
  type ReportSource,
  type ReportStats,
  type ReportStatsGroupKind,
  type ReportStatsQuery,
  type ReportStatsRow,
  type ReportStatus,
  type RewardStatus,
  reportChannelLabels,
  reportChannels,
  reportIsDecided,
  reportMatterLabels,
  reportMatters,
  reportSourceLabels,
  reportSources,
  reportStatsGroupLabels,
  reportStatuses,
  reportStatusLabels,
  supervisionDomains,
  verifyDays,
} from '@anzhi/core';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { reportFilterSql } from './report-filters.sql.ts';
import { reportStatsRepo } from './report-stats.repo.ts';
import { addCell, emptyTally, figuresOf, type Tally, villageAndTownship } from './report-stats-figures.ts';
import { type ReportLinkFilters, reportListHref, rewardLedgerHref, statusFigure } from './report-stats-links.ts';

const PAID: RewardStatus[] = ['paid'];
const domainLabels: Record<string, string> = Object.fromEntries(supervisionDomains);
const MAX_MONTHS = 60;

export interface ReportStatsWindow {
  year: number | null;
  from: string;
  to: string;
  today: string;
  unitId?: number;
  regionCode?: string;
}

/** The months (YYYY-MM) from `from` to `to`. */
function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) return out;
    out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

const monthLastDay = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

export function createReportStatsService(deps: { readDb: Db; clock: Clock }) {
  const { readDb, clock } = deps;

  function windowOf(query: ReportStatsQuery): ReportStatsWindow {
    const today = chinaToday(clock.now());
    const explicit = query.from !== undefined || query.to !== undefined;
    const year = explicit ? null : (query.year ?? Number(today.slice(0, 4)));
    const from = year !== null ? `${year}-01-01` : (query.from ?? `${(query.to as string).slice(0, 4)}-01-01`);
    const to = year !== null ? `${year}-12-31` : (query.to ?? `${from.slice(0, 4)}-12-31`);
    if (from > to) throw errors.badRequest('report.stats_window', '开始日期不能晚于结束日期', { field: 'to' });
    if (monthsOf(from, to).length > MAX_MONTHS)
      throw errors.badRequest('report.stats_window', `统计时段不能超过 ${MAX_MONTHS} 个月`, { field: 'from' });
    return { year, from, to, today, unitId: query.unitId, regionCode: query.regionCode };
  }

  async function stats(actor: Actor, query: ReportStatsQuery): Promise<ReportStats> {
    const w = windowOf(query);
    const scoped = { from: w.from, to: w.to, unitId: w.unitId, regionCode: w.regionCode };
    const where = reportFilterSql(actor.scope, scoped, w.today);
    // Sent together: PostgreSQL answers them on several connections; PGlite's one connection takes them in turn.
    const [cells, domainCells, dates, rewards] = await Promise.all([
      reportStatsRepo.cells(readDb, where, w.today),
      reportStatsRepo.domainCells(readDb, where, w.today),
      reportStatsRepo.verifyDates(readDb, where),
      reportStatsRepo.rewards(readDb, { scope: actor.scope, ...scoped }),
    ]);

    const base: ReportLinkFilters = { from: w.from, to: w.to, unitId: w.unitId, regionCode: w.regionCode };
    const totals = emptyTally();
    for (const c of cells) addCell(totals, c);

    /** Rows of one group: cells summed by key, each row's links adding its own filter to the base. */
    const group = <K extends string>(
      kind: ReportStatsGroupKind,
      keyOf: (c: (typeof cells)[number]) => K | null,
      keys: readonly K[] | null,
      labelOf: (k: K) => string,
      filterOf: (k: K) => Partial<ReportLinkFilters> | null,
    ) => {
      const tallies = new Map<K, Tally>((keys ?? []).map((k) => [k, emptyTally()]));
      for (const c of cells) {
        const k = keyOf(c);
        if (k === null) continue;
        const t = tallies.get(k) ?? emptyTally();
        addCell(t, c);
        tallies.set(k, t);
      }
      const rows: ReportStatsRow[] = [...tallies].map(([k, t]) => {
        const f = filterOf(k);
        return { key: k, label: labelOf(k), figures: figuresOf(t, f ? { ...base, ...f } : null) };
      });
      return { kind, label: reportStatsGroupLabels[kind], rows };
    };

    const unitIds = [...new Set(cells.map((c) => c.unitId).filter((id): id is number => id !== null))];
    const places = new Map(cells.map((c) => [c.regionCode, villageAndTownship(c.regionCode)]));
    const regionCodes = [...new Set([...places.values()].flatMap((p) => [p.village, p.township]).filter((c): c is string => !!c))];
    const [units, regions] = await Promise.all([
      reportStatsRepo.unitNames(readDb, unitIds),
      reportStatsRepo.regionNames(readDb, regionCodes),
    ]);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const regionNames = new Map(regions.map((r) => [r.code, r.name]));

    const domainTallies = new Map<string, Tally>();
    for (const c of domainCells) {
      const t = domainTallies.get(c.domain) ?? emptyTally();
      addCell(t, c);
      domainTallies.set(c.domain, t);
    }

    const groups: ReportStats['groups'] = [
      group(
        'channel',
        (c) => c.channel as ReportChannel,
        reportChannels,
        (k) => reportChannelLabels[k],
        (k) => ({ channel: k }),
      ),
      group(
        'source',
        (c) => c.source as ReportSource,
        reportSources,
        (k) => reportSourceLabels[k],
        (k) => ({ source: k }),
      ),
      group(
        'matter',
        (c) => (c.matter ?? 'none') as ReportMatter | 'none',
        reportMatters,
        (k) => (k === 'none' ? '未定' : reportMatterLabels[k]),
        (k) => (k === 'none' ? null : { matter: k }),
      ),
      {
        kind: 'domain',
        label: reportStatsGroupLabels.domain,
        rows: [...domainTallies]
          .sort((a, b) => b[1].received - a[1].received || a[0].localeCompare(b[0]))
          .map(([k, t]) => ({
            key: k,
            label: k === 'none' ? '未关联行业领域' : (domainLabels[k] ?? k),
            figures: figuresOf(t, { ...base, domain: k }),
          })),
      },
      group(
        'township',
        (c) => places.get(c.regionCode)?.township ?? null,
        null,
        (k) => regionNames.get(k) ?? k,
        (k) => ({ regionCode: k }),
      ),
      group(
        'village',
        (c) => places.get(c.regionCode)?.village ?? null,
        null,
        (k) => regionNames.get(k) ?? k,
        (k) => ({ regionCode: k }),
      ),
      group(
        'unit',
        (c) => (c.unitId === null ? 'none' : String(c.unitId)),
        null,
        (k) => (k === 'none' ? '未交办' : (unitNames.get(Number(k)) ?? `单位 ${k}`)),
        (k) => (k === 'none' ? null : { unitId: Number(k) }),
      ),
      group(
        'status',
        (c) => c.status as ReportStatus,
        reportStatuses,
        (k) => reportStatusLabels[k],
        (k) => ({ status: [k] }),
      ),
    ];

    const durations: number[] = [];
    let stillOpen = 0;
    for (const d of dates) {
      if (reportIsDecided(d.status)) {
        const days = verifyDays(d);
        if (days !== null) durations.push(days);
      } else stillOpen++;
    }
    const decidedHref = statusFigure(0, base, decidedReportStatuses).href;

    const paidTotal = rewards.paidByMonth.reduce((a, r) => ({ count: a.count + r.count, amount: a.amount + r.amount }), {
      count: 0,
      amount: 0,
    });
    const paidHref = rewardLedgerHref(PAID, 'paid', w);
    const grantedHref = rewardLedgerHref(grantedRewardStatuses, 'decided', w);

    const months = monthsOf(w.from, w.to).map((month) => {
      const t = emptyTally();
      for (const c of cells) if (c.month === month) addCell(t, c);
      const paid = rewards.paidByMonth.find((r) => r.month === month);
      const monthBase: ReportLinkFilters = { month, unitId: w.unitId, regionCode: w.regionCode };
      // The month's part of the window (a window from/to may start or end inside a month).
      const [from] = [`${month}-01`, w.from].sort().reverse();
      const [to] = [monthLastDay(month), w.to].sort();
      const ledger = rewardLedgerHref(PAID, 'paid', { ...w, from, to });
      return {
        month,
        figures: figuresOf(t, monthBase),
        rewardsPaid: { value: paid?.count ?? 0, href: ledger },
        rewardsPaidAmount: { value: round2(paid?.amount ?? 0), href: ledger },
      };
    });

    return {
      year: w.year,
      from: w.from,
      to: w.to,
      asOf: w.today,
      totals: figuresOf(totals, base),
      verify: {
        medianDays: { value: percentile(durations, 50), href: decidedHref },
        p90Days: { value: percentile(durations, 90), href: decidedHref },
        decided: { value: durations.length, href: decidedHref },
        stillOpen: { value: stillOpen, href: reportListHref({ ...base, status: openReportStatuses }) },
      },
      rewards: {
        granted: { value: rewards.granted.count, href: grantedHref },
        grantedAmount: { value: round2(rewards.granted.amount), href: grantedHref },
        paid: { value: paidTotal.count, href: paidHref },
        paidAmount: { value: round2(paidTotal.amount), href: paidHref },
      },
      groups,
      months,
    };
  }

  return { stats, windowOf };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export type ReportStatsService = ReturnType<typeof createReportStatsService>;
