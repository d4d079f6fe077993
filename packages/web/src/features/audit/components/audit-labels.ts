import { type AuditEvent, auditActionLabels, auditEntityLabels, roleLabels } from '@anzhi/core';

export const entityTypeOptions = Object.entries(auditEntityLabels).map(([value, label]) => ({ value, label }));
export const actionOptions = Object.entries(auditActionLabels).map(([value, label]) => ({ value, label }));

export const actionColors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  disable: 'orange',
  enable: 'cyan',
  login: 'default',
  logout: 'default',
  login_failed: 'red',
  locked: 'red',
  change_password: 'purple',
  reset_password: 'purple',
  unlock: 'cyan',
  restore: 'magenta',
  backup: 'geekblue',
  seed_demo: 'geekblue',
};

export function entityText(e: Pick<AuditEvent, 'entityType' | 'entityId'>): string {
  const label = auditEntityLabels[e.entityType] ?? e.entityType;
  return e.entityId ? `${label} #${e.entityId}` : label;
}

export function roleText(role: string): string {
  if (role === 'system') return '系统';
  return (roleLabels as Record<string, string>)[role] ?? role;
}
