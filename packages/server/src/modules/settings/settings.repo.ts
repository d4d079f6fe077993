import type { DataScope } from '@anzhi/core';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { regions } from '../regions/region.table.ts';
import { users } from '../users/user.table.ts';
import { settings } from './settings.table.ts';

export type SettingsRow = typeof settings.$inferSelect;
export type SettingsRowWithUser = SettingsRow & { updatedByName: string | null };

export const settingsRepo = {
  /** The townships a scope may manage or read, in code order. */
  async townships(ex: Executor, scope: DataScope): Promise<Array<{ code: string; name: string }>> {
    return ex
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(and(eq(regions.level, 'township'), eq(regions.abolished, false), scopeOn.regions(scope)))
      .orderBy(asc(regions.code));
  },

  async township(ex: Executor, code: string, scope: DataScope): Promise<{ code: string; name: string } | undefined> {
    const [row] = await ex
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(and(eq(regions.code, code), eq(regions.level, 'township'), scopeOn.regions(scope)))
      .limit(1);
    return row;
  },

  /** One township's stored fragments (scope checked again here, not only by the caller). */
  async listForRegion(ex: Executor, regionCode: string, scope: DataScope): Promise<SettingsRowWithUser[]> {
    const rows = await ex
      .select({ row: settings, updatedByName: users.displayName })
      .from(settings)
      .leftJoin(users, eq(users.id, settings.updatedBy))
      .where(and(eq(settings.regionCode, regionCode), scopeOn.settings(scope)));
    return rows.map((r) => ({ ...r.row, updatedByName: r.updatedByName }));
  },

  /** Locks the row (if any) so the version check and the write see the same state. */
  async findForUpdate(ex: Executor, regionCode: string, key: string): Promise<SettingsRow | undefined> {
    const [row] = await ex
      .select()
      .from(settings)
      .where(and(eq(settings.regionCode, regionCode), eq(settings.key, key)))
      .for('update')
      .limit(1);
    return row;
  },

  /** First value of a township's fragment; nothing when another request inserted it first. */
  async insert(ex: Executor, values: typeof settings.$inferInsert): Promise<SettingsRow | undefined> {
    const [row] = await ex.insert(settings).values(values).onConflictDoNothing().returning();
    return row;
  },

  async update(
    ex: Executor,
    id: number,
    version: number,
    values: { value: Record<string, unknown> | null; updatedBy: number; updatedAt: Date },
  ): Promise<SettingsRow | undefined> {
    const [row] = await ex
      .update(settings)
      .set({ ...values, version: sql`${settings.version} + 1` })
      .where(and(eq(settings.id, id), eq(settings.version, version)))
      .returning();
    return row;
  },

  /** Every changed fragment of every township (a small table: one row per township and fragment). */
  async overrides(ex: Executor): Promise<Array<{ regionCode: string; key: string; value: unknown }>> {
    return ex
      .select({ regionCode: settings.regionCode, key: settings.key, value: settings.value })
      .from(settings)
      .where(isNotNull(settings.value));
  },
};
