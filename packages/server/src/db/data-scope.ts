import type { DataScope } from '@anzhi/core';
import { type AnyColumn, and, eq, or, type SQL, sql } from 'drizzle-orm';
import { regionArrayInScope, regionInScope } from '../lib/scope-sql.ts';
import { campaignChecks, campaignHazards, campaigns, ledgerObjects } from '../modules/campaigns/campaign.table.ts';
import {
  checkPhotos,
  checkRecords,
  checkTaskPeriods,
  checkTasks,
  controlMeasures,
  dualSignals,
  postQuizAttempts,
  posts,
  riskEvents,
  riskMaps,
  riskPoints,
  riskUnits,
} from '../modules/dual/dual.table.ts';
import {
  enforcementChecks,
  enforcementDraws,
  enforcementInspectors,
  enforcementOrders,
  enforcementPenalties,
  enforcementPlanItems,
  enforcementPlans,
  enforcementQuizzes,
  enforcementTargets,
} from '../modules/enforcement/enforcement.table.ts';
import { enterprises } from '../modules/enterprises/enterprise.table.ts';
import { hazardCheckRequests, hazardReports, hazards } from '../modules/hazards/hazard.table.ts';
import { plans } from '../modules/plans/plan.table.ts';
import { regions } from '../modules/regions/region.table.ts';
import { reportRewards, reports } from '../modules/reports/report.table.ts';
import { settings } from '../modules/settings/settings.table.ts';
import { units } from '../modules/units/unit.table.ts';
import { users } from '../modules/users/user.table.ts';

/**
 * The one place where a caller's data scope becomes SQL. Every repo that reads rows of a scoped table builds its
 * WHERE from `scopeOn.<table>(scope)`; data-scope.test.ts fails when a table holding region codes or enterprise ids
 * is neither listed here nor declared unscoped with a reason (so a new table cannot skip scope), and when a repo
 * builds scope SQL of its own or takes the scope as optional.
 *
 * `undefined` means no restriction (the system administrator); `false` means nothing.
 */

/** A read on behalf of the system, not of a user (the sweep, the CLI, reading back a row just written): a named choice. */
export const systemScope: DataScope = { kind: 'all' };

/** Enterprises: their regions; a member unit the ones it supervises (in its regions); an enterprise account its own. */
function enterpriseScope(scope: DataScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'regions':
      return regionInScope(enterprises.regionCode, scope);
    case 'unit':
      return and(eq(enterprises.supervisingUnitId, scope.unitId), regionInScope(enterprises.regionCode, scope));
    case 'enterprise':
      return eq(enterprises.id, scope.enterpriseId);
    default:
      return sql`false`;
  }
}

/** Rows that belong to an enterprise (check requests, 季报/年报): seen exactly when their enterprise is. */
export function ownedByScopedEnterprise(column: AnyColumn, scope: DataScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'enterprise':
      return eq(column, scope.enterpriseId);
    case 'none':
      return sql`false`;
    default:
      return sql`${column} IN (SELECT ${enterprises.id} FROM ${enterprises} WHERE ${enterpriseScope(scope)})`;
  }
}

/**
 * Hazards: their regions; a member unit the ones it supervises in its regions, and always the ones it found — found
 * for the unit, or by one of its staff (a finding registered before the account joined the unit, or written without
 * the unit, stays visible to the people who made it); an enterprise its own.
 */
function hazardScope(scope: DataScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'regions':
      return regionInScope(hazards.regionCode, scope);
    case 'unit':
      return or(
        and(eq(hazards.supervisingUnitId, scope.unitId), regionInScope(hazards.regionCode, scope)),
        eq(hazards.finderUnitId, scope.unitId),
        sql`${hazards.foundBy} IN (SELECT ${users.id} FROM ${users} WHERE ${users.unitId} = ${scope.unitId})`,
      );
    case 'enterprise':
      return eq(hazards.enterpriseId, scope.enterpriseId);
    default:
      return sql`false`;
  }
}

/**
 * Accounts: those whose regions lie in the scope, and enterprise accounts (which hold no region) whose enterprise
 * does; unit staff see their own unit's; enterprises none.
 */
function userScope(scope: DataScope): SQL | undefined {
  if (scope.kind === 'unit') return eq(users.unitId, scope.unitId);
  if (scope.kind === 'enterprise') return sql`false`;
  if (scope.kind !== 'regions') return regionArrayInScope(users.regionCodes, scope);
  return or(regionArrayInScope(users.regionCodes, scope), ownedByScopedEnterprise(users.enterpriseId, scope));
}

/** Plans of a township are seen by its subtree and by the county above it (ancestors); not by enterprises. */
function planScope(scope: DataScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind !== 'regions' && scope.kind !== 'unit') return sql`false`;
  return regionInScope(plans.regionCode, scope, { ancestors: true });
}

/**
 * Enforcement rows (checks, targets, orders, penalties): their enterprise's region; a member unit only its own
 * unit's (the enforcing unit) in its regions; an enterprise its own. `enterpriseId` absent (plans, draws): enterprises
 * see none.
 */
