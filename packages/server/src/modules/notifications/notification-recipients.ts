import { isRegionCode, isWithinRegion } from '@anzhi/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../users/user.table.ts';

const active = eq(users.disabled, false);

async function idsWhere(ex: Executor, condition: ReturnType<typeof and>): Promise<number[]> {
  const rows = await ex.select({ id: users.id }).from(users).where(condition).orderBy(asc(users.id));
  return rows.map((r) => r.id);
}

/** Who must act on something: user ids to pass to `notifications.notify`. Disabled accounts are never included. */
export const notificationRecipients = {
  /** The enterprise's own accounts (principal, safety officer). */
  ofEnterprise(ex: Executor, enterpriseId: number): Promise<number[]> {
    return idsWhere(ex, and(active, eq(users.enterpriseId, enterpriseId)));
  },

  /** Everyone working for a member unit. */
  ofUnit(ex: Executor, unitId: number): Promise<number[]> {
    return idsWhere(ex, and(active, eq(users.unitId, unitId)));
  },

  /** The 安委办 clerks whose region scope covers the region (a township's office for its villages, a county's for all). */
  async officeOf(ex: Executor, regionCode: string): Promise<number[]> {
    if (!isRegionCode(regionCode)) return [];
    // Offices are a handful of accounts; the prefix rule lives in core, so filter here rather than re-encode it in SQL.
    const rows = await ex
      .select({ id: users.id, regionCodes: users.regionCodes })
      .from(users)
      .where(and(active, sql`'office' = ANY(${users.roles})`))
      .orderBy(asc(users.id));
    return rows.filter((u) => u.regionCodes.some((scope) => isRegionCode(scope) && isWithinRegion(regionCode, scope))).map((u) => u.id);
  },
};
