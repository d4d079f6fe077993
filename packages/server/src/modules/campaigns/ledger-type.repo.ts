import { defaultObjectTypes } from '@anzhi/core';
import { and, asc, count, eq, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { ledgerObjects, ledgerObjectTypes } from './campaign.table.ts';

export type ObjectTypeRow = typeof ledgerObjectTypes.$inferSelect;
export type ObjectTypeWithCount = ObjectTypeRow & { objectCount: number };

/**
 * The shipped object types (core defaultObjectTypes), written once: a type already there — changed by the
 * administrator or not — is left as it is.
 */
export async function ensureShippedObjectTypes(ex: Executor): Promise<void> {
  await ex
    .insert(ledgerObjectTypes)
    .values(
      defaultObjectTypes.map((d) => ({
        code: d.code,
        name: d.name,
        anchor: d.anchor,
        counter: d.counter,
        fields: d.fields,
        checklist: d.checklist,
        builtin: true,
      })),
    )
    .onConflictDoNothing({ target: ledgerObjectTypes.code });
}

/** 专项台账 object types: the installation's dictionary (unscoped); object counts take the caller's object scope. */
export const ledgerTypeRepo = {
  async list(ex: Executor, objectScope: SQL | undefined): Promise<ObjectTypeWithCount[]> {
    const counts = ex
      .select({ typeId: ledgerObjects.typeId, n: count().as('n') })
      .from(ledgerObjects)
      .where(and(objectScope, eq(ledgerObjects.status, 'active')))
      .groupBy(ledgerObjects.typeId)
      .as('counts');
    const rows = await ex
      .select({ row: ledgerObjectTypes, n: counts.n })
      .from(ledgerObjectTypes)
      .leftJoin(counts, eq(counts.typeId, ledgerObjectTypes.id))
      .orderBy(asc(ledgerObjectTypes.id));
    return rows.map((r) => ({ ...r.row, objectCount: Number(r.n ?? 0) }));
  },

  async find(ex: Executor, id: number): Promise<ObjectTypeRow | undefined> {
    const [row] = await ex.select().from(ledgerObjectTypes).where(eq(ledgerObjectTypes.id, id));
    return row;
  },

  async findByCode(ex: Executor, code: string): Promise<ObjectTypeRow | undefined> {
    const [row] = await ex.select().from(ledgerObjectTypes).where(eq(ledgerObjectTypes.code, code));
    return row;
  },

  async countObjects(ex: Executor, objectScope: SQL | undefined, typeId: number): Promise<number> {
    const [r] = await ex
      .select({ n: count() })
      .from(ledgerObjects)
      .where(and(objectScope, eq(ledgerObjects.typeId, typeId), eq(ledgerObjects.status, 'active')));
    return Number(r?.n ?? 0);
  },

  async insert(ex: Executor, values: typeof ledgerObjectTypes.$inferInsert): Promise<ObjectTypeRow | undefined> {
    const [row] = await ex.insert(ledgerObjectTypes).values(values).onConflictDoNothing({ target: ledgerObjectTypes.code }).returning();
    return row;
  },

  /** Changes the row if its version is still `version`; undefined when someone else changed it first. */
  async update(ex: Executor, id: number, version: number, values: Partial<typeof ledgerObjectTypes.$inferInsert>) {
    const [row] = await ex
      .update(ledgerObjectTypes)
      .set({ ...values, version: version + 1 })
      .where(and(eq(ledgerObjectTypes.id, id), eq(ledgerObjectTypes.version, version)))
      .returning();
    return row;
  },

  /** Types still open for new objects. */
  async active(ex: Executor): Promise<ObjectTypeRow[]> {
    return ex.select().from(ledgerObjectTypes).where(isNull(ledgerObjectTypes.archivedAt)).orderBy(asc(ledgerObjectTypes.id));
  },
};
