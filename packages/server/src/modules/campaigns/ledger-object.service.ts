import { randomBytes } from 'node:crypto';
import {
  enterpriseNameKey,
  type LedgerObject,
  type LedgerObjectFilter,
  type LedgerObjectInput,
  type LedgerObjectUpdate,
  labelCodeOf,
  objectDataSchema,
  scopeCoversRegion,
} from '@anzhi/core';
import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { regionRepo } from '../regions/region.repo.ts';
import { type LedgerObjectFull, type LedgerObjectRow, ledgerObjectRepo } from './ledger-object.repo.ts';
import type { ObjectTypeRow } from './ledger-type.repo.ts';
import type { LedgerTypeService } from './ledger-type.service.ts';

const field = (path: string, message: string) => [{ path, message }];

export const ledgerObjectErrors = {
  notFound: () => errors.notFound('台账对象', 'ledger.object_not_found'),
  typeArchived: () => errors.badRequest('ledger.type_archived', '该台账类型已停用，不能登记新对象', field('typeId', '台账类型已停用')),
  enterpriseRequired: (typeName: string) =>
    errors.badRequest('ledger.enterprise_required', `${typeName}属于企业，请选择所属企业`, field('enterpriseId', '请选择所属企业')),
  badEnterprise: () =>
    errors.badRequest('ledger.bad_enterprise', '所属企业不存在或不在您的管辖范围内', field('enterpriseId', '企业不存在或不在管辖范围内')),
  villageRequired: (typeName: string) =>
    errors.badRequest(
      'ledger.village_required',
      `${typeName}位于村（社区），请选择所在村（社区）`,
      field('regionCode', '请选择所在村（社区）'),
    ),
  badVillage: () =>
    errors.badRequest(
      'ledger.bad_village',
      '所在村（社区）不存在、不是村级区划或不在您的管辖范围内',
      field('regionCode', '村（社区）不存在或不在管辖范围内'),
    ),
  invalidData: (issues: Array<{ path: string; message: string }>) =>
    errors.badRequest('ledger.invalid_data', issues[0]?.message ?? '对象信息有误', issues),
  duplicate: (existingId: number) =>
    errors.conflict('ledger.object_duplicate', '同一地点（企业）已登记同名的对象，请打开已有的对象修改', {
      existingId,
      fields: field('name', '同名对象已登记'),
    }),
  stale: (version: number) => errors.conflict('ledger.object_stale', '该对象已被他人修改，请刷新后再保存', { currentVersion: version }),
  removed: () => errors.conflict('ledger.object_removed', '该对象已注销，不能再修改'),
};

export function ledgerObjectView(r: LedgerObjectFull): LedgerObject {
  return {
    id: r.id,
    typeId: r.typeId,
    typeName: r.typeName,
    labelCode: r.labelCode,
    name: r.name,
    regionCode: r.regionCode,
    regionName: r.regionName,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    address: r.address,
    data: r.data,
    status: r.status,
    removedReason: r.removedReason,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByName,
    version: r.version,
  };
}

const audited = (r: LedgerObjectRow) => ({
  typeId: r.typeId,
  name: r.name,
  regionCode: r.regionCode,
  enterpriseId: r.enterpriseId,
  address: r.address,
  data: r.data,
  status: r.status,
  removedReason: r.removedReason,
});

/** An object's data checked with its type's schema (core objectDataSchema); problems named `data.<key>`. */
export function checkObjectData(type: ObjectTypeRow, data: Record<string, unknown>): Record<string, unknown> {
  const parsed = objectDataSchema(type.fields).safeParse(data);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  throw ledgerObjectErrors.invalidData(parsed.error.issues.map((i) => ({ path: ['data', ...i.path].join('.'), message: i.message })));
}

export interface Place {
  regionCode: string;
  enterpriseId: number | null;
}

/**
 * Where an object lies, by its type's anchor: an enterprise object in its enterprise (in the caller's scope) and the
 * enterprise's region; a village object in a village of the caller's scope, optionally with the enterprise there.
 * An enterprise account's objects are always its own enterprise's.
 */
export async function resolvePlace(
  ex: Executor,
  actor: Actor,
  type: ObjectTypeRow,
  want: { regionCode?: string | null; enterpriseId?: number | null },
): Promise<Place> {
  const enterpriseId = actor.scope.kind === 'enterprise' ? (want.enterpriseId ?? actor.scope.enterpriseId) : want.enterpriseId;
  let enterprise: { id: number; regionCode: string } | undefined;
  if (enterpriseId) {
    [enterprise] = await ex
      .select({ id: enterprises.id, regionCode: enterprises.regionCode })
      .from(enterprises)
      .where(and(eq(enterprises.id, enterpriseId), scopeOn.enterprises(actor.scope)));
    if (!enterprise) throw ledgerObjectErrors.badEnterprise();
  }
  if (type.anchor === 'enterprise') {
    if (!enterprise) throw ledgerObjectErrors.enterpriseRequired(type.name);
    return { regionCode: enterprise.regionCode, enterpriseId: enterprise.id };
  }
  const regionCode = want.regionCode ?? (actor.scope.kind === 'enterprise' ? enterprise?.regionCode : undefined);
  if (!regionCode) throw ledgerObjectErrors.villageRequired(type.name);
  const region = await regionRepo.findByCode(ex, regionCode);
  const inScope = actor.scope.kind === 'enterprise' ? enterprise?.regionCode === regionCode : scopeCoversRegion(actor.scope, regionCode);
  if (region?.level !== 'village' || region.abolished || !inScope) throw ledgerObjectErrors.badVillage();
  return { regionCode, enterpriseId: enterprise?.id ?? null };
}

