import { findCriterion } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CriteriaService } from '../criteria/criteria.service.ts';
import type { FileService } from '../files/file.service.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import { notificationRecipients } from '../notifications/notification-recipients.ts';
import { reportHandlingRepo } from '../reports/report-handling.repo.ts';
import type { HazardPorts } from './hazard.ports.ts';
import { hazardRepo } from './hazard.repo.ts';
import { registerHazardModule } from './hazard.routes.ts';
import { createHazardService } from './hazard.service.ts';
import { createHazardChecks } from './hazard-checks.ts';
import { createHazardFiles } from './hazard-files.service.ts';
import { registerHazardFollowupModule } from './hazard-followup.routes.ts';
import { createHazardReports } from './hazard-reports.ts';

/** The hazard services wired to their neighbours: notifications, uploads (photos belong to hazards) and the criteria library. */
export function createHazardServices(deps: {
  db: Db;
  /** Statistics, 动态清零, report figures and the ledger export read here (ADR 0017). */
  readDb: Db;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationService;
  files: FileService;
  criteria: CriteriaService;
}) {
  const ports: HazardPorts = {
    notify: (ex, notice) => deps.notifications.notify(ex, notice),
    attachFiles: (ex, actor, ids, ownerType, ownerId) => deps.files.attachFiles(ex, actor, ids, ownerType, ownerId),
    checkCitations: (input) => deps.criteria.checkCitations(input),
    criteriaLibrary: () => deps.criteria.library(),
    criterion: async (code) => {
      const ref = findCriterion(code, await deps.criteria.library());
      if (!ref) return null;
      const domains = ref.item.domains?.length ? ref.item.domains : (ref.set.domains ?? []);
      const flags = ref.item.flags?.length ? ref.item.flags : (ref.set.flags ?? []);
      return { domains: [...domains], flags: [...flags], summary: ref.item.summary };
    },
    recipients: notificationRecipients,
    // 举报 the hazard came from: only for those who may read reports, within their report scope.
    linkedReports: async (ex, actor, hazardId) =>
      actor.permissions.includes('report.read')
        ? (await reportHandlingRepo.ofHazard(ex, actor.scope, hazardId)).map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }))
        : undefined,
  };
  deps.files.owners.register('hazard', async (ex, actor, ownerId) => (await hazardRepo.findById(ex, ownerId, actor.scope)) !== undefined);
  const hazards = createHazardService({ db: deps.db, readDb: deps.readDb, clock: deps.clock, audit: deps.audit, ...ports });
  return {
    hazards,
    checks: createHazardChecks({ db: deps.db, clock: deps.clock, audit: deps.audit, hazards, ...ports }),
    reports: createHazardReports({ db: deps.db, readDb: deps.readDb, clock: deps.clock, audit: deps.audit }),
    files: createHazardFiles({ db: deps.db, readDb: deps.readDb, audit: deps.audit, hazards, criteriaLibrary: ports.criteriaLibrary }),
  };
}

export type HazardServices = ReturnType<typeof createHazardServices>;

export async function registerHazardModules(app: FastifyInstance, deps: { services: HazardServices; db: Db }) {
  await registerHazardModule(app, {
    hazards: deps.services.hazards,
    files: deps.services.files,
  });
  await registerHazardFollowupModule(app, { checks: deps.services.checks, reports: deps.services.reports });
}
