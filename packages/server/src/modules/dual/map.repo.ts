import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { riskMaps } from './dual.table.ts';

export type RiskMapRow = typeof riskMaps.$inferSelect;

/** 四色分布图: one per enterprise. Reads take the caller's scope (scopeOn.enterprises / risk_maps). */
export const mapRepo = {
  async enterprise(ex: Executor, scope: SQL | undefined, id: number) {
    const [r] = await ex
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(and(scope, eq(enterprises.id, id)));
    return r;
  },

  async find(ex: Executor, scope: SQL | undefined, enterpriseId: number): Promise<RiskMapRow | undefined> {
    const [r] = await ex
      .select()
      .from(riskMaps)
      .where(and(scope, eq(riskMaps.enterpriseId, enterpriseId)));
    return r;
  },

  async upsert(ex: Executor, values: typeof riskMaps.$inferInsert): Promise<RiskMapRow> {
    const [r] = await ex
      .insert(riskMaps)
      .values({ ...values, version: 1 })
      .onConflictDoUpdate({
        target: riskMaps.enterpriseId,
        set: {
          fileId: values.fileId,
          zones: values.zones,
          updatedBy: values.updatedBy,
          updatedAt: values.updatedAt,
          version: sql`${riskMaps.version} + 1`,
        },
      })
      .returning();
    if (!r) throw new Error('mapRepo.upsert: no row');
    return r;
  },
};
