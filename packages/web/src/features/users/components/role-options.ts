import { assignableRoles, type CurrentUser, roleLabels, roles, scopeOf } from '@anzhi/core';

/**
 * The roles the signed-in manager may hand out — core's assignableRoles, the rule the server applies — so the form
 * never offers a role the server refuses (an office is not offered 系统管理员).
 */
export function roleOptions(me: CurrentUser) {
  return assignableRoles(scopeOf(me), me.roles).map((r) => ({ value: r, label: roleLabels[r] }));
}

export const roleFilterOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));
