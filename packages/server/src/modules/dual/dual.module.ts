import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CriteriaService } from '../criteria/criteria.service.ts';
import type { FileService } from '../files/file.service.ts';
import type { HazardServices } from '../hazards/hazard.module.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
// posts and cards
import { registerCardRoutes } from './card.routes.ts';
import { createCardService } from './card.service.ts';
import { createCheckDueService } from './check-due.service.ts';
// check tasks and records
import { registerCheckPeriodRoutes } from './check-period.routes.ts';
import { createCheckPeriodService } from './check-period.service.ts';
import { registerCheckRecordRoutes } from './check-record.routes.ts';
import { checkRecordFileOwner, checkRecordFileVisible, createCheckRecordService } from './check-record.service.ts';
import { registerCheckTaskRoutes } from './check-task.routes.ts';
import { createCheckTaskService } from './check-task.service.ts';
import { registerMapRoutes } from './map.routes.ts';
import { createMapService, RISK_MAP_FILE_OWNER } from './map.service.ts';
import { registerOversightRoutes } from './oversight.routes.ts';
import { createOversightSignalService } from './oversight-signal.service.ts';
import { createOversightStatsService } from './oversight-stats.service.ts';
import { registerPostRoutes } from './post.routes.ts';
import { createPostService } from './post.service.ts';
import { registerRiskChainRoutes } from './risk-chain.routes.ts';
import { createRiskChainService } from './risk-chain.service.ts';
import { createRiskImportService } from './risk-import.service.ts';
import { registerRiskIoRoutes } from './risk-io.routes.ts';
import { registerVenueRoutes } from './venue.routes.ts';
import { createVenueService } from './venue.service.ts';

export interface DualDeps {
  db: Db;
  /** Statistics, the overview and exports read here (ADR 0017). */
  readDb: Db;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationService;
  files: FileService;
  criteria: CriteriaService;
  /** An 异常 becomes a hazard through `hazards.hazards.createInTx` (channel 企业自查): the same record, never a copy. */
  hazards: HazardServices;
}

/**
 * 双重预防 (issue 16), one service per part: the risk side (points → units → events → measures, assessment, cards,
 * the four-colour map), the check side (tasks, due checks, the phone's records and their sync), small-venue patrols,
 * and what the township sees (statistics and 形式主义 signals). Each part adds its services and routes in its own
 * section below.
 */
export function createDualServices(deps: DualDeps) {
  // check tasks and records: a record's photos are seen by whoever may read the record
  deps.files.owners.register(checkRecordFileOwner, checkRecordFileVisible);
  // posts and cards
  const posts = createPostService(deps);
  const cards = createCardService({ ...deps, posts });
  const maps = createMapService(deps);
  deps.files.owners.register(RISK_MAP_FILE_OWNER, (ex, actor, enterpriseId) => maps.canViewFile(ex, actor, enterpriseId));
  return {
    // risk side
    risks: createRiskChainService(deps),
    riskImport: createRiskImportService(deps),
    // posts and cards
    posts,
    cards,
    maps,
    // check tasks and records
    checkRecords: createCheckRecordService(deps),
    checkDue: createCheckDueService(deps),
    checkTasks: createCheckTaskService(deps),
    // the due checks behind the oversight figures (part G)
    checkPeriods: createCheckPeriodService({ readDb: deps.readDb, clock: deps.clock }),
    // small venues
    venues: createVenueService(deps),
    // oversight
    oversight: {
      signals: createOversightSignalService({ db: deps.db, clock: deps.clock, audit: deps.audit }),
      stats: createOversightStatsService({ readDb: deps.readDb, clock: deps.clock }),
    },
  };
}

export type DualServices = ReturnType<typeof createDualServices>;

export async function registerDualModules(app: FastifyInstance, deps: { services: DualServices; db: Db; publicUrl?: string }) {
  // risk side
  registerRiskChainRoutes(app, deps.services.risks);
  await registerRiskIoRoutes(app, { risks: deps.services.risks, importer: deps.services.riskImport });
  // posts and cards
  await registerPostRoutes(app, { posts: deps.services.posts });
  await registerCardRoutes(app, { cards: deps.services.cards, publicUrl: deps.publicUrl });
  await registerMapRoutes(app, { maps: deps.services.maps });
  // check tasks and records
  await registerCheckRecordRoutes(app, { records: deps.services.checkRecords, due: deps.services.checkDue });
  registerCheckTaskRoutes(app, deps.services.checkTasks);
  registerCheckPeriodRoutes(app, deps.services.checkPeriods);
  // small venues
  registerVenueRoutes(app, deps.services.venues);
  // oversight
  registerOversightRoutes(app, deps.services.oversight);
}
