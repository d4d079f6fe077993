import type { CampaignObjectState } from '@anzhi/core';
import { and, type SQL, sql } from 'drizzle-orm';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { hazardSql } from '../hazards/hazard-predicates.sql.ts';
import { regions } from '../regions/region.table.ts';
import { users } from '../users/user.table.ts';
import { campaignChecks, campaignHazards, campaignRounds, ledgerObjects } from './campaign.table.ts';
import { type CampaignScopeOf, campaignTargetsSql, countsInRoundSql, targetKey } from './campaign-scope.sql.ts';

/**
 * How each target stands in one round, as SQL rows — every progress figure is an aggregate of these rows and every
 * list a page of them, so a number always equals the length of the list it opens. Columns: the target's
 * (object_id, enterprise_id, name, region_code), village_code / region_name (its village), enterprise_name,
 * supervising_unit_id, the round's check (check_id, checked_at, checked_by_name, checker_unit_id, failed) and the
 * campaign hazards its check made (hazard_ids, hazards, hazards_closed). Dismissed hazards (不成立) are no findings.
 * 销号 is core's cleared set (hazardSql.isCleared).
 */
export interface RoundRef {
  /** The round's id; null counts nothing as checked (a round not begun). */
  id: number | null;
  window: { from: string; to: string };
}

export interface ObjectRowsOptions {
  /** The caller's data scope over the targets (scopeOn.ledger_objects / scopeOn.enterprises), undefined: all. */
  targetScope: SQL | undefined;
  /**
   * Keep the targets outside `targetScope` too, marked `in_scope` false: the caller's figures and the township's
   * (the plan's) in one pass.
   */
  markScope?: boolean;
  /** Only the targets whose key (object or enterprise id) this subquery gives: a page's details. */
  keys?: SQL;
}

/**
 * The round's hazards (not dismissed) are aggregated once per target and hash-joined, not looked up per target: a
 * LATERAL per row scanned the campaign's links 50,000 times (campaign_hazards has no index by object, and needs none).
 * The campaign id, read from the round, lets the (campaign_id, round_id) index find the round's links.
 */
export function objectRowsSql(c: CampaignScopeOf, round: RoundRef, opts: ObjectRowsOptions): SQL {
  const key = sql.raw(targetKey(c.scope));
  const roundId = round.id ?? 0;
  const keyColumn = c.scope.kind === 'ledger' ? ledgerObjects.id : enterprises.id;
  const only = opts.keys ? sql`${keyColumn} IN (${opts.keys})` : undefined;
  const scope = opts.markScope ? only : and(opts.targetScope, only);
  const targets = campaignTargetsSql(c, {
    ...(scope ? { where: scope } : {}),
    ...(opts.markScope && opts.targetScope ? { inScope: opts.targetScope } : {}),
  });
  return sql`SELECT t.object_id, t.enterprise_id, t.name, t.region_code, left(t.region_code, 12) AS village_code,
      coalesce(v.name, '') AS region_name, e.name AS enterprise_name, e.supervising_unit_id,
      ck.id AS check_id, ck.checked_at, u.display_name AS checked_by_name, ck.checker_unit_id, coalesce(ck.failed, 0) AS failed,
      coalesce(hz.ids, ARRAY[]::integer[]) AS hazard_ids, coalesce(hz.n, 0) AS hazards, coalesce(hz.closed, 0) AS hazards_closed,
      t.in_scope
    FROM (${targets}) t
    LEFT JOIN ${campaignChecks} ck ON ck.round_id = ${roundId} AND ck.${key} = t.${key}
    LEFT JOIN ${users} u ON u.id = ck.checked_by
    LEFT JOIN ${enterprises} e ON e.id = t.enterprise_id
    LEFT JOIN ${regions} v ON v.code = left(t.region_code, 12)
    LEFT JOIN (
      SELECT ch.${key} AS target_id, array_agg(${hazards.id} ORDER BY ${hazards.id}) AS ids, count(*)::int AS n,
        (count(*) FILTER (WHERE ${hazardSql.isCleared()}))::int AS closed
      FROM ${campaignHazards} ch JOIN ${hazards} ON ${hazards.id} = ch.hazard_id
      WHERE ch.campaign_id = (SELECT ${campaignRounds.campaignId} FROM ${campaignRounds} WHERE ${campaignRounds.id} = ${roundId})
        AND ch.round_id = ${roundId} AND NOT ${hazardSql.isDismissed()}
      GROUP BY ch.${key}
    ) hz ON hz.target_id = t.${key}
    WHERE ${countsInRoundSql('t', round.window, sql`ck.id IS NOT NULL`)}`;
}

