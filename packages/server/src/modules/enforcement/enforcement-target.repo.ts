import { ceasedEnterpriseStatuses } from '@anzhi/core';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { enforcementTargets } from './enforcement.table.ts';

/**
 * Derives a unit's 检查对象名录库 from the registry: every enterprise the unit supervises (三管三必须, the registry's
 * supervising unit) that has not ceased, added once. Targets taken out by hand stay out; a target the registry no
 * longer gives the unit (moved to another unit, closed) is left for the unit to review — the caller lists them.
 * Returns how many were added.
 */
export async function deriveTargetsFromRegistry(ex: Executor, unitId: number, now: Date): Promise<number> {
  const added = await ex
    .insert(enforcementTargets)
    .select(
      ex
        .select({
          id: sql`nextval(pg_get_serial_sequence('enforcement_targets', 'id'))`.as('id'),
          unitId: sql`${unitId}::int`.as('unit_id'),
          enterpriseId: enterprises.id,
          regionCode: enterprises.regionCode,
          source: sql`'registry'`.as('source'),
          excluded: sql`false`.as('excluded'),
          excludedReason: sql`null`.as('excluded_reason'),
          createdAt: sql`${now.toISOString()}::timestamptz`.as('created_at'),
          updatedAt: sql`${now.toISOString()}::timestamptz`.as('updated_at'),
        })
        .from(enterprises)
        .where(and(eq(enterprises.supervisingUnitId, unitId), notInArray(enterprises.status, ceasedEnterpriseStatuses))),
    )
    .onConflictDoNothing()
    .returning({ id: enforcementTargets.id });
  return added.length;
}
