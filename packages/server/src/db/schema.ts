export { auditEvents } from '../modules/audit/audit.table.ts';
export { sessions } from '../modules/auth/session.table.ts';
export { enterprises } from '../modules/enterprises/enterprise.table.ts';
export { regions } from '../modules/regions/region.table.ts';
export { units } from '../modules/units/unit.table.ts';
export { users } from '../modules/users/user.table.ts';
