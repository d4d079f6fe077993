import crypto from 'node:crypto';
import { type CurrentUser, isLocked, isSessionIdle, passwordPolicy, passwordProblem, permissionsOf, type Role, scopeOf } from '@anzhi/core';
import type { Db } from '../../db/client.ts';
import { systemScope } from '../../db/data-scope.ts';
import { type Actor, type AuditActor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../lib/password-hash.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { unitRepo } from '../units/unit.repo.ts';
import { type UserRow, userRepo } from '../users/user.repo.ts';
import { sessionRepo } from './session.repo.ts';

const TOUCH_EVERY_MS = 60_000;
/** Waits before asking again when the account reads as locked (see `reserveCheck`): about 1.5 s in all. */
const RESERVE_RETRY_MS = [100, 200, 400, 800];

function tokenId(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function actorOf(user: UserRow, ip: string | null): Actor {
  const roles = user.roles as Role[];
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    regionCodes: user.regionCodes,
    unitId: user.unitId,
    enterpriseId: user.enterpriseId,
    scope: scopeOf({ roles, regionCodes: user.regionCodes, unitId: user.unitId, enterpriseId: user.enterpriseId }),
    permissions: permissionsOf(roles),
    mustChangePassword: user.mustChangePassword,
    ip,
  };
}

/** One answer for a wrong password and an unknown username alike (same message, same shape). */
function invalidCredentials(): AppError {
  return new AppError(
    401,
    'auth.invalid_credentials',
    `用户名或密码错误（连续输错 ${passwordPolicy.maxFailedAttempts} 次账号将被锁定 ${passwordPolicy.lockMinutes} 分钟）`,
  );
}

function lockedError(until: Date | null): AppError {
  const when = until ? `至 ${formatTime(until)}` : `${passwordPolicy.lockMinutes} 分钟`;
  return new AppError(
    423,
    'auth.locked',
    `连续输错密码 ${passwordPolicy.maxFailedAttempts} 次，账号已锁定${when}，请稍后再试或联系管理员解锁`,
    { lockedUntil: until?.toISOString() ?? null },
  );
}

function formatTime(d: Date): string {
  // Township users read local (China) time.
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export function createAuthService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  /**
   * Counts one password check under the row lock, or null when the account is locked. Checks still in flight count
   * (that is what keeps a burst of parallel guesses at the limit), so several correct logins at once can find the
   * account "locked" by their own reservations until the first of them succeeds and resets the count: before
   * answering 423 the refused one waits for the checks in flight (a hash takes well under a second) and tries again.
   */
  async function reserveCheck(userId: number) {
    for (const waitMs of [...RESERVE_RETRY_MS, null]) {
      const attempt = await db.transaction((tx) => userRepo.countLoginAttempt(tx, userId, clock.now()));
      if (attempt || waitMs === null) return attempt;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    return null;
  }

  return {
    /** Checks the password and opens a session; returns the token for the cookie. */
    async login(username: string, password: string, ip: string | null, userAgent: string | null) {
      const user = await userRepo.findByUsername(db, username);
      const now = clock.now();
      const anonymous: AuditActor = { userId: null, name: username, roles: [], ip };
      if (!user) {
        await verifyPassword(await dummyHash(), password);
        await auditedTransaction(db, (tx) =>
          audit.record(tx, anonymous, {
            entityType: 'session',
            entityId: null,
            action: 'login_failed',
            after: { username, reason: 'unknown_user' },
          }),
        );
        throw invalidCredentials();
      }
      const who: AuditActor = { userId: user.id, name: user.displayName, roles: user.roles, ip };
      // The attempt is counted (under a row lock) before the password is checked, so a burst of parallel guesses
      // cannot all read the same count: at most maxFailedAttempts passwords are ever checked before the lock.
      const attempt = await reserveCheck(user.id);
      if (!attempt) throw lockedError((await userRepo.findByUsername(db, username))?.lockedUntil ?? user.lockedUntil);
      const ok = await verifyPassword(user.passwordHash, password);
      if (!ok) {
        const lockedNow = isLocked(attempt, now);
        await auditedTransaction(db, (tx) =>
          audit.record(tx, who, {
            entityType: 'session',
            entityId: String(user.id),
            action: lockedNow ? 'locked' : 'login_failed',
            after: { username, failedLoginCount: lockedNow ? passwordPolicy.maxFailedAttempts : attempt.failedLoginCount },
          }),
        );
        if (lockedNow) throw lockedError(attempt.lockedUntil);
        // The same answer as for an unknown username: the response must not tell whether the account exists.
        throw invalidCredentials();
      }
      if (user.disabled) throw errors.forbidden('该账号已停用，请联系管理员', 'auth.disabled');
      const token = crypto.randomBytes(32).toString('base64url');
      await auditedTransaction(db, async (tx) => {
        await userRepo.update(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
        await sessionRepo.insert(tx, {
          id: tokenId(token),
          userId: user.id,
          createdAt: now,
          lastSeenAt: now,
          ip,
          userAgent: userAgent?.slice(0, 300) ?? null,
        });
        await audit.record(tx, who, { entityType: 'session', entityId: String(user.id), action: 'login' });
      });
      return { token, user: await this.currentUser(actorOf({ ...user, lastLoginAt: now }, ip)) };
    },

    /** Resolves a session token to its actor; null when absent, expired by idleness, or the account is disabled. */
    async resolve(token: string, ip: string | null): Promise<{ actor: Actor; sessionId: string } | { expired: true } | null> {
      const id = tokenId(token);
      const row = await sessionRepo.findWithUser(db, id);
      if (!row) return null;
      const now = clock.now();
      if (isSessionIdle(row.session.lastSeenAt, now)) {
        await sessionRepo.delete(db, id);
        return { expired: true };
      }
      if (row.user.disabled) return null;
      if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await sessionRepo.touch(db, id, now);
      return { actor: actorOf(row.user, ip), sessionId: id };
    },

    async logout(actor: Actor, sessionId: string) {
      await auditedTransaction(db, async (tx) => {
        await sessionRepo.delete(tx, sessionId);
        await audit.record(tx, auditActorOf(actor), { entityType: 'session', entityId: String(actor.userId), action: 'logout' });
      });
    },

    async changePassword(actor: Actor, sessionId: string, oldPassword: string, newPassword: string) {
      const user = await userRepo.findById(db, actor.userId, systemScope);
      if (!user) throw errors.unauthenticated();
      if (!(await verifyPassword(user.passwordHash, oldPassword))) {
        throw errors.badRequest('auth.wrong_password', '原密码：不正确', [{ path: 'oldPassword', message: '原密码不正确' }]);
      }
      const problem = passwordProblem(newPassword, user.username);
      if (problem) throw errors.badRequest('auth.weak_password', `新密码：${problem}`, [{ path: 'newPassword', message: problem }]);
      if (await verifyPassword(user.passwordHash, newPassword)) {
        throw errors.badRequest('auth.same_password', '新密码：不能与原密码相同', [{ path: 'newPassword', message: '不能与原密码相同' }]);
      }
      const passwordHash = await hashPassword(newPassword);
      await auditedTransaction(db, async (tx) => {
        const now = clock.now();
        await userRepo.update(tx, user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now });
        // Other sessions of this account end: whoever knew the old password is signed out.
        await sessionRepo.deleteForUser(tx, user.id);
        await sessionRepo.insert(tx, { id: sessionId, userId: user.id, createdAt: now, lastSeenAt: now, ip: actor.ip, userAgent: null });
        await audit.record(tx, auditActorOf(actor), { entityType: 'user', entityId: user.id, action: 'change_password' });
      });
    },

    async currentUser(actor: Actor): Promise<CurrentUser> {
      const user = await userRepo.findById(db, actor.userId, systemScope);
      if (!user) throw errors.unauthenticated();
      const unit = user.unitId ? await unitRepo.findById(db, user.unitId, systemScope) : undefined;
      const enterprise = user.enterpriseId ? await enterpriseRepo.findById(db, user.enterpriseId, systemScope) : undefined;
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: user.roles as Role[],
        regionCodes: user.regionCodes,
        unitId: user.unitId,
        unitName: unit?.name ?? null,
        enterpriseId: user.enterpriseId ?? null,
        enterpriseName: enterprise?.name ?? null,
        mustChangePassword: user.mustChangePassword,
        permissions: actor.permissions,
      };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
