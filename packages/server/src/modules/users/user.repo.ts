import { afterFailedLogin, type DataScope, isLocked, type LockState, type Role } from '@anzhi/core';
import { and, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { regionArraySubtree, scopeOn } from '../../db/data-scope.ts';
import { likeContains } from '../../lib/scope-sql.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { units } from '../units/unit.table.ts';
import { users } from './user.table.ts';

export type UserRow = typeof users.$inferSelect;
export type UserWithUnit = UserRow & { unitName: string | null; enterpriseName: string | null };

export interface UserFilter {
  q?: string;
  role?: Role;
  unitId?: number;
  regionCode?: string;
}

const columns = { user: users, unitName: units.name, enterpriseName: enterprises.name };

function flatten(rows: { user: UserRow; unitName: string | null; enterpriseName: string | null }[]): UserWithUnit[] {
  return rows.map((r) => ({ ...r.user, unitName: r.unitName, enterpriseName: r.enterpriseName }));
}

export const userRepo = {
  async findByUsername(ex: Executor, username: string): Promise<UserRow | undefined> {
    const [row] = await ex.select().from(users).where(eq(users.username, username)).limit(1);
    return row;
  },

  async findById(ex: Executor, id: number, scope: DataScope): Promise<UserWithUnit | undefined> {
    const rows = await ex
      .select(columns)
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
      .where(and(eq(users.id, id), scopeOn.users(scope)))
      .limit(1);
    return flatten(rows)[0];
  },

  async list(ex: Executor, scope: DataScope, f: UserFilter, page: number, pageSize: number) {
    const c: (SQL | undefined)[] = [scopeOn.users(scope)];
    if (f.q) c.push(or(ilike(users.username, likeContains(f.q)), ilike(users.displayName, likeContains(f.q))));
    if (f.role) c.push(sql`${f.role} = ANY(${users.roles})`);
    if (f.unitId) c.push(eq(users.unitId, f.unitId));
    if (f.regionCode) c.push(regionArraySubtree(users.regionCodes, f.regionCode));
    const where = and(...c);
    const rows = await ex
      .select(columns)
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
      .where(where)
      .orderBy(desc(users.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [count] = await ex.select({ n: sql<number>`count(*)::int` }).from(users).where(where);
    return { items: flatten(rows), total: Number(count?.n ?? 0) };
  },

  async count(ex: Executor, scope: DataScope): Promise<number> {
    const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(users).where(scopeOn.users(scope));
    return Number(row?.n ?? 0);
  },

  /**
   * Counts one sign-in attempt as failed before its password is checked (a right password resets the count), under
   * a row lock so parallel attempts queue. Null when the account is locked: no password may be checked then.
   */
  async countLoginAttempt(tx: Executor, id: number, now: Date): Promise<LockState | null> {
    const [row] = await tx
      .select({ failedLoginCount: users.failedLoginCount, lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, id))
      .for('update');
    if (!row || isLocked(row, now)) return null;
    const next = afterFailedLogin(row, now);
    await tx.update(users).set(next).where(eq(users.id, id));
    return next;
  },

  async insert(ex: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
    const [row] = await ex.insert(users).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  },

  async update(ex: Executor, id: number, values: Partial<typeof users.$inferInsert>): Promise<UserRow> {
    const [row] = await ex.update(users).set(values).where(eq(users.id, id)).returning();
    if (!row) throw new Error(`user ${id} vanished`);
    return row;
  },
};
