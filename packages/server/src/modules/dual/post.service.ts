import type { PostCreateBody, PostListQuery, PostUpdateBody, PostView } from '@anzhi/core';
import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { newPublicCode } from '../enterprises/enterprise.values.ts';
import { type PostRow, type PostWithEnterprise, postRepo } from './post.repo.ts';

export const postErrors = {
  notFound: () => errors.notFound('岗位', 'dual.post_not_found'),
  badEnterprise: () =>
    errors.badRequest('dual.post_bad_enterprise', '所属企业不存在或不在您的管辖范围内', [
      { path: 'enterpriseId', message: '企业不存在或不在管辖范围内' },
    ]),
  stale: (version: number) => errors.conflict('dual.post_stale', '该岗位已被他人修改，请刷新后再保存', { currentVersion: version }),
  inUse: (points: number, tasks: number) =>
    errors.conflict(
      'dual.post_in_use',
      `该岗位仍是${points ? ` ${points} 个风险点` : ''}${points && tasks ? '和' : ''}${tasks ? ` ${tasks} 项排查任务` : ''}的责任岗位，请先改派后再删除`,
    ),
};

export function postView(r: PostWithEnterprise): PostView {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    name: r.name,
    department: r.department,
    cards: {
      riskList: r.cards.riskList ?? [],
      dutyList: r.cards.dutyList ?? [],
      operationCard: r.cards.operationCard ?? [],
      emergencyCard: r.cards.emergencyCard ?? [],
    },
    quiz: r.quiz,
    publicCode: r.publicCode,
    attemptCount: r.attemptCount,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

const audited = (r: PostRow) => ({ enterpriseId: r.enterpriseId, name: r.name, department: r.department, cards: r.cards, quiz: r.quiz });

/** 岗位 with their 两单两卡 and 应知应会 quiz: an enterprise's own (the office may edit any in its scope); audited. */
export function createPostService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  async function load(ex: Executor, actor: Actor, id: number): Promise<PostWithEnterprise> {
    const row = await postRepo.find(ex, scopeOn.posts(actor.scope), id);
    if (!row) throw postErrors.notFound();
    return row;
  }

  return {
    load,

    async list(actor: Actor, q: PostListQuery) {
      return { items: (await postRepo.list(db, scopeOn.posts(actor.scope), q.enterpriseId)).map(postView) };
    },

    async get(actor: Actor, id: number) {
      return postView(await load(db, actor, id));
    },

    async create(actor: Actor, body: PostCreateBody): Promise<PostView> {
      const id = await auditedTransaction(db, async (tx) => {
        const [e] = await tx
          .select({ id: enterprises.id })
          .from(enterprises)
          .where(and(eq(enterprises.id, body.enterpriseId), scopeOn.enterprises(actor.scope)));
        if (!e) throw postErrors.badEnterprise();
        const now = clock.now();
        const row = await postRepo.insert(tx, {
          enterpriseId: e.id,
          name: body.name,
          department: body.department ?? null,
          cards: body.cards,
          quiz: body.quiz,
          publicCode: newPublicCode(),
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(tx, auditActorOf(actor), { entityType: 'post', entityId: row.id, action: 'create', after: audited(row) });
        return row.id;
      });
      return postView(await load(db, actor, id));
    },

    async update(actor: Actor, id: number, body: PostUpdateBody): Promise<PostView> {
      await auditedTransaction(db, async (tx) => {
        const before = await load(tx, actor, id);
        if (before.version !== body.version) throw postErrors.stale(before.version);
        const after = await postRepo.update(tx, id, body.version, {
          name: body.name,
          department: body.department ?? null,
          cards: body.cards,
          quiz: body.quiz,
          updatedAt: clock.now(),
        });
        if (!after) throw postErrors.stale(before.version + 1);
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'post',
          entityId: id,
          action: 'update',
          before: audited(before),
          after: audited(after),
        });
      });
      return postView(await load(db, actor, id));
    },

    /** A post no risk point or check task names any more; its quiz results go with it. */
    async remove(actor: Actor, id: number, version: number) {
      await auditedTransaction(db, async (tx) => {
        const before = await load(tx, actor, id);
        if (before.version !== version) throw postErrors.stale(before.version);
        const used = await postRepo.usedBy(tx, id);
        if (used.points || used.tasks) throw postErrors.inUse(used.points, used.tasks);
        await postRepo.remove(tx, id);
        await audit.record(tx, auditActorOf(actor), { entityType: 'post', entityId: id, action: 'delete', before: audited(before) });
      });
      return { ok: true as const };
    },

    async attempts(actor: Actor, id: number) {
      await load(db, actor, id);
      const rows = await postRepo.attempts(db, scopeOn.post_quiz_attempts(actor.scope), id);
      return {
        items: rows.map((r) => ({ id: r.id, takerName: r.takerName, score: r.score, total: r.total, takenAt: r.takenAt.toISOString() })),
      };
    },
  };
}

export type PostService = ReturnType<typeof createPostService>;
