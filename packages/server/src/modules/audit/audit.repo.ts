import { type AuditHead, GENESIS_HASH } from '@anzhi/core';
import { and, asc, desc, eq, gt, gte, ilike, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { auditAnchor, auditEvents } from './audit.table.ts';

export type AuditRow = typeof auditEvents.$inferSelect;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorUserId?: number;
  q?: string;
  from?: Date;
  to?: Date;
}

function where(f: AuditFilter): SQL | undefined {
  const c: SQL[] = [];
  if (f.entityType) c.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) c.push(eq(auditEvents.entityId, f.entityId));
  if (f.action) c.push(eq(auditEvents.action, f.action));
  if (f.actorUserId) c.push(eq(auditEvents.actorUserId, f.actorUserId));
  if (f.from) c.push(gte(auditEvents.at, f.from));
  if (f.to) c.push(lte(auditEvents.at, f.to));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '\\$&')}%`;
    const text = or(
      ilike(auditEvents.actorName, like),
      ilike(auditEvents.entityId, like),
      sql`${auditEvents.after}::text ILIKE ${like}`,
      sql`${auditEvents.before}::text ILIKE ${like}`,
    );
    if (text) c.push(text);
  }
  return c.length ? and(...c) : undefined;
}

export const auditRepo = {
  async lockChain(ex: Executor): Promise<void> {
    // One writer at a time extends the chain; the lock ends with the transaction.
    await ex.execute(sql`SELECT pg_advisory_xact_lock(7350001)`);
  },
  async lastHash(ex: Executor): Promise<string | null> {
    const [row] = await ex.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    return row?.hash ?? null;
  },
  async nextId(ex: Executor): Promise<number> {
    const result = (await ex.execute(sql`SELECT nextval(pg_get_serial_sequence('audit_events', 'id'))::int AS id`)) as unknown as {
      rows: { id: number }[];
    };
    return Number(result.rows[0]?.id);
  },
  async insert(ex: Executor, row: typeof auditEvents.$inferInsert): Promise<void> {
    await ex.insert(auditEvents).values(row);
  },
  async list(ex: Executor, f: AuditFilter, page: number, pageSize: number) {
    const w = where(f);
    const items = await ex
      .select()
      .from(auditEvents)
      .where(w)
      .orderBy(desc(auditEvents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [count] = await ex.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(w);
    return { items, total: Number(count?.n ?? 0) };
  },
  /** Events in chain order, from after `afterId`, for verification in batches. */
  async batchAfter(ex: Executor, afterId: number, size: number): Promise<AuditRow[]> {
    return ex.select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(asc(auditEvents.id)).limit(size);
  },
  /** Moves the anchor to the chain's new head, in the transaction that appended `added` events. */
  async advanceAnchor(ex: Executor, added: number, last: { id: number; hash: string }, at: Date): Promise<void> {
    await ex
      .update(auditAnchor)
      .set({ count: sql`${auditAnchor.count} + ${added}`, lastId: last.id, lastHash: last.hash, updatedAt: at })
      .where(eq(auditAnchor.id, 1));
  },
  async anchor(ex: Executor): Promise<AuditHead | null> {
    const [row] = await ex
      .select({ count: auditAnchor.count, lastId: auditAnchor.lastId, lastHash: auditAnchor.lastHash })
      .from(auditAnchor)
      .where(eq(auditAnchor.id, 1));
    return row ?? null;
  },
  /** The head as the events table has it now. */
  async head(ex: Executor): Promise<AuditHead> {
    const [count] = await ex.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    const [last] = await ex.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    return { count: Number(count?.n ?? 0), lastId: last?.id ?? 0, lastHash: last?.hash ?? GENESIS_HASH };
  },
};
