import type { CampaignObjectState } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { regions } from '../regions/region.table.ts';
import {
  figuresOver,
  figuresSelect,
  neverReachedSql,
  objectRowsSql,
  objectsClearedSql,
  openHazardsSql,
  type RoundRef,
  stateSql,
  unitSql,
} from './campaign-progress.sql.ts';
import { type CampaignScopeOf, targetKey } from './campaign-scope.sql.ts';

const rowsOf = async <T>(ex: Executor, q: SQL) => ((await ex.execute(q)) as unknown as { rows: T[] }).rows;
const int = (v: unknown) => Number(v ?? 0);

export interface Figures {
  targets: number;
  covered: number;
  findings: number;
  hazards: number;
  hazardsClosed: number;
  objectsCleared: number;
}

interface RawFigures {
  targets: number;
  covered: number;
  findings: number;
  hazards: number;
  hazards_closed: number;
  objects_cleared: number;
}
const figuresOf = (r: RawFigures | undefined, prefix = ''): Figures => {
  const v = (r ?? {}) as unknown as Record<string, unknown>;
  return {
    targets: int(v[`${prefix}targets`]),
    covered: int(v[`${prefix}covered`]),
    findings: int(v[`${prefix}findings`]),
    hazards: int(v[`${prefix}hazards`]),
    hazardsClosed: int(v[`${prefix}hazards_closed`]),
    objectsCleared: int(v[`${prefix}objects_cleared`]),
  };
};

/** A round's figures for the progress page, counted in one pass (campaignProgressRepo.roundFigures). */
export interface RoundFiguresAll {
  /** Through the caller's scope. */
  figures: Figures;
  /** Per village of the caller's targets. */
  byVillage: Array<Figures & { key: string; name: string }>;
  /** Per unit asked for (unitSql), through the caller's scope. */
  byUnit: Map<number, Figures>;
  /** Every target of the campaign, whatever the caller's scope (the plan's figures). */
  township: Figures;
}

export interface ObjectRow {
  object_id: number | null;
  enterprise_id: number | null;
  name: string;
  region_code: string;
  village_code: string;
  region_name: string;
  enterprise_name: string | null;
  check_id: number | null;
  checked_at: Date | string | null;
  checked_by_name: string | null;
  failed: number;
  hazard_ids: number[] | string;
}

export interface ObjectFilter {
  state: CampaignObjectState;
  villageCode?: string;
  unitId?: number;
}

export interface Scopes {
  /** Over the targets (scopeOn.ledger_objects or scopeOn.enterprises). */
  targets: SQL | undefined;
  /** Over campaign hazard links (scopeOn.campaign_hazards). */
  hazards: SQL | undefined;
}

function filterSql(f: ObjectFilter): SQL {
  const parts = [stateSql(f.state)];
  if (f.villageCode) parts.push(sql`r.village_code = ${f.villageCode}`);
  if (f.unitId !== undefined) parts.push(unitSql(f.unitId));
  return sql.join(parts, sql` AND `);
}

