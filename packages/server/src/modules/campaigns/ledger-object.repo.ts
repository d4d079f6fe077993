import { type LedgerObjectFilter, regionPrefix } from '@anzhi/core';
import { and, asc, count, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { likeContains } from '../../lib/scope-sql.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { regions } from '../regions/region.table.ts';
import { users } from '../users/user.table.ts';
import { ledgerObjects, ledgerObjectTypes } from './campaign.table.ts';

export type LedgerObjectRow = typeof ledgerObjects.$inferSelect;
export type LedgerObjectFull = LedgerObjectRow & {
  typeName: string;
  regionName: string;
  enterpriseName: string | null;
  createdByName: string | null;
};

const columns = {
  row: ledgerObjects,
  typeName: ledgerObjectTypes.name,
  regionName: regions.name,
  enterpriseName: enterprises.name,
  createdByName: users.displayName,
};

function select(ex: Executor) {
  return ex
    .select(columns)
    .from(ledgerObjects)
    .innerJoin(ledgerObjectTypes, eq(ledgerObjectTypes.id, ledgerObjects.typeId))
    .leftJoin(regions, eq(regions.code, ledgerObjects.regionCode))
    .leftJoin(enterprises, eq(enterprises.id, ledgerObjects.enterpriseId))
    .leftJoin(users, eq(users.id, ledgerObjects.createdBy));
}

type Selected = {
  row: LedgerObjectRow;
  typeName: string;
  regionName: string | null;
  enterpriseName: string | null;
  createdByName: string | null;
};
const full = (r: Selected): LedgerObjectFull => ({
  ...r.row,
  typeName: r.typeName,
  regionName: r.regionName ?? r.row.regionCode,
  enterpriseName: r.enterpriseName,
  createdByName: r.createdByName,
});

function filterSql(f: Partial<LedgerObjectFilter>): SQL | undefined {
  const like = (prefix: string) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
  return and(
    f.typeId ? eq(ledgerObjects.typeId, f.typeId) : undefined,
    f.regionCode ? sql`${ledgerObjects.regionCode} LIKE ${like(regionPrefix(f.regionCode))}` : undefined,
    f.enterpriseId ? eq(ledgerObjects.enterpriseId, f.enterpriseId) : undefined,
    f.status ? eq(ledgerObjects.status, f.status) : undefined,
    f.q
      ? or(
          sql`${ledgerObjects.name} ILIKE ${likeContains(f.q)}`,
          sql`${ledgerObjects.address} ILIKE ${likeContains(f.q)}`,
          sql`${enterprises.name} ILIKE ${likeContains(f.q)}`,
        )
      : undefined,
  );
}

/** 专项台账 objects. Every read takes the caller's scope condition (scopeOn.ledger_objects). */
export const ledgerObjectRepo = {
  async page(ex: Executor, scope: SQL | undefined, f: LedgerObjectFilter): Promise<{ items: LedgerObjectFull[]; total: number }> {
    const where = and(scope, filterSql(f));
    const rows = await select(ex)
      .where(where)
      .orderBy(asc(ledgerObjects.typeId), asc(ledgerObjects.regionCode), asc(ledgerObjects.name), asc(ledgerObjects.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize);
    const [n] = await ex
      .select({ n: count() })
      .from(ledgerObjects)
      .leftJoin(enterprises, eq(enterprises.id, ledgerObjects.enterpriseId))
      .where(where);
    return { items: rows.map(full), total: Number(n?.n ?? 0) };
  },

  /** Every object of a filter (the export, the label sheet), up to `limit`. */
  async all(ex: Executor, scope: SQL | undefined, f: Partial<LedgerObjectFilter>, limit: number): Promise<LedgerObjectFull[]> {
    const rows = await select(ex)
      .where(and(scope, filterSql(f)))
      .orderBy(asc(ledgerObjects.regionCode), asc(enterprises.name), asc(ledgerObjects.name), asc(ledgerObjects.id))
      .limit(limit);
    return rows.map(full);
  },

  async byIds(ex: Executor, scope: SQL | undefined, ids: number[]): Promise<LedgerObjectFull[]> {
    if (ids.length === 0) return [];
    const rows = await select(ex)
      .where(and(scope, inArray(ledgerObjects.id, ids)))
      .orderBy(asc(ledgerObjects.regionCode), asc(ledgerObjects.name), asc(ledgerObjects.id));
    return rows.map(full);
  },

  async find(ex: Executor, scope: SQL | undefined, id: number): Promise<LedgerObjectFull | undefined> {
    const [r] = await select(ex).where(and(scope, eq(ledgerObjects.id, id)));
    return r && full(r);
  },

  async byLabel(ex: Executor, scope: SQL | undefined, code: string): Promise<LedgerObjectFull | undefined> {
    const [r] = await select(ex).where(and(scope, eq(ledgerObjects.labelCode, code)));
    return r && full(r);
  },

  /** The object of a name at a place (the unique key ledger_objects_name_uq), whoever's scope it is in. */
  async sameName(
    ex: Executor,
    key: { typeId: number; enterpriseId: number | null; regionCode: string; nameKey: string },
  ): Promise<LedgerObjectRow | undefined> {
    const [row] = await ex
      .select()
      .from(ledgerObjects)
      .where(
        and(
          eq(ledgerObjects.typeId, key.typeId),
          key.enterpriseId === null ? isNull(ledgerObjects.enterpriseId) : eq(ledgerObjects.enterpriseId, key.enterpriseId),
          eq(ledgerObjects.regionCode, key.regionCode),
          eq(ledgerObjects.nameKey, key.nameKey),
        ),
      );
    return row;
  },

  /** Every object of a type (the import's matching), by name key. */
  async ofType(ex: Executor, typeId: number): Promise<LedgerObjectRow[]> {
    return ex.select().from(ledgerObjects).where(eq(ledgerObjects.typeId, typeId));
  },

  async insert(ex: Executor, values: typeof ledgerObjects.$inferInsert): Promise<LedgerObjectRow> {
    const [row] = await ex.insert(ledgerObjects).values(values).returning();
    if (!row) throw new Error('ledgerObjectRepo.insert: no row');
    return row;
  },

  /** Changes the row if its version is still `version`; undefined when someone else changed it first. */
  async update(ex: Executor, id: number, version: number, values: Partial<typeof ledgerObjects.$inferInsert>) {
    const [row] = await ex
      .update(ledgerObjects)
      .set({ ...values, version: version + 1 })
      .where(and(eq(ledgerObjects.id, id), eq(ledgerObjects.version, version)))
      .returning();
    return row;
  },
};
