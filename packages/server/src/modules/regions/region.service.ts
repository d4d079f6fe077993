import { impliedParentCode, isWithinRegion, type Region, type regionCreateBody, regionLevelOf, type regionUpdateBody } from '@anzhi/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { type RegionRow, regionRepo } from './region.repo.ts';

export function toRegion(r: RegionRow): Region {
  return { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, abolished: r.abolished, docPrefix: r.docPrefix };
}

export function createRegionService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;
  return {
    async list(actor: Actor): Promise<Region[]> {
      return (await regionRepo.list(db, actor.scope)).map(toRegion);
    },

    async create(actor: Actor, body: z.infer<typeof regionCreateBody>): Promise<Region> {
      return auditedTransaction(db, async (tx) => {
        if (await regionRepo.findByCode(tx, body.code)) {
          throw errors.conflict('region.code_taken', `区划代码：${body.code} 已存在`, [{ path: 'code', message: '已存在' }]);
        }
        const parentCode = body.parentCode ?? impliedParentCode(body.code);
        if (parentCode && (parentCode === body.code || !isWithinRegion(body.code, parentCode))) {
          throw errors.badRequest('region.parent_mismatch', `区划代码：${body.code} 不属于上级区划 ${parentCode}`, [
            { path: 'code', message: `不属于上级区划 ${parentCode}` },
          ]);
        }
        // The top region an installation holds may have no parent row; an explicitly named parent must exist.
        const parent = parentCode ? await regionRepo.findByCode(tx, parentCode) : undefined;
        if (!parent && body.parentCode) {
          throw errors.badRequest('region.parent_unknown', `上级区划：${parentCode} 不存在`, [{ path: 'parentCode', message: '不存在' }]);
        }
        const row = await regionRepo.insert(tx, {
          code: body.code,
          name: body.name,
          level: regionLevelOf(body.code),
          parentCode: parent ? parent.code : null,
          createdAt: clock.now(),
        });
        await audit.record(tx, auditActorOf(actor), { entityType: 'region', entityId: row.code, action: 'create', after: toRegion(row) });
        return toRegion(row);
      });
    },

    async update(actor: Actor, code: string, body: z.infer<typeof regionUpdateBody>): Promise<Region> {
      return auditedTransaction(db, async (tx) => {
        const before = await regionRepo.findByCode(tx, code);
        if (!before) throw errors.notFound('行政区划', 'region.not_found');
        const row = await regionRepo.update(tx, code, {
          name: body.name ?? before.name,
          abolished: body.abolished ?? before.abolished,
          docPrefix: body.docPrefix === undefined ? before.docPrefix : body.docPrefix,
        });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'region',
          entityId: code,
          action: 'update',
          before: toRegion(before),
          after: toRegion(row),
        });
        return toRegion(row);
      });
    },
  };
}

export type RegionService = ReturnType<typeof createRegionService>;
