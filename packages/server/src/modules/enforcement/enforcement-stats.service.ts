import {
  type EnforcementFigures,
  type EnforcementStats,
  type EnforcementStatsQuery,
  type EnforcementStatsUnit,
  percent,
  ratio,
  unitSignals,
} from '@anzhi/core';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { loadSettingsBook } from '../settings/settings.resolver.ts';
import { type CheckMonthRow, enforcementStatsRepo, type StatsWindow, type UnitYearRow } from './enforcement-stats.repo.ts';

/**
 * The lists a number opens (web paths; the list pages read their filters from the query). Agreed paths of issue 14:
 * checks `/enforcement/checks` (unitId, status, kind, enterpriseId, month = YYYY-MM, and year), penalties
 * `/enforcement/penalties`, orders `/enforcement/orders`, plans `/enforcement/plans`; hazards the ledger `/hazards`.
 */
export function listHref(path: string, query: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

const month2 = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

type Sums = Omit<CheckMonthRow, 'unitId' | 'month'> & Omit<UnitYearRow, 'unitId'> & { planned: number };
const zero = (): Sums => ({
  planned: 0,
  scheduled: 0,
  done: 0,
  failedChecks: 0,
  majorFailedChecks: 0,
  majorCases: 0,
  hazardsFound: 0,
  majorHazardsFound: 0,
  keyTargets: 0,
  keyCovered: 0,
  penaltyCases: 0,
  penaltyAmount: 0,
  unfixedOrdersWithoutCase: 0,
});
function add(a: Sums, b: Partial<Sums>): void {
  for (const [k, v] of Object.entries(b)) if (k in a && typeof v === 'number') a[k as keyof Sums] += v;
}

/** The figures of one unit (unitId) or of all (undefined), each with the list it opens. */
function figuresOf(s: Sums, year: number, unitId: number | undefined): EnforcementFigures {
  const checks = (q: Record<string, string | undefined>) => listHref('/enforcement/checks', { unitId, year, ...q });
  const cases = (q: Record<string, string | number | undefined>) => listHref('/enforcement/penalties', { unitId, year, ...q });
  const plan = listHref('/enforcement/plans', { unitId, year });
  const hazards = (grade?: string) =>
    listHref('/hazards', { channel: 'enforcement', grade, foundFrom: `${year}-01-01`, foundTo: `${year}-12-31` });
  const signed = checks({ status: 'signed' });
  return {
    planned: { value: s.planned, href: plan },
    scheduled: { value: s.scheduled, href: checks({}) },
    done: { value: s.done, href: signed },
    completionRate: { value: percent(s.done, s.planned), href: signed },
    keyTargets: { value: s.keyTargets, href: plan },
    keyCovered: { value: s.keyCovered, href: checks({ status: 'signed', kind: 'key' }) },
    coverageRate: { value: percent(s.keyCovered, s.keyTargets), href: checks({ status: 'signed', kind: 'key' }) },
    hazardsFound: { value: s.hazardsFound, href: hazards() },
    majorHazardsFound: { value: s.majorHazardsFound, href: hazards('major') },
    hazardsPerCheck: { value: ratio(s.hazardsFound, s.done), href: hazards() },
    majorFailedChecks: { value: s.majorFailedChecks, href: checks({ status: 'signed', failedMajor: 'true' }) },
    majorCases: { value: s.majorCases, href: cases({ majorHazard: 'true' }) },
    caseRate: { value: percent(s.majorCases, s.majorFailedChecks), href: cases({ majorHazard: 'true' }) },
    penaltyCases: { value: s.penaltyCases, href: cases({ imposed: 'true' }) },
    penaltyAmount: { value: s.penaltyAmount, href: cases({ imposed: 'true' }) },
    failedChecks: { value: s.failedChecks, href: checks({ status: 'signed', failed: 'true' }) },
    unfixedOrdersWithoutCase: {
      value: s.unfixedOrdersWithoutCase,
      href: listHref('/enforcement/orders', { unitId, year, status: 'rechecked', notFixed: 'true' }),
    },
  };
}

export function createEnforcementStatsService(deps: { readDb: Db; clock: Clock }) {
  const { readDb, clock } = deps;

  /** Statistics are for the supervisors: an enterprise account (which may read its own checks) is refused. */
  function windowOf(actor: Actor, query: EnforcementStatsQuery): StatsWindow {
    if (actor.scope.kind === 'enterprise' || actor.scope.kind === 'none')
      throw errors.forbidden('执法统计仅供监管部门查看', 'enforcement.stats_forbidden');
    const today = chinaToday(clock.now());
    const year = query.year ?? Number(today.slice(0, 4));
    const to = `${year}-12-31`;
    return {
      scope: actor.scope,
      year,
      from: `${year}-01-01`,
      to,
      asOf: today < to ? today : to,
      ...(query.unitId === undefined ? {} : { unitId: query.unitId }),
      ...(query.regionCode === undefined ? {} : { regionCode: query.regionCode }),
    };
  }

  async function closureFlags(actor: Actor, query: EnforcementStatsQuery) {
    const w = windowOf(actor, query);
    return { year: w.year, asOf: w.asOf, items: await closureItems(w) };
  }

  async function closureItems(w: StatsWindow) {
    const rows = await enforcementStatsRepo.closureFlags(readDb, w);
    return rows.map((r) => ({
      ...r,
      windowDays: r.windowDays as 180 | 365,
      href: listHref('/enforcement/penalties', { enterpriseId: r.enterpriseId, majorHazard: 'true', imposed: 'true' }),
    }));
  }

  async function stats(actor: Actor, query: EnforcementStatsQuery): Promise<EnforcementStats> {
    const w = windowOf(actor, query);
    // PGlite runs one statement at a time: in sequence, a handful of set-based statements.
    const checkRows = await enforcementStatsRepo.checksByMonth(readDb, w);
    const planRows = await enforcementStatsRepo.plannedByMonth(readDb, w);
    const yearRows = await enforcementStatsRepo.unitYear(readDb, w);
    const staffed = await enforcementStatsRepo.unitsWithInspectors(readDb, w);
    const closure = await closureItems(w);
    const unitIds = [...new Set([...checkRows, ...planRows, ...yearRows].map((r) => r.unitId).concat(staffed))];
    const named = await enforcementStatsRepo.unitNames(readDb, unitIds);
    const book = await loadSettingsBook(readDb);

    const total = zero();
    const units: EnforcementStatsUnit[] = named
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id)
      .map((u) => {
        const sums = zero();
        const months = Array.from({ length: 12 }, (_, k) => ({ month: k + 1, planned: 0, scheduled: 0, done: 0 }));
        for (const r of checkRows.filter((r) => r.unitId === u.id)) {
          const { unitId: _u, month, ...rest } = r;
          add(sums, rest);
          const m = months[month - 1];
          if (m) {
            m.scheduled += r.scheduled;
            m.done += r.done;
          }
        }
        for (const r of planRows.filter((r) => r.unitId === u.id)) {
          sums.planned += r.planned;
          const m = months[r.month - 1];
          if (m) m.planned += r.planned;
        }
        const y = yearRows.find((r) => r.unitId === u.id);
        if (y) {
          const { unitId: _u, ...rest } = y;
          add(sums, rest);
        }
        add(total, sums);
        const checks = (q: Record<string, string | undefined>) => listHref('/enforcement/checks', { unitId: u.id, ...q });
        return {
          unitId: u.id,
          unitName: u.name,
          figures: figuresOf(sums, w.year, u.id),
          months: months.map((m) => ({
            month: m.month,
            planned: { value: m.planned, href: listHref('/enforcement/plans', { unitId: u.id, year: w.year }) },
            scheduled: { value: m.scheduled, href: checks({ month: month2(w.year, m.month) }) },
            done: { value: m.done, href: checks({ month: month2(w.year, m.month), status: 'signed' }) },
          })),
          signals: unitSignals(sums, book.forRegion(u.regionCode).enforcement),
        };
      });
    total.penaltyAmount = Math.round(total.penaltyAmount * 100) / 100;
    return { year: w.year, asOf: w.asOf, totals: figuresOf(total, w.year, w.unitId), units, closureFlags: closure };
  }

  return { stats, closureFlags };
}

export type EnforcementStatsService = ReturnType<typeof createEnforcementStatsService>;
