import { scopeCoversRegion, type Unit, type unitCreateBody, type unitUpdateBody } from '@anzhi/core';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { regionRepo } from '../regions/region.repo.ts';
import { type UnitFilter, type UnitRow, unitRepo } from './unit.repo.ts';

type CreateBody = z.infer<typeof unitCreateBody>;
type UpdateBody = z.infer<typeof unitUpdateBody>;

export function toUnit(u: UnitRow): Unit {
  return {
    id: u.id,
    name: u.name,
    shortName: u.shortName,
    aliases: u.aliases,
    kind: u.kind,
    regionCode: u.regionCode,
    industries: u.industries,
    supervisedRegionCodes: u.supervisedRegionCodes,
    phone: u.phone,
    disabled: u.disabled,
  };
}

function audited(u: UnitRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = u;
  return rest;
}

export function createUnitService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  async function checkRegions(ex: Executor, actor: Actor, regionCode: string, supervised: string[]) {
    for (const [field, code] of [['regionCode', regionCode], ...supervised.map((c) => ['supervisedRegionCodes', c])] as const) {
      if (!scopeCoversRegion(actor.scope, code)) {
        throw errors.forbidden(`区划 ${code} 超出了您的管理范围`, 'unit.scope_exceeded');
      }
      if (!(await regionRepo.findByCode(ex, code))) {
        throw errors.badRequest('unit.region_unknown', `${field === 'regionCode' ? '所属区划' : '监管区划'}：区划代码 ${code} 不存在`, [
          { path: field, message: `区划代码 ${code} 不存在` },
        ]);
      }
    }
  }

  async function checkNameFree(ex: Executor, regionCode: string, name: string, selfId?: number) {
    const existing = await unitRepo.findByName(ex, regionCode, name);
    if (existing && existing.id !== selfId) {
      throw errors.conflict('unit.name_taken', `单位名称：该区划下已有名为“${name}”的单位`, [{ path: 'name', message: '已存在同名单位' }]);
    }
  }

  return {
    async list(actor: Actor, filter: UnitFilter, page: number, pageSize: number) {
      const { items, total } = await unitRepo.list(db, actor.scope, filter, page, pageSize);
      return { items: items.map(toUnit), total };
    },

    async get(actor: Actor, id: number): Promise<Unit> {
      const unit = await unitRepo.findById(db, id, actor.scope);
      if (!unit) throw errors.notFound('成员单位', 'unit.not_found');
      return toUnit(unit);
    },

    async create(actor: Actor, body: CreateBody): Promise<Unit> {
      return auditedTransaction(db, async (tx) => {
        await checkRegions(tx, actor, body.regionCode, body.supervisedRegionCodes);
        await checkNameFree(tx, body.regionCode, body.name);
        const now = clock.now();
        const row = await unitRepo.insert(tx, {
          name: body.name,
          shortName: body.shortName ?? null,
          aliases: body.aliases,
          kind: body.kind,
          regionCode: body.regionCode,
          industries: body.industries,
          supervisedRegionCodes: body.supervisedRegionCodes,
          phone: body.phone ?? null,
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(tx, auditActorOf(actor), { entityType: 'unit', entityId: row.id, action: 'create', after: audited(row) });
        return toUnit(row);
      });
    },

    async update(actor: Actor, id: number, body: UpdateBody): Promise<Unit> {
      return auditedTransaction(db, async (tx) => {
        const before = await unitRepo.findById(tx, id, actor.scope);
        if (!before) throw errors.notFound('成员单位', 'unit.not_found');
        // Seeing a county unit does not make a township office its manager.
        if (!scopeCoversRegion(actor.scope, before.regionCode)) {
          throw errors.forbidden('该单位属于上级区划，您只能查看', 'unit.scope_exceeded');
        }
        const next = {
          name: body.name ?? before.name,
          shortName: body.shortName === undefined ? before.shortName : body.shortName,
          aliases: body.aliases ?? before.aliases,
          kind: body.kind ?? before.kind,
          regionCode: body.regionCode ?? before.regionCode,
          industries: body.industries ?? before.industries,
          supervisedRegionCodes: body.supervisedRegionCodes ?? before.supervisedRegionCodes,
          phone: body.phone === undefined ? before.phone : body.phone,
          disabled: body.disabled ?? before.disabled,
          updatedAt: clock.now(),
        };
        await checkRegions(tx, actor, next.regionCode, next.supervisedRegionCodes);
        await checkNameFree(tx, next.regionCode, next.name, id);
        const row = await unitRepo.update(tx, id, next);
        const action = next.disabled && !before.disabled ? 'disable' : !next.disabled && before.disabled ? 'enable' : 'update';
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'unit',
          entityId: id,
          action,
          before: audited(before),
          after: audited(row),
        });
        return toUnit(row);
      });
    },
  };
}

export type UnitService = ReturnType<typeof createUnitService>;
