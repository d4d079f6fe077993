import type { CheckTaskView, DataScope } from '@anzhi/core';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { checkTaskPeriods, checkTasks, controlMeasures, posts, riskEvents } from './dual.table.ts';

export type CheckTaskRow = typeof checkTasks.$inferSelect;

function views(ex: Executor) {
  return ex
    .select({
      id: checkTasks.id,
      enterpriseId: checkTasks.enterpriseId,
      enterpriseName: enterprises.name,
      measureId: checkTasks.measureId,
      template: checkTasks.template,
      title: checkTasks.title,
      cycle: checkTasks.cycle,
      postId: checkTasks.postId,
      postName: posts.name,
      ownerName: checkTasks.ownerName,
      items: checkTasks.items,
      active: checkTasks.active,
      startsOn: checkTasks.startsOn,
      version: checkTasks.version,
    })
    .from(checkTasks)
    .innerJoin(enterprises, eq(enterprises.id, checkTasks.enterpriseId))
    .leftJoin(posts, eq(posts.id, checkTasks.postId));
}

export const checkTaskRepo = {
  async list(ex: Executor, where: SQL | undefined): Promise<CheckTaskView[]> {
    return views(ex).where(where).orderBy(asc(checkTasks.enterpriseId), sql`${checkTasks.active} DESC`, asc(checkTasks.id));
  },

  async view(ex: Executor, scope: DataScope, id: number): Promise<CheckTaskView | undefined> {
    const [row] = await views(ex).where(and(eq(checkTasks.id, id), scopeOn.check_tasks(scope)));
    return row;
  },

  async lock(ex: Executor, scope: DataScope, id: number): Promise<CheckTaskRow | undefined> {
    const [row] = await ex
      .select()
      .from(checkTasks)
      .where(and(eq(checkTasks.id, id), scopeOn.check_tasks(scope)))
      .for('update');
    return row;
  },

  async insert(ex: Executor, rows: Array<typeof checkTasks.$inferInsert>): Promise<CheckTaskRow[]> {
    if (!rows.length) return [];
    return ex.insert(checkTasks).values(rows).returning();
  },

  async update(ex: Executor, id: number, set: Partial<typeof checkTasks.$inferInsert>): Promise<CheckTaskRow> {
    const [row] = await ex.update(checkTasks).set(set).where(eq(checkTasks.id, id)).returning();
    if (!row) throw new Error('checkTaskRepo.update: no row');
    return row;
  },

  async hasPeriods(ex: Executor, taskId: number): Promise<boolean> {
    const [row] = await ex.select({ id: checkTaskPeriods.id }).from(checkTaskPeriods).where(eq(checkTaskPeriods.taskId, taskId)).limit(1);
    return row !== undefined;
  },

  async postOf(ex: Executor, id: number) {
    const [row] = await ex.select({ id: posts.id, enterpriseId: posts.enterpriseId }).from(posts).where(eq(posts.id, id));
    return row;
  },

  async measure(ex: Executor, scope: DataScope, id: number) {
    const [row] = await ex
      .select({
        id: controlMeasures.id,
        enterpriseId: controlMeasures.enterpriseId,
        content: controlMeasures.content,
        eventName: riskEvents.name,
      })
      .from(controlMeasures)
      .innerJoin(riskEvents, eq(riskEvents.id, controlMeasures.eventId))
      .where(and(eq(controlMeasures.id, id), scopeOn.control_measures(scope)));
    return row;
  },

  async templatesOf(ex: Executor, enterpriseId: number) {
    const rows = await ex
      .select({ template: checkTasks.template })
      .from(checkTasks)
      .where(and(eq(checkTasks.enterpriseId, enterpriseId), eq(checkTasks.active, true), sql`${checkTasks.template} IS NOT NULL`));
    return new Set(rows.map((r) => r.template));
  },

  /** Serialises adoptions of the standard templates for one enterprise. */
  async lockEnterprise(ex: Executor, enterpriseId: number) {
    await ex.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, enterpriseId)).for('update');
  },
};
