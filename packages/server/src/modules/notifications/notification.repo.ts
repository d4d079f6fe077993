import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../users/user.table.ts';
import { notifications } from './notification.table.ts';

export type NotificationRow = typeof notifications.$inferSelect;

/** What it takes to send an outbound copy of a notice. */
export interface OutboundDetails {
  title: string;
  body: string;
  link: string | null;
  email: string | null;
  userDisabled: boolean;
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

  /** What an outbound copy of one notice needs: its text and the recipient's address and state. */
  async outboundDetails(ex: Executor, notificationId: number): Promise<OutboundDetails | undefined> {
    const [row] = await ex
      .select({
        title: notifications.title,
        body: notifications.body,
        link: notifications.link,
        email: users.email,
        userDisabled: users.disabled,
      })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.id, notificationId));
    return row;
  },
};
