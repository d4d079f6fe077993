import {
  canAssignAccount,
  passwordProblem,
  type Role,
  scopeCoversRegion,
  type User,
  type userCreateBody,
  type userUpdateBody,
} from '@anzhi/core';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import { systemScope } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, errors } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/password-hash.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { sessionRepo } from '../auth/session.repo.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { unitRepo } from '../units/unit.repo.ts';
import { auditedUser, toUser } from './user.presenter.ts';
import { type UserFilter, userRepo } from './user.repo.ts';

type CreateBody = z.infer<typeof userCreateBody>;
type UpdateBody = z.infer<typeof userUpdateBody>;

export function createUserService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;

  /** Whether the actor may manage an account with these roles and regions (an existing account: as it is now). */
  function checkScope(actor: Actor, roles: Role[], regionCodes: string[], enterpriseId: number | null) {
    const problem = canAssignAccount(actor.scope, actor.roles, { roles, regionCodes, unitId: null, enterpriseId });
    if (problem) throw errors.forbidden(problem, 'user.scope_exceeded');
  }

  async function checkAssignable(
    ex: Executor,
    actor: Actor,
    roles: Role[],
    regionCodes: string[],
    unitId: number | null,
    enterpriseId: number | null,
  ) {
    if (roles.includes('enterprise') && enterpriseId == null) {
      throw errors.badRequest('user.enterprise_required', '所属企业：企业账号必须指定所属企业', [
        { path: 'enterpriseId', message: '所属企业：请选择' },
      ]);
    }
    if (enterpriseId != null && !roles.includes('enterprise')) {
      throw errors.badRequest('user.invalid_field', '所属企业：只有企业账号才能绑定企业', [
        { path: 'enterpriseId', message: '所属企业：仅限企业账号' },
      ]);
    }
    checkScope(actor, roles, regionCodes, enterpriseId);
    if (enterpriseId != null && !(await enterpriseRepo.findById(ex, enterpriseId, actor.scope))) {
      throw errors.badRequest('user.enterprise_unknown', `所属企业：编号为 ${enterpriseId} 的企业不存在或不在您的管理范围内`, [
        { path: 'enterpriseId', message: '所属企业：不在您的管理范围内' },
      ]);
    }
    if (roles.includes('unit') && unitId == null) {
      throw errors.badRequest('user.unit_required', '所属单位：成员单位角色的账号必须指定所属单位', [
        { path: 'unitId', message: '所属单位：请选择' },
      ]);
    }
    if (unitId != null) {
      const unit = await unitRepo.findById(ex, unitId, actor.scope);
      if (!unit) throw errors.badRequest('user.unit_unknown', `所属单位：编号为 ${unitId} 的单位不存在或不在您的管理范围内`);
    }
  }

  async function loadInScope(ex: Executor, actor: Actor, id: number) {
    const user = await userRepo.findById(ex, id, actor.scope);
    if (!user) throw errors.notFound('用户', 'user.not_found');
    return user;
  }

  function checkPassword(password: string, username: string, field: string, label: string) {
    const problem = passwordProblem(password, username);
    if (problem) throw errors.badRequest('auth.weak_password', `${label}：${problem}`, [{ path: field, message: problem }]);
  }

  return {
    async list(actor: Actor, filter: UserFilter, page: number, pageSize: number) {
      if (filter.regionCode && !scopeCoversRegion(actor.scope, filter.regionCode)) return { items: [], total: 0 };
      const now = clock.now();
      const { items, total } = await userRepo.list(db, actor.scope, filter, page, pageSize);
      return { items: items.map((u) => toUser(u, now)), total };
    },

    async get(actor: Actor, id: number): Promise<User> {
      return toUser(await loadInScope(db, actor, id), clock.now());
    },

    async create(actor: Actor, body: CreateBody): Promise<User> {
      checkPassword(body.initialPassword, body.username, 'initialPassword', '初始密码');
      const passwordHash = await hashPassword(body.initialPassword);
      return auditedTransaction(db, async (tx) => {
        await checkAssignable(tx, actor, body.roles, body.regionCodes, body.unitId ?? null, body.enterpriseId ?? null);
        if (await userRepo.findByUsername(tx, body.username)) {
          throw errors.conflict('user.username_taken', `用户名“${body.username}”已被使用`, [
            { path: 'username', message: '用户名：已被使用' },
          ]);
        }
        const now = clock.now();
        const row = await userRepo.insert(tx, {
          username: body.username,
          displayName: body.displayName,
          phone: body.phone ?? null,
          passwordHash,
          roles: body.roles,
          regionCodes: body.regionCodes,
          unitId: body.unitId ?? null,
          enterpriseId: body.enterpriseId ?? null,
          mustChangePassword: true,
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(tx, auditActorOf(actor), { entityType: 'user', entityId: row.id, action: 'create', after: auditedUser(row) });
        const created = await userRepo.findById(tx, row.id, systemScope);
        if (!created) throw new AppError(500, 'internal', '新建用户后未能读取');
        return toUser(created, now);
      });
    },

    async update(actor: Actor, id: number, body: UpdateBody): Promise<User> {
      return auditedTransaction(db, async (tx) => {
        const before = await loadInScope(tx, actor, id);
        if (
          id === actor.userId &&
          (body.disabled === true || (body.roles && !body.roles.includes('admin') && actor.roles.includes('admin')))
        ) {
          throw errors.badRequest('user.self_lockout', '不能停用自己的账号或取消自己的系统管理员角色');
        }
        const roles = body.roles ?? before.roles;
        const regionCodes = body.regionCodes ?? before.regionCodes;
        const unitId = body.unitId === undefined ? before.unitId : body.unitId;
        const enterpriseId = body.enterpriseId === undefined ? before.enterpriseId : body.enterpriseId;
        // Re-check against the account as it would be after the change, and as it was: an office may neither
        // widen an account beyond its township nor touch an administrator.
        await checkAssignable(tx, actor, roles, regionCodes, unitId, enterpriseId);
        checkScope(actor, before.roles, before.regionCodes, before.enterpriseId);
        const enterprisePrincipal = body.enterprisePrincipal ?? before.enterprisePrincipal;
        if (enterprisePrincipal && (!roles.includes('enterprise') || enterpriseId == null)) {
          throw errors.badRequest('user.invalid_field', '只有绑定了企业的企业账号才能登记为企业主要负责人', [
            { path: 'enterprisePrincipal', message: '企业主要负责人：仅限企业账号' },
          ]);
        }
        const now = clock.now();
        const row = await userRepo.update(tx, id, {
          displayName: body.displayName ?? before.displayName,
          phone: body.phone === undefined ? before.phone : body.phone,
          roles,
          regionCodes,
          unitId,
          enterpriseId,
          disabled: body.disabled ?? before.disabled,
          enterprisePrincipal,
          updatedAt: now,
        });
        const action =
          body.disabled === true && !before.disabled ? 'disable' : body.disabled === false && before.disabled ? 'enable' : 'update';
        await audit.record(tx, auditActorOf(actor), {
          entityType: 'user',
          entityId: id,
          action,
          before: auditedUser(before),
          after: auditedUser(row),
        });
        if (row.disabled) await sessionRepo.deleteForUser(tx, id);
        const names = await userRepo.findById(tx, id, systemScope);
        return toUser({ ...row, unitName: names?.unitName ?? null, enterpriseName: names?.enterpriseName ?? null }, now);
      });
    },

    async resetPassword(actor: Actor, id: number, newPassword: string): Promise<void> {
      const target = await loadInScope(db, actor, id);
      checkPassword(newPassword, target.username, 'newPassword', '新密码');
      const passwordHash = await hashPassword(newPassword);
      await auditedTransaction(db, async (tx) => {
        checkScope(actor, target.roles, target.regionCodes, target.enterpriseId);
        await userRepo.update(tx, id, {
          passwordHash,
          mustChangePassword: true,
          failedLoginCount: 0,
          lockedUntil: null,
          updatedAt: clock.now(),
        });
        await sessionRepo.deleteForUser(tx, id);
        await audit.record(tx, auditActorOf(actor), { entityType: 'user', entityId: id, action: 'reset_password' });
      });
    },

    async unlock(actor: Actor, id: number): Promise<void> {
      await auditedTransaction(db, async (tx) => {
        const target = await loadInScope(tx, actor, id);
        checkScope(actor, target.roles, target.regionCodes, target.enterpriseId);
        await userRepo.update(tx, id, { failedLoginCount: 0, lockedUntil: null, updatedAt: clock.now() });
        await audit.record(tx, auditActorOf(actor), { entityType: 'user', entityId: id, action: 'unlock' });
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