function enforcementScope(cols: { unitId: AnyColumn; regionCode: AnyColumn; enterpriseId?: AnyColumn }) {
  return (scope: DataScope): SQL | undefined => {
    switch (scope.kind) {
      case 'all':
        return undefined;
      case 'regions':
        return regionInScope(cols.regionCode, scope);
      case 'unit':
        return and(eq(cols.unitId, scope.unitId), regionInScope(cols.regionCode, scope));
      case 'enterprise':
        return cols.enterpriseId ? eq(cols.enterpriseId, scope.enterpriseId) : sql`false`;
      default:
        return sql`false`;
    }
  };
}

/**
 * 举报: the office and leaders the reports of their regions; a member unit those assigned to it in its regions;
 * enterprises and everyone else none — a report never reaches the enterprise it names (internal whistleblowers).
 */
function reportScope(scope: DataScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'regions':
      return regionInScope(reports.regionCode, scope);
    case 'unit':
      return and(eq(reports.assignedUnitId, scope.unitId), regionInScope(reports.regionCode, scope));
    default:
      return sql`false`;
  }
}

/** 执法人员名录库: a unit its own; wider scopes the inspectors of the units they see; enterprises none. */
function inspectorScope(scope: DataScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'unit':
      return eq(enforcementInspectors.unitId, scope.unitId);
    case 'regions':
      return sql`${enforcementInspectors.unitId} IN (SELECT ${units.id} FROM ${units} WHERE ${regionInScope(units.regionCode, scope, { ancestors: true })})`;
    default:
      return sql`false`;
  }
}

/**
 * 专项台账 objects: their region (a member unit too: a unit works every object of its regions in a campaign); an
 * enterprise account its own enterprise's objects.
 */
function ledgerObjectScope(scope: DataScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'regions':
    case 'unit':
      return regionInScope(ledgerObjects.regionCode, scope);
    case 'enterprise':
      return eq(ledgerObjects.enterpriseId, scope.enterpriseId);
    default:
      return sql`false`;
  }
}

/** A township's campaigns: read by the township, its villages and units (ancestors) and the county above; no enterprise. */
function campaignScope(scope: DataScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind !== 'regions' && scope.kind !== 'unit') return sql`false`;
  return regionInScope(campaigns.regionCode, scope, { ancestors: true });
}

/** Rows of a campaign's field work (checks, hazard links): the checked object's region; enterprises none. */
function campaignWorkScope(column: AnyColumn) {
  return (scope: DataScope): SQL | undefined => {
    if (scope.kind === 'all') return undefined;
    if (scope.kind !== 'regions' && scope.kind !== 'unit') return sql`false`;
    return regionInScope(column, scope);
  };
}

/** The scope condition of each scoped table, by the table's SQL name. */
export const scopeOn = {
  enterprises: enterpriseScope,
  hazards: hazardScope,
  hazard_check_requests: (scope: DataScope) => ownedByScopedEnterprise(hazardCheckRequests.enterpriseId, scope),
  hazard_reports: (scope: DataScope) => ownedByScopedEnterprise(hazardReports.enterpriseId, scope),
  users: userScope,
  /** A township's units, and those of the county above it that serve it. */
  units: (scope: DataScope) => regionInScope(units.regionCode, scope, { ancestors: true }),
  /** The regions in the scope; with `ancestors`, also those above them (to draw a tree). */
  regions: (scope: DataScope, opts: { ancestors?: boolean } = {}) => regionInScope(regions.code, scope, opts),
  plans: planScope,
  /** A township's settings: read and changed by those whose regions cover it. */
  settings: (scope: DataScope) => regionInScope(settings.regionCode, scope),
  enforcement_inspectors: inspectorScope,
  enforcement_targets: enforcementScope(enforcementTargets),
  enforcement_plans: enforcementScope({ unitId: enforcementPlans.unitId, regionCode: enforcementPlans.regionCode }),
  enforcement_draws: enforcementScope({ unitId: enforcementDraws.unitId, regionCode: enforcementDraws.regionCode }),
  enforcement_checks: enforcementScope(enforcementChecks),
  /** A plan's lines: seen with their plan. */
  enforcement_plan_items: (scope: DataScope) => {
    const plan = enforcementScope({ unitId: enforcementPlans.unitId, regionCode: enforcementPlans.regionCode })(scope);
    return plan === undefined
      ? undefined
      : sql`${enforcementPlanItems.planId} IN (SELECT ${enforcementPlans.id} FROM ${enforcementPlans} WHERE ${plan})`;
  },
  /** 逢查必考 records: seen with their check. */
  enforcement_quizzes: (scope: DataScope) => {
    const check = enforcementScope(enforcementChecks)(scope);
    return check === undefined
      ? undefined
      : sql`${enforcementQuizzes.checkId} IN (SELECT ${enforcementChecks.id} FROM ${enforcementChecks} WHERE ${check})`;
  },
  enforcement_orders: enforcementScope(enforcementOrders),
  enforcement_penalties: enforcementScope(enforcementPenalties),
  reports: reportScope,
  /** A reward: with its report. */
  report_rewards: (scope: DataScope) => {
    const report = reportScope(scope);
    return report === undefined ? undefined : sql`${reportRewards.reportId} IN (SELECT ${reports.id} FROM ${reports} WHERE ${report})`;
  },
  // 双重预防: every row is its enterprise's (a small venue is a registry row), seen exactly when the enterprise is.
  posts: (scope: DataScope) => ownedByScopedEnterprise(posts.enterpriseId, scope),
  post_quiz_attempts: (scope: DataScope) => ownedByScopedEnterprise(postQuizAttempts.enterpriseId, scope),
  risk_points: (scope: DataScope) => ownedByScopedEnterprise(riskPoints.enterpriseId, scope),
  risk_units: (scope: DataScope) => ownedByScopedEnterprise(riskUnits.enterpriseId, scope),
  risk_events: (scope: DataScope) => ownedByScopedEnterprise(riskEvents.enterpriseId, scope),
  control_measures: (scope: DataScope) => ownedByScopedEnterprise(controlMeasures.enterpriseId, scope),
  check_tasks: (scope: DataScope) => ownedByScopedEnterprise(checkTasks.enterpriseId, scope),
  check_task_periods: (scope: DataScope) => ownedByScopedEnterprise(checkTaskPeriods.enterpriseId, scope),
  check_records: (scope: DataScope) => ownedByScopedEnterprise(checkRecords.enterpriseId, scope),
  check_photos: (scope: DataScope) => ownedByScopedEnterprise(checkPhotos.enterpriseId, scope),
  risk_maps: (scope: DataScope) => ownedByScopedEnterprise(riskMaps.enterpriseId, scope),
  dual_signals: (scope: DataScope) => ownedByScopedEnterprise(dualSignals.enterpriseId, scope),
  // 专项整治 (issue 17)
  ledger_objects: ledgerObjectScope,
  campaigns: campaignScope,
  campaign_checks: campaignWorkScope(campaignChecks.regionCode),
  campaign_hazards: campaignWorkScope(campaignHazards.regionCode),
} as const satisfies Record<string, (scope: DataScope) => SQL | undefined>;

