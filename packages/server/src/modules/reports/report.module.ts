import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { IdentityCipher } from '../../lib/identity-cipher.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CriteriaService } from '../criteria/criteria.service.ts';
import type { EnforcementServices } from '../enforcement/enforcement.module.ts';
import type { FileService } from '../files/file.service.ts';
import type { HazardServices } from '../hazards/hazard.module.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import { createReportChallenges } from './report-challenge.ts';
import { createReportExportService } from './report-export.ts';
import { registerReportHandlingRoutes } from './report-handling.routes.ts';
import { createReportHandling } from './report-handling.service.ts';
import { registerReportIntakeRoutes } from './report-intake.routes.ts';
import { createReportIntakeService, reportFileOwner, reportFileVisible } from './report-intake.service.ts';
import { createReportOutcome } from './report-outcome.service.ts';
// rewards
import { registerRewardRoutes } from './report-reward.routes.ts';
import { createRewardService } from './report-reward.service.ts';
import { registerReportStatsRoutes } from './report-stats.routes.ts';
import { createReportStatsService } from './report-stats.service.ts';
import { createReportSteps } from './report-steps.service.ts';
import { createReportTrackingService } from './report-tracking.service.ts';

export interface ReportDeps {
  db: Db;
  /** Statistics and exports read here (ADR 0017). */
  readDb: Db;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationService;
  files: FileService;
  criteria: CriteriaService;
  hazards: HazardServices;
  enforcement: EnforcementServices;
  /** SM4 of reporters' names and phones, and keyed digests of secrets, addresses and devices (lib/identity-cipher.ts). */
  identity: IdentityCipher;
}

/**
 * 举报 (issue 15), one service per part: the public intake (no login), the office's handling, rewards, and the
 * statistics. Each part adds its services and routes in its own section below.
 */
export function createReportServices(deps: ReportDeps) {
  // public intake: a report's photos are seen by whoever may read the report (report.read, in scope)
  deps.files.owners.register(reportFileOwner, reportFileVisible);
  const challenges = createReportChallenges(deps);
  // handling
  const handling = createReportHandling(deps);
  return {
    /** The cipher the parts share (tests and the demo encrypt with the same key). */
    identity: deps.identity,
    // public intake
    intake: createReportIntakeService({ ...deps, challenges }),
    tracking: createReportTrackingService(deps),
    // handling
    handling,
    steps: createReportSteps({ ...deps, handling }),
    outcome: createReportOutcome({ ...deps, handling }),
    // rewards
    rewards: createRewardService(deps),
    // statistics
    stats: createReportStatsService(deps),
    export: createReportExportService(deps),
  };
}

export type ReportServices = ReturnType<typeof createReportServices>;

export async function registerReportModules(app: FastifyInstance, deps: { services: ReportServices; db: Db }) {
  // public intake
  await registerReportIntakeRoutes(app, { intake: deps.services.intake, tracking: deps.services.tracking });
  // handling
  await registerReportHandlingRoutes(app, deps.services);
  // rewards
  registerRewardRoutes(app, deps.services.rewards);
  // statistics
  registerReportStatsRoutes(app, deps.services);
}
