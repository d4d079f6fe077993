import type { DataScope, RiskLevel } from '@anzhi/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { users } from '../users/user.table.ts';
import { checkTasks, controlMeasures, posts, riskEvents, riskPoints, riskUnits } from './dual.table.ts';

export type RiskPointRow = typeof riskPoints.$inferSelect;
export type RiskUnitRow = typeof riskUnits.$inferSelect;
export type RiskEventRow = typeof riskEvents.$inferSelect;
export type ControlMeasureRow = typeof controlMeasures.$inferSelect;

const assessor = alias(users, 'risk_assessor');
const enterpriseHead = {
  id: enterprises.id,
  name: enterprises.name,
  regionCode: enterprises.regionCode,
  creditCode: enterprises.creditCode,
  assessedRiskLevel: enterprises.assessedRiskLevel,
  assessedRiskAt: enterprises.assessedRiskAt,
  assessedRiskByName: users.displayName,
};
export type RiskEnterprise = { id: number; name: string; regionCode: string; creditCode: string | null } & {
  assessedRiskLevel: RiskLevel | null;
  assessedRiskAt: Date | null;
  assessedRiskByName: string | null;
};

/** The risk chain of an enterprise, always read through the caller's scope (scopeOn.<table>). */
export const riskChainRepo = {
  async enterprise(ex: Executor, scope: DataScope, id: number): Promise<RiskEnterprise | undefined> {
    const [row] = await ex
      .select(enterpriseHead)
      .from(enterprises)
      .leftJoin(users, eq(users.id, enterprises.assessedRiskBy))
      .where(and(eq(enterprises.id, id), scopeOn.enterprises(scope)));
    return row;
  },

  async point(ex: Executor, scope: DataScope, id: number, forUpdate = false): Promise<RiskPointRow | undefined> {
    const q = ex
      .select()
      .from(riskPoints)
      .where(and(eq(riskPoints.id, id), scopeOn.risk_points(scope)));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row;
  },
  async unit(ex: Executor, scope: DataScope, id: number): Promise<RiskUnitRow | undefined> {
    const [row] = await ex
      .select()
      .from(riskUnits)
      .where(and(eq(riskUnits.id, id), scopeOn.risk_units(scope)));
    return row;
  },
  async event(ex: Executor, scope: DataScope, id: number, forUpdate = false): Promise<RiskEventRow | undefined> {
    const q = ex
      .select()
      .from(riskEvents)
      .where(and(eq(riskEvents.id, id), scopeOn.risk_events(scope)));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row;
  },
  async measure(ex: Executor, scope: DataScope, id: number): Promise<ControlMeasureRow | undefined> {
    const [row] = await ex
      .select()
      .from(controlMeasures)
      .where(and(eq(controlMeasures.id, id), scopeOn.control_measures(scope)));
    return row;
  },
  /** A post of the same enterprise (a point's watching post must be the enterprise's own). */
  async postOf(ex: Executor, enterpriseId: number, postId: number) {
    const [row] = await ex
      .select({ id: posts.id, name: posts.name })
      .from(posts)
      .where(and(eq(posts.id, postId), eq(posts.enterpriseId, enterpriseId)));
    return row;
  },
  async postsOf(ex: Executor, enterpriseId: number) {
    return ex.select({ id: posts.id, name: posts.name }).from(posts).where(eq(posts.enterpriseId, enterpriseId));
  },

  async points(ex: Executor, scope: DataScope, enterpriseId: number) {
    return ex
      .select({ p: riskPoints, postName: posts.name })
      .from(riskPoints)
      .leftJoin(posts, eq(posts.id, riskPoints.postId))
      .where(and(eq(riskPoints.enterpriseId, enterpriseId), scopeOn.risk_points(scope)))
      .orderBy(asc(riskPoints.id));
  },
  async units(ex: Executor, scope: DataScope, enterpriseId: number) {
    return ex
      .select()
      .from(riskUnits)
      .where(and(eq(riskUnits.enterpriseId, enterpriseId), scopeOn.risk_units(scope)))
      .orderBy(asc(riskUnits.id));
  },
  async events(ex: Executor, scope: DataScope, enterpriseId: number) {
    return ex
      .select({ ev: riskEvents, assessedByName: assessor.displayName })
      .from(riskEvents)
      .leftJoin(assessor, eq(assessor.id, riskEvents.assessedBy))
      .where(and(eq(riskEvents.enterpriseId, enterpriseId), scopeOn.risk_events(scope)))
      .orderBy(asc(riskEvents.id));
  },
  async measures(ex: Executor, scope: DataScope, enterpriseId: number) {
    return ex
      .select()
      .from(controlMeasures)
      .where(and(eq(controlMeasures.enterpriseId, enterpriseId), scopeOn.control_measures(scope)))
      .orderBy(asc(controlMeasures.id));
  },
  /** Check tasks written for the measures (check_tasks.measure_id), with their post's name. */
  async tasksOfMeasures(ex: Executor, scope: DataScope, measureIds: number[]) {
    if (measureIds.length === 0) return [];
    return ex
      .select({ t: checkTasks, postName: posts.name })
      .from(checkTasks)
      .leftJoin(posts, eq(posts.id, checkTasks.postId))
      .where(and(inArray(checkTasks.measureId, measureIds), scopeOn.check_tasks(scope)))
      .orderBy(asc(checkTasks.id));
  },
  /** Every assessed level of the enterprise's events (the registry feed takes the highest). */
  async eventLevels(ex: Executor, enterpriseId: number): Promise<RiskLevel[]> {
    const rows = await ex.selectDistinct({ level: riskEvents.level }).from(riskEvents).where(eq(riskEvents.enterpriseId, enterpriseId));
    return rows.map((r) => r.level);
  },
};