/**
 * Tables without a scope condition of their own, and why. They are reached only through a scoped row (a hazard's
 * events, a plan's tasks), belong to the signed-in user, or are shared by everyone.
 */
export const unscopedTables: Record<string, string> = {
  audit_anchor: 'the audit chain’s head, read only by audit verification (audit.read, the system administrator)',
  audit_events: 'read only with audit.read (the system administrator, scope all)',
  sessions: 'the signed-in user’s own',
  criteria_sets: 'the shared criteria library, the same for everyone',
  ledger_object_types: 'the installation’s dictionary of 专项台账 object types (the administrator’s), the same for everyone',
  campaign_rounds: 'read through their campaign (scopeOn.campaigns)',
  check_record_items: 'read through their record (scopeOn.check_records)',
  enforcement_plan_amendments: 'read through their plan (scopeOn.enforcement_plans)',
  enforcement_check_items: 'read through their check (scopeOn.enforcement_checks)',
  enforcement_check_amendments: 'read through their check (scopeOn.enforcement_checks)',
  enforcement_checklists: "a unit's own checklist items, read and written through the unit (scopeOn.units; a unit account only its own)",
  enforcement_order_alerts: 'sweep bookkeeping of 复查 reminders, never listed to users',
  enforcement_documents: 'issued and read through their record (a scoped check, order or penalty case)',
  document_sequences: 'the 发文字号 counters of issuing offices, written and read only when a letter is issued through its scoped hazard',
  files: 'reached through their owner (files/file-owners.ts asks the owning module, which applies its scope)',
  hazard_alerts: 'sweep bookkeeping, never listed to users',
  jobs: 'system data: the outbound queue (ids and channel keys, no content), read only with job.manage (the system administrator, scope all)',
  hazard_escalations: 'read through their hazard (scopeOn.hazards)',
  hazard_events: 'read through their hazard (scopeOn.hazards)',
  notifications: 'addressed to one user, read only by that user',
  plan_alerts: 'sweep bookkeeping of plans',
  plan_reports: 'read through their plan (scopeOn.plans) and the unit’s own tasks',
  plan_tasks: 'read through their plan (scopeOn.plans)',
  plan_unit_mappings: 'read through their plan (scopeOn.plans)',
  report_messages: 'read through their report (scopeOn.reports); the reporter reads them with the tracking code and secret',
  report_events: 'read through their report (scopeOn.reports)',
  report_throttle: 'rate-limit bookkeeping of the public form (keyed hashes only), never listed to users',
  report_alerts: 'sweep bookkeeping of report reminders, never listed to users',
  scheduled_runs: 'system data: which process ran each scheduled job’s last slot, never listed to users',
};

/** The filter "inside this region" (a user's choice in a list, not a scope): its subtree. */
export function regionSubtree(column: AnyColumn, code: string): SQL | undefined {
  return regionInScope(column, { kind: 'regions', regionCodes: [code] });
}

/** The same for a text[] column. */
export function regionArraySubtree(column: AnyColumn, code: string): SQL | undefined {
  return regionArrayInScope(column, { kind: 'regions', regionCodes: [code] });
}
