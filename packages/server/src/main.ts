import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyBaseLogger } from 'fastify';
import '@anzhi/core';
import { buildApp, createServices } from './app.ts';
import { loadConfig } from './config.ts';
import { openConfiguredDatabase } from './db/open.ts';
import { prepareDatabase } from './db/prepare.ts';
import { openReadDb } from './db/read-replica.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { backupFilesSummary, readHeader, restoreBackup, writeBackup } from './lib/backup.ts';
import { systemClock } from './lib/clock.ts';
import { createIdentityCipher, loadIdentityKey, newIdentityKey } from './lib/identity-cipher.ts';
import { createMetrics } from './lib/metrics.ts';
import { createOutboundChannels } from './lib/outbound/outbound.ts';
import { startScheduler } from './lib/scheduler.ts';
import { configuredStorage } from './lib/storage-configured.ts';
import { auditRepo } from './modules/audit/audit.repo.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { readRecordedHead } from './modules/audit/audit-head.ts';
import { dualSweepSummary, runDualSweep } from './modules/dual/dual-sweep.ts';
import { drawUsage, runDrawCommand } from './modules/enforcement/enforcement-draw.cli.ts';
import { enforcementSweepSummary, runEnforcementSweepCommand } from './modules/enforcement/enforcement-sweep.cli.ts';
import { runEnforcementSweep } from './modules/enforcement/enforcement-sweep.ts';
import { filesUsage, isFilesMigrate, NO_S3_MESSAGE, runFilesMigrate } from './modules/files/file.cli.ts';
import { parseSweepNow, runSweepCommand, sweepSummary, sweepUsage } from './modules/hazards/hazard-sweep.cli.ts';
import { runHazardSweep } from './modules/hazards/hazard-sweep.ts';
import { pruneDoneJobs } from './modules/jobs/job-queue.ts';
import { planUsage, runPlanCommand } from './modules/plans/plan.cli.ts';
import { planSweepSummary, runPlanSweepCommand, withPlanCounts } from './modules/plans/plan-sweep.cli.ts';
import { runPlanSweep } from './modules/plans/plan-sweep.ts';
import { reportSweepSummary, runReportSweepCommand } from './modules/reports/report-sweep.cli.ts';
import { runReportSweep } from './modules/reports/report-sweep.ts';
import { supervise, supervisorOptionsFromEnv } from './supervisor.ts';

const usage = `用法: anzhi <命令>
  serve [--demo]         启动服务（--demo：数据库为空时载入演示数据）
  migrate                执行数据库迁移
  seed-demo              载入演示数据（示例镇）
  audit verify [--json] [--expect FILE]
                         校验审计哈希链；--expect：备份文件或链头文件中记载的链头，据此发现最新记录被删除
  backup --out FILE [--with-files]
                         备份到文件（逻辑备份，可恢复到内嵌库或 PostgreSQL）；--with-files：连同本地文件夹中的上传文件
  restore FILE           从备份恢复到空数据库（备份含上传文件时一并放回文件存储）
  report-key             生成一个新的举报人信息密钥（32 位十六进制，填入 ANZHI_REPORT_KEY 或 ANZHI_REPORT_KEY_FILE 所指文件）
${sweepUsage}
${planUsage}
${drawUsage}
${filesUsage}
环境变量: PORT (3000) DATABASE_URL ANZHI_DATA_DIR (./data) ANZHI_S3_URL ANZHI_S3_BUCKET ANZHI_S3_ACCESS_KEY ANZHI_S3_SECRET_KEY ANZHI_S3_REGION
          ANZHI_REPORT_KEY ANZHI_REPORT_KEY_FILE（举报人姓名、电话的 SM4 密钥；缺省时在数据目录 keys/ 下生成，请另行备份）`;

