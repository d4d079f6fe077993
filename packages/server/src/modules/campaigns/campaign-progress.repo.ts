import type { CampaignObjectState } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  figuresSelect,
  neverReachedSql,
  objectRowsSql,
  objectsClearedSql,
  openHazardsSql,
  type RoundRef,
  stateSql,
  unitSql,
} from './campaign-progress.sql.ts';
import type { CampaignScopeOf } from './campaign-scope.sql.ts';

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
const figuresOf = (r: RawFigures | undefined): Figures => ({
  targets: int(r?.targets),
  covered: int(r?.covered),
  findings: int(r?.findings),
  hazards: int(r?.hazards),
  hazardsClosed: int(r?.hazards_closed),
  objectsCleared: int(r?.objects_cleared),
});

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

  async byUnit(ex: Executor, c: CampaignScopeOf, round: RoundRef, scopes: Scopes, unitId: number) {
    return campaignProgressRepo.figures(ex, c, round, scopes, unitSql(unitId));
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
    const rows =
      'round' in source
        ? objectRowsSql(c, source.round, { targetScope: scopes.targets })
        : neverReachedSql(c, source.neverReached.campaignId, source.neverReached.today, { targetScope: scopes.targets });
    const where = filterSql(f);
    const [total] = await rowsOf<{ n: number }>(ex, sql`SELECT count(*)::int AS n FROM (${rows}) r WHERE ${where}`);
    const limit = page.limit === null ? sql`` : sql`LIMIT ${page.limit} OFFSET ${page.offset}`;
    const list = await rowsOf<ObjectRow>(
      ex,
      sql`SELECT r.* FROM (${rows}) r WHERE ${where}
        ORDER BY r.village_code, r.name, r.object_id NULLS LAST, r.enterprise_id NULLS LAST ${limit}`,
    );
    return { rows: list, total: int(total?.n) };
  },
};
