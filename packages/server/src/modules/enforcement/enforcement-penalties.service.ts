import {
  canMovePenalty,
  type PenaltyCreateBody,
  type PenaltyListQuery,
  type PenaltyPatchBody,
  type PenaltyView,
  penaltyStatusLabels,
  unknownLegalBasis,
} from '@anzhi/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { units } from '../units/unit.table.ts';
import { enforcementPenalties } from './enforcement.table.ts';
import { allocateEnforcementDoc } from './enforcement-doc-numbers.ts';
import { triadRepo } from './enforcement-triad.repo.ts';

const field = (path: string, message: string) => errors.badRequest('enforcement.penalty_invalid', message, [{ path, message }]);

/** The deciding unit and the links of a new case, each checked against the caller's scope. */
async function caseLinks(tx: Tx, actor: Actor, body: PenaltyCreateBody): Promise<{ unitId: number; regionCode: string }> {
  const [ent] = await tx
    .select({ id: enterprises.id, regionCode: enterprises.regionCode })
    .from(enterprises)
    .where(and(eq(enterprises.id, body.enterpriseId), scopeOn.enterprises(actor.scope)));
  if (!ent) throw errors.notFound('企业', 'enforcement.enterprise_not_found');
  let unitId: number | null = null;
  if (body.orderId) {
    const order = await triadRepo.orderInScope(tx, actor.scope, body.orderId);
    if (!order) throw errors.notFound('整改指令书', 'enforcement.order_not_found');
    if (order.enterpriseId !== ent.id) throw field('orderId', '该整改指令书不是这家企业的');
    if (body.checkId && body.checkId !== order.checkId) throw field('checkId', '检查记录与整改指令书不一致');
    unitId = order.unitId;
  }
  if (body.checkId) {
    const check = await triadRepo.checkInScope(tx, actor.scope, body.checkId);
    if (!check) throw errors.notFound('检查记录', 'enforcement.check_not_found');
    if (check.enterpriseId !== ent.id) throw field('checkId', '该检查记录不是这家企业的');
    unitId = check.unitId;
  }
  if (body.hazardId) {
    const [h] = await tx
      .select({ enterpriseId: hazards.enterpriseId })
      .from(hazards)
      .where(and(eq(hazards.id, body.hazardId), scopeOn.hazards(actor.scope)));
    if (!h) throw errors.notFound('隐患', 'enforcement.hazard_not_found');
    if (h.enterpriseId !== ent.id) throw field('hazardId', '该隐患不是这家企业的');
  }
  if (actor.scope.kind === 'unit') {
    if ((unitId ?? body.unitId ?? actor.scope.unitId) !== actor.scope.unitId) throw field('unitId', '只能以本单位名义立案');
    unitId = actor.scope.unitId;
  }
  unitId ??= body.unitId ?? actor.unitId;
  if (!unitId) throw field('unitId', '请选择立案的执法单位');
  const [unit] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), scopeOn.units(actor.scope)));
  if (!unit) throw field('unitId', '执法单位不存在或不在您的管辖范围内');
  return { unitId, regionCode: ent.regionCode };
}

/**
 * 行政处罚案件 (安全生产法 2021, regulations.md §1.3): filed with its legal basis from core's versioned list, then
 * 告知 → 决定 (the 行政处罚决定书 number allocated) → 执行 → 结案, or withdrawn with a reason before a decision.
 */
