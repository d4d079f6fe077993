import {
  type CampaignObjectQuery,
  type CampaignObjectRow,
  type CampaignProgress,
  campaignDispatchFigures,
  type DataScope,
  type PlanFigure,
  roundWindow,
} from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import { scopeOn, systemScope } from '../../db/data-scope.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { campaignErrors, subjectOf } from './campaign.presenter.ts';
import { type CampaignRoundRow, type CampaignRow, campaignRepo } from './campaign.repo.ts';
import { campaignProgressRepo, type Figures, type ObjectRow, type Scopes } from './campaign-progress.repo.ts';
import type { RoundRef } from './campaign-progress.sql.ts';

export interface RoundFigures extends Figures {
  ordinal: number;
  status: CampaignRoundRow['status'];
}

/** The rows of a round for counting: a round not begun counts what is in scope today, nothing checked. */
export function roundRef(r: CampaignRoundRow | undefined, today: string): RoundRef {
  const window = r ? roundWindow(r, today) : null;
  return window && r ? { id: r.id, window } : { id: null, window: { from: today, to: today } };
}

/** The latest round begun (the campaign's current round), else none. */
export const currentRoundOf = (rounds: CampaignRoundRow[]) => rounds.filter((r) => r.status !== 'planned').pop();

export function scopesOf(c: CampaignRow, scope: DataScope): Scopes {
  return {
    targets: c.scope.kind === 'ledger' ? scopeOn.ledger_objects(scope) : scopeOn.enterprises(scope),
    hazards: scopeOn.campaign_hazards(scope),
  };
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const ids = (v: number[] | string): number[] =>
  Array.isArray(v) ? v.map(Number) : v.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);

export function objectRowView(r: ObjectRow): CampaignObjectRow {
  return {
    objectId: r.object_id,
    enterpriseId: r.enterprise_id,
    name: r.name,
    regionCode: r.region_code,
    regionName: r.region_name,
    enterpriseName: r.enterprise_name,
    checkId: r.check_id,
    checkedAt: iso(r.checked_at),
    checkedByName: r.checked_by_name,
    failed: Number(r.failed),
    hazardIds: ids(r.hazard_ids),
  };
}

/**
 * Campaign progress: coverage, findings and 销号 per round, village and unit, objects never reached — every figure
 * counted over the rows its list (`objects`) pages, seen through the caller's data scope (a village its own
 * objects; the plan's figures the township's). Reads the read replica when in use (ADR 0017).
 */
