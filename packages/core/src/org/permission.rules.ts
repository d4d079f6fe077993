import { type Role, roleLabels, roles } from './org.dict.ts';
import { isWithinRegion, normaliseRegionScope } from './region.rules.ts';

/** What each role may do. A user with several roles may do what any of them may. */
const grants = {
  'dashboard.read': ['admin', 'office', 'unit', 'village', 'inspector', 'leader', 'enterprise'],
  'region.read': ['admin', 'office', 'unit', 'village', 'inspector', 'leader'],
  'region.write': ['admin'],
  'unit.read': ['admin', 'office', 'unit', 'village', 'inspector', 'leader'],
  'unit.write': ['admin', 'office'],
  'user.read': ['admin', 'office'],
  'user.write': ['admin', 'office'],
  'audit.read': ['admin'],
  'enterprise.read': ['admin', 'office', 'unit', 'village', 'inspector', 'leader', 'enterprise'],
  // Village cadres register the small venues they patrol; units keep the enterprises they supervise.
  'enterprise.write': ['admin', 'office', 'unit', 'village'],
  'enterprise.import': ['admin', 'office'],
  // Risk grading is a supervisory judgement: not for village cadres or enterprises themselves.
  'enterprise.grade': ['admin', 'office', 'unit', 'inspector'],
  'system.backup': ['admin'],
  // The outbound queue (e-mail, robots): its dead-letter list and retries.
  'job.manage': ['admin'],
  // Hazards: the fine-grained who-may-act rules per step live in hazard.rules.ts.
  'hazard.read': ['admin', 'office', 'unit', 'village', 'inspector', 'leader', 'enterprise'],
  'hazard.report': ['admin', 'office', 'unit', 'village', 'inspector', 'enterprise'],
  // Grid workers check the fixes of what they found in 九小场所 (the finder-side rule in hazard.rules.ts).
  'hazard.act': ['admin', 'office', 'unit', 'village', 'inspector', 'enterprise'],
  'hazard.export': ['admin', 'office', 'unit', 'inspector', 'leader'],
  // 举一反三 sends check requests to many enterprises: a supervisory decision.
  'hazard.propagate': ['admin', 'office', 'unit'],
  'criteria.read': ['admin', 'office', 'unit', 'village', 'inspector', 'leader', 'enterprise'],
  'criteria.manage': ['admin'],
  'file.upload': ['admin', 'office', 'unit', 'village', 'inspector', 'enterprise'],
  // Action plans: the office imports and publishes; member units report their monthly dispatch.
  'plan.read': ['admin', 'office', 'unit', 'leader', 'inspector', 'village'],
  'plan.manage': ['admin', 'office'],
  'plan.report': ['admin', 'office', 'unit'],
  // Township settings (ladder days, report periods, 五色图 …): the township office sets its own; leaders may look.
  'settings.read': ['admin', 'office', 'leader'],
  'settings.write': ['admin', 'office'],
  // Enforcement (执法检查): the enforcing units keep their 名录库, plans and draws; inspectors do the checks on site;
  // an enterprise reads its own checks. The public reads published draws without an account.
  'enforcement.read': ['admin', 'office', 'unit', 'inspector', 'leader', 'enterprise'],
  'enforcement.manage': ['admin', 'office', 'unit'],
  'enforcement.inspect': ['admin', 'office', 'unit', 'inspector'],
  'enforcement.penalize': ['admin', 'office', 'unit'],
  // Reports (举报): the office receives and triages them (谁受理、谁奖励) and decides rewards; the unit a report is
  // assigned to verifies it; leaders read the statistics. Enterprises never see reports (an internal whistleblower's
  // report reaches the township, never the employer), nor do village cadres or inspectors.
  'report.read': ['admin', 'office', 'unit', 'leader'],
  'report.triage': ['admin', 'office'],
  'report.verify': ['admin', 'office', 'unit'],
  // The reporter's name and phone: only those who call back or pay a reward; every view is audited.
  'report.identity': ['admin', 'office'],
  'report.reward': ['admin', 'office'],
  // 双重预防 (issue 16): an enterprise keeps its own risk points, measures, tasks and 两单两卡 (the office may help);
  // enterprises record their checks and grid workers their patrols of small venues; the township reads who really does
  // them (形式主义 signals) and the office dismisses a signal with a reason.
  'dual.read': ['admin', 'office', 'unit', 'village', 'inspector', 'leader', 'enterprise'],
  'dual.manage': ['admin', 'office', 'enterprise'],
  'dual.check': ['admin', 'office', 'village', 'enterprise'],
  'dual.oversee': ['admin', 'office', 'unit', 'leader'],
  'dual.dismiss': ['admin', 'office'],
  // 专项整治 (issue 17): the administrator shapes the object ledgers' types; whoever keeps a ledger registers its
  // objects (units and grid workers; an enterprise its own 有限空间 …); the office runs campaigns and their rounds; units,
  // grid workers and inspectors do the checks in the field. Enterprises never see a campaign (they are its objects).
  'ledger.read': ['admin', 'office', 'unit', 'village', 'inspector', 'leader', 'enterprise'],
  'ledger.manage': ['admin', 'office', 'unit', 'village', 'enterprise'],
  'ledger.types': ['admin'],
  'campaign.read': ['admin', 'office', 'unit', 'village', 'inspector', 'leader'],
  'campaign.manage': ['admin', 'office'],
  'campaign.check': ['admin', 'office', 'unit', 'village', 'inspector'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;
export const permissionList = Object.keys(grants) as Permission[];

export function can(userRoles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = grants[permission];
  return userRoles.some((r) => allowed.includes(r));
}

export function permissionsOf(userRoles: readonly Role[]): Permission[] {
  return permissionList.filter((p) => can(userRoles, p));
}

/**
 * Which rows a user may see. The server applies it in SQL; it never trusts a page to hide rows.
 * - all: system admin.
 * - regions: the subtrees of the listed region codes (安委办, 领导, 村/网格, 检查员).
 * - unit: a member unit's staff — its region subtrees, and only what the unit itself owns or supervises.
 * - enterprise: only that enterprise.
 * - none: nothing (an account not yet given a scope).
 */
export type DataScope =
  | { kind: 'all' }
  | { kind: 'regions'; regionCodes: string[] }
  | { kind: 'unit'; unitId: number; regionCodes: string[] }
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'none' };

export interface ScopeSubject {
  roles: readonly Role[];
  regionCodes: readonly string[];
  unitId: number | null;
  enterpriseId?: number | null;
}

export function scopeOf(user: ScopeSubject): DataScope {
  if (user.roles.includes('admin')) return { kind: 'all' };
  const regionCodes = normaliseRegionScope(user.regionCodes);
  const wide = user.roles.some((r) => r === 'office' || r === 'leader' || r === 'inspector' || r === 'village');
  if (wide && regionCodes.length > 0) return { kind: 'regions', regionCodes };
  if (user.roles.includes('unit') && user.unitId != null) return { kind: 'unit', unitId: user.unitId, regionCodes };
  if (user.roles.includes('enterprise') && user.enterpriseId != null) {
    return { kind: 'enterprise', enterpriseId: user.enterpriseId };
  }
  return { kind: 'none' };
}

/** Whether a region code lies inside what the scope may see. */
export function scopeCoversRegion(scope: DataScope, code: string): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'regions':
    case 'unit':
      return scope.regionCodes.some((r) => isWithinRegion(code, r));
    default:
      return false;
  }
}

