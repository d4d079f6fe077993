import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CriteriaService } from '../criteria/criteria.service.ts';
import type { EnterpriseService } from '../enterprises/enterprise.service.ts';
import type { FileService } from '../files/file.service.ts';
import type { HazardServices } from '../hazards/hazard.module.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
// campaigns
import { registerCampaignRoutes } from './campaign.routes.ts';
import { createCampaignService } from './campaign.service.ts';
// field checks
import { registerCampaignCheckRoutes } from './campaign-check.routes.ts';
import { campaignCheckFileOwner, campaignCheckFileVisible, createCampaignCheckService } from './campaign-check.service.ts';
import { createCampaignFieldService } from './campaign-field.service.ts';
import { createCampaignProgressService } from './campaign-progress.service.ts';
// object ledgers
import { registerLedgerIoRoutes } from './ledger-io.routes.ts';
import { createLedgerIoService } from './ledger-io.service.ts';
import { registerLedgerObjectRoutes } from './ledger-object.routes.ts';
import { createLedgerObjectService } from './ledger-object.service.ts';
import { registerLedgerTypeRoutes } from './ledger-type.routes.ts';
import { createLedgerTypeService } from './ledger-type.service.ts';

export interface CampaignDeps {
  db: Db;
  /** Progress, exports and the plan's figures read here (ADR 0017). */
  readDb: Db;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationService;
  files: FileService;
  criteria: CriteriaService;
  enterprises: EnterpriseService;
  /** A failed item becomes a hazard through `hazards.hazards.createInTx` (channel 专项检查): the same record, never a copy. */
  hazards: HazardServices;
}

/**
 * 专项台账 and 专项整治 (issue 17), one service per part: the object ledgers (types, objects, import/export, QR
 * labels), campaigns (scope, checklist, rounds, progress, exports, the plan task's figures) and the field work (the
 * phone's checks and their hazards). Each part adds its services and routes in its own section below.
 */
export function createCampaignServices(deps: CampaignDeps) {
  // object ledgers
  const ledgerTypes = createLedgerTypeService(deps);
  // field checks: a check's photos are seen by whoever may read the check
  deps.files.owners.register(campaignCheckFileOwner, campaignCheckFileVisible);
  // campaigns
  const campaignProgress = createCampaignProgressService({ readDb: deps.readDb, clock: deps.clock });
  return {
    // object ledgers
    ledgerTypes,
    ledgerObjects: createLedgerObjectService({ ...deps, types: ledgerTypes }),
    ledgerIo: createLedgerIoService({ ...deps, types: ledgerTypes }),
    // campaigns
    campaigns: createCampaignService({ ...deps, progress: campaignProgress }),
    campaignProgress,
    /** The figures of the campaigns linked to plan tasks: the plan's monthly dispatch is prefilled with them. */
    figuresForTasks: campaignProgress.figuresForTasks,
    // field checks
    campaignChecks: createCampaignCheckService(deps),
    campaignField: createCampaignFieldService(deps),
  };
}

export type CampaignServices = ReturnType<typeof createCampaignServices>;

export async function registerCampaignModules(app: FastifyInstance, deps: { services: CampaignServices; db: Db; publicUrl?: string }) {
  // object ledgers
  registerLedgerTypeRoutes(app, deps.services.ledgerTypes);
  await registerLedgerIoRoutes(app, { io: deps.services.ledgerIo, publicUrl: deps.publicUrl });
  registerLedgerObjectRoutes(app, deps.services.ledgerObjects);
  // campaigns
  registerCampaignRoutes(app, { campaigns: deps.services.campaigns, progress: deps.services.campaignProgress });
  // field checks
  await registerCampaignCheckRoutes(app, { checks: deps.services.campaignChecks, field: deps.services.campaignField });
}
