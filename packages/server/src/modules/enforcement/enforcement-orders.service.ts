import {
  doneCheckStatuses,
  type OrderCreateBody,
  type OrderListQuery,
  type OrderView,
  orderIsOpen,
  type RecheckBody,
  recheckDueOn,
  recheckProblems,
} from '@anzhi/core';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { resolveSettings } from '../settings/settings.resolver.ts';
import { enforcementOrders } from './enforcement.table.ts';
import { allocateEnforcementDoc } from './enforcement-doc-numbers.ts';
import { triadRepo } from './enforcement-triad.repo.ts';

const isDone = (status: string) => (doneCheckStatuses as readonly string[]).includes(status);

/**
 * 责令限期整改指令书 from a signed check and its 整改复查意见书 (执法三部曲, regulations.md §9.3): issuing numbers the
 * order, the 复查 numbers the opinion; both audited in the same transaction.
 */
export function createEnforcementOrders(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;
  const today = () => chinaToday(clock.now());

  async function view(id: number): Promise<OrderView> {
    const [row] = await db.select().from(enforcementOrders).where(eq(enforcementOrders.id, id));
    if (!row) throw errors.notFound('整改指令书', 'enforcement.order_not_found');
    const [v] = await triadRepo.presentOrders(db, [row], today());
    return v as OrderView;
  }

  return {
    async create(actor: Actor, body: OrderCreateBody): Promise<OrderView> {
      const id = await auditedTransaction(db, async (tx) => {
        const check = await triadRepo.checkInScope(tx, actor.scope, body.checkId);
        if (!check) throw errors.notFound('检查记录', 'enforcement.check_not_found');
        if (!isDone(check.status))
          throw errors.badRequest('enforcement.check_not_signed', '检查尚未现场签字，不能下达整改指令书', [
            { path: 'checkId', message: '请先完成现场检查并由双方签字' },
          ]);
        const now = clock.now();
        const day = chinaToday(now);
        if (body.deadline < day)
          throw errors.badRequest('enforcement.deadline_past', '整改期限不能早于今天', [
            { path: 'deadline', message: '整改期限不能早于今天' },
          ]);
        const items = await triadRepo.checkItems(tx, check.id);
        const open = items.filter((i) => i.result === 'fail' && !i.fixedOnSpot);
        const openIds = new Set(open.map((i) => i.id));
        const bad = (body.itemIds ?? []).flatMap((itemId, k) =>
          openIds.has(itemId) ? [] : [{ path: `itemIds.${k}`, message: '该项不是本次检查中不符合且未当场整改的项目' }],
        );
        if (bad.length) throw errors.badRequest('enforcement.order_items_invalid', '整改项目不正确', bad);
        const itemIds = body.itemIds ? [...new Set(body.itemIds)] : open.map((i) => i.id);
        if (!itemIds.length)
          throw errors.badRequest('enforcement.nothing_to_order', '该检查没有需要限期整改的项目（不符合项均已当场整改）', [
            { path: 'itemIds', message: '没有可整改的项目' },
          ]);
        if (await triadRepo.orderOfCheck(tx, check.id))
          throw errors.conflict('enforcement.order_exists', '该检查已下达整改指令书，请在原指令书上复查');
        const { recheckDays } = (await resolveSettings(tx, check.regionCode)).enforcement;
        const [row] = await tx
          .insert(enforcementOrders)
          .values({
            checkId: check.id,
            unitId: check.unitId,
            enterpriseId: check.enterpriseId,
            regionCode: check.regionCode,
            status: 'open',
            itemIds,
            issuedOn: day,
            deadline: body.deadline,
            recheckDueOn: recheckDueOn(body.deadline, recheckDays),
            issuedBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!row) throw new Error('order insert returned nothing');
        const { row: doc } = await allocateEnforcementDoc(tx, {
          unitId: row.unitId,
          kind: 'rectificationOrder',
          entityType: 'order',
          entityId: row.id,
          year: Number(day.slice(0, 4)),
          now,
          actorId: actor.userId,
        });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementOrder',
          entityId: row.id,
          action: 'issue',
          after: { checkId: row.checkId, itemIds, deadline: row.deadline, recheckDueOn: row.recheckDueOn, number: doc.number },
        });
        return row.id;
      });
      return view(id);
    },

    async list(actor: Actor, q: OrderListQuery): Promise<{ items: OrderView[]; total: number }> {
      const day = today();
      const { rows, total } = await triadRepo.listOrders(db, actor.scope, q, day);
      return { items: await triadRepo.presentOrders(db, rows, day), total };
    },

    async get(actor: Actor, id: number): Promise<OrderView> {
      const row = await triadRepo.orderInScope(db, actor.scope, id);
      if (!row) throw errors.notFound('整改指令书', 'enforcement.order_not_found');
      const [v] = await triadRepo.presentOrders(db, [row], today());
      return v as OrderView;
    },

    /** 整改复查: per item 已整改/未整改; before the deadline only with a reason. Numbers the 整改复查意见书. */
    async recheck(actor: Actor, id: number, body: RecheckBody): Promise<OrderView> {
      await auditedTransaction(db, async (tx) => {
        const row = await triadRepo.orderInScope(tx, actor.scope, id, true);
        if (!row) throw errors.notFound('整改指令书', 'enforcement.order_not_found');
        if (row.version !== body.version) throw errors.conflict('enforcement.version_conflict', '该指令书已被他人修改，请刷新后重试');
        if (!orderIsOpen(row.status)) throw errors.conflict('enforcement.order_closed', '该指令书已复查或已撤销，不能再次复查');
        const now = clock.now();
        const problems = recheckProblems(row, body, chinaToday(now));
        if (problems.length) {
          const early = problems.find((p) => p.path === 'earlyReason');
          throw errors.badRequest(
            early ? 'enforcement.early_recheck_reason' : 'enforcement.recheck_invalid',
            early ? early.message : (problems[0]?.message ?? '复查内容不正确'),
            problems,
          );
        }
        const results = body.results.map((r) => ({ itemId: r.itemId, result: r.result, note: r.note?.trim() || null }));
        await tx
          .update(enforcementOrders)
          .set({
            status: 'rechecked',
            recheckedOn: body.on,
            recheckResults: results,
            earlyRecheckReason: body.on < row.deadline ? (body.earlyReason?.trim() ?? null) : null,
            recheckedBy: actor.userId,
            version: sql`${enforcementOrders.version} + 1`,
            updatedAt: now,
          })
          .where(eq(enforcementOrders.id, row.id));
        const { row: doc } = await allocateEnforcementDoc(tx, {
          unitId: row.unitId,
          kind: 'recheckOpinion',
          entityType: 'order',
          entityId: row.id,
          year: Number(body.on.slice(0, 4)),
          now,
          actorId: actor.userId,
        });
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'enforcementOrder',
          entityId: row.id,
          action: 'recheck',
          before: { status: row.status },
          after: { status: 'rechecked', on: body.on, results, earlyReason: body.earlyReason ?? null, number: doc.number },
        });
      });
      return view(id);
    },
  };
}

export type EnforcementOrders = ReturnType<typeof createEnforcementOrders>;
