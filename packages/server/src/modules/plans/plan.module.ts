import type { FastifyInstance } from 'fastify';
import type { Db, Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { FileService } from '../files/file.service.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import { notificationRecipients } from '../notifications/notification-recipients.ts';
import { planRepo, planScope } from './plan.repo.ts';
import { registerPlanRoutes } from './plan.routes.ts';
import { type CampaignFigures, createPlanDispatchService } from './plan-dispatch.service.ts';
import { createPlanDraftService } from './plan-draft.service.ts';
import type { PlanNotices } from './plan-notices.ts';
import { createPlanOutputs } from './plan-outputs.service.ts';
import { createPlanReimport } from './plan-reimport.ts';
import { createPlanRemind } from './plan-remind.service.ts';
import { planReportRepo } from './plan-report.repo.ts';
import { registerPlanTrackingRoutes } from './plan-tracking.routes.ts';
import { createPlanTrackingService } from './plan-tracking.service.ts';

/** Evidence of a report is seen by whoever sees the plan; a unit only on the tasks it leads or shares. */
async function canViewReport(ex: Executor, actor: Actor, reportId: number): Promise<boolean> {
  const report = await planReportRepo.findById(ex, reportId);
  if (!report) return false;
  const plan = await planRepo.findById(ex, report.planId, planScope(actor.scope, { drafts: false }));
  if (!plan) return false;
  if (actor.scope.kind !== 'unit') return true;
  if (report.unitId === actor.scope.unitId) return true;
  const tasks = await planRepo.tasks(ex, plan.id, { unitId: actor.scope.unitId });
  return tasks.some((t) => t.id === report.taskId && t.kind === 'task');
}

/** The plan services wired to their neighbours: notifications (publishing, the sweep) and uploads (report evidence). */
export function createPlanServices(deps: {
  db: Db;
  /** Rankings and the generated tables read here: the replica when in use (ADR 0017). */
  readDb: Db;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationService;
  files: FileService;
  /** 专项整治 figures of the campaigns linked to tasks (issue 17): the monthly dispatch is prefilled with them. */
  campaignFigures?: CampaignFigures;
}) {
  const ports: PlanNotices = {
    notify: (ex, notice) => deps.notifications.notify(ex, notice),
    recipients: notificationRecipients,
  };
  deps.files.owners.register('planReport', canViewReport);
  const base = { db: deps.db, clock: deps.clock, audit: deps.audit, ...ports };
  const drafts = createPlanDraftService(base);
  const tracking = createPlanTrackingService({ ...base, readDb: deps.readDb });
  return {
    drafts,
    reimport: createPlanReimport({ ...base, drafts }).reimport,
    tracking,
    dispatch: createPlanDispatchService({
      ...base,
      campaignFigures: deps.campaignFigures,
      attachFiles: (ex, actor, ids, ownerType, ownerId) => deps.files.attachFiles(ex, actor, ids, ownerType, ownerId),
    }),
    outputs: createPlanOutputs({ db: deps.readDb, tracking }),
    remind: createPlanRemind({ ...base, tracking }),
  };
}

export type PlanServices = ReturnType<typeof createPlanServices>;

export async function registerPlanModules(app: FastifyInstance, deps: { services: PlanServices }) {
  const s = deps.services;
  await registerPlanRoutes(app, { drafts: s.drafts, reimport: s.reimport });
  await registerPlanTrackingRoutes(app, { tracking: s.tracking, dispatch: s.dispatch, outputs: s.outputs, remind: s.remind });
}
