import type { CheckRecordListQuery, DataScope } from '@anzhi/core';
import { and, desc, eq, gt, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { users } from '../users/user.table.ts';
import { chinaDayStart } from './check-time.ts';
import { checkPhotos, checkRecordItems, checkRecords, checkTaskPeriods, checkTasks } from './dual.table.ts';

export type CheckRecordRow = typeof checkRecords.$inferSelect;

const summaryColumns = {
  id: checkRecords.id,
  clientId: checkRecords.clientId,
  kind: checkRecords.kind,
  enterpriseId: checkRecords.enterpriseId,
  enterpriseName: enterprises.name,
  taskPeriodId: checkRecords.taskPeriodId,
  taskTitle: checkTasks.title,
  periodStart: checkTaskPeriods.periodStart,
  periodEnd: checkTaskPeriods.periodEnd,
  doneOn: checkTaskPeriods.doneOn,
  checkedBy: checkRecords.checkedBy,
  checkedByName: users.displayName,
  checkedAt: checkRecords.checkedAt,
  receivedAt: checkRecords.receivedAt,
  itemCount: checkRecords.itemCount,
  abnormalCount: checkRecords.abnormalCount,
  note: checkRecords.note,
};

function summaries(ex: Executor) {
  return ex
    .select(summaryColumns)
    .from(checkRecords)
    .innerJoin(enterprises, eq(enterprises.id, checkRecords.enterpriseId))
    .innerJoin(users, eq(users.id, checkRecords.checkedBy))
    .leftJoin(checkTaskPeriods, eq(checkTaskPeriods.id, checkRecords.taskPeriodId))
    .leftJoin(checkTasks, eq(checkTasks.id, checkTaskPeriods.taskId));
}
export type CheckRecordSummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['where']>>[number];

export function checkRecordWhere(scope: DataScope, f: Omit<CheckRecordListQuery, 'page' | 'pageSize'>): SQL | undefined {
  return and(
    scopeOn.check_records(scope),
    f.enterpriseId ? eq(checkRecords.enterpriseId, f.enterpriseId) : undefined,
    f.kind ? eq(checkRecords.kind, f.kind) : undefined,
    f.from ? gte(checkRecords.checkedAt, chinaDayStart(f.from)) : undefined,
    f.to ? lt(checkRecords.checkedAt, chinaDayStart(f.to, 1)) : undefined,
    f.abnormal === true ? gt(checkRecords.abnormalCount, 0) : f.abnormal === false ? eq(checkRecords.abnormalCount, 0) : undefined,
    f.checkedBy ? eq(checkRecords.checkedBy, f.checkedBy) : undefined,
  );
}

export const checkRecordRepo = {
  async byClientId(ex: Executor, clientId: string) {
    const [row] = await ex.select().from(checkRecords).where(eq(checkRecords.clientId, clientId)).limit(1);
    return row;
  },

  async hazardIdsOf(ex: Executor, recordId: number): Promise<number[]> {
    const rows = await ex
      .select({ hazardId: checkRecordItems.hazardId })
      .from(checkRecordItems)
      .where(and(eq(checkRecordItems.recordId, recordId), sql`${checkRecordItems.hazardId} IS NOT NULL`))
      .orderBy(checkRecordItems.seq);
    return rows.map((r) => r.hazardId as number);
  },

  /** The due check, locked: two records for it are taken one after the other. */
  async lockPeriod(ex: Executor, id: number) {
    const [row] = await ex
      .select({
        id: checkTaskPeriods.id,
        taskId: checkTaskPeriods.taskId,
        enterpriseId: checkTaskPeriods.enterpriseId,
        periodStart: checkTaskPeriods.periodStart,
        periodEnd: checkTaskPeriods.periodEnd,
        recordId: checkTaskPeriods.recordId,
        title: checkTasks.title,
      })
      .from(checkTaskPeriods)
      .innerJoin(checkTasks, eq(checkTasks.id, checkTaskPeriods.taskId))
      .where(eq(checkTaskPeriods.id, id))
      .for('update', { of: checkTaskPeriods });
    return row;
  },

  /** Who recorded a record and when (the conflict message the phone shows). */
  async recordedBy(ex: Executor, recordId: number) {
    const [row] = await ex
      .select({ name: users.displayName, checkedAt: checkRecords.checkedAt })
      .from(checkRecords)
      .innerJoin(users, eq(users.id, checkRecords.checkedBy))
      .where(eq(checkRecords.id, recordId));
    return row;
  },

  async insert(ex: Executor, row: typeof checkRecords.$inferInsert) {
    const [out] = await ex.insert(checkRecords).values(row).returning();
    if (!out) throw new Error('checkRecordRepo.insert: no row');
    return out;
  },

  async insertItems(ex: Executor, rows: Array<typeof checkRecordItems.$inferInsert>) {
    if (rows.length) await ex.insert(checkRecordItems).values(rows);
  },

  async insertPhotos(ex: Executor, rows: Array<typeof checkPhotos.$inferInsert>) {
    if (rows.length) await ex.insert(checkPhotos).values(rows);
  },

  async markDone(ex: Executor, periodId: number, recordId: number, doneOn: string) {
    await ex.update(checkTaskPeriods).set({ recordId, doneOn }).where(eq(checkTaskPeriods.id, periodId));
  },

  async page(ex: Executor, where: SQL | undefined, page: number, pageSize: number) {
    const [items, [count]] = await Promise.all([
      summaries(ex)
        .where(where)
        .orderBy(desc(checkRecords.checkedAt), desc(checkRecords.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      ex.select({ n: sql<number>`count(*)::int` }).from(checkRecords).where(where),
    ]);
    return { items, total: Number(count?.n ?? 0) };
  },

  async summary(ex: Executor, scope: DataScope, id: number) {
    const [row] = await summaries(ex).where(and(eq(checkRecords.id, id), scopeOn.check_records(scope)));
    return row;
  },

  async items(ex: Executor, recordId: number) {
    return ex
      .select({
        seq: checkRecordItems.seq,
        text: checkRecordItems.text,
        result: checkRecordItems.result,
        note: checkRecordItems.note,
        hazardId: checkRecordItems.hazardId,
        hazardCode: hazards.code,
      })
      .from(checkRecordItems)
      .leftJoin(hazards, eq(hazards.id, checkRecordItems.hazardId))
      .where(eq(checkRecordItems.recordId, recordId))
      .orderBy(checkRecordItems.seq);
  },

  async photos(ex: Executor, recordIds: number[]) {
    if (!recordIds.length) return [];
    return ex
      .select({ recordId: checkPhotos.recordId, seq: checkPhotos.seq, fileId: checkPhotos.fileId, phash: checkPhotos.phash })
      .from(checkPhotos)
      .where(inArray(checkPhotos.recordId, recordIds))
      .orderBy(checkPhotos.id);
  },

  /** Visible to the actor: the record is in scope. */
  async inScope(ex: Executor, scope: DataScope, id: number): Promise<boolean> {
    const [row] = await ex
      .select({ id: checkRecords.id })
      .from(checkRecords)
      .where(and(eq(checkRecords.id, id), scopeOn.check_records(scope)))
      .limit(1);
    return row !== undefined;
  },
};
