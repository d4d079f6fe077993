import type { CheckItemResult, CheckListQuery, DataScope } from '@anzhi/core';
import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { units } from '../units/unit.table.ts';
import { users } from '../users/user.table.ts';
import {
  enforcementCheckAmendments,
  enforcementCheckItems,
  enforcementChecklists,
  enforcementChecks,
  enforcementInspectors,
  enforcementQuizzes,
} from './enforcement.table.ts';

export type CheckRow = typeof enforcementChecks.$inferSelect;
export type CheckItemRow = typeof enforcementCheckItems.$inferSelect;

/** The first day of the month after `month` (YYYY-MM). */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The inspector records linked to a user (an account may be on a unit's 名录库 once per unit). */
const inspectorIdsOfUser = (userId: number) =>
  sql`ARRAY(SELECT ${enforcementInspectors.id} FROM ${enforcementInspectors} WHERE ${enforcementInspectors.userId} = ${userId})::int[]`;

const FAIL: CheckItemResult = 'fail';

export const checkRepo = {
  where(scope: DataScope, q: Omit<CheckListQuery, 'page' | 'pageSize'>, userId: number): SQL | undefined {
    return and(
      scopeOn.enforcement_checks(scope),
      q.unitId ? eq(enforcementChecks.unitId, q.unitId) : undefined,
      q.status ? eq(enforcementChecks.status, q.status) : undefined,
      q.kind ? eq(enforcementChecks.kind, q.kind) : undefined,
      q.enterpriseId ? eq(enforcementChecks.enterpriseId, q.enterpriseId) : undefined,
      q.month ? and(gte(enforcementChecks.scheduledOn, `${q.month}-01`), lt(enforcementChecks.scheduledOn, nextMonth(q.month))) : undefined,
      q.mine ? sql`${enforcementChecks.inspectorIds} && ${inspectorIdsOfUser(userId)}` : undefined,
      q.year
        ? and(gte(enforcementChecks.scheduledOn, `${q.year}-01-01`), lt(enforcementChecks.scheduledOn, `${q.year + 1}-01-01`))
        : undefined,
      // The statistics count checks with a failed item (a failed major-hazard criterion); these open the same lists.
      q.failed || q.failedMajor
        ? sql`EXISTS (SELECT 1 FROM ${enforcementCheckItems} i WHERE i.check_id = ${enforcementChecks.id}
            AND i.result = ${FAIL}${q.failedMajor ? sql` AND i.major` : sql``})`
        : undefined,
    );
  },

  async page(ex: Executor, where: SQL | undefined, offset: number, limit: number) {
    return ex
      .select({ check: enforcementChecks, unitName: units.name, enterpriseName: enterprises.name })
      .from(enforcementChecks)
      .innerJoin(units, eq(units.id, enforcementChecks.unitId))
      .innerJoin(enterprises, eq(enterprises.id, enforcementChecks.enterpriseId))
      .where(where)
      .orderBy(desc(enforcementChecks.scheduledOn), desc(enforcementChecks.id))
      .offset(offset)
      .limit(limit);
  },

  async count(ex: Executor, where: SQL | undefined): Promise<number> {
    const [row] = await ex.select({ n: count() }).from(enforcementChecks).where(where);
    return Number(row?.n ?? 0);
  },

  async findById(ex: Executor, id: number, scope: DataScope, opts: { forUpdate?: boolean } = {}) {
    const q = ex
      .select()
      .from(enforcementChecks)
      .where(and(eq(enforcementChecks.id, id), scopeOn.enforcement_checks(scope)))
      .limit(1);
    const [row] = opts.forUpdate ? await q.for('update') : await q;
    return row;
  },

  async named(ex: Executor, check: CheckRow) {
    const [row] = await ex
      .select({
        unitName: units.name,
        enterpriseName: enterprises.name,
        address: enterprises.address,
        domains: enterprises.domains,
        flags: enterprises.flags,
      })
      .from(units)
      .innerJoin(enterprises, eq(enterprises.id, check.enterpriseId))
      .where(eq(units.id, check.unitId));
    if (!row) throw new Error(`check ${check.id}: unit or enterprise missing`);
    return row;
  },

  async inspectors(ex: Executor, ids: readonly number[]) {
    if (!ids.length) return [];
    return ex
      .select()
      .from(enforcementInspectors)
      .where(inArray(enforcementInspectors.id, [...ids]));
  },

  async inspectorIdsOfUser(ex: Executor, userId: number): Promise<number[]> {
    const rows = await ex
      .select({ id: enforcementInspectors.id })
      .from(enforcementInspectors)
      .where(eq(enforcementInspectors.userId, userId));
    return rows.map((r) => r.id);
  },

  async items(ex: Executor, checkId: number) {
    return ex
      .select({ item: enforcementCheckItems, hazardCode: hazards.code })
      .from(enforcementCheckItems)
      .leftJoin(hazards, eq(hazards.id, enforcementCheckItems.hazardId))
      .where(eq(enforcementCheckItems.checkId, checkId))
      .orderBy(asc(enforcementCheckItems.seq));
  },

  async insertItems(ex: Executor, rows: (typeof enforcementCheckItems.$inferInsert)[]) {
    for (let i = 0; i < rows.length; i += 500) await ex.insert(enforcementCheckItems).values(rows.slice(i, i + 500));
  },

  async updateItem(ex: Executor, id: number, set: Partial<typeof enforcementCheckItems.$inferInsert>) {
    await ex.update(enforcementCheckItems).set(set).where(eq(enforcementCheckItems.id, id));
  },

  async update(ex: Executor, id: number, set: Partial<typeof enforcementChecks.$inferInsert>): Promise<CheckRow> {
    const [row] = await ex.update(enforcementChecks).set(set).where(eq(enforcementChecks.id, id)).returning();
    if (!row) throw new Error(`check ${id} vanished`);
    return row;
  },

  async quizzes(ex: Executor, checkId: number) {
    return ex.select().from(enforcementQuizzes).where(eq(enforcementQuizzes.checkId, checkId)).orderBy(asc(enforcementQuizzes.id));
  },

  async insertQuiz(ex: Executor, row: typeof enforcementQuizzes.$inferInsert) {
    const [out] = await ex.insert(enforcementQuizzes).values(row).returning();
    return out as typeof enforcementQuizzes.$inferSelect;
  },

  /** 逢查必考 figures of one enterprise, over the quizzes the caller may see. */
  async quizStats(ex: Executor, enterpriseId: number, scope: DataScope) {
    const [row] = await ex
      .select({
        quizzes: count(),
        rate: sql<string | null>`avg(${enforcementQuizzes.score}::float / nullif(${enforcementQuizzes.maxScore}, 0))`,
        passed: sql<number>`count(*) filter (where ${enforcementQuizzes.score}::float >= 0.6 * ${enforcementQuizzes.maxScore})::int`,
      })
      .from(enforcementQuizzes)
      .where(and(eq(enforcementQuizzes.enterpriseId, enterpriseId), scopeOn.enforcement_quizzes(scope)));
    return { quizzes: Number(row?.quizzes ?? 0), rate: row?.rate == null ? null : Number(row.rate), passed: Number(row?.passed ?? 0) };
  },

  async amendments(ex: Executor, checkId: number) {
    return ex
      .select({ a: enforcementCheckAmendments, actorName: users.displayName })
      .from(enforcementCheckAmendments)
      .leftJoin(users, eq(users.id, enforcementCheckAmendments.actorId))
      .where(eq(enforcementCheckAmendments.checkId, checkId))
      .orderBy(asc(enforcementCheckAmendments.id));
  },

  async insertAmendment(ex: Executor, row: typeof enforcementCheckAmendments.$inferInsert) {
    const [out] = await ex.insert(enforcementCheckAmendments).values(row).returning();
    return out as typeof enforcementCheckAmendments.$inferSelect;
  },

  async checklist(ex: Executor, unitId: number) {
    const [row] = await ex.select().from(enforcementChecklists).where(eq(enforcementChecklists.unitId, unitId));
    return row;
  },

  async saveChecklist(ex: Executor, unitId: number, items: string[], version: number, userId: number, now: Date) {
    await ex
      .insert(enforcementChecklists)
      .values({ unitId, items, version, updatedBy: userId, updatedAt: now })
      .onConflictDoUpdate({ target: enforcementChecklists.unitId, set: { items, version, updatedBy: userId, updatedAt: now } });
  },

  /** The unit, if the caller's scope covers it (a unit account: only its own). */
  async visibleUnit(ex: Executor, unitId: number, scope: DataScope) {
    if (scope.kind === 'unit' && scope.unitId !== unitId) return undefined;
    if (scope.kind === 'enterprise' || scope.kind === 'none') return undefined;
    const [row] = await ex
      .select({ id: units.id, name: units.name, regionCode: units.regionCode })
      .from(units)
      .where(and(eq(units.id, unitId), scopeOn.units(scope)));
    return row;
  },
};
