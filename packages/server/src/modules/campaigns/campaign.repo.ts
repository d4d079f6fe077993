import { begunCampaignStatuses } from '@anzhi/core';
import { and, asc, desc, eq, ilike, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { plans, planTasks } from '../plans/plan.table.ts';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';
import { users } from '../users/user.table.ts';
import { campaignRounds, campaigns, ledgerObjectTypes } from './campaign.table.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignRoundRow = typeof campaignRounds.$inferSelect;
export type ObjectTypeRow = typeof ledgerObjectTypes.$inferSelect;

export interface CampaignListFilter {
  status?: CampaignRow['status'];
  q?: string;
  planTaskId?: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** Campaigns and their rounds. Reads take the caller's scope condition (scopeOn.campaigns). */
export const campaignRepo = {
  async list(ex: Executor, scope: SQL | undefined, f: CampaignListFilter, page: number, pageSize: number) {
    const where = and(
      scope,
      f.status ? eq(campaigns.status, f.status) : undefined,
      f.q ? ilike(campaigns.title, `%${escapeLike(f.q)}%`) : undefined,
      f.planTaskId ? eq(campaigns.planTaskId, f.planTaskId) : undefined,
    );
    const [total] = await ex.select({ n: sql<number>`count(*)::int` }).from(campaigns).where(where);
    const rows = await ex
      .select()
      .from(campaigns)
      .where(where)
      .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return { rows, total: Number(total?.n ?? 0) };
  },

  async find(ex: Executor, scope: SQL | undefined, id: number, opts: { lock?: boolean } = {}): Promise<CampaignRow | undefined> {
    const q = ex
      .select()
      .from(campaigns)
      .where(and(scope, eq(campaigns.id, id)));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },

  /** The campaigns linked to plan tasks (any status but draft: a campaign not begun has no figures). */
  async ofTasks(ex: Executor, taskIds: number[]): Promise<CampaignRow[]> {
    if (!taskIds.length) return [];
    return ex
      .select()
      .from(campaigns)
      .where(and(inArray(campaigns.planTaskId, taskIds), inArray(campaigns.status, begunCampaignStatuses)))
      .orderBy(asc(campaigns.id));
  },

  async rounds(ex: Executor, campaignIds: number[]): Promise<CampaignRoundRow[]> {
    if (!campaignIds.length) return [];
    return ex
      .select()
      .from(campaignRounds)
      .where(inArray(campaignRounds.campaignId, campaignIds))
      .orderBy(asc(campaignRounds.campaignId), asc(campaignRounds.ordinal));
  },

  async insert(ex: Executor, values: typeof campaigns.$inferInsert): Promise<CampaignRow> {
    const [row] = await ex.insert(campaigns).values(values).returning();
    if (!row) throw new Error('campaignRepo.insert: no row');
    return row;
  },

  /** Changes the row if its version is still `version`; undefined when someone else changed it first. */
  async update(ex: Executor, id: number, version: number, values: Partial<typeof campaigns.$inferInsert>) {
    const [row] = await ex
      .update(campaigns)
      .set({ ...values, version: version + 1 })
      .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
      .returning();
    return row;
  },

  async insertRounds(ex: Executor, values: Array<typeof campaignRounds.$inferInsert>) {
    if (values.length) await ex.insert(campaignRounds).values(values);
  },

  async updateRound(ex: Executor, id: number, values: Partial<typeof campaignRounds.$inferInsert>) {
    await ex.update(campaignRounds).set(values).where(eq(campaignRounds.id, id));
  },

  /** Planned rounds from `ordinal` on (a plan edit replaces them). */
  async deletePlannedRoundsFrom(ex: Executor, campaignId: number, ordinal: number) {
    await ex
      .delete(campaignRounds)
      .where(
        and(eq(campaignRounds.campaignId, campaignId), sql`${campaignRounds.ordinal} >= ${ordinal}`, eq(campaignRounds.status, 'planned')),
      );
  },

  async objectType(ex: Executor, id: number): Promise<ObjectTypeRow | undefined> {
    const [row] = await ex.select().from(ledgerObjectTypes).where(eq(ledgerObjectTypes.id, id));
    return row;
  },

  async objectTypes(ex: Executor, ids: number[]): Promise<ObjectTypeRow[]> {
    if (!ids.length) return [];
    return ex.select().from(ledgerObjectTypes).where(inArray(ledgerObjectTypes.id, ids));
  },

  async regionsByCode(ex: Executor, codes: string[]) {
    if (!codes.length) return [];
    return ex.select().from(regions).where(inArray(regions.code, codes));
  },

  /** Villages of a township, in code order. */
  async villagesOf(ex: Executor, townshipCode: string) {
    return ex
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(and(eq(regions.parentCode, townshipCode), eq(regions.level, 'village'), eq(regions.abolished, false)))
      .orderBy(asc(regions.code));
  },

  /** A plan task with its plan, seen through the caller's plan scope (published plans only). */
  async planTask(ex: Executor, planScope: SQL | undefined, taskId: number) {
    const [row] = await ex
      .select({ task: planTasks, plan: plans })
      .from(planTasks)
      .innerJoin(plans, eq(plans.id, planTasks.planId))
      .where(and(planScope, eq(planTasks.id, taskId), isNull(planTasks.removedAt)));
    return row;
  },

  async planTasks(ex: Executor, taskIds: number[]) {
    if (!taskIds.length) return [];
    return ex
      .select({ id: planTasks.id, title: planTasks.title, planId: planTasks.planId, targets: planTasks.targets })
      .from(planTasks)
      .where(inArray(planTasks.id, taskIds));
  },

  async unitNames(ex: Executor, ids: number[]) {
    if (!ids.length) return [];
    return ex.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
  },

  async userName(ex: Executor, id: number | null) {
    if (id == null) return null;
    const [row] = await ex.select({ name: users.displayName }).from(users).where(eq(users.id, id));
    return row?.name ?? null;
  },
};
