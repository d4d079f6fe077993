import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CriteriaService } from '../criteria/criteria.service.ts';
import type { FileService } from '../files/file.service.ts';
import type { HazardServices } from '../hazards/hazard.module.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import { registerRiskChainRoutes } from './risk-chain.routes.ts';
import { createRiskChainService } from './risk-chain.service.ts';
import { createRiskImportService } from './risk-import.service.ts';
import { registerRiskIoRoutes } from './risk-io.routes.ts';

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
  return {
    // risk side
    risks: createRiskChainService(deps),
    riskImport: createRiskImportService(deps),
    // posts and cards
    // check tasks and records
    // small venues
    // oversight
  };
}

export type DualServices = ReturnType<typeof createDualServices>;

export async function registerDualModules(app: FastifyInstance, deps: { services: DualServices; db: Db }) {
  // risk side
  registerRiskChainRoutes(app, deps.services.risks);
  await registerRiskIoRoutes(app, { risks: deps.services.risks, importer: deps.services.riskImport });
  // posts and cards
  // check tasks and records
  // small venues
  // oversight
}