/** The list filter of an object state over objectRowsSql rows `r` (core campaignObjectStates). */
export function stateSql(state: CampaignObjectState): SQL {
  switch (state) {
    case 'target':
      return sql`true`;
    case 'covered':
      return sql`r.check_id IS NOT NULL`;
    case 'uncovered':
      return sql`r.check_id IS NULL`;
    case 'finding':
      return sql`r.failed > 0`;
    case 'cleared':
      return sql`(r.hazards > 0 AND r.hazards_closed = r.hazards)`;
  }
}

/**
 * A responsible unit's share of the rows (byUnit, and the list it opens): the targets whose enterprise it supervises
 * (registry scopes and enterprise-anchored objects) and the targets its staff checked in the round.
 */
export function unitSql(unitId: number): SQL {
  return sql`(r.supervising_unit_id = ${unitId} OR r.checker_unit_id = ${unitId})`;
}

/**
 * The aggregate figures over the rows `r` that meet `where`, named `<prefix>targets`, `<prefix>covered`, … (several
 * sets of figures — the caller's, the township's, each unit's — from one pass over the rows).
 */
export function figuresOver(where: SQL, prefix = ''): SQL {
  const as = (name: string) => sql.raw(`"${prefix}${name}"`);
  const when = (cond: SQL) => sql`(${where}) AND ${cond}`;
  return sql`(count(*) FILTER (WHERE ${where}))::int AS ${as('targets')},
  (count(*) FILTER (WHERE ${when(stateSql('covered'))}))::int AS ${as('covered')},
  (count(*) FILTER (WHERE ${when(stateSql('finding'))}))::int AS ${as('findings')},
  coalesce(sum(r.hazards) FILTER (WHERE ${where}), 0)::int AS ${as('hazards')},
  coalesce(sum(r.hazards_closed) FILTER (WHERE ${where}), 0)::int AS ${as('hazards_closed')},
  (count(*) FILTER (WHERE ${when(stateSql('cleared'))}))::int AS ${as('objects_cleared')}`;
}

/** The aggregate figures over a set of rows `r`. */
export const figuresSelect = figuresOver(sql`true`);

/**
 * Targets in scope on `today` never checked in any round of the campaign (objects never reached). Same columns as
 * objectRowsSql (no check, no hazards).
 */
export function neverReachedSql(c: CampaignScopeOf, campaignId: number, today: string, opts: ObjectRowsOptions): SQL {
  const key = sql.raw(targetKey(c.scope));
  const rows = objectRowsSql(c, { id: null, window: { from: today, to: today } }, opts);
  return sql`SELECT r.* FROM (${rows}) r
    WHERE NOT EXISTS (SELECT 1 FROM ${campaignChecks} ck WHERE ck.campaign_id = ${campaignId} AND ck.${key} = r.${key})`;
}

/**
 * Objects whose every (not dismissed) campaign hazard, over all rounds, is cleared — with at least one: the campaign's
 * 整治销号 count (core campaignDispatchFigures objectsCleared). `hazardScope`: scopeOn.campaign_hazards of the caller.
 */
export function objectsClearedSql(c: CampaignScopeOf, campaignId: number, hazardScope: SQL | undefined): SQL {
  const key = sql.raw(targetKey(c.scope));
  return sql`SELECT count(*)::int AS n FROM (
      SELECT ${campaignHazards}.${key} FROM ${campaignHazards} JOIN ${hazards} ON ${hazards.id} = ${campaignHazards.hazardId}
      WHERE ${campaignHazards.campaignId} = ${campaignId} AND NOT ${hazardSql.isDismissed()} AND ${hazardScope ?? sql`true`}
      GROUP BY ${campaignHazards}.${key}
      HAVING bool_and(${hazardSql.isCleared()})
    ) x`;
}

/** Open and overdue campaign hazards (the summary's 存在的问题). */
export function openHazardsSql(campaignId: number, today: string, hazardScope: SQL | undefined): SQL {
  return sql`SELECT (count(*) FILTER (WHERE ${hazardSql.isOpen()}))::int AS open,
      (count(*) FILTER (WHERE ${hazardSql.isOverdue(today)}))::int AS overdue
    FROM ${campaignHazards} JOIN ${hazards} ON ${hazards.id} = ${campaignHazards.hazardId}
    WHERE ${campaignHazards.campaignId} = ${campaignId} AND ${hazardScope ?? sql`true`}`;
}
