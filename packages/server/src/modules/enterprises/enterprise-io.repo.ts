import type { DataScope } from '@anzhi/core';
import { and, asc, eq, gt, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { jsonRows } from '../../lib/bulk-insert.ts';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';
import type { EnterpriseRow } from './enterprise.repo.ts';
import { enterprises } from './enterprise.table.ts';
import { withDerived } from './enterprise-derived.ts';

const landlord = alias(enterprises, 'landlord');

/** Bulk reads and writes of the spreadsheet import and export. */
export const enterpriseIoRepo = {
  /** The SELECT that feeds a multi-row insert (CPU only: build the next while the database writes the last). */
  rowsToInsert(values: (typeof enterprises.$inferInsert)[]): SQL {
    return jsonRows(
      enterprises,
      values.map((v) => withDerived(v) as typeof v),
      { id: sql`nextval(pg_get_serial_sequence('enterprises', 'id'))` },
    );
  },

  /** Inserts the rows of `rowsToInsert`; they come back with their ids (match them by public code, not position). */
  async insertRows(ex: Executor, rows: SQL): Promise<EnterpriseRow[]> {
    return ex.insert(enterprises).select(rows).returning();
  },

  /** Enterprises with these credit codes, in any scope (the codes are unique nationwide). One array parameter. */
  async byCreditCodes(ex: Executor, codes: string[]): Promise<EnterpriseRow[]> {
    if (codes.length === 0) return [];
    return ex
      .select()
      .from(enterprises)
      .where(sql`${enterprises.creditCode} = ANY(${sql.param(codes)}::text[])`);
  },

  /** Enterprises without a credit code whose name key is one of these: the import matches them by name + address. */
  async withoutCreditCodeByNameKeys(ex: Executor, nameKeys: string[]): Promise<EnterpriseRow[]> {
    if (nameKeys.length === 0) return [];
    return ex
      .select()
      .from(enterprises)
      .where(and(isNull(enterprises.creditCode), sql`${enterprises.nameKey} = ANY(${sql.param(nameKeys)}::text[])`));
  },

  /** Links a tenant created in the same import to its landlord (厂中厂). */
  async setLandlord(ex: Executor, id: number, landlordId: number): Promise<void> {
    await ex.update(enterprises).set({ landlordId }).where(eq(enterprises.id, id));
  },

  /** Enterprises in the scope with one of these name keys: candidates for the 出租方 column. */
  async idsByNameKeys(ex: Executor, nameKeys: string[], scope: DataScope): Promise<{ id: number; nameKey: string }[]> {
    if (nameKeys.length === 0) return [];
    return ex
      .select({ id: enterprises.id, nameKey: enterprises.nameKey })
      .from(enterprises)
      .where(and(inArray(enterprises.nameKey, nameKeys), scopeOn.enterprises(scope)));
  },

  /** One page of the export in id order (keyset paging, so 100k rows never sit in memory at once). */
  async exportBatch(ex: Executor, where: SQL | undefined, afterId: number, size: number) {
    const rows = await ex
      .select({ e: enterprises, regionName: regions.name, supervisingUnitName: units.name, landlordName: landlord.name })
      .from(enterprises)
      .leftJoin(regions, eq(regions.code, enterprises.regionCode))
      .leftJoin(units, eq(units.id, enterprises.supervisingUnitId))
      .leftJoin(landlord, eq(landlord.id, enterprises.landlordId))
      .where(and(where, gt(enterprises.id, afterId)))
      .orderBy(asc(enterprises.id))
      .limit(size);
    return rows.map(({ e, ...names }) => ({ ...e, ...names }));
  },
};