export function createEnforcementPenalties(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  async function view(id: number): Promise<PenaltyView> {
    const [row] = await db.select().from(enforcementPenalties).where(eq(enforcementPenalties.id, id));
    if (!row) throw errors.notFound('处罚案件', 'enforcement.penalty_not_found');
    return (await triadRepo.presentPenalties(db, [row]))[0] as PenaltyView;
  }

  return {
    async create(actor: Actor, body: PenaltyCreateBody): Promise<PenaltyView> {
      const unknown = unknownLegalBasis(body.legalBasis);
      if (unknown.length)
        throw errors.badRequest(
          'enforcement.legal_basis_unknown',
          `处罚依据不在安全生产法条款清单中：${unknown.join('、')}`,
          body.legalBasis.flatMap((c, i) => (unknown.includes(c) ? [{ path: `legalBasis.${i}`, message: '未知的法律条款' }] : [])),
        );
      const now = clock.now();
      const today = chinaToday(now);
      if (body.filedOn && body.filedOn > today) throw field('filedOn', '立案日期不能晚于今天');
      const id = await auditedTransaction(db, async (tx) => {
        const { unitId, regionCode } = await caseLinks(tx, actor, body);
        const [row] = await tx
          .insert(enforcementPenalties)
          .values({
            unitId,
            enterpriseId: body.enterpriseId,
            regionCode,
            checkId: body.checkId ?? null,
            orderId: body.orderId ?? null,
            hazardId: body.hazardId ?? null,
            status: 'filed',
            legalBasis: [...new Set(body.legalBasis)],
            facts: body.facts,
            amount: body.amount,
            majorHazard: body.majorHazard,
            dualInquiry: body.dualInquiry,
            filedOn: body.filedOn ?? today,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!row) throw new Error('penalty insert returned nothing');
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementPenalty',
          entityId: row.id,
          action: 'file',
          after: { ...body, unitId },
        });
        return row.id;
      });
      return view(id);
    },

    async list(actor: Actor, q: PenaltyListQuery): Promise<{ items: PenaltyView[]; total: number }> {
      const { rows, total } = await triadRepo.listPenalties(db, actor.scope, q);
      return { items: await triadRepo.presentPenalties(db, rows), total };
    },

    async get(actor: Actor, id: number): Promise<PenaltyView> {
      const row = await triadRepo.penaltyInScope(db, actor.scope, id);
      if (!row) throw errors.notFound('处罚案件', 'enforcement.penalty_not_found');
      return (await triadRepo.presentPenalties(db, [row]))[0] as PenaltyView;
    },

    async move(actor: Actor, id: number, body: PenaltyPatchBody): Promise<PenaltyView> {
      await auditedTransaction(db, async (tx) => {
        const row = await triadRepo.penaltyInScope(tx, actor.scope, id, true);
        if (!row) throw errors.notFound('处罚案件', 'enforcement.penalty_not_found');
        if (row.version !== body.version) throw errors.conflict('enforcement.version_conflict', '该案件已被他人修改，请刷新后重试');
        if (!canMovePenalty(row.status, body.to))
          throw errors.badRequest(
            'enforcement.penalty_transition',
            `案件当前为“${penaltyStatusLabels[row.status]}”，不能改为“${penaltyStatusLabels[body.to]}”`,
            [{ path: 'to', message: '不允许的状态变更' }],
          );
        const now = clock.now();
        const on = body.on ?? chinaToday(now);
        if (on > chinaToday(now)) throw field('on', '日期不能晚于今天');
        if (on < row.filedOn) throw field('on', '日期不能早于立案日期');
        const set: Partial<typeof enforcementPenalties.$inferInsert> = { status: body.to, updatedAt: now };
        if (body.to === 'withdrawn') {
          if (!body.reason?.trim()) throw field('reason', '撤销案件须填写理由');
          set.withdrawnReason = body.reason.trim();
        }
        if (body.amount !== undefined) {
          if (body.to !== 'decided') throw field('amount', '只有作出处罚决定时可以调整罚款金额');
          set.amount = body.amount;
        }
        if (body.to === 'decided') {
          const { row: doc } = await allocateEnforcementDoc(tx, {
            unitId: row.unitId,
            kind: 'penaltyDecision',
            entityType: 'penalty',
            entityId: row.id,
            year: Number(on.slice(0, 4)),
            now,
            actorId: actor.userId,
          });
          set.decidedOn = on;
          set.decisionNo = doc.number;
        }
        if (body.to === 'closed' || body.to === 'withdrawn') set.closedOn = on;
        await tx
          .update(enforcementPenalties)
          .set({ ...set, version: sql`${enforcementPenalties.version} + 1` })
          .where(eq(enforcementPenalties.id, row.id));
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementPenalty',
          entityId: row.id,
          action: body.to,
          before: { status: row.status, amount: row.amount },
          after: {
            status: body.to,
            on,
            reason: body.reason ?? null,
            amount: set.amount ?? row.amount,
            decisionNo: set.decisionNo ?? row.decisionNo,
          },
        });
      });
      return view(id);
    },
  };
}

export type EnforcementPenalties = ReturnType<typeof createEnforcementPenalties>;
