import type { Enterprise, EnterpriseListQuery, EnterpriseStats, enterpriseCreateBody, enterpriseUpdateBody } from '@anzhi/core';
import { and } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import { systemScope } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { type AppError, errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { regionRepo } from '../regions/region.repo.ts';
import { auditedEnterprise, toEnterprise } from './enterprise.presenter.ts';
import {
  type EnterpriseFilter,
  enterpriseRepo,
  enterpriseWhere,
  highRiskMissingResponsiblesCondition,
  missingInsuranceCondition,
  standardisationExpiringCondition,
} from './enterprise.repo.ts';
import { FieldError, newPublicCode, resolveEnterpriseValues } from './enterprise.values.ts';

type CreateBody = z.infer<typeof enterpriseCreateBody>;
type UpdateBody = z.infer<typeof enterpriseUpdateBody>;

function fieldError(e: unknown): never {
  if (e instanceof FieldError) throw errors.badRequest('enterprise.invalid_field', e.message, [{ path: e.field, message: e.message }]);
  throw e;
}

function isUniqueViolation(e: unknown): boolean {
  for (let c = e as { code?: string; cause?: unknown } | undefined; c; c = c.cause as typeof c) if (c.code === '23505') return true;
  return false;
}

export function createEnterpriseService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  async function load(ex: Executor, actor: Actor, id: number) {
    const row = await enterpriseRepo.findById(ex, id, actor.scope);
    if (!row) throw errors.notFound('企业', 'enterprise.not_found');
    return row;
  }

  async function checkLandlord(ex: Executor, actor: Actor, landlordId: number | null | undefined, selfId?: number) {
    if (landlordId == null) return;
    if (landlordId === selfId)
      throw errors.badRequest('enterprise.invalid_field', '厂中厂：出租方不能是企业自己', [{ path: 'landlordId', message: '不能是自己' }]);
    if (!(await enterpriseRepo.findById(ex, landlordId, actor.scope))) {
      throw errors.badRequest('enterprise.invalid_field', `厂中厂：出租方企业（编号 ${landlordId}）不存在或不在您的范围内`, [
        { path: 'landlordId', message: '不存在' },
      ]);
    }
  }

  function duplicate(code: string | null | undefined): AppError {
    return errors.conflict('enterprise.duplicate_credit_code', `统一社会信用代码：${code} 已登记在另一家企业`, [
      { path: 'creditCode', message: '已被登记' },
    ]);
  }

  return {
    async list(actor: Actor, query: EnterpriseListQuery) {
      const { page, pageSize, sort, ...filter } = query;
      const where = enterpriseWhere(actor.scope, filter, chinaToday(clock.now()));
      const { items, total } = await enterpriseRepo.list(db, where, sort, page, pageSize);
      return { items: items.map(toEnterprise), total };
    },

    async get(actor: Actor, id: number): Promise<Enterprise> {
      return toEnterprise(await load(db, actor, id));
    },

    async tenants(actor: Actor, id: number) {
      await load(db, actor, id);
      return enterpriseRepo.tenants(db, id, actor.scope);
    },

    async history(actor: Actor, id: number) {
      await load(db, actor, id);
      return (await audit.list({ entityType: 'enterprise', entityId: String(id) }, 1, 200)).items;
    },

    async create(actor: Actor, body: CreateBody): Promise<Enterprise> {
      try {
        return await auditedTransaction(db, async (tx) => {
          await checkLandlord(tx, actor, body.landlordId);
          const values = await resolveEnterpriseValues(tx, actor, body).catch(fieldError);
          const now = clock.now();
          const row = await enterpriseRepo.insert(tx, {
            ...values,
            name: body.name,
            nameKey: values.nameKey as string,
            regionCode: body.regionCode,
            publicCode: newPublicCode(),
            createdAt: now,
            updatedAt: now,
          });
          await audit.record(tx, auditActorOf(actor), {
            entityType: 'enterprise',
            entityId: row.id,
            action: 'create',
            after: auditedEnterprise(row),
          });
          return toEnterprise(
            (await enterpriseRepo.findById(tx, row.id, systemScope)) as NonNullable<Awaited<ReturnType<typeof enterpriseRepo.findById>>>,
          );
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw duplicate(body.creditCode);
        throw e;
      }
    },

    async update(actor: Actor, id: number, body: UpdateBody): Promise<Enterprise> {
      try {
        return await auditedTransaction(db, async (tx) => {
          const before = await load(tx, actor, id);
          if (before.version !== body.version) {
            throw errors.conflict('enterprise.stale', '该企业信息已被他人修改，请刷新后再保存', { currentVersion: before.version });
          }
          await checkLandlord(tx, actor, body.landlordId, id);
          const values = await resolveEnterpriseValues(tx, actor, body, before).catch(fieldError);
          const row = await enterpriseRepo.update(tx, id, body.version, { ...values, updatedAt: clock.now() });
          if (!row) throw errors.conflict('enterprise.stale', '该企业信息已被他人修改，请刷新后再保存');
          await audit.record(tx, auditActorOf(actor), {
            entityType: 'enterprise',
            entityId: id,
            action: 'update',
            before: auditedEnterprise(before),
            after: auditedEnterprise(row),
          });
          return toEnterprise(
            (await enterpriseRepo.findById(tx, id, systemScope)) as NonNullable<Awaited<ReturnType<typeof enterpriseRepo.findById>>>,
          );
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw duplicate(body.creditCode);
        throw e;
      }
    },

    /** Counts for the statistics page; each number has a list filter that reproduces it. */
    async stats(actor: Actor, filter: EnterpriseFilter): Promise<EnterpriseStats> {
      const today = chinaToday(clock.now());
      const where = enterpriseWhere(actor.scope, filter, today);
      // Group by village under a township scope, by township above it.
      const scopeCodes = 'regionCodes' in actor.scope ? actor.scope.regionCodes : [];
      const regionLength = actor.scope.kind === 'all' || scopeCodes.some((c: string) => c.slice(6) === '000000') ? 9 : 12;
      const byRegion = await enterpriseRepo.countByRegionDomain(db, where, regionLength);
      const names = new Map((await regionRepo.list(db, { kind: 'all' })).map((r) => [r.code, r.name]));
      return {
        total: await enterpriseRepo.count(db, where),
        byRegionDomain: byRegion.map((r) => ({
          regionCode: r.regionCode,
          regionName: names.get(r.regionCode) ?? r.regionCode,
          domain: r.domain,
          count: Number(r.count),
        })),
        byRiskLevel: (await enterpriseRepo.countByRiskLevel(db, where)).map((r) => ({ riskLevel: r.riskLevel, count: Number(r.count) })),
        missingInsurance: await enterpriseRepo.count(db, and(where, missingInsuranceCondition(today))),
        standardisationExpiring: await enterpriseRepo.count(db, and(where, standardisationExpiringCondition(today))),
        highRiskMissingResponsibles: await enterpriseRepo.count(db, and(where, highRiskMissingResponsiblesCondition)),
      };
    },
  };
}

export type EnterpriseService = ReturnType<typeof createEnterpriseService>;