export function createCampaignProgressService(deps: { readDb: Db; clock: Clock }) {
  const { readDb, clock } = deps;
  const today = () => chinaToday(clock.now());

  async function load(actor: Actor, id: number) {
    const c = await campaignRepo.find(readDb, scopeOn.campaigns(actor.scope), id);
    if (!c) throw campaignErrors.notFound();
    return { c, rounds: await campaignRepo.rounds(readDb, [id]) };
  }

  async function roundsFigures(ex: Executor, c: CampaignRow, rounds: CampaignRoundRow[], scopes: Scopes): Promise<RoundFigures[]> {
    const out: RoundFigures[] = [];
    for (const r of rounds) {
      const f = await campaignProgressRepo.figures(ex, c, roundRef(r, today()), scopes);
      out.push({ ordinal: r.ordinal, status: r.status, ...f });
    }
    return out;
  }

  /** The figures a campaign gives its plan task (core campaignDispatchFigures), counted over the whole township. */
  async function dispatchFigures(ex: Executor, c: CampaignRow, rounds: CampaignRoundRow[], figures?: RoundFigures[]) {
    const scopes = scopesOf(c, systemScope);
    const per = figures ?? (await roundsFigures(ex, c, rounds, scopes));
    const begun = per.filter((r) => r.status !== 'planned');
    const type = c.scope.kind === 'ledger' ? await campaignRepo.objectType(ex, c.scope.typeId) : undefined;
    const [task] = await campaignRepo.planTasks(ex, c.planTaskId ? [c.planTaskId] : []);
    const target = task?.targets.find((t) => t.metric === c.planTargetMetric);
    const sum = (k: 'findings' | 'hazards' | 'hazardsClosed') => begun.reduce((n, r) => n + r[k], 0);
    return campaignDispatchFigures(
      {
        ...subjectOf(c.scope, type),
        rounds: per,
        findings: sum('findings'),
        hazards: sum('hazards'),
        hazardsClosed: sum('hazardsClosed'),
        objectsCleared: await campaignProgressRepo.objectsCleared(ex, c, c.id, scopes),
      },
      target ? { metric: target.metric, unit: target.unit } : null,
    );
  }

  return {
    /** The list's live figures: coverage of the current round, hazards and 销号 over the rounds begun. */
    async summaryFigures(ex: Executor, actor: Actor, c: CampaignRow, rounds: CampaignRoundRow[]) {
      const scopes = scopesOf(c, actor.scope);
      const current = currentRoundOf(rounds);
      const per = await roundsFigures(
        ex,
        c,
        rounds.filter((r) => r.status !== 'planned'),
        scopes,
      );
      const now = current
        ? per.find((r) => r.ordinal === current.ordinal)
        : await campaignProgressRepo.figures(ex, c, roundRef(undefined, today()), scopes);
      return {
        currentRound: current?.ordinal ?? null,
        targets: now?.targets ?? 0,
        covered: now?.covered ?? 0,
        hazards: per.reduce((n, r) => n + r.hazards, 0),
        hazardsClosed: per.reduce((n, r) => n + r.hazardsClosed, 0),
      };
    },

    async progress(actor: Actor, id: number): Promise<CampaignProgress> {
      const { c, rounds } = await load(actor, id);
      const scopes = scopesOf(c, actor.scope);
      const villages = await campaignRepo.villagesOf(readDb, c.regionCode);
      const wanted = c.scope.villageCodes.length ? villages.filter((v) => c.scope.villageCodes.includes(v.code)) : villages;
      const units = await campaignRepo.unitNames(readDb, c.unitIds);
      const out: CampaignProgress['rounds'] = [];
      const townshipFigures: RoundFigures[] = [];
      for (const r of rounds) {
        // One pass over the round's rows gives the caller's figures, its villages and units and the township's.
        const all = await campaignProgressRepo.roundFigures(readDb, c, roundRef(r, today()), scopes, c.unitIds);
        const counted = new Map(all.byVillage.map((v) => [v.key, v]));
        const zero = { targets: 0, covered: 0, findings: 0, hazards: 0, hazardsClosed: 0, objectsCleared: 0 };
        const byVillage = wanted.map((v) => ({ ...zero, ...counted.get(v.code), key: v.code, name: v.name }));
        for (const [key, v] of counted) if (!wanted.some((w) => w.code === key)) byVillage.push(v);
        const byUnit = c.unitIds.map((unitId) => ({
          key: String(unitId),
          name: units.find((u) => u.id === unitId)?.name ?? `单位 ${unitId}`,
          ...(all.byUnit.get(unitId) ?? zero),
        }));
        // Extra keys (objectsCleared per village or unit) are left out by the response schema.
        out.push({ ordinal: r.ordinal, status: r.status, ...all.figures, byVillage, byUnit });
        townshipFigures.push({ ordinal: r.ordinal, status: r.status, ...all.township });
      }
      return {
        campaignId: c.id,
        asOf: today(),
        rounds: out,
        neverReached: await campaignProgressRepo.neverReached(readDb, c, c.id, today(), scopes),
        figures: await dispatchFigures(readDb, c, rounds, townshipFigures),
      };
    },

    /** The list behind every figure: a round's targets in a state, of a village or a unit, or those never reached. */
    async objects(actor: Actor, id: number, q: CampaignObjectQuery) {
      const { c, rounds } = await load(actor, id);
      const round = q.round === undefined ? currentRoundOf(rounds) : rounds.find((r) => r.ordinal === q.round);
      if (q.round !== undefined && !round) throw campaignErrors.invalid('round', `第 ${q.round} 轮不存在`);
      const source = q.neverReached ? { neverReached: { campaignId: c.id, today: today() } } : { round: roundRef(round, today()) };
      const { rows, total } = await campaignProgressRepo.objects(
        readDb,
        c,
        source,
        scopesOf(c, actor.scope),
        { state: q.state, villageCode: q.villageCode, unitId: q.unitId },
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
      );
      return { items: rows.map(objectRowView), total };
    },

    /**
     * The figures of the campaigns linked to plan tasks, for the monthly dispatch: live (as of today, whatever the
     * period: a campaign's counts are what stands now), summed by metric when a task has several campaigns.
     */
    async figuresForTasks(ex: Executor, taskIds: number[], _period: string) {
      const out = new Map<number, { figures: PlanFigure[]; campaigns: Array<{ id: number; title: string; asOf: string }> }>();
      const linked = await campaignRepo.ofTasks(ex, taskIds);
      const rounds = await campaignRepo.rounds(
        ex,
        linked.map((c) => c.id),
      );
      for (const c of linked) {
        const taskId = c.planTaskId as number;
        const figures = await dispatchFigures(
          ex,
          c,
          rounds.filter((r) => r.campaignId === c.id),
        );
        const entry = out.get(taskId) ?? { figures: [], campaigns: [] };
        for (const f of figures) {
          const same = entry.figures.find((x) => x.metric === f.metric && x.unit === f.unit);
          if (same) same.value += f.value;
          else entry.figures.push({ ...f });
        }
        entry.campaigns.push({ id: c.id, title: c.title, asOf: today() });
        out.set(taskId, entry);
      }
      return out;
    },

    /** Everything the exports need, through the caller's scope. */
    async report(actor: Actor, id: number) {
      const { c, rounds } = await load(actor, id);
      const scopes = scopesOf(c, actor.scope);
      const type = c.scope.kind === 'ledger' ? await campaignRepo.objectType(readDb, c.scope.typeId) : undefined;
      const units = await campaignRepo.unitNames(readDb, c.unitIds);
      const villages = await campaignRepo.villagesOf(readDb, c.regionCode);
      const [township] = await campaignRepo.regionsByCode(readDb, [c.regionCode]);
      const perRound = [];
      for (const r of rounds) {
        const ref = roundRef(r, today());
        perRound.push({
          round: r,
          figures: await campaignProgressRepo.figures(readDb, c, ref, scopes),
          byVillage: await campaignProgressRepo.byVillage(readDb, c, ref, scopes),
          objects:
            r.status === 'planned'
              ? []
              : (await campaignProgressRepo.objects(readDb, c, { round: ref }, scopes, { state: 'target' }, { limit: null, offset: 0 }))
                  .rows,
        });
      }
      const never = await campaignProgressRepo.objects(
        readDb,
        c,
        { neverReached: { campaignId: c.id, today: today() } },
        scopes,
        { state: 'target' },
        { limit: 50, offset: 0 },
      );
      return {
        campaign: c,
        rounds: perRound,
        ...subjectOf(c.scope, type),
        units,
        villages: c.scope.villageCodes.length ? villages.filter((v) => c.scope.villageCodes.includes(v.code)) : villages,
        townshipName: township?.name ?? c.regionCode,
        neverReached: never,
        openHazards: await campaignProgressRepo.openHazards(readDb, c.id, today(), scopes),
        objectsCleared: await campaignProgressRepo.objectsCleared(readDb, c, c.id, scopes),
        today: today(),
      };
    },
  };
}

export type CampaignProgressService = ReturnType<typeof createCampaignProgressService>;
export type CampaignReport = Awaited<ReturnType<CampaignProgressService['report']>>;