/** 专项台账 objects: registered, edited and 注销 by whoever keeps the ledger in their scope; audited. */
export function createLedgerObjectService(deps: { db: Db; clock: Clock; audit: AuditService; types: LedgerTypeService }) {
  const { db, clock, audit, types } = deps;

  async function load(ex: Executor, actor: Actor, id: number): Promise<LedgerObjectFull> {
    const row = await ledgerObjectRepo.find(ex, scopeOn.ledger_objects(actor.scope), id);
    if (!row) throw ledgerObjectErrors.notFound();
    return row;
  }

  async function refuseDuplicate(ex: Executor, typeId: number, place: Place, name: string, self?: number) {
    const same = await ledgerObjectRepo.sameName(ex, { typeId, ...place, nameKey: enterpriseNameKey(name) });
    if (same && same.id !== self) throw ledgerObjectErrors.duplicate(same.id);
  }

  return {
    load,

    async list(actor: Actor, f: LedgerObjectFilter) {
      const { items, total } = await ledgerObjectRepo.page(db, scopeOn.ledger_objects(actor.scope), f);
      return { items: items.map(ledgerObjectView), total };
    },

    async get(actor: Actor, id: number) {
      return ledgerObjectView(await load(db, actor, id));
    },

    async byLabel(actor: Actor, code: string) {
      const row = await ledgerObjectRepo.byLabel(db, scopeOn.ledger_objects(actor.scope), code);
      if (!row) throw ledgerObjectErrors.notFound();
      return ledgerObjectView(row);
    },

    async create(actor: Actor, body: LedgerObjectInput): Promise<LedgerObject> {
      const id = await auditedTransaction(db, async (tx) => {
        const type = await types.load(tx, body.typeId);
        if (type.archivedAt) throw ledgerObjectErrors.typeArchived();
        const place = await resolvePlace(tx, actor, type, body);
        const data = checkObjectData(type, body.data);
        await refuseDuplicate(tx, type.id, place, body.name);
        const now = clock.now();
        const row = await ledgerObjectRepo.insert(tx, {
          typeId: type.id,
          labelCode: labelCodeOf(randomBytes(10)),
          name: body.name,
          nameKey: enterpriseNameKey(body.name),
          ...place,
          address: body.address || null,
          data,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'ledger_object',
          entityId: row.id,
          action: 'create',
          after: audited(row),
        });
        return row.id;
      });
      return ledgerObjectView(await load(db, actor, id));
    },

    async update(actor: Actor, id: number, body: LedgerObjectUpdate): Promise<LedgerObject> {
      await auditedTransaction(db, async (tx) => {
        const before = await load(tx, actor, id);
        if (before.version !== body.version) throw ledgerObjectErrors.stale(before.version);
        if (before.status === 'removed') throw ledgerObjectErrors.removed();
        const type = await types.load(tx, before.typeId);
        const movesPlace = body.regionCode !== undefined || body.enterpriseId !== undefined;
        const place = movesPlace
          ? await resolvePlace(tx, actor, type, {
              regionCode: body.regionCode ?? (type.anchor === 'village' ? before.regionCode : undefined),
              enterpriseId: body.enterpriseId ?? before.enterpriseId,
            })
          : { regionCode: before.regionCode, enterpriseId: before.enterpriseId };
        const name = body.name ?? before.name;
        await refuseDuplicate(tx, type.id, place, name, id);
        const after = await ledgerObjectRepo.update(tx, id, body.version, {
          name,
          nameKey: enterpriseNameKey(name),
          ...place,
          address: body.address === undefined ? before.address : body.address || null,
          // Required-ness is checked when data is saved: the fields may have changed since the object was registered.
          data: body.data === undefined ? before.data : checkObjectData(type, body.data),
          updatedAt: clock.now(),
        });
        if (!after) throw ledgerObjectErrors.stale(before.version + 1);
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'ledger_object',
          entityId: id,
          action: 'update',
          before: audited(before),
          after: audited(after),
        });
      });
      return ledgerObjectView(await load(db, actor, id));
    },

    /** 注销: the object leaves the ledger (and the campaigns counting it from that day) but stays on record. */
    async remove(actor: Actor, id: number, reason: string): Promise<LedgerObject> {
      await auditedTransaction(db, async (tx) => {
        const before = await load(tx, actor, id);
        if (before.status === 'removed') throw ledgerObjectErrors.removed();
        const now = clock.now();
        const after = await ledgerObjectRepo.update(tx, id, before.version, {
          status: 'removed',
          removedAt: now,
          removedReason: reason,
          updatedAt: now,
        });
        if (!after) throw ledgerObjectErrors.stale(before.version + 1);
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'ledger_object',
          entityId: id,
          action: 'remove',
          before: audited(before),
          after: audited(after),
        });
      });
      return ledgerObjectView(await load(db, actor, id));
    },
  };
}

export type LedgerObjectService = ReturnType<typeof createLedgerObjectService>;
