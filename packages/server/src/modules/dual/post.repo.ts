import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { checkTasks, postQuizAttempts, posts, riskPoints } from './dual.table.ts';

export type PostRow = typeof posts.$inferSelect;
export type PostWithEnterprise = PostRow & { enterpriseName: string; attemptCount: number };

const attemptCount = (ex: Executor) =>
  ex
    .select({ postId: postQuizAttempts.postId, n: count().as('n') })
    .from(postQuizAttempts)
    .groupBy(postQuizAttempts.postId)
    .as('attempts');

/** 岗位 and their quiz results. Every read takes the caller's scope condition (scopeOn.posts / post_quiz_attempts). */
export const postRepo = {
  async list(ex: Executor, scope: SQL | undefined, enterpriseId?: number): Promise<PostWithEnterprise[]> {
    const a = attemptCount(ex);
    const rows = await ex
      .select({ row: posts, enterpriseName: enterprises.name, n: a.n })
      .from(posts)
      .innerJoin(enterprises, eq(enterprises.id, posts.enterpriseId))
      .leftJoin(a, eq(a.postId, posts.id))
      .where(and(scope, enterpriseId ? eq(posts.enterpriseId, enterpriseId) : undefined))
      .orderBy(asc(enterprises.name), asc(posts.name), asc(posts.id))
      .limit(1000);
    return rows.map((r) => ({ ...r.row, enterpriseName: r.enterpriseName, attemptCount: Number(r.n ?? 0) }));
  },

  async find(ex: Executor, scope: SQL | undefined, id: number): Promise<PostWithEnterprise | undefined> {
    const a = attemptCount(ex);
    const [r] = await ex
      .select({ row: posts, enterpriseName: enterprises.name, n: a.n })
      .from(posts)
      .innerJoin(enterprises, eq(enterprises.id, posts.enterpriseId))
      .leftJoin(a, eq(a.postId, posts.id))
      .where(and(scope, eq(posts.id, id)));
    return r && { ...r.row, enterpriseName: r.enterpriseName, attemptCount: Number(r.n ?? 0) };
  },

  /** The post a card's QR names, with its enterprise (no scope: the code is the key). */
  async byPublicCode(ex: Executor, publicCode: string) {
    const [r] = await ex
      .select({ row: posts, enterpriseName: enterprises.name })
      .from(posts)
      .innerJoin(enterprises, eq(enterprises.id, posts.enterpriseId))
      .where(eq(posts.publicCode, publicCode));
    return r && { ...r.row, enterpriseName: r.enterpriseName };
  },

  async insert(ex: Executor, values: typeof posts.$inferInsert): Promise<PostRow> {
    const [row] = await ex.insert(posts).values(values).returning();
    if (!row) throw new Error('postRepo.insert: no row');
    return row;
  },

  /** Changes the row if its version is still `version`; undefined when someone else changed it first. */
  async update(ex: Executor, id: number, version: number, values: Partial<typeof posts.$inferInsert>): Promise<PostRow | undefined> {
    const [row] = await ex
      .update(posts)
      .set({ ...values, version: version + 1 })
      .where(and(eq(posts.id, id), eq(posts.version, version)))
      .returning();
    return row;
  },

  /** What still names the post (a risk point it watches, a check task it owns): it cannot be deleted then. */
  async usedBy(ex: Executor, id: number): Promise<{ points: number; tasks: number }> {
    const [p] = await ex.select({ n: count() }).from(riskPoints).where(eq(riskPoints.postId, id));
    const [t] = await ex.select({ n: count() }).from(checkTasks).where(eq(checkTasks.postId, id));
    return { points: Number(p?.n ?? 0), tasks: Number(t?.n ?? 0) };
  },

  async remove(ex: Executor, id: number): Promise<void> {
    await ex.delete(postQuizAttempts).where(eq(postQuizAttempts.postId, id));
    await ex.delete(posts).where(eq(posts.id, id));
  },

  async insertAttempt(ex: Executor, values: typeof postQuizAttempts.$inferInsert) {
    const [row] = await ex.insert(postQuizAttempts).values(values).returning();
    if (!row) throw new Error('postRepo.insertAttempt: no row');
    return row;
  },

  async attempts(ex: Executor, scope: SQL | undefined, postId: number) {
    return ex
      .select()
      .from(postQuizAttempts)
      .where(and(scope, eq(postQuizAttempts.postId, postId)))
      .orderBy(desc(postQuizAttempts.takenAt), desc(postQuizAttempts.id))
      .limit(500);
  },
};
