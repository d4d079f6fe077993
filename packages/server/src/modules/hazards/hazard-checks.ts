import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import { textArray } from '../../lib/sql-array.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { activeEnterpriseCondition } from '../enterprises/enterprise.repo.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import type { HazardPorts } from './hazard.ports.ts';
import type { HazardService } from './hazard.service.ts';
import { hazardCheckRequests, hazards } from './hazard.table.ts';

/**
 * 举一反三 ("检查一家、提升一片"): from a hazard that cites a criterion item, one action asks every similar enterprise in
 * the caller's scope (same domains or flags as the item) to check the same item and answer.
 */
export function createHazardChecks(
  deps: { db: Db; clock: Clock; audit: AuditService; hazards: HazardService } & Pick<HazardPorts, 'criterion' | 'notify' | 'recipients'>,
) {
  const { db, audit } = deps;

  return {
    async propagate(actor: Actor, hazardId: number, body: { criterionCode: string; deadline: string }) {
      const h = await deps.hazards.load(actor, hazardId);
      if (!h.criteriaCodes.includes(body.criterionCode)) {
        throw errors.badRequest('hazard.invalid_field', '只能就该隐患引用的判定标准条款举一反三', [
          { path: 'criterionCode', message: '未被引用' },
        ]);
      }
      if (body.deadline < deps.hazards.today())
        throw errors.badRequest('hazard.invalid_field', '排查期限不能早于今天', [{ path: 'deadline', message: '早于今天' }]);
      const item = await deps.criterion(body.criterionCode);
      if (!item) throw errors.badRequest('hazard.invalid_field', `判定依据“${body.criterionCode}”不在判定标准库中`);
      const similar = or(
        item.domains.length ? sql`${enterprises.domains} && ${textArray(item.domains)}` : undefined,
        item.flags.length ? sql`${enterprises.flags} && ${textArray(item.flags)}` : undefined,
      );
      if (!similar) return { created: 0 };
      return auditedTransaction(db, async (tx) => {
        const scope = scopeOn.enterprises(actor.scope);
        const rows = (await tx.execute(sql`
          INSERT INTO hazard_check_requests (source_hazard_id, criterion_code, enterprise_id, region_code, deadline, created_by, created_at)
          SELECT ${hazardId}, ${body.criterionCode}, ${enterprises.id}, ${enterprises.regionCode}, ${body.deadline}::date, ${actor.userId},
            ${deps.clock.now()}::timestamptz
          FROM ${enterprises}
          WHERE ${activeEnterpriseCondition()} AND ${enterprises.id} IS DISTINCT FROM ${h.enterpriseId}::int AND ${similar}
            ${scope ? sql`AND ${scope}` : sql``}
          ON CONFLICT DO NOTHING
          RETURNING enterprise_id`)) as unknown as { rows: { enterprise_id: number }[] };
        for (const r of rows.rows) {
          await deps.notify(tx, {
            userIds: await deps.recipients.ofEnterprise(tx, Number(r.enterprise_id)),
            kind: 'hazard.check',
            title: '举一反三排查',
            body: `请对照“${body.criterionCode} ${item.summary}”开展自查，于 ${body.deadline} 前反馈`,
            link: '/hazards/checks',
            entityType: 'hazardCheck',
            entityId: hazardId,
          });
        }
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'hazard',
          entityId: hazardId,
          action: 'propagate',
          after: { criterionCode: body.criterionCode, deadline: body.deadline, enterprises: rows.rows.length },
        });
        return { created: rows.rows.length };
      });
    },

    /** `enterpriseId`: one enterprise's checks (its 一企一档); not a query field of the route. */
    async list(actor: Actor, query: { status?: string; page: number; pageSize: number; enterpriseId?: number }) {
      const where = and(
        scopeOn.hazard_check_requests(actor.scope),
        query.status ? eq(hazardCheckRequests.status, query.status) : undefined,
        query.enterpriseId ? eq(hazardCheckRequests.enterpriseId, query.enterpriseId) : undefined,
      );
      const items = await db
        .select({
          id: hazardCheckRequests.id,
          criterionCode: hazardCheckRequests.criterionCode,
          enterpriseId: hazardCheckRequests.enterpriseId,
          enterpriseName: enterprises.name,
          status: hazardCheckRequests.status,
          deadline: hazardCheckRequests.deadline,
          answer: hazardCheckRequests.answer,
          sourceHazardCode: hazards.code,
          sourceHazardTitle: hazards.title,
          resultHazardId: hazardCheckRequests.resultHazardId,
        })
        .from(hazardCheckRequests)
        .leftJoin(enterprises, eq(enterprises.id, hazardCheckRequests.enterpriseId))
        .leftJoin(hazards, eq(hazards.id, hazardCheckRequests.sourceHazardId))
        .where(where)
        .orderBy(desc(hazardCheckRequests.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(hazardCheckRequests).where(where);
      return { items, total: Number(n?.n ?? 0) };
    },

    /** The enterprise answers: nothing found, or found (with the hazard it registered). */
    async answer(actor: Actor, id: number, body: { result: 'clear' | 'found'; answer: string; hazardId?: number | null }) {
      if (body.result === 'found' && !body.hazardId) {
        throw errors.badRequest('hazard.invalid_field', '发现隐患时请先登记隐患，并关联其编号', [{ path: 'hazardId', message: '必填' }]);
      }
      // Read outside the transaction: the embedded database has a single connection.
      const found = body.result === 'found' && body.hazardId ? await deps.hazards.load(actor, body.hazardId) : undefined;
      return auditedTransaction(db, async (tx: Executor) => {
        const [row] = await tx
          .select()
          .from(hazardCheckRequests)
          .where(and(eq(hazardCheckRequests.id, id), scopeOn.hazard_check_requests(actor.scope)))
          .for('update');
        if (!row) throw errors.notFound('排查要求', 'hazard.check_not_found');
        if (row.status !== 'open') throw errors.conflict('hazard.check_answered', '该排查要求已反馈');
        if (found && found.enterpriseId !== row.enterpriseId) {
          throw errors.badRequest('hazard.invalid_field', '关联的隐患不属于该企业', [{ path: 'hazardId', message: '不属于该企业' }]);
        }
        await tx
          .update(hazardCheckRequests)
          .set({ status: body.result, answer: body.answer, resultHazardId: body.hazardId ?? null, answeredAt: deps.clock.now() })
          .where(eq(hazardCheckRequests.id, id));
        await audit.record(tx, auditActorOf(actor), { entityType: 'hazardCheck', entityId: id, action: 'answer', after: body });
        return { ok: true as const };
      });
    },
  };
}
