import type { DataScope, RoundStatus } from '@anzhi/core';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { regions } from '../regions/region.table.ts';
import { users } from '../users/user.table.ts';
import { campaignChecks, campaignHazards, campaignRounds, campaigns, ledgerObjects, ledgerObjectTypes } from './campaign.table.ts';
import { type CampaignScopeOf, campaignTargetsSql, countsInRoundSql, targetKey } from './campaign-scope.sql.ts';

const openStatus: RoundStatus = 'open';
const rowsOf = async <T>(ex: Executor, q: SQL) => ((await ex.execute(q)) as unknown as { rows: T[] }).rows;

export type FieldCampaign = typeof campaigns.$inferSelect;
export type FieldRound = typeof campaignRounds.$inferSelect;
export type CampaignCheckRow = typeof campaignChecks.$inferSelect;

export interface FieldTargetRow {
  object_id: number | null;
  enterprise_id: number | null;
  name: string;
  region_code: string;
  region_name: string;
  address: string | null;
  label_code: string | null;
  check_id: number | null;
}

/** Narrows a campaign's targets to one object or enterprise (the QR label, the check being posted). */
export type TargetPick = { objectId: number } | { enterpriseId: number };

/**
 * The field work's reads and writes: open rounds of the campaigns a caller sees, a round's targets in the caller's
 * area (the campaign's targets — `campaignTargetsSql`, the one definition — within `scopeOn.ledger_objects` or
 * `scopeOn.enterprises`), and the checks with their hazard links.
 */
