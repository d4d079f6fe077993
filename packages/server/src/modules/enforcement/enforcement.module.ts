import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CriteriaService } from '../criteria/criteria.service.ts';
import type { FileService } from '../files/file.service.ts';
import type { HazardServices } from '../hazards/hazard.module.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import { checkRepo } from './check.repo.ts';
import { registerCheckRoutes } from './check.routes.ts';
import { checkFileOwner, createCheckService } from './check.service.ts';
import { createCheckQuizService } from './check-quiz.service.ts';
import { createCheckSignService } from './check-sign.service.ts';
import { createCheckTeamService } from './check-team.ts';
// 名录库 and 双随机 draws
import { registerDirectoryRoutes } from './enforcement-directory.routes.ts';
import { registerDrawRoutes } from './enforcement-draw.routes.ts';
import { createDrawService } from './enforcement-draw.service.ts';
import { createInspectorService } from './enforcement-inspector.service.ts';
// 执法三部曲: orders, documents, penalty cases
import { createEnforcementOrders } from './enforcement-orders.service.ts';
import { createEnforcementPenalties } from './enforcement-penalties.service.ts';
// the yearly plan
import { registerEnforcementPlanRoutes } from './enforcement-plan.routes.ts';
import { createEnforcementPlanService } from './enforcement-plan.service.ts';
// statistics
import { registerEnforcementStatsRoutes } from './enforcement-stats.routes.ts';
import { createEnforcementStatsService } from './enforcement-stats.service.ts';
import { createTargetService } from './enforcement-target.service.ts';
import { registerEnforcementTriadRoutes } from './enforcement-triad.routes.ts';
import { createEnforcementDocuments } from './enforcement-triad-documents.service.ts';

export interface EnforcementDeps {
  db: Db;
  /** Statistics read here (ADR 0017). */
  readDb: Db;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationService;
  files: FileService;
  criteria: CriteriaService;
  hazards: HazardServices;
}

/**
 * 执法检查 (issue 14), one service per part: the 名录库 and draws, the yearly plan, the on-site check, the 执法三部曲
 * (orders, documents, penalty cases) and the statistics.
 */
export function createEnforcementServices(deps: EnforcementDeps) {
  // on-site checks
  const checks = createCheckService(deps);
  deps.files.owners.register(
    checkFileOwner,
    async (ex, actor, ownerId) => (await checkRepo.findById(ex, ownerId, actor.scope)) !== undefined,
  );
  return {
    // 名录库 and 双随机 draws
    inspectors: createInspectorService(deps),
    targets: createTargetService(deps),
    draws: createDrawService(deps),
    // the yearly plan
    plans: createEnforcementPlanService({ db: deps.db, clock: deps.clock, audit: deps.audit }),
    // on-site checks
    checks,
    checkSigning: createCheckSignService({ ...deps, checks }),
    checkQuiz: createCheckQuizService({ ...deps, checks }),
    checkTeam: createCheckTeamService({ ...deps, checks }),
    // 执法三部曲: orders, documents, penalty cases
    orders: createEnforcementOrders(deps),
    penalties: createEnforcementPenalties(deps),
    documents: createEnforcementDocuments(deps),
    // statistics
    stats: createEnforcementStatsService({ readDb: deps.readDb, clock: deps.clock }),
  };
}

export type EnforcementServices = ReturnType<typeof createEnforcementServices>;

export async function registerEnforcementModules(app: FastifyInstance, deps: { services: EnforcementServices; db: Db }) {
  // 名录库 and 双随机 draws
  await registerDirectoryRoutes(app, { inspectors: deps.services.inspectors, targets: deps.services.targets });
  await registerDrawRoutes(app, { draws: deps.services.draws });
  // the yearly plan
  registerEnforcementPlanRoutes(app, deps.services.plans);
  // on-site checks
  await registerCheckRoutes(app, {
    checks: deps.services.checks,
    signing: deps.services.checkSigning,
    quiz: deps.services.checkQuiz,
    team: deps.services.checkTeam,
  });
  // 执法三部曲: orders, documents, penalty cases
  await registerEnforcementTriadRoutes(app, deps.services);
  // statistics
  registerEnforcementStatsRoutes(app, deps.services.stats);
}
