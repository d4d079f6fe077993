import { isLocked, type User } from '@anzhi/core';
import type { UserRow, UserWithUnit } from './user.repo.ts';

export function toUser(u: UserWithUnit, now: Date): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    roles: u.roles,
    regionCodes: u.regionCodes,
    unitId: u.unitId,
    unitName: u.unitName,
    enterpriseId: u.enterpriseId,
    enterpriseName: u.enterpriseName,
    enterprisePrincipal: u.enterprisePrincipal,
    disabled: u.disabled,
    locked: isLocked(u, now),
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** What the audit trail keeps of an account: never the password hash. */
export function auditedUser(u: UserRow) {
  const { passwordHash: _hash, failedLoginCount: _f, lastLoginAt: _l, updatedAt: _u, ...rest } = u;
  return rest;
}
