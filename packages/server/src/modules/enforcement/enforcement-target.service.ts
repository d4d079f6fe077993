import {
  ceasedEnterpriseStatuses,
  type TargetDeriveResult,
  type TargetExclusionBody,
  type TargetItem,
  type TargetListQuery,
} from '@anzhi/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { enforcementTargets } from './enforcement.table.ts';
import { managedUnit } from './enforcement-access.ts';
import { deriveTargetsFromRegistry } from './enforcement-target.repo.ts';
import { type TargetView, targetListRepo } from './enforcement-target-list.repo.ts';

const notFound = () => errors.notFound('检查对象', 'enforcement.target_not_found');

export function targetView(r: TargetView): TargetItem {
  return {
    id: r.id,
    unitId: r.unitId,
    unitName: r.unitName,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    riskLevel: r.riskLevel,
    flags: r.flags,
    source: r.source,
    excluded: r.excluded,
    excludedReason: r.excludedReason,
  };
}

/** 检查对象名录库: derived from the registry (三管三必须), added by hand, taken out and put back with a reason. */
export function createTargetService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  async function get(actor: Actor, id: number): Promise<TargetItem> {
    const row = await targetListRepo.find(db, scopeOn.enforcement_targets(actor.scope), id);
    if (!row) throw notFound();
    return targetView(row);
  }

  return {
    get,

    async list(actor: Actor, q: TargetListQuery) {
      const { rows, total } = await targetListRepo.page(
        db,
        scopeOn.enforcement_targets(actor.scope),
        { unitId: q.unitId, q: q.q, regionCode: q.regionCode, excluded: q.excluded },
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      return { items: rows.map(targetView), total };
    },

    async derive(actor: Actor, unitId: number): Promise<TargetDeriveResult> {
      return auditedTransaction(db, async (tx) => {
        const unit = await managedUnit(tx, actor, unitId);
        const added = await deriveTargetsFromRegistry(tx, unit.id, clock.now());
        const stale = (await targetListRepo.stale(tx, unit.id)).map((s) => ({
          targetId: s.targetId,
          enterpriseId: s.enterpriseId,
          enterpriseName: s.enterpriseName,
          reason: (ceasedEnterpriseStatuses as string[]).includes(s.status) ? '企业已关闭' : '企业已改由其他单位监管',
        }));
        const total = await targetListRepo.countOfUnit(tx, unit.id);
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementTargets',
          entityId: unit.id,
          action: 'derive',
          after: { added, total, stale: stale.map((s) => s.targetId) },
        });
        return { added, total, stale };
      });
    },

    async create(actor: Actor, body: { unitId: number; enterpriseId: number }): Promise<TargetItem> {
      const id = await auditedTransaction(db, async (tx) => {
        const unit = await managedUnit(tx, actor, body.unitId);
        // Any enterprise the caller sees: a unit may inspect beyond what the registry gives it (e.g. 联合检查).
        const [e] = await tx
          .select({ id: enterprises.id, regionCode: enterprises.regionCode, status: enterprises.status })
          .from(enterprises)
          .where(and(eq(enterprises.id, body.enterpriseId), scopeOn.enterprises(actor.scope)));
        if (!e)
          throw errors.badRequest('enforcement.bad_enterprise', '企业不存在或不在您的管辖范围内', [
            { path: 'enterpriseId', message: '企业不存在或无权查看' },
          ]);
        if ((ceasedEnterpriseStatuses as string[]).includes(e.status))
          throw errors.badRequest('enforcement.enterprise_closed', '该企业已关闭，不能列入检查对象名录库', [
            { path: 'enterpriseId', message: '企业已关闭' },
          ]);
        const [existing] = await tx
          .select({ id: enforcementTargets.id })
          .from(enforcementTargets)
          .where(and(eq(enforcementTargets.unitId, unit.id), eq(enforcementTargets.enterpriseId, e.id)));
        if (existing)
          throw errors.conflict('enforcement.target_exists', '该企业已在本单位的检查对象名录库中', [
            { path: 'enterpriseId', message: '已在名录库中' },
          ]);
        const now = clock.now();
        const row = await targetListRepo.insert(tx, {
          unitId: unit.id,
          enterpriseId: e.id,
          regionCode: e.regionCode,
          source: 'manual',
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementTarget',
          entityId: row.id,
          action: 'create',
          after: { unitId: unit.id, enterpriseId: e.id, source: 'manual' },
        });
        return row.id;
      });
      return get(actor, id);
    },

    async setExclusion(actor: Actor, id: number, body: TargetExclusionBody): Promise<TargetItem> {
      await auditedTransaction(db, async (tx) => {
        const row = await targetListRepo.find(tx, scopeOn.enforcement_targets(actor.scope), id);
        if (!row) throw notFound();
        await managedUnit(tx, actor, row.unitId);
        if (row.excluded === body.excluded)
          throw errors.conflict('enforcement.target_unchanged', body.excluded ? '该对象已移出名录库' : '该对象已在名录库中', [
            { path: 'excluded', message: '状态未改变' },
          ]);
        await targetListRepo.setExcluded(tx, id, body.excluded, body.excluded ? body.reason : null, clock.now());
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementTarget',
          entityId: id,
          action: body.excluded ? 'exclude' : 'include',
          before: { excluded: row.excluded, excludedReason: row.excludedReason },
          after: { excluded: body.excluded, reason: body.reason },
        });
      });
      return get(actor, id);
    },
  };
}

export type TargetService = ReturnType<typeof createTargetService>;
