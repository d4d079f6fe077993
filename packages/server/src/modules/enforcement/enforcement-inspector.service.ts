import type { InspectorCreateBody, InspectorDeactivateBody, InspectorItem, InspectorListQuery, InspectorUpdateBody } from '@anzhi/core';
import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { regions } from '../regions/region.table.ts';
import { users } from '../users/user.table.ts';
import { managedUnit } from './enforcement-access.ts';
import { type InspectorRow, type InspectorView, inspectorRepo } from './enforcement-inspector.repo.ts';

export const inspectorErrors = {
  notFound: () => errors.notFound('执法人员', 'enforcement.inspector_not_found'),
  stale: (version: number) =>
    errors.conflict('enforcement.inspector_stale', '该执法人员信息已被他人修改，请刷新后再操作', { currentVersion: version }),
  certificateTaken: (no: string, holder: string) =>
    errors.conflict('enforcement.certificate_taken', `执法证号 ${no} 已登记在「${holder}」名下，不能重复登记`, [
      { path: 'certificateNo', message: '执法证号已被使用' },
    ]),
};

const audited = (r: InspectorRow) => ({
  unitId: r.unitId,
  userId: r.userId,
  name: r.name,
  certificateNo: r.certificateNo,
  certificateValidUntil: r.certificateValidUntil,
  homeRegionCode: r.homeRegionCode,
  field: r.field,
  active: r.active,
});

export function inspectorView(r: InspectorView, today: string): InspectorItem {
  return {
    id: r.id,
    unitId: r.unitId,
    unitName: r.unitName,
    userId: r.userId,
    name: r.name,
    certificateNo: r.certificateNo,
    certificateValidUntil: r.certificateValidUntil,
    certificateValid: r.certificateValidUntil >= today,
    homeRegionCode: r.homeRegionCode,
    homeRegionName: r.homeRegionName,
    field: r.field,
    active: r.active,
    version: r.version,
  };
}

/** 执法检查人员名录库: list, register, change (optimistic version), deactivate — every change audited. */
export function createInspectorService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;
  const today = () => chinaToday(clock.now());

  /** A row in the caller's scope; to change it, the caller must also manage its unit. */
  async function load(ex: Executor, actor: Actor, id: number, opts: { manage?: boolean } = {}): Promise<InspectorView> {
    const row = await inspectorRepo.find(ex, scopeOn.enforcement_inspectors(actor.scope), id);
    if (!row) throw inspectorErrors.notFound();
    if (opts.manage) await managedUnit(ex, actor, row.unitId);
    return row;
  }

  /** The home village must be a region the caller sees; a linked account must belong to the inspector's unit. */
  async function checkRefs(ex: Executor, actor: Actor, unitId: number, body: { homeRegionCode?: string | null; userId?: number | null }) {
    if (body.homeRegionCode) {
      const [r] = await ex
        .select({ code: regions.code })
        .from(regions)
        .where(and(eq(regions.code, body.homeRegionCode), scopeOn.regions(actor.scope)));
      if (!r)
        throw errors.badRequest('enforcement.bad_home_region', '户籍或居住地应为您管辖范围内的村（社区）或乡镇', [
          { path: 'homeRegionCode', message: '行政区划不存在或不在管辖范围内' },
        ]);
    }
    if (body.userId) {
      const [u] = await ex.select({ unitId: users.unitId }).from(users).where(eq(users.id, body.userId));
      if (!u || u.unitId !== unitId)
        throw errors.badRequest('enforcement.bad_user', '关联账号应为本单位的账号', [
          { path: 'userId', message: '账号不存在或不属于本单位' },
        ]);
    }
  }

  async function checkCertificate(ex: Executor, certificateNo: string, selfId: number | null) {
    const holder = await inspectorRepo.byCertificate(ex, certificateNo);
    if (holder && holder.id !== selfId) throw inspectorErrors.certificateTaken(certificateNo, holder.name);
  }

  async function reload(actor: Actor, id: number) {
    return inspectorView(await load(db, actor, id), today());
  }

  return {
    async list(actor: Actor, q: InspectorListQuery) {
      const { rows, total } = await inspectorRepo.page(
        db,
        scopeOn.enforcement_inspectors(actor.scope),
        { unitId: q.unitId, validity: q.validity, includeInactive: q.includeInactive, q: q.q, today: today() },
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      return { items: rows.map((r) => inspectorView(r, today())), total };
    },

    get: reload,

    async create(actor: Actor, body: InspectorCreateBody): Promise<InspectorItem> {
      const id = await auditedTransaction(db, async (tx) => {
        await managedUnit(tx, actor, body.unitId);
        await checkRefs(tx, actor, body.unitId, body);
        await checkCertificate(tx, body.certificateNo, null);
        const now = clock.now();
        const row = await inspectorRepo.insert(tx, { ...body, createdAt: now, updatedAt: now });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementInspector',
          entityId: row.id,
          action: 'create',
          after: audited(row),
        });
        return row.id;
      });
      return reload(actor, id);
    },

    async update(actor: Actor, id: number, body: InspectorUpdateBody): Promise<InspectorItem> {
      await auditedTransaction(db, async (tx) => {
        const before = await load(tx, actor, id, { manage: true });
        if (before.version !== body.version) throw inspectorErrors.stale(before.version);
        const { version, ...changes } = body;
        await checkRefs(tx, actor, before.unitId, changes);
        if (changes.certificateNo) await checkCertificate(tx, changes.certificateNo, id);
        const after = await inspectorRepo.update(tx, id, version, { ...changes, updatedAt: clock.now() });
        if (!after) throw inspectorErrors.stale(before.version);
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementInspector',
          entityId: id,
          action: 'update',
          before: audited(before),
          after: audited(after),
        });
      });
      return reload(actor, id);
    },

    async deactivate(actor: Actor, id: number, body: InspectorDeactivateBody): Promise<InspectorItem> {
      await auditedTransaction(db, async (tx) => {
        const before = await load(tx, actor, id, { manage: true });
        if (before.version !== body.version) throw inspectorErrors.stale(before.version);
        const after = await inspectorRepo.update(tx, id, body.version, { active: false, updatedAt: clock.now() });
        if (!after) throw inspectorErrors.stale(before.version);
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementInspector',
          entityId: id,
          action: 'deactivate',
          before: audited(before),
          after: { ...audited(after), reason: body.reason },
        });
      });
      return reload(actor, id);
    },
  };
}

export type InspectorService = ReturnType<typeof createInspectorService>;