async function withDatabase<T>(fn: (database: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** The SM4 key of reporters' identities (ADR 0024); a key made just now is announced, since backups do not hold it. */
function identityOf(config: ReturnType<typeof loadConfig>) {
  const loaded = loadIdentityKey({ key: config.reportKey, keyFile: config.reportKeyFile, dataDir: config.dataDir });
  if (loaded.made) {
    console.warn(`已生成举报人信息密钥 ${loaded.source}：请另行妥善备份（数据库备份中没有它，丢失后举报人姓名、电话将无法读取）`);
  }
  return createIdentityCipher(loaded.key);
}

async function serve(demo: boolean) {
  const config = loadConfig();
  const identity = identityOf(config);
  const started = Date.now();
  const database = await openConfiguredDatabase(config);
  await prepareDatabase(database);
  const storage = configuredStorage(config);
  if (demo) await seedDemo(database, systemClock, { identity, storage });
  // The log is the app's, made below; the first check runs before it and is logged once the app exists.
  let log: FastifyBaseLogger | undefined;
  const readDb = await openReadDb({
    primary: database,
    replicaUrl: config.replicaUrl,
    maxLagSeconds: config.replicaMaxLagSeconds,
    onChange: ({ state, lagSeconds, error }, previous) =>
      log?.warn({ replica: { state, lagSeconds, error }, previous: previous.state }, 'read replica state changed'),
  });
  const metrics = createMetrics();
  const services = createServices({
    database,
    readDb,
    clock: systemClock,
    storage,
    channels: createOutboundChannels(config),
    identity,
  });
  const app = await buildApp({ config, database, clock: systemClock, serveWeb: true, services, metrics });
  log = app.log;
  if (config.replicaUrl && database.kind === 'pglite') app.log.warn('内嵌数据库没有只读副本：已忽略 DATABASE_REPLICA_URL');
  else if (config.replicaUrl) app.log.info({ replica: readDb.status() }, 'read replica checked');
  const scheduler = startScheduler({
    jobs: [
      // The time-driven hazard and plan-dispatch rules every 10 minutes, once per slot across processes (scheduled_runs);
      // the outbound queue's worker in every process every 15 seconds (its claims are exclusive per job).
      {
        name: 'hazard sweep',
        everyMs: 600_000,
        run: async () => {
          const channels = services.notifications.outboundChannelKeys;
          const hazards = await runHazardSweep(database.db, systemClock.now(), { channels });
          const counts = withPlanCounts(hazards, await runPlanSweep(database.db, systemClock.now(), { channels }));
          // 执法三部曲: 复查 reminders and overdue marks (issue 14).
          await runEnforcementSweep(database.db, systemClock.now(), { channels });
          // 举报: verification reminders and 催办, accept and feedback reminders, lapsed rewards (issue 15).
          await runReportSweep(database.db, systemClock.now(), { channels });
          // 双重预防: due checks generated up to today, 形式主义 signals (issue 16).
          await runDualSweep(database.db, systemClock.now());
          return counts;
        },
      },
      { name: 'outbound notifications', everyMs: 15_000, exclusive: false, run: () => services.notifications.deliverPending() },
      // Delivered outbound jobs past their retention (ADR 0016); once a day across processes.
      {
        name: 'prune delivered jobs',
        everyMs: 86_400_000,
        run: async () => ({ pruned: await pruneDoneJobs(database.db, systemClock.now()) }),
      },
      // The chain's head in the log, outside the database: `anzhi audit verify --expect` takes it as a JSON file.
      {
        name: 'audit chain head',
        everyMs: 600_000,
        run: async () => app.log.info({ auditHead: await auditRepo.head(database.db) }, 'audit chain head'),
      },
    ],
    observe: metrics.observeJob,
    database,
    clock: systemClock,
    log: app.log,
    backupDir: path.join(config.dataDir, 'backups'),
    intervalHours: database.kind === 'pglite' ? config.backupIntervalHours : 0,
    keep: config.backupKeep,
  });
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: stopping`);
    scheduler.stop();
    await app.close();
    await readDb.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  if (process.env.ANZHI_SUPERVISED === '1') {
    // Under the supervisor, in a process group of its own: if the supervisor is gone, so is this server.
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && void shutdown('supervisor gone'), 2_000).unref();
  }
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ db: database.kind, ms: Date.now() - started }, `安治已启动：http://localhost:${config.port}`);
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      expect: { type: 'string' },
      now: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'with-files': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  switch (command) {
    case 'serve':
      // The server itself runs in a child the supervisor restarts after a crash (ANZHI_SUPERVISOR=off: run here).
      if (process.env.ANZHI_SUPERVISOR === 'off' || process.env.ANZHI_SUPERVISED === '1') return serve(values.demo === true);
      process.exitCode = await supervise({
        command: process.execPath,
        args: [...process.execArgv, ...process.argv.slice(1)],
        env: { ...process.env, ANZHI_SUPERVISED: '1' },
        ...supervisorOptionsFromEnv(process.env),
        log: (line) => console.error(line),
      });
      return;
    case 'migrate':
      return withDatabase(async (db) => {
        await prepareDatabase(db);
        console.log('数据库迁移完成');
      });
    case 'seed-demo':
      return withDatabase(async (db) => {
        await prepareDatabase(db);
        const config = loadConfig();
        const storage = configuredStorage(config);
        const { seeded } = await seedDemo(db, systemClock, { identity: identityOf(config), storage }).finally(() => storage.close());
        console.log(seeded ? '已载入演示数据：示例镇' : '数据库已有数据，未载入演示数据');
      });
    case 'report-key':
      console.log(newIdentityKey());
      return;
    case 'audit': {
      if (positionals[0] !== 'verify') break;
      const recorded = values.expect ? [await readRecordedHead(values.expect)] : [];
      const result = await withDatabase((db) => createAuditService({ db: db.db, clock: systemClock }).verify(recorded));
      if (values.json) console.log(JSON.stringify(result));
      else if (result.ok) console.log(`审计链完好：已校验 ${result.checked} 条记录`);
      else if (result.truncated) console.log(`审计链被破坏：${result.reason}`);
      else console.log(`审计链被破坏：第一条异常记录 #${result.firstBrokenId}（${result.reason}），此前 ${result.checked} 条完好`);
      process.exitCode = result.ok ? 0 : 1;
      return;
    }
    case 'backup': {
      if (!values.out) break;
      const out = path.resolve(values.out);
      const storage = configuredStorage(loadConfig());
      const files = { storage, include: values['with-files'] === true };
      const header = await withDatabase((db) => writeBackup(db, out, new Date(), files)).finally(() => storage.close());
      console.log(
        `已备份到 ${out}：${Object.entries(header.tables)
          .map(([t, n]) => `${t} ${n}`)
          .join('，')}`,
      );
      console.log(backupFilesSummary(header.files));
      return;
    }
    case 'restore': {
      const file = positionals[0];
      if (!file) break;
      if (!fs.existsSync(file)) throw new Error(`备份文件不存在：${file}`);
      await readHeader(file);
      const storage = configuredStorage(loadConfig());
      const header = await withDatabase(async (db) => {
        await prepareDatabase(db);
        return restoreBackup(db, file, storage);
      }).finally(() => storage.close());
      console.log(`已从 ${file} 恢复（备份于 ${header.createdAt}，来源 ${header.source}）`);
      if (header.files?.included) console.log(`已恢复 ${header.files.count ?? 0} 个上传文件到 ${storage.location}`);
      else console.log(backupFilesSummary(header.files));
      return;
    }
    case 'sweep': {
      const now = parseSweepNow(values.now, systemClock.now());
      const [result, plans, enforcement, reportSweep, dual] = await withDatabase(async (db) => {
        await prepareDatabase(db);
        return [
          await runSweepCommand(db, now, loadConfig()),
          await runPlanSweepCommand(db, now, loadConfig()),
          await runEnforcementSweepCommand(db, now, loadConfig()),
          await runReportSweepCommand(db, now, loadConfig()),
          await runDualSweep(db.db, now),
        ] as const;
      });
      const all = withPlanCounts(result, plans);
      console.log(
        values.json
          ? JSON.stringify({ created: all.created, skipped: all.skipped })
          : `${sweepSummary(result, now)}\n${planSweepSummary(plans)}\n${enforcementSweepSummary(enforcement)}\n${reportSweepSummary(reportSweep)}\n${dualSweepSummary(dual)}`,
      );
      return;
    }
    case 'plan': {
      const code = await runPlanCommand(positionals, { json: values.json === true });
      if (code === null) break;
      process.exitCode = code;
      return;
    }
    case 'draw': {
      const code = runDrawCommand(positionals);
      if (code === null) break;
      process.exitCode = code;
      return;
    }
    case 'files': {
      if (!isFilesMigrate([command, ...positionals], values.to)) break;
      const config = loadConfig();
      if (!config.s3) throw new Error(NO_S3_MESSAGE);
      process.exitCode = await withDatabase(async (db) => {
        await prepareDatabase(db);
        return runFilesMigrate(db, config, { dryRun: values['dry-run'] === true, json: values.json === true });
      });
      return;
    }
    default:
      if (command && command !== 'help' && !values.help) console.error(`未知命令：${command}\n`);
  }
  console.log(usage);
  if (command && command !== 'help') process.exitCode = 2;
}

main(process.argv.slice(2)).catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
