import type { PlanDraftNode, PlanMeta, PlanSettings } from '@anzhi/core';
import { AppError, errors } from '../../lib/errors.ts';
import type { PlanRow, PlanTaskRow } from './plan.repo.ts';

export const planErrorsOf = {
  notFound: () => errors.notFound('方案', 'plan.not_found'),
  stale: (currentVersion?: number) =>
    errors.conflict('plan.stale', '方案已被他人修改，请刷新后再操作', currentVersion ? { currentVersion } : undefined),
  reportStale: (taskId: number) =>
    errors.conflict('plan.report_stale', '该任务本月的进展已被他人修改，请刷新后再填报', [{ path: 'reports', taskId }]),
  notDraft: () => errors.badRequest('plan.not_draft', '方案已发布，不能删除；如需调整请修改任务或重新导入'),
  alreadyPublished: () => new AppError(409, 'plan.already_published', '方案已经发布'),
  notPublished: () => errors.badRequest('plan.not_published', '方案尚未发布，发布后才能调度和排名'),
  invalid: (path: string, message: string) => errors.badRequest('plan.invalid_field', message, [{ path, message }]),
};

/** `settings`: the plan's effective settings (plan-settings.ts planSettingsFor). */
export function toPlanMeta(p: PlanRow, settings: PlanSettings): PlanMeta {
  return {
    id: p.id,
    title: p.title,
    issuer: p.issuer,
    issueDate: p.issueDate,
    docNumber: p.docNumber,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    status: p.status,
    sourceFileName: p.sourceFileName,
    regionCode: p.regionCode,
    settings,
    baselineDate: p.baselineDate,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

export function toDraftNode(t: PlanTaskRow): PlanDraftNode {
  return {
    id: t.id,
    parentId: t.parentId,
    kind: t.kind,
    path: t.path,
    ordinal: t.ordinal,
    title: t.title,
    text: t.text,
    depth: t.depth,
    sortOrder: t.sortOrder,
    leadUnitNames: t.leadUnitNames,
    coUnitNames: t.coUnitNames,
    leadUnitIds: t.leadUnitIds,
    coUnitIds: t.coUnitIds,
    leadVillages: t.leadVillages,
    coVillages: t.coVillages,
    unitsEdited: t.unitsEdited,
    people: t.people,
    leaders: t.leaders,
    deadlines: t.deadlines,
    recurrence: t.recurrence,
    milestones: t.milestones,
    targets: t.targets,
    source: t.source ?? null,
    completedOn: t.completedOn,
    completedNote: t.completedNote,
  };
}

/** The plan row's fields an audit entry keeps. */
export function auditedPlan(p: PlanRow) {
  return { title: p.title, status: p.status, docNumber: p.docNumber, regionCode: p.regionCode, version: p.version };
}
