import {
  type CheckCycle,
  type CheckTemplate,
  checkCycles,
  type DualOversight,
  type DualOversightFigures,
  type DualOversightGroupKind,
  type DualOversightQuery,
  type DueCheckOutcome,
  dualOversightGroupLabels,
  noDomain,
  reviewCutoff,
  type StatNumber,
  supervisionDomains,
} from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { villageAndTownship } from '../reports/report-stats-figures.ts';
import { loadSettingsBook, regionFilter } from '../settings/settings.resolver.ts';
import { type DueCell, type OversightFilter, oversightStatsRepo } from './oversight-stats.repo.ts';

const domainLabels: Record<string, string> = Object.fromEntries(supervisionDomains);

interface Tally {
  cycles: Record<CheckCycle, { onTime: number; late: number; missed: number; open: number }>;
  principalDone: number;
  principalMissing: number;
  points: number;
  reviewOverdue: number;
  openSignals: number;
}
const emptyTally = (): Tally => ({
  cycles: Object.fromEntries(checkCycles.map((c) => [c, { onTime: 0, late: 0, missed: 0, open: 0 }])) as Tally['cycles'],
  principalDone: 0,
  principalMissing: 0,
  points: 0,
  reviewOverdue: 0,
  openSignals: 0,
});
function add(into: Tally, t: Tally) {
  for (const c of checkCycles) for (const k of ['onTime', 'late', 'missed', 'open'] as const) into.cycles[c][k] += t.cycles[c][k];
  into.principalDone += t.principalDone;
  into.principalMissing += t.principalMissing;
  into.points += t.points;
  into.reviewOverdue += t.reviewOverdue;
  into.openSignals += t.openSignals;
}

/**
 * Where each figure leads: the due checks to the due-check list (GET /check-periods takes these very filters:
 * outcome, cycle, template, the window on period_end and the row's enterprise, region or domain), the risk points of
 * an enterprise to its risk page (the risk list takes no region or domain filter: no link for those rows), the open
 * signals to the signal list.
 */
type Filter = Record<string, string | number | undefined>;
const href = (path: string, f: Filter) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') q.set(k, String(v));
  return `${path}?${q.toString()}`;
};
const PRINCIPAL: CheckTemplate = 'principal';
const DONE: DueCheckOutcome = 'done';

function figuresOf(t: Tally, base: Filter, window: { from: string; to: string }): DualOversightFigures {
  const dueChecks = (extra: { outcome?: DueCheckOutcome; cycle?: CheckCycle; template?: CheckTemplate }) =>
    href('/dual/due-checks', { ...base, ...window, ...extra });
  const n = (value: number | null, h: string | null): StatNumber => ({ value, href: h });
  const sum = (k: 'onTime' | 'late' | 'missed' | 'open') => checkCycles.reduce((a, c) => a + t.cycles[c][k], 0);
  const onTime = sum('onTime');
  const late = sum('late');
  const missed = sum('missed');
  const due = onTime + late + missed + sum('open');
  const closed = onTime + late + missed;
  const risks = base.enterpriseId === undefined ? null : href('/dual/risks', { enterpriseId: base.enterpriseId });
  return {
    due: n(due, dueChecks({})),
    onTime: n(onTime, dueChecks({ outcome: 'onTime' })),
    late: n(late, dueChecks({ outcome: 'late' })),
    missed: n(missed, dueChecks({ outcome: 'missed' })),
    onTimeRate: n(closed ? Math.round((onTime / closed) * 1000) / 10 : null, dueChecks({ outcome: 'onTime' })),
    cycles: checkCycles.map((cycle) => {
      const c = t.cycles[cycle];
      return {
        cycle,
        due: n(c.onTime + c.late + c.missed + c.open, dueChecks({ cycle })),
        onTime: n(c.onTime, dueChecks({ cycle, outcome: 'onTime' })),
        late: n(c.late, dueChecks({ cycle, outcome: 'late' })),
        missed: n(c.missed, dueChecks({ cycle, outcome: 'missed' })),
      };
    }),
    principalDone: n(t.principalDone, dueChecks({ template: PRINCIPAL, outcome: DONE })),
    principalMissing: n(t.principalMissing, dueChecks({ template: PRINCIPAL, outcome: 'missed' })),
    riskPoints: n(t.points, risks),
    reviewOverdue: n(t.reviewOverdue, risks),
    openSignals: n(t.openSignals, href('/dual/signals', { ...base, status: 'open' })),
  };
}