/** The counting behind campaign progress: aggregates and pages over campaign-progress.sql.ts rows. */
export const campaignProgressRepo = {
  async figures(ex: Executor, c: CampaignScopeOf, round: RoundRef, scopes: Scopes, where: SQL = sql`true`): Promise<Figures> {
    const rows = objectRowsSql(c, round, { targetScope: scopes.targets });
    const [r] = await rowsOf<RawFigures>(ex, sql`SELECT ${figuresSelect} FROM (${rows}) r WHERE ${where}`);
    return figuresOf(r);
  },

  /** Figures per village (the village code of each target's region). */
  async byVillage(ex: Executor, c: CampaignScopeOf, round: RoundRef, scopes: Scopes) {
    const rows = objectRowsSql(c, round, { targetScope: scopes.targets });
    const raw = await rowsOf<RawFigures & { key: string; name: string }>(
      ex,
      sql`SELECT r.village_code AS key, max(r.region_name) AS name, ${figuresSelect} FROM (${rows}) r GROUP BY r.village_code ORDER BY r.village_code`,
    );
    return raw.map((r) => ({ key: r.key, name: r.name, ...figuresOf(r) }));
  },

  /**
   * figures, byVillage, byUnit for each of `unitIds` and the township's figures (system scope) of a round, from one
   * pass over its rows (grouping sets: the whole and each village) — the same numbers as the four calls.
   */
  async roundFigures(ex: Executor, c: CampaignScopeOf, round: RoundRef, scopes: Scopes, unitIds: number[]): Promise<RoundFiguresAll> {
    const rows = objectRowsSql(c, round, { targetScope: scopes.targets, markScope: true });
    const mine = sql`r.in_scope`;
    const raw = await rowsOf<RawFigures & { whole: number; key: string | null; name: string | null }>(
      ex,
      // The village's name joined to the 200 groups, not carried through the 50,000 rows (the sort spilled to disk).
      sql`SELECT g.*, coalesce(${regions.name}, '') AS name FROM (
          SELECT grouping(r.village_code) AS whole, r.village_code AS key, ${figuresOver(mine)}, ${figuresOver(sql`true`, 'all_')}
            ${sql.join(
              unitIds.map((u, i) => sql`, ${figuresOver(sql`${mine} AND ${unitSql(u)}`, `u${i}_`)}`),
              sql``,
            )}
          FROM (${rows}) r
          GROUP BY GROUPING SETS ((), (r.village_code))
          HAVING grouping(r.village_code) = 1 OR count(*) FILTER (WHERE ${mine}) > 0
        ) g LEFT JOIN ${regions} ON ${regions.code} = g.key
        ORDER BY g.whole DESC, g.key`,
    );
    const whole = raw.find((r) => int(r.whole) === 1);
    return {
      figures: figuresOf(whole),
      township: figuresOf(whole, 'all_'),
      byUnit: new Map(unitIds.map((u, i) => [u, figuresOf(whole, `u${i}_`)])),
      byVillage: raw.filter((r) => int(r.whole) === 0).map((r) => ({ key: r.key as string, name: r.name as string, ...figuresOf(r) })),
    };
  },

  async neverReached(ex: Executor, c: CampaignScopeOf, campaignId: number, today: string, scopes: Scopes): Promise<number> {
    const [r] = await rowsOf<{ n: number }>(
      ex,
      sql`SELECT count(*)::int AS n FROM (${neverReachedSql(c, campaignId, today, { targetScope: scopes.targets })}) r`,
    );
    return int(r?.n);
  },

  async objectsCleared(ex: Executor, c: CampaignScopeOf, campaignId: number, scopes: Scopes): Promise<number> {
    const [r] = await rowsOf<{ n: number }>(ex, objectsClearedSql(c, campaignId, scopes.hazards));
    return int(r?.n);
  },

  async openHazards(ex: Executor, campaignId: number, today: string, scopes: Scopes) {
    const [r] = await rowsOf<{ open: number; overdue: number }>(ex, openHazardsSql(campaignId, today, scopes.hazards));
    return { open: int(r?.open), overdue: int(r?.overdue) };
  },

  /** A page of the rows of a round (or never reached), in village and name order; `limit` null: all. */
  async objects(
    ex: Executor,
    c: CampaignScopeOf,
    source: { round: RoundRef } | { neverReached: { campaignId: number; today: string } },
    scopes: Scopes,
    f: ObjectFilter,
    page: { limit: number | null; offset: number },
  ): Promise<{ rows: ObjectRow[]; total: number }> {
    const rowsFor = (keys?: SQL) =>
      'round' in source
        ? objectRowsSql(c, source.round, { targetScope: scopes.targets, keys })
        : neverReachedSql(c, source.neverReached.campaignId, source.neverReached.today, { targetScope: scopes.targets, keys });
    const rows = rowsFor();
    const where = filterSql(f);
    const order = sql`r.village_code, r.name, r.object_id NULLS LAST, r.enterprise_id NULLS LAST`;
    const [total] = await rowsOf<{ n: number }>(ex, sql`SELECT count(*)::int AS n FROM (${rows}) r WHERE ${where}`);
    // A page: its keys first (the joins that only add details — who checked, the village's name, the hazards —
    // drop out of that pass unless the filter reads them), then the details of those rows alone. One pass that
    // carried the details through a deep OFFSET met the planner's guess of one unchecked row (an IS NULL over a left
    // join) with nested loops: 40 seconds for page 1,200 of 50,000 houses.
    const key = sql.raw(targetKey(c.scope));
    const list =
      page.limit === null
        ? await rowsOf<ObjectRow>(ex, sql`SELECT r.* FROM (${rows}) r WHERE ${where} ORDER BY ${order}`)
        : await rowsOf<ObjectRow>(
            ex,
            sql`SELECT r.* FROM (${rowsFor(
              sql`SELECT r.${key} FROM (${rows}) r WHERE ${where} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`,
            )}) r ORDER BY ${order}`,
          );
    return { rows: list, total: int(total?.n) };
  },
};
