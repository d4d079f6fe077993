import { type Role, roleLabels, roles } from '@anzhi/core';

/** Only a system administrator may hand out the administrator role: nobody grants more than they hold. */
export function roleOptions(actorRoles: readonly Role[]) {
  const actorIsAdmin = actorRoles.includes('admin');
  return roles.map((r) => ({ value: r, label: roleLabels[r], disabled: r === 'admin' && !actorIsAdmin }));
}

export const roleFilterOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));