export function createOversightStatsService(deps: { readDb: Db; clock: Clock }) {
  const { readDb, clock } = deps;

  /** reviewMonths per township (settings groups) as a SQL cutoff date on the enterprise's region. */
  async function reviewCutoffSql(today: string): Promise<SQL> {
    const groups = (await loadSettingsBook(readDb)).groups('dual');
    const [fallback, ...changed] = groups;
    const cases = changed.map(
      (g) => sql`WHEN ${regionFilter(sql`enterprises.region_code`, g)} THEN ${reviewCutoff(today, g.value.reviewMonths)}::date`,
    );
    const otherwise = sql`${reviewCutoff(today, fallback?.value.reviewMonths ?? 12)}::date`;
    return cases.length ? sql`(CASE ${sql.join(cases, sql` `)} ELSE ${otherwise} END)` : otherwise;
  }

  async function overview(actor: Actor, q: DualOversightQuery): Promise<DualOversight> {
    const today = chinaToday(clock.now());
    const from = q.from ?? `${today.slice(0, 4)}-01-01`;
    const to = q.to ?? today;
    if (from > to) throw errors.badRequest('dual.oversight_window', '开始日期不能晚于结束日期', { field: 'to' });
    const f: OversightFilter = { scope: actor.scope, from, to, today, regionCode: q.regionCode, domain: q.domain };
    const cutoff = await reviewCutoffSql(today);
    const [due, points, signals] = await Promise.all([
      oversightStatsRepo.due(readDb, f),
      oversightStatsRepo.points(readDb, f, cutoff),
      oversightStatsRepo.openSignals(readDb, f),
    ]);
    const byEnterprise = new Map<number, Tally>();
    const tallyOf = (id: number) => {
      const t = byEnterprise.get(id) ?? emptyTally();
      byEnterprise.set(id, t);
      return t;
    };
    for (const c of due as DueCell[]) {
      const t = tallyOf(c.enterpriseId);
      t.cycles[c.cycle as CheckCycle][c.outcome] += c.count;
      if (c.principal) {
        if (c.outcome === 'onTime' || c.outcome === 'late') t.principalDone += c.count;
        if (c.outcome === 'missed') t.principalMissing += c.count;
      }
    }
    for (const p of points) {
      const t = tallyOf(p.enterpriseId);
      t.points += p.points;
      t.reviewOverdue += p.overdue;
    }
    for (const s of signals) tallyOf(s.enterpriseId).openSignals += s.count;

    const ents = await oversightStatsRepo.enterprises(readDb, [...byEnterprise.keys()]);
    const villageOf = new Map(ents.map((e) => [e.id, villageAndTownship(e.region_code).village ?? e.region_code]));
    const names = new Map((await oversightStatsRepo.regionNames(readDb, [...new Set(villageOf.values())])).map((r) => [r.code, r.name]));
    const window = { from, to };
    const base: Filter = { regionCode: q.regionCode, domain: q.domain };
    const totals = emptyTally();
    const byDomain = new Map<string, Tally>();
    const byVillage = new Map<string, Tally>();
    for (const e of ents) {
      const t = byEnterprise.get(e.id) as Tally;
      add(totals, t);
      for (const d of e.domains.length ? e.domains : [noDomain]) {
        if (q.domain && d !== q.domain) continue;
        const g = byDomain.get(d) ?? emptyTally();
        add(g, t);
        byDomain.set(d, g);
      }
      const v = villageOf.get(e.id) as string;
      const g = byVillage.get(v) ?? emptyTally();
      add(g, t);
      byVillage.set(v, g);
    }
    const weakness = (t: Tally) => checkCycles.reduce((a, c) => a + t.cycles[c].missed + t.cycles[c].late, 0) + t.openSignals * 5;
    const group = (kind: DualOversightGroupKind, rows: Array<{ key: string; label: string; t: Tally; filter: Filter }>) => ({
      kind,
      label: dualOversightGroupLabels[kind],
      rows: rows
        .sort((a, b) => weakness(b.t) - weakness(a.t) || a.label.localeCompare(b.label, 'zh'))
        .map((r) => ({ key: r.key, label: r.label, figures: figuresOf(r.t, { ...base, ...r.filter }, window) })),
    });
    return {
      from,
      to,
      asOf: today,
      totals: figuresOf(totals, base, window),
      groups: [
        group(
          'enterprise',
          ents.map((e) => ({ key: String(e.id), label: e.name, t: byEnterprise.get(e.id) as Tally, filter: { enterpriseId: e.id } })),
        ),
        group(
          'domain',
          [...byDomain].map(([d, t]) => ({
            key: d,
            label: d === noDomain ? '未关联行业领域' : (domainLabels[d] ?? d),
            t,
            filter: { domain: d },
          })),
        ),
        group(
          'village',
          [...byVillage].map(([v, t]) => ({
            key: v,
            label: names.get(v) ?? v,
            t,
            // an enterprise of no village is counted at its own region (a township's row): only those, not its villages
            filter: { regionCode: v, exactRegion: villageAndTownship(v).village ? undefined : 'true' },
          })),
        ),
      ],
    };
  }

  return { overview };
}

export type OversightStatsService = ReturnType<typeof createOversightStatsService>;
