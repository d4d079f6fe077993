import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../users/user.table.ts';
import { notificationDeliveries as deliveries, notifications } from './notification.table.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;

/** A claimed delivery with what it takes to send it. */
export interface DueDelivery {
  id: number;
  channel: string;
  attempts: number;
  title: string;
  body: string;
  link: string | null;
  email: string | null;
  userDisabled: boolean;
}

/** Bookkeeping kept in `notification_deliveries.payload` between attempts. */
export interface DeliveryPayload {
  retryAt?: string;
}

function mine(userId: number, unreadOnly?: boolean): SQL | undefined {
  return and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined);
}

export const notificationRepo = {
  /** Inserts the notices; a (user, dedupeKey) pair already present is left alone. Returns the new rows' ids. */
  async insertMany(ex: Executor, rows: (typeof notifications.$inferInsert)[]): Promise<number[]> {
    if (rows.length === 0) return [];
    const inserted = await ex
      .insert(notifications)
      .values(rows)
      .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
      .returning({ id: notifications.id });
    return inserted.map((r) => r.id).sort((a, b) => a - b);
  },

  async insertDeliveries(ex: Executor, rows: (typeof deliveries.$inferInsert)[]): Promise<void> {
    if (rows.length) await ex.insert(deliveries).values(rows);
  },

  async list(ex: Executor, userId: number, unreadOnly: boolean | undefined, page: number, pageSize: number) {
    const where = mine(userId, unreadOnly);
    const items = await ex
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [count] = await ex.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where);
    return { items, total: Number(count?.n ?? 0) };
  },

  async unreadCount(ex: Executor, userId: number): Promise<number> {
    const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(notifications).where(mine(userId, true));
    return Number(row?.n ?? 0);
  },

  /** Marks one of the user's notices read (keeping the first reading time); false when it is not theirs. */
  async markRead(ex: Executor, userId: number, id: number, at: Date): Promise<boolean> {
    const [row] = await ex
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
      .returning({ id: notifications.id });
    return row !== undefined;
  },

  async markAllRead(ex: Executor, userId: number, at: Date): Promise<number> {
    const rows = await ex.update(notifications).set({ readAt: at }).where(mine(userId, true)).returning({ id: notifications.id });
    return rows.length;
  },

  /**
   * Takes up to `limit` pending deliveries that are due, marking them 'sending' and counting the attempt, in one
   * statement: two processes (or two overlapping calls) never take the same row, so nothing is sent twice.
   */
  async claimDue(ex: Executor, now: Date, limit: number): Promise<DueDelivery[]> {
    const due = or(
      sql`${deliveries.payload}->>'retryAt' IS NULL`,
      sql`(${deliveries.payload}->>'retryAt')::timestamptz <= ${now.toISOString()}::timestamptz`,
    );
    const ids = ex
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(eq(deliveries.status, 'pending'), due))
      .orderBy(asc(deliveries.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    const claimed = await ex
      .update(deliveries)
      .set({ status: 'sending', attempts: sql`${deliveries.attempts} + 1` })
      .where(inArray(deliveries.id, ids))
      .returning({
        id: deliveries.id,
        notificationId: deliveries.notificationId,
        channel: deliveries.channel,
        attempts: deliveries.attempts,
      });
    if (claimed.length === 0) return [];
    const details = await ex
      .select({
        id: notifications.id,
        title: notifications.title,
        body: notifications.body,
        link: notifications.link,
        email: users.email,
        userDisabled: users.disabled,
      })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(
        inArray(
          notifications.id,
          claimed.map((c) => c.notificationId),
        ),
      );
    const byId = new Map(details.map((d) => [d.id, d]));
    return claimed
      .sort((a, b) => a.id - b.id)
      .flatMap((c) => {
        const d = byId.get(c.notificationId);
        return d ? [{ ...d, id: c.id, channel: c.channel, attempts: c.attempts }] : [];
      });
  },

  async finishDelivery(
    ex: Executor,
    id: number,
    values: { status: string; lastError: string | null; sentAt?: Date | null; payload?: DeliveryPayload | null },
  ): Promise<void> {
    await ex.update(deliveries).set(values).where(eq(deliveries.id, id));
  },

  async deliveriesOf(ex: Executor, notificationIds: number[]): Promise<DeliveryRow[]> {
    if (notificationIds.length === 0) return [];
    return ex.select().from(deliveries).where(inArray(deliveries.notificationId, notificationIds)).orderBy(asc(deliveries.id));
  },
};
