import { defaultObjectTypes, type ObjectType, type ObjectTypeInput, type ObjectTypeUpdate } from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { ensureShippedObjectTypes, ledgerTypeRepo, type ObjectTypeRow } from './ledger-type.repo.ts';

export const ledgerTypeErrors = {
  notFound: () => errors.notFound('台账类型', 'ledger.type_not_found'),
  codeTaken: (code: string) =>
    errors.conflict('ledger.type_code_taken', `类型代码“${code}”已被使用，请换一个`, [{ path: 'code', message: '类型代码已被使用' }]),
  stale: (version: number) => errors.conflict('ledger.type_stale', '该台账类型已被他人修改，请刷新后再保存', { currentVersion: version }),
  notBuiltin: () => errors.badRequest('ledger.type_not_builtin', '只有系统预置的台账类型可以恢复默认字段'),
};

export function objectTypeView(r: ObjectTypeRow, objectCount: number): ObjectType {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    anchor: r.anchor,
    counter: r.counter,
    fields: r.fields,
    checklist: r.checklist,
    builtin: r.builtin,
    archived: r.archivedAt !== null,
    objectCount,
    version: r.version,
  };
}

const audited = (r: ObjectTypeRow) => ({
  code: r.code,
  name: r.name,
  anchor: r.anchor,
  counter: r.counter,
  fields: r.fields,
  checklist: r.checklist,
  archived: r.archivedAt !== null,
});

/**
 * 专项台账 object types: the shipped ones are written the first time types are needed; the administrator adds types
 * and edits fields and checklists. Objects keep their data whatever the fields become: a field removed or made
 * required changes what the next save checks, never what is stored.
 */
export function createLedgerTypeService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;
  let shipped = false;

  async function ensureShipped(ex: Executor = db) {
    if (shipped) return;
    await ensureShippedObjectTypes(ex);
    shipped = true;
  }

  async function view(actor: Actor, row: ObjectTypeRow): Promise<ObjectType> {
    return objectTypeView(row, await ledgerTypeRepo.countObjects(db, scopeOn.ledger_objects(actor.scope), row.id));
  }

  /**
   * The type an object is of (any caller may name it: the dictionary is the same for everyone). Only a lookup: it
   * may run inside a caller's transaction, where writing the shipped types on another connection could wait on it.
   */
  async function load(ex: Executor, id: number): Promise<ObjectTypeRow> {
    const row = await ledgerTypeRepo.find(ex, id);
    if (!row) throw ledgerTypeErrors.notFound();
    return row;
  }

  async function change(actor: Actor, id: number, version: number, values: Partial<ObjectTypeRow>, action: string) {
    await auditedTransaction(db, async (tx) => {
      const before = await load(tx, id);
      if (before.version !== version) throw ledgerTypeErrors.stale(before.version);
      const after = await ledgerTypeRepo.update(tx, id, version, { ...values, updatedAt: clock.now() });
      if (!after) throw ledgerTypeErrors.stale(before.version + 1);
      await audit.record(tx, auditActorOf(actor), {
        entityType: 'ledger_object_type',
        entityId: id,
        action,
        before: audited(before),
        after: audited(after),
      });
    });
    return view(actor, await load(db, id));
  }

  return {
    ensureShipped,
    load,

    async list(actor: Actor) {
      await ensureShipped();
      const rows = await ledgerTypeRepo.list(db, scopeOn.ledger_objects(actor.scope));
      return { items: rows.map((r) => objectTypeView(r, r.objectCount)) };
    },

    async create(actor: Actor, body: ObjectTypeInput): Promise<ObjectType> {
      await ensureShipped();
      const id = await auditedTransaction(db, async (tx) => {
        const now = clock.now();
        const row = await ledgerTypeRepo.insert(tx, { ...body, builtin: false, createdAt: now, updatedAt: now });
        if (!row) throw ledgerTypeErrors.codeTaken(body.code);
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'ledger_object_type',
          entityId: row.id,
          action: 'create',
          after: audited(row),
        });
        return row.id;
      });
      return view(actor, await load(db, id));
    },

    async update(actor: Actor, id: number, body: ObjectTypeUpdate): Promise<ObjectType> {
      const { version, archived, ...rest } = body;
      const values: Partial<ObjectTypeRow> = { ...rest };
      if (archived !== undefined) values.archivedAt = archived ? clock.now() : null;
      return change(actor, id, version, values, 'update');
    },

    /** A shipped type's fields and checklist as AnZhi ships them (name and counter too); objects keep their data. */
    async restore(actor: Actor, id: number): Promise<ObjectType> {
      await ensureShipped();
      const row = await load(db, id);
      const d = defaultObjectTypes.find((t) => t.code === row.code);
      if (!row.builtin || !d) throw ledgerTypeErrors.notBuiltin();
      return change(actor, id, row.version, { name: d.name, counter: d.counter, fields: d.fields, checklist: d.checklist }, 'restore');
    },
  };
}

export type LedgerTypeService = ReturnType<typeof createLedgerTypeService>;
