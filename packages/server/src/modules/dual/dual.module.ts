import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CriteriaService } from '../criteria/criteria.service.ts';
import type { FileService } from '../files/file.service.ts';
import type { HazardServices } from '../hazards/hazard.module.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
// check tasks and records
import { createCheckDueService } from './check-due.service.ts';
import { registerCheckRecordRoutes } from './check-record.routes.ts';
import { checkRecordFileOwner, checkRecordFileVisible, createCheckRecordService } from './check-record.service.ts';
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
  return {
    // risk side
    // posts and cards
    // check tasks and records
    checkRecords: createCheckRecordService(deps),
    checkDue: createCheckDueService(deps),
    // small venues
    venues: createVenueService(deps),
    // oversight
  };
}

export type DualServices = ReturnType<typeof createDualServices>;

export async function registerDualModules(app: FastifyInstance, deps: { services: DualServices; db: Db }) {
  // risk side
  // posts and cards
  // check tasks and records
  await registerCheckRecordRoutes(app, { records: deps.services.checkRecords, due: deps.services.checkDue });
  // small venues
  registerVenueRoutes(app, deps.services.venues);
  // oversight
}
