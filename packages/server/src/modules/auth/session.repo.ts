import { eq, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../users/user.table.ts';
import { sessions } from './session.table.ts';

export const sessionRepo = {
  async insert(ex: Executor, values: typeof sessions.$inferInsert): Promise<void> {
    await ex.insert(sessions).values(values);
  },
  async findWithUser(ex: Executor, id: string) {
    const [row] = await ex
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id))
      .limit(1);
    return row;
  },
  async touch(ex: Executor, id: string, at: Date): Promise<void> {
    await ex.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  },
  async delete(ex: Executor, id: string): Promise<void> {
    await ex.delete(sessions).where(eq(sessions.id, id));
  },
  async deleteForUser(ex: Executor, userId: number): Promise<void> {
    await ex.delete(sessions).where(eq(sessions.userId, userId));
  },
  async deleteIdleBefore(ex: Executor, cutoff: Date): Promise<void> {
    await ex.delete(sessions).where(lt(sessions.lastSeenAt, cutoff));
  },
};
