import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { primaryOnly, type ReadDb } from './db/read-replica.ts';
import type { Clock } from './lib/clock.ts';
import { createHealthChecks } from './lib/health-checks.ts';
import { createIdentityCipher, type IdentityCipher, newIdentityKey } from './lib/identity-cipher.ts';
import { createMetrics, type Metrics } from './lib/metrics.ts';
import { createOutboundChannels, type OutboundChannel } from './lib/outbound/outbound.ts';
import type { Storage } from './lib/storage.ts';
import { configuredStorage } from './lib/storage-configured.ts';
import { appVersion } from './lib/version.ts';
import { registerAuditModule } from './modules/audit/audit.routes.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { registerAuthModule } from './modules/auth/auth.routes.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createCampaignServices, registerCampaignModules } from './modules/campaigns/campaign.module.ts';
import { createCampaignTodoProvider } from './modules/campaigns/campaign-todos.ts';
import { registerCriteriaModule } from './modules/criteria/criteria.routes.ts';
import { createCriteriaService } from './modules/criteria/criteria.service.ts';
import { registerDashboardModule } from './modules/dashboard/dashboard.routes.ts';
import { createDualServices, registerDualModules } from './modules/dual/dual.module.ts';
import { createEnforcementServices, registerEnforcementModules } from './modules/enforcement/enforcement.module.ts';
import { createEnforcementTodoProvider } from './modules/enforcement/enforcement-todos.ts';
import { registerEnterpriseModule } from './modules/enterprises/enterprise.routes.ts';
import { createEnterpriseService } from './modules/enterprises/enterprise.service.ts';
import { registerEnterpriseFileModule } from './modules/enterprises/enterprise-file.routes.ts';
import { createEnterpriseFile } from './modules/enterprises/enterprise-file.service.ts';
import { registerEnterpriseIoModule } from './modules/enterprises/enterprise-io.routes.ts';
import { registerFileModule } from './modules/files/file.routes.ts';
import { createFileService } from './modules/files/file.service.ts';
import { createHazardServices, registerHazardModules } from './modules/hazards/hazard.module.ts';
import { createHazardTodoProvider } from './modules/hazards/hazard-todos.ts';
import { registerJobModule } from './modules/jobs/job.routes.ts';
import { createJobService } from './modules/jobs/job.service.ts';
import { queueCheck, queueHealth } from './modules/jobs/job-queue.ts';
import { registerNotificationModule } from './modules/notifications/notification.routes.ts';
import { createNotificationService } from './modules/notifications/notification.service.ts';
import { createPlanServices, registerPlanModules } from './modules/plans/plan.module.ts';
import { createPlanTodoProvider } from './modules/plans/plan-todos.ts';
import { registerRegionModule } from './modules/regions/region.routes.ts';
import { createRegionService } from './modules/regions/region.service.ts';
import { createReportServices, registerReportModules } from './modules/reports/report.module.ts';
import { createReportTodoProvider } from './modules/reports/report-todos.ts';
import { registerSettingsModule } from './modules/settings/settings.routes.ts';
import { createSettingsService } from './modules/settings/settings.service.ts';
import { registerHealthModule } from './modules/system/health.routes.ts';
import { registerMetricsModule } from './modules/system/metrics.routes.ts';
import { registerTodoModule } from './modules/todos/todo.routes.ts';
import { createTodoService } from './modules/todos/todo.service.ts';
import { registerUnitModule } from './modules/units/unit.routes.ts';
import { createUnitService } from './modules/units/unit.service.ts';
import { registerUserModule } from './modules/users/user.routes.ts';
import { createUserService } from './modules/users/user.service.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerSecurity } from './plugins/security.ts';
import { registerWebStatic } from './plugins/web-static.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean | object;
  /** Services made beforehand (tests share them with the app); default: made here, files in the configured storage. */
  services?: Services;
  /** The registry /api/metrics reports (main.ts shares it with the scheduler); default: one of this app's own. */
  metrics?: Metrics;
}

