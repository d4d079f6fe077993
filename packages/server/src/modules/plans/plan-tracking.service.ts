import {
  can,
  countsAsDeadline,
  daysFrom,
  isDeadlineOverdue,
  nextDeadline,
  type PlanListQuery,
  type PlanProgress,
  type PlanProgressNode,
  type PlanRankings,
  type PlanTimeline,
  periodOf,
  shiftPeriod,
  trackedDeadlines,
} from '@anzhi/core';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { planErrorsOf } from './plan.presenter.ts';
import { type PlanRow, type PlanTaskRow, planRepo, planScope, type TaskViewer } from './plan.repo.ts';
import { type Ledger, loadLedger, statusesOf, summaryOf } from './plan-ledger.ts';
import { assigneeName, collapsed, reportView } from './plan-progress.ts';
import { computeRankings } from './plan-rankings.ts';

/** What part of a plan an actor sees: a unit its own tasks, a village cadre the tasks of 各村, the office everything. */
export function viewerOf(actor: Actor): TaskViewer {
  if (actor.scope.kind === 'unit') return { unitId: actor.scope.unitId };
  const wide = actor.roles.some((r) => r === 'admin' || r === 'office' || r === 'leader' || r === 'inspector');
  if (!wide && actor.roles.includes('village')) return { villages: true };
  return {};
}

/** The last day of a period, or today while the period runs: the moment a past month's ledger is read as of. */
export function asOfPeriod(period: string, today: string): string {
  if (period >= periodOf(today)) return today;
  const last = new Date(`${shiftPeriod(period, 1)}-01T00:00:00Z`);
  last.setUTCDate(0);
  return last.toISOString().slice(0, 10);
}

export function createPlanTrackingService(deps: {
  db: Db;
  /** Rankings read here: the replica when in use (ADR 0017). */
  readDb: Db;
  clock: Clock;
}) {
  const { db, readDb, clock } = deps;
  const today = () => chinaToday(clock.now());

  async function load(actor: Actor, id: number, opts: { published?: boolean } = {}): Promise<PlanRow> {
    const plan = await planRepo.findById(db, id, planScope(actor.scope, { drafts: can(actor.roles, 'plan.manage') }));
    if (!plan) throw planErrorsOf.notFound();
    if (opts.published && plan.status !== 'published') throw planErrorsOf.notPublished();
    return plan;
  }

  async function list(actor: Actor, q: PlanListQuery) {
    const where = planScope(actor.scope, { drafts: can(actor.roles, 'plan.manage') });
    const { rows, total } = await planRepo.page(db, where, {
      q: q.q,
      status: q.status,
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    });
    const items = [];
    for (const p of rows) items.push(await summaryOf(db, p, today(), viewerOf(actor)));
    return { items, total };
  }

  function progressNode(l: Ledger, n: PlanTaskRow, statuses: ReturnType<typeof statusesOf>, asOf: string): PlanProgressNode {
    const status = n.kind === 'task' ? (statuses.get(n.id) ?? null) : null;
    const latest = l.latest.get(n.id);
    return {
      id: n.id,
      parentId: n.parentId,
      kind: n.kind,
      path: n.path,
      ordinal: n.ordinal,
      title: n.title,
      text: n.text,
      depth: n.depth,
      leads: n.kind === 'task' ? collapsed(n, 'lead', l.names) : [],
      cos: n.kind === 'task' ? collapsed(n, 'co', l.names) : [],
      people: n.people,
      leaders: n.leaders,
      deadlines: n.deadlines,
      nextDeadline: nextDeadline(trackedDeadlines(n.deadlineDates, l.plan.baselineDate), asOf) ?? nextDeadline(n.deadlineDates, asOf),
      recurrence: n.recurrence,
      targets: n.targets,
      completedOn: n.completedOn,
      completedNote: n.completedNote,
      status,
      overdue: status === 'overdue',
      reports: latest ? [...latest.values()].map((r) => reportView(r, assigneeName(r.assigneeKey, l.names, l.villages))) : [],
    };
  }

  async function progress(actor: Actor, id: number, period?: string): Promise<PlanProgress> {
    const plan = await load(actor, id);
    const p = period ?? periodOf(today());
    const asOf = asOfPeriod(p, today());
    const viewer = viewerOf(actor);
    const ledger = await loadLedger(db, plan, { ...viewer, upTo: p });
    const statuses = statusesOf(ledger, asOf);
    return {
      plan: await summaryOf(db, plan, today(), viewer),
      period: p,
      nodes: ledger.nodes.map((n) => progressNode(ledger, n, statuses, asOf)),
    };
  }

  async function timeline(actor: Actor, id: number): Promise<PlanTimeline> {
    const plan = await load(actor, id);
    const ledger = await loadLedger(db, plan, viewerOf(actor));
    const now = today();
    const statuses = statusesOf(ledger, now);
    const items = ledger.tasks.flatMap((t) => {
      const status = statuses.get(t.id) ?? 'notStarted';
      const names = [...collapsed(t, 'lead', ledger.names), ...collapsed(t, 'co', ledger.names)].map((a) => a.name);
      return t.deadlines.map((d) => ({
        taskId: t.id,
        ordinal: t.ordinal,
        title: t.title,
        path: t.path,
        date: d.date,
        raw: d.raw,
        assignees: names,
        status,
        overdue: status !== 'done' && isDeadlineOverdue(d.date, now, plan.baselineDate),
        beforeBaseline: !countsAsDeadline(d.date, plan.baselineDate),
        daysLeft: daysFrom(now, d.date),
      }));
    });
    const rank = (i: (typeof items)[number]) => (i.overdue ? 0 : i.status === 'done' ? 2 : 1);
    items.sort((a, b) => rank(a) - rank(b) || a.date.localeCompare(b.date) || a.taskId - b.taskId);
    return { items };
  }

  async function rankings(actor: Actor, id: number, period?: string): Promise<PlanRankings> {
    const plan = await load(actor, id, { published: true });
    const p = period ?? periodOf(today());
    const ledger = await loadLedger(readDb, plan, { upTo: p });
    return computeRankings(ledger, p, asOfPeriod(p, today()));
  }

  return { list, progress, timeline, rankings, load, today };
}

export type PlanTrackingService = ReturnType<typeof createPlanTrackingService>;