export const campaignFieldRepo = {
  /** Open rounds of the campaigns the caller sees, soonest due first; `roundId` picks one (any status). */
  async rounds(ex: Executor, scope: DataScope, opts: { roundId?: number; lock?: boolean } = {}) {
    const q = ex
      .select({ campaign: campaigns, round: campaignRounds })
      .from(campaignRounds)
      .innerJoin(campaigns, eq(campaigns.id, campaignRounds.campaignId))
      .where(
        and(
          scopeOn.campaigns(scope),
          opts.roundId === undefined ? eq(campaignRounds.status, openStatus) : eq(campaignRounds.id, opts.roundId),
        ),
      )
      .orderBy(asc(campaignRounds.dueOn), asc(campaigns.id));
    return opts.lock ? q.for('update', { of: campaignRounds }) : q;
  },

  async objectTypes(ex: Executor, ids: number[]) {
    if (ids.length === 0) return [];
    return ex.select().from(ledgerObjectTypes).where(inArray(ledgerObjectTypes.id, ids));
  },

  /**
   * A round's targets in the caller's area as counted today (core countsInRound: registered by today and not
   * removed, or checked in the round), unchecked first, at most `limit`; `pick` narrows to one target.
   */
  async targets(
    ex: Executor,
    c: CampaignScopeOf,
    round: { id: number; window: { from: string; to: string } },
    scope: DataScope,
    opts: { limit: number; pick?: TargetPick },
  ): Promise<FieldTargetRow[]> {
    const key = sql.raw(targetKey(c.scope));
    // The area narrows the targets' own scan (its region prefix beside the campaign's), not an IN over a second one.
    const inArea = c.scope.kind === 'ledger' ? scopeOn.ledger_objects(scope) : scopeOn.enterprises(scope);
    const pick = !opts.pick
      ? sql`true`
      : 'objectId' in opts.pick
        ? sql`t.object_id = ${opts.pick.objectId}::int`
        : sql`t.enterprise_id = ${opts.pick.enterpriseId}::int`;
    return rowsOf<FieldTargetRow>(
      ex,
      sql`SELECT t.object_id, t.enterprise_id, t.name, t.region_code, COALESCE(r.name, t.region_code) AS region_name,
          t.address, t.label_code, k.id AS check_id
        FROM (${campaignTargetsSql(c, { where: inArea })}) t
        LEFT JOIN (SELECT ${regions.code} AS code, ${regions.name} AS name FROM ${regions}) r ON r.code = t.region_code
        LEFT JOIN (SELECT ${campaignChecks.id} AS id, ${campaignChecks.objectId} AS object_id, ${campaignChecks.enterpriseId} AS enterprise_id
          FROM ${campaignChecks} WHERE ${campaignChecks.roundId} = ${round.id}) k ON k.${key} = t.${key}
        WHERE ${pick} AND ${countsInRoundSql('t', round.window, sql`k.id IS NOT NULL`)}
        ORDER BY (k.id IS NOT NULL), t.region_code, t.name, t.${key}
        LIMIT ${opts.limit}`,
    );
  },

  /** Is the object or enterprise one of the campaign's targets (whatever the caller's area)? */
  async isTarget(ex: Executor, c: CampaignScopeOf, pick: TargetPick): Promise<boolean> {
    const cond = 'objectId' in pick ? sql`t.object_id = ${pick.objectId}::int` : sql`t.enterprise_id = ${pick.enterpriseId}::int`;
    const rows = await rowsOf<{ one: number }>(ex, sql`SELECT 1 AS one FROM (${campaignTargetsSql(c)}) t WHERE ${cond} LIMIT 1`);
    return rows.length > 0;
  },

  async objectInScope(ex: Executor, scope: DataScope, where: { id: number } | { labelCode: string }) {
    const [row] = await ex
      .select({ object: ledgerObjects, type: ledgerObjectTypes, regionName: regions.name, enterpriseName: enterprises.name })
      .from(ledgerObjects)
      .innerJoin(ledgerObjectTypes, eq(ledgerObjectTypes.id, ledgerObjects.typeId))
      .leftJoin(regions, eq(regions.code, ledgerObjects.regionCode))
      .leftJoin(enterprises, eq(enterprises.id, ledgerObjects.enterpriseId))
      .where(
        and(scopeOn.ledger_objects(scope), 'id' in where ? eq(ledgerObjects.id, where.id) : eq(ledgerObjects.labelCode, where.labelCode)),
      );
    return row;
  },

  async byClientId(ex: Executor, clientId: string) {
    const [row] = await ex.select().from(campaignChecks).where(eq(campaignChecks.clientId, clientId)).limit(1);
    return row;
  },

  /** The round's check of the target, with who made it. */
  async checkOf(ex: Executor, roundId: number, pick: TargetPick) {
    const [row] = await ex
      .select({ id: campaignChecks.id, checkedAt: campaignChecks.checkedAt, name: users.displayName })
      .from(campaignChecks)
      .innerJoin(users, eq(users.id, campaignChecks.checkedBy))
      .where(
        and(
          eq(campaignChecks.roundId, roundId),
          'objectId' in pick ? eq(campaignChecks.objectId, pick.objectId) : eq(campaignChecks.enterpriseId, pick.enterpriseId),
        ),
      );
    return row;
  },

  async hazardIdsOf(ex: Executor, checkId: number): Promise<number[]> {
    const rows = await ex
      .select({ id: campaignHazards.hazardId })
      .from(campaignHazards)
      .where(eq(campaignHazards.checkId, checkId))
      .orderBy(campaignHazards.hazardId);
    return rows.map((r) => r.id);
  },

  async insertCheck(ex: Executor, values: typeof campaignChecks.$inferInsert) {
    const [row] = await ex.insert(campaignChecks).values(values).returning();
    if (!row) throw new Error('campaign check: no row');
    return row;
  },

  async setItems(ex: Executor, id: number, items: CampaignCheckRow['items']) {
    await ex.update(campaignChecks).set({ items }).where(eq(campaignChecks.id, id));
  },

  async linkHazards(ex: Executor, rows: Array<typeof campaignHazards.$inferInsert>) {
    if (rows.length) await ex.insert(campaignHazards).values(rows);
  },

  /** A check the caller may read (its object's region in scope), with its campaign, round and names. */
  async detail(ex: Executor, scope: DataScope, id: number) {
    const [row] = await ex
      .select({
        check: campaignChecks,
        campaignTitle: campaigns.title,
        roundOrdinal: campaignRounds.ordinal,
        objectName: ledgerObjects.name,
        enterpriseName: enterprises.name,
        regionName: regions.name,
        checkedByName: users.displayName,
      })
      .from(campaignChecks)
      .innerJoin(campaigns, eq(campaigns.id, campaignChecks.campaignId))
      .innerJoin(campaignRounds, eq(campaignRounds.id, campaignChecks.roundId))
      .innerJoin(users, eq(users.id, campaignChecks.checkedBy))
      .leftJoin(ledgerObjects, eq(ledgerObjects.id, campaignChecks.objectId))
      .leftJoin(enterprises, eq(enterprises.id, campaignChecks.enterpriseId))
      .leftJoin(regions, eq(regions.code, campaignChecks.regionCode))
      .where(and(eq(campaignChecks.id, id), scopeOn.campaign_checks(scope)));
    return row;
  },
};
