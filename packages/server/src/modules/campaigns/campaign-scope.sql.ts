import { type CampaignScope, ceasedEnterpriseStatuses, industrySections, regionPrefix } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../lib/sql-array.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { ledgerObjects } from './campaign.table.ts';

/**
 * A campaign's targets as SQL — the one definition the progress figures, the object lists, the phone's work list
 * and the check's "outside the scope" refusal all use. A subquery with the columns
 *   object_id     the ledger object (scope `ledger`), else NULL
 *   enterprise_id the enterprise checked (scope `registry`), or the ledger object's enterprise
 *   region_code, name, address
 *   label_code    the ledger object's QR label code (scope `ledger`), else NULL
 *   registered_on China date the target entered the registry or ledger (core countsInRound)
 *   removed_on    China date it left (object removed; enterprise 关闭), else NULL
 *   in_scope      the caller's data scope holds it (`opts.inScope`), else true
 * Targets are the township's (`campaign.regionCode`) and, when the scope names villages, those villages' only.
 * `opts.where` narrows them by a condition over the target table's own columns (the caller's data scope,
 * scopeOn.ledger_objects for a ledger scope, scopeOn.enterprises for a registry one) in the same scan, so the planner
 * sees the region prefix beside the campaign's (an `IN (SELECT id …)` of the same table costs an index probe a row).
 */
export interface CampaignScopeOf {
  regionCode: string;
  scope: CampaignScope;
}

const chinaDate = (column: unknown) => sql`((${column} AT TIME ZONE 'UTC') + interval '8 hours')::date`;
const like = (prefix: string) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

function placeIn(column: unknown, c: CampaignScopeOf): SQL {
  const villages = c.scope.villageCodes;
  if (villages.length === 0) return sql`${column} LIKE ${like(regionPrefix(c.regionCode))}`;
  return sql`(${sql.join(
    villages.map((v) => sql`${column} LIKE ${like(regionPrefix(v))}`),
    sql` OR `,
  )})`;
}

function sectionDivisions(sections: readonly string[]): string[] {
  return industrySections.filter(([s]) => sections.includes(s)).flatMap(([, , divisions]) => divisions.map(([code]) => code));
}

export interface TargetsOptions {
  /** Leave out targets outside it (a condition over the target table). */
  where?: SQL;
  /** Keep every target and mark those it holds in `in_scope` (a condition over the target table). */
  inScope?: SQL;
}

export function campaignTargetsSql(c: CampaignScopeOf, opts: TargetsOptions = {}): SQL {
  const extra = opts.where ? sql` AND ${opts.where}` : sql``;
  const inScope = opts.inScope ? sql`coalesce((${opts.inScope}), false)` : sql`true`;
  if (c.scope.kind === 'ledger') {
    const o = ledgerObjects;
    return sql`SELECT ${o.id} AS object_id, ${o.enterpriseId} AS enterprise_id, ${o.regionCode} AS region_code, ${o.name} AS name,
      ${o.address} AS address, ${o.labelCode} AS label_code, ${chinaDate(o.createdAt)} AS registered_on,
      ${chinaDate(o.removedAt)} AS removed_on, ${inScope} AS in_scope
      FROM ${o} WHERE ${o.typeId} = ${c.scope.typeId} AND ${placeIn(o.regionCode, c)}${extra}`;
  }
  const e = enterprises;
  const s = c.scope;
  const conditions: SQL[] = [placeIn(e.regionCode, c)];
  if (s.domains.length) conditions.push(sql`${e.domains} && ${textArray(s.domains)}`);
  if (s.flags.length) conditions.push(sql`${e.flags} @> ${textArray(s.flags)}`);
  if (s.industrySections.length) conditions.push(sql`${e.industryCode} = ANY(${textArray(sectionDivisions(s.industrySections))})`);
  if (!s.smallVenues) conditions.push(sql`${e.smallVenueType} IS NULL`);
  return sql`SELECT NULL::integer AS object_id, ${e.id} AS enterprise_id, ${e.regionCode} AS region_code, ${e.name} AS name,
    ${e.address} AS address, NULL::text AS label_code, ${chinaDate(e.createdAt)} AS registered_on,
    CASE WHEN ${e.status} = ANY(${textArray(ceasedEnterpriseStatuses)}) THEN ${chinaDate(e.updatedAt)} END AS removed_on,
    ${inScope} AS in_scope
    FROM ${e} WHERE ${sql.join(conditions, sql` AND `)}${extra}`;
}

/** The column a check or hazard link names its target by, for this campaign's scope kind. */
export const targetKey = (scope: CampaignScope) => (scope.kind === 'ledger' ? 'object_id' : 'enterprise_id');

/**
 * core countsInRound in SQL over a targets row `t` (aliased), a round window and whether the target was checked in
 * the round: checked ones always count; others were registered by the window's end and not removed by then.
 */
export function countsInRoundSql(t: string, window: { from: string; to: string }, checked: SQL): SQL {
  const a = sql.raw(t);
  return sql`(${checked} OR (${a}.registered_on <= ${window.to}::date AND (${a}.removed_on IS NULL OR ${a}.removed_on > ${window.to}::date)))`;
}