/**
 * The roles an account manager may hand out: a system administrator any; a township office every role but the
 * administrator's (nobody grants more than they hold); anyone else none. The users page offers exactly these.
 */
export function assignableRoles(actor: DataScope, actorRoles: readonly Role[]): Role[] {
  if (actor.kind === 'all') return [...roles];
  if (!actorRoles.includes('office')) return [];
  return roles.filter((r) => r !== 'admin');
}

/**
 * An administrator of a township may create accounts only inside its own regions and never grant the system
 * administrator role: nobody can hand out more than they hold. An enterprise account belongs to one enterprise and
 * holds no other role (its scope is that enterprise; a region would widen it); whether the enterprise lies in the
 * manager's scope needs the registry, so the server checks that part.
 */
export function canAssignAccount(actor: DataScope, actorRoles: readonly Role[], target: ScopeSubject): string | null {
  const isEnterprise = target.roles.includes('enterprise');
  if (isEnterprise && target.roles.length > 1) return '企业账号不能兼任其他角色';
  if (isEnterprise && target.enterpriseId == null) return '请为企业账号选择所属企业';
  if (actor.kind === 'all') return null;
  if (!actorRoles.includes('office')) return '无权管理用户';
  const allowed = assignableRoles(actor, actorRoles);
  if (target.roles.includes('admin')) return '只有系统管理员可以授予“系统管理员”角色';
  const refused = target.roles.find((r) => !allowed.includes(r));
  if (refused) return `无权授予“${roleLabels[refused]}”角色`;
  if (isEnterprise) return null;
  if (target.regionCodes.length === 0) return '请为账号指定所辖区划';
  const outside = target.regionCodes.find((c) => !scopeCoversRegion(actor, c));
  if (outside) return `所辖区划 ${outside} 超出了您的管理范围`;
  return null;
}
