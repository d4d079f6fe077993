import type { Permission } from '../org/permission.rules.ts';
import type { ReportMatter, ReportStatus } from './report.dict.ts';
import { openReportStatuses } from './report.dict.ts';

/**
 * 举报办理: who may do what in which status, when a report is overdue, and what a founded outcome must carry. The
 * server checks each step with these, and the list's `overdue` filter is built from `reportIsOverdue`'s sets.
 */

export const reportHandlingActions = ['accept', 'reject', 'assign', 'extend', 'message', 'outcome', 'merge', 'unmerge'] as const;
export type ReportHandlingAction = (typeof reportHandlingActions)[number];

const needs: Record<ReportHandlingAction, { permission: Permission; statuses: readonly ReportStatus[] }> = {
  accept: { permission: 'report.triage', statuses: ['received'] },
  reject: { permission: 'report.triage', statuses: ['received'] },
  assign: { permission: 'report.triage', statuses: ['verifying'] },
  extend: { permission: 'report.verify', statuses: ['verifying'] },
  message: { permission: 'report.verify', statuses: ['received', 'verifying', 'founded', 'unfounded'] },
  outcome: { permission: 'report.verify', statuses: ['verifying'] },
  merge: { permission: 'report.triage', statuses: openReportStatuses },
  unmerge: { permission: 'report.triage', statuses: ['merged'] },
};

/** The Chinese refusal when a step does not fit the status (e.g. “只有待受理的举报可以受理”). */
export const reportTransitionMessages: Record<ReportHandlingAction, string> = {
  accept: '只有待受理的举报可以受理',
  reject: '只有待受理的举报可以不予受理',
  assign: '只有核查中的举报可以改派承办单位',
  extend: '只有核查中的举报可以延期',
  message: '已合并办理或不予受理的举报不能再发送消息',
  outcome: '只有核查中的举报可以办结',
  merge: '只有待受理或核查中的举报可以合并',
  unmerge: '只有已合并办理的举报可以取消合并',
};

export function reportActionAllowed(action: ReportHandlingAction, status: ReportStatus): boolean {
  return needs[action].statuses.includes(status);
}

/** The steps open to someone holding `permissions` on a report in `status`. */
export function reportActions(status: ReportStatus, permissions: readonly Permission[]): ReportHandlingAction[] {
  return reportHandlingActions.filter((a) => permissions.includes(needs[a].permission) && reportActionAllowed(a, status));
}

/** Open (待受理 or 核查中) with a verification deadline before today. A report not yet accepted has no deadline. */
export function reportIsOverdue(r: { status: ReportStatus; dueOn: string | null }, today: string): boolean {
  return openReportStatuses.includes(r.status) && r.dueOn !== null && r.dueOn < today;
}

export interface OutcomeIssue {
  path: string;
  message: string;
}

/**
 * What a 核查办结 must carry: a founded report names what it became or confirmed (a new hazard, an existing hazard, an
 * enforcement case, or for 瞒报/谎报 the verified deaths and the accident's grade); hazards and cases need the report's
 * enterprise. An unfounded report carries none of these.
 */
export function outcomeIssues(
  body: {
    outcome: 'founded' | 'unfounded';
    createHazard?: unknown;
    linkHazardId?: number;
    enforcementCheckId?: number;
    enforcementPenaltyId?: number;
    concealedDeaths?: number;
    accidentGrade?: string;
  },
  report: { enterpriseId: number | null; matter: ReportMatter | null },
): OutcomeIssue[] {
  const issues: OutcomeIssue[] = [];
  const links = ['createHazard', 'linkHazardId', 'enforcementCheckId', 'enforcementPenaltyId'] as const;
  const given = links.filter((k) => body[k] !== undefined);
  if (body.outcome === 'unfounded') {
    for (const k of [...given, ...(['concealedDeaths', 'accidentGrade'] as const).filter((k) => body[k] !== undefined)])
      issues.push({ path: k, message: '不属实的举报不关联隐患、执法案件或事故' });
    return issues;
  }
  if (body.createHazard !== undefined && body.linkHazardId !== undefined)
    issues.push({ path: 'linkHazardId', message: '新建隐患和关联已有隐患只能选一项' });
  if (given.length > 0 && report.enterpriseId === null)
    for (const k of given) issues.push({ path: k, message: '举报未关联企业，不能转为隐患或执法案件，请先核实被举报企业' });
  if (report.matter === 'concealedAccident') {
    if (body.concealedDeaths === undefined)
      issues.push({ path: 'concealedDeaths', message: '瞒报、谎报事故请填写核实的瞒报（谎报）死亡人数' });
    if (body.accidentGrade === undefined) issues.push({ path: 'accidentGrade', message: '瞒报、谎报事故请选择事故最终认定等级' });
  } else if (given.length === 0) {
    issues.push({ path: 'createHazard', message: '举报属实，请新建隐患、关联已有隐患或关联执法案件' });
  }
  if ((body.concealedDeaths !== undefined || body.accidentGrade !== undefined) && report.matter !== 'concealedAccident')
    issues.push({ path: 'matter', message: '事故死亡人数和等级只用于“瞒报、谎报事故”类举报' });
  return issues;
}