export function createServices(
  deps: Pick<AppDeps, 'database' | 'clock'> & {
    storage: Storage;
    channels?: OutboundChannel[];
    /** Where statistics, exports and the dashboard read (ADR 0017); default: the primary. */
    readDb?: ReadDb;
    /**
     * Reporters' identities (issue 15): main.ts passes the configured key. Default: a random key of this process only,
     * which is right for tests and wrong for anything that restarts (identities would be unreadable).
     */
    identity?: IdentityCipher;
  },
) {
  const { db } = deps.database;
  const readDb = deps.readDb ?? primaryOnly(deps.database);
  // Parts of the platform /api/health reports on; modules register theirs (`storage`, `queue`) where they are wired.
  const healthChecks = createHealthChecks();
  healthChecks.register('queue', async () => queueCheck(await queueHealth(db, deps.clock.now())), { usesDatabase: true });
  const audit = createAuditService({ db, clock: deps.clock });
  const notifications = createNotificationService({ db, clock: deps.clock, channels: deps.channels ?? [] });
  const ctx = { db, clock: deps.clock, audit };
  const base = {
    readDb,
    healthChecks,
    audit,
    auth: createAuthService(ctx),
    regions: createRegionService(ctx),
    units: createUnitService(ctx),
    users: createUserService(ctx),
    enterprises: createEnterpriseService(ctx),
    criteria: createCriteriaService(ctx),
    notifications,
    files: createFileService({ ...ctx, storage: deps.storage }),
    settings: createSettingsService(ctx),
    storage: deps.storage,
    jobs: createJobService(ctx),
  };
  const hazardModule = createHazardServices({ ...ctx, readDb: readDb.db, notifications, files: base.files, criteria: base.criteria });
  // 专项整治 before plans: a linked task's monthly dispatch is prefilled with its campaign's figures.
  const campaignModule = createCampaignServices({
    ...ctx,
    readDb: readDb.db,
    notifications,
    files: base.files,
    criteria: base.criteria,
    enterprises: base.enterprises,
    hazards: hazardModule,
  });
  const planModule = createPlanServices({
    ...ctx,
    readDb: readDb.db,
    notifications,
    files: base.files,
    campaignFigures: campaignModule.figuresForTasks,
  });
  const enforcementModule = createEnforcementServices({
    ...ctx,
    readDb: readDb.db,
    notifications,
    files: base.files,
    criteria: base.criteria,
    hazards: hazardModule,
  });
  const reportModule = createReportServices({
    ...ctx,
    readDb: readDb.db,
    notifications,
    files: base.files,
    criteria: base.criteria,
    hazards: hazardModule,
    enforcement: enforcementModule,
    identity: deps.identity ?? createIdentityCipher(newIdentityKey()),
  });
  const dualModule = createDualServices({
    ...ctx,
    readDb: readDb.db,
    notifications,
    files: base.files,
    criteria: base.criteria,
    hazards: hazardModule,
  });
  // The 待办 centre asks each module that owns to-dos (a new module adds its provider here).
  const todos = createTodoService({
    providers: [
      createHazardTodoProvider(ctx),
      createPlanTodoProvider({ ...ctx, dispatch: planModule.dispatch }),
      createEnforcementTodoProvider(ctx),
      createReportTodoProvider(ctx),
      createCampaignTodoProvider(ctx),
    ],
  });
  const enterpriseFile = createEnterpriseFile({
    enterprises: base.enterprises,
    hazards: hazardModule.hazards,
    checks: hazardModule.checks,
    reports: hazardModule.reports,
  });
  return { ...base, hazardModule, planModule, enforcementModule, reportModule, dualModule, campaignModule, todos, enterpriseFile };
}
export type Services = ReturnType<typeof createServices>;

/** Builds the Fastify instance with every module; never listens itself (tests use inject). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-report-secret"]'],
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  });
  // The API takes JSON only: a text/plain body (which a cross-site form may send) is refused with 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services =
    deps.services ?? createServices({ ...deps, storage: configuredStorage(config), channels: createOutboundChannels(config) });
  const metrics = deps.metrics ?? createMetrics();
  metrics.watchDatabase(database, services.readDb);
  metrics.addGauge({
    name: 'anzhi_jobs',
    help: 'Outbound jobs by state (queued, running, dead)',
    labelNames: ['state'],
    collect: async () => {
      const q = await queueHealth(database.db, deps.clock.now());
      return (['queued', 'running', 'dead'] as const).map((state) => ({ labels: { state }, value: q[state] }));
    },
  });
  await registerMetricsModule(app, { metrics, token: config.metricsToken });
  await registerSecurity(app, { trustProxy: config.trustProxy });
  await app.register(rateLimit, { global: false });
  await registerAuth(app, { config, auth: services.auth });
  await registerOpenApi(app, appVersion);
  const spa = deps.serveWeb ? await registerWebStatic(app) : false;
  registerErrorHandler(app, { spa });

  await registerHealthModule(app, {
    database,
    readDb: services.readDb,
    healthChecks: services.healthChecks,
    storage: services.storage,
    version: appVersion,
  });
  await registerAuthModule(app, { auth: services.auth, config });
  await registerRegionModule(app, { regions: services.regions });
  await registerUnitModule(app, { units: services.units });
  await registerUserModule(app, { users: services.users });
  await registerAuditModule(app, { audit: services.audit });
  await registerDashboardModule(app, { db: services.readDb.db, audit: services.audit, clock: deps.clock });
  await registerEnterpriseModule(app, { enterprises: services.enterprises, publicUrl: config.publicUrl });
  await registerEnterpriseFileModule(app, { file: services.enterpriseFile });
  await registerEnterpriseIoModule(app, { db: database.db, readDb: services.readDb.db, clock: deps.clock, audit: services.audit });
  await registerCriteriaModule(app, { criteria: services.criteria });
  await registerFileModule(app, { files: services.files });
  await registerNotificationModule(app, { notifications: services.notifications });
  await registerHazardModules(app, { services: services.hazardModule, db: database.db });
  await registerPlanModules(app, { services: services.planModule });
  await registerEnforcementModules(app, { services: services.enforcementModule, db: database.db });
  await registerReportModules(app, { services: services.reportModule, db: database.db });
  await registerDualModules(app, { services: services.dualModule, db: database.db, publicUrl: config.publicUrl });
  await registerCampaignModules(app, { services: services.campaignModule, db: database.db, publicUrl: config.publicUrl });
  await registerSettingsModule(app, { settings: services.settings });
  await registerTodoModule(app, { todos: services.todos });
  await registerJobModule(app, { jobs: services.jobs });
  return app;
}
