import type { DataScope, Permission, Role } from '@anzhi/core';

/** Who is making a request: what the auth plugin resolves from the session, and what services check. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  regionCodes: string[];
  unitId: number | null;
  enterpriseId: number | null;
  scope: DataScope;
  permissions: Permission[];
  mustChangePassword: boolean;
  ip: string | null;
}

/** The part of an actor the audit trail records; `null` user for anonymous or system actions. */
export interface AuditActor {
  userId: number | null;
  name: string | null;
  roles: string[];
  ip: string | null;
}

export function auditActorOf(actor: Actor | null, ip: string | null = actor?.ip ?? null): AuditActor {
  if (!actor) return { userId: null, name: null, roles: [], ip };
  return { userId: actor.userId, name: actor.displayName, roles: actor.roles, ip };
}

export const systemActor: AuditActor = { userId: null, name: '系统', roles: ['system'], ip: null };
