// `npm run cluster-test [-- --quick] [--duration S] [--users N] [--concurrency N] [--keep]`
// A cluster on loopback — PostgreSQL primary + streaming replica, s3rver, three `anzhi serve`, nginx — under a bounded
// load; mid-run one server is SIGKILLed and later the replica stopped. Then: every acknowledged write on the primary,
// sessions still valid on every process, no scheduled slot run twice, no duplicate jobs, uploads readable through
// every process, /api/health showing the replica fallback. The last line is a JSON summary; the exit code is 0 only
// when nothing was lost or doubled and no 5xx came outside the kill window (see summary.ok). Not part of `npm test` (docs/deploy/cluster-test.md).
import fs from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  anzhiCli,
  checkTools,
  cleanupAll,
  freePort,
  HarnessError,
  log,
  onCleanup,
  sleep,
  startNginx,
  startPrimary,
  startReplica,
  startS3,
  startServer,
  waitFor,
} from './cluster.mjs';
import { createHttp, login, makePhotos, runLoad, Stats } from './load.mjs';

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    users: { type: 'string' },
    concurrency: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (opts.help) {
  console.log(`用法: npm run cluster-test -- [--quick] [--duration 秒] [--users 人数] [--concurrency 并发] [--keep]
  --quick        短跑：45 秒、60 个模拟用户（默认 150 秒、300 个）
  --keep         结束后保留临时目录（日志、nginx 配置）以便排查`);
  process.exit(0);
}
const durationSec = Number(opts.duration ?? (opts.quick ? 45 : 150));
const users = Number(opts.users ?? (opts.quick ? 60 : 300));
const concurrency = Number(opts.concurrency ?? 24);
const SWEEP_EVERY_MS = 600_000; // the hazard sweep's slot (packages/server/src/main.ts)

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-cluster-'));
fs.chmodSync(tmp, 0o755); // the postgres user must reach its data directories inside
onCleanup(() => {
  if (opts.keep) console.error(`临时目录已保留 / kept: ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
});

let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  cleanupAll();
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    log(`收到 ${signal}，正在清理`, 'cleaning up');
    cleanup();
    process.exit(130);
  });
}

/** Sum of a Prometheus counter's samples whose labels contain `match`. */
function metricSum(text, name, match) {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}{`) && line.includes(match)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}
async function sweepRuns(server) {
  const res = await fetch(`${server.base}/api/metrics`);
  if (!res.ok) throw new HarnessError(`读取 ${server.base}/api/metrics 失败：${res.status}`);
  return metricSum(await res.text(), 'anzhi_job_duration_seconds_count', 'job="hazard sweep"');
}

async function main() {
  const { nginx: nginxBin } = checkTools();
  const { default: pg } = await import('pg');

  const primary = await startPrimary(tmp);
  const admin = new pg.Client({ connectionString: primary.url.replace(/\/anzhi$/, '/postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE anzhi');
  await admin.end();
  const replica = await startReplica(tmp, primary);
  const s3 = await startS3(tmp);

  // A group-robot endpoint (a generic webhook): every outbound notice the queue delivers lands here.
  const received = [];
  const sink = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push(body);
      res.end('{"ok":true}');
    });
  });
  const sinkPort = await freePort();
  await new Promise((r) => sink.listen(sinkPort, '127.0.0.1', r));
  sink.unref();
  onCleanup(() => sink.close());

  const env = {
    ...process.env,
    DATABASE_URL: primary.url,
    DATABASE_REPLICA_URL: replica.url,
    ...s3.env,
    ANZHI_TRUST_PROXY: 'true',
    ANZHI_LOGIN_RATE_PER_MINUTE: '100000',
    ANZHI_COOKIE_SECURE: 'false',
    LOG_LEVEL: 'warn',
    ANZHI_WEBHOOK_URLS: `http://127.0.0.1:${sinkPort}/hook`,
  };
  log('anzhi migrate / seed-demo', 'migrate and seed the demo township');
  anzhiCli(['migrate'], env, 'anzhi migrate');
  anzhiCli(['seed-demo'], env, 'anzhi seed-demo');

  const ports = [await freePort(), await freePort(), await freePort()];
  log(`启动 3 个安治进程（端口 ${ports.join('、')}）`, 'starting three anzhi serve');
  const serversStarted = Date.now();
  const servers = await Promise.all(ports.map((port, i) => startServer(tmp, i + 1, port, env)));
  const lb = await startNginx(tmp, nginxBin, servers);
  log(`nginx 负载均衡：${lb.base}`, 'nginx in front');

  const db = new pg.Client({ connectionString: primary.url });
  await db.connect();
  onCleanup(() => db.end().catch(() => {}));

  const stats = new Stats();
  const http = createHttp(stats, concurrency);
  const photos = await makePhotos();
  const office = await login(http, lb.base, 'anweiban');
  if (!office) throw new HarnessError('演示账号 anweiban 登录失败 / demo login failed');
  const ents = await http(lb.base, 'GET', '/api/v1/enterprises?page=1&pageSize=200', { cookie: office });
  const enterpriseIds = (ents.data?.items ?? []).map((e) => e.id);
  if (enterpriseIds.length === 0) throw new HarnessError('演示数据中没有企业 / no demo enterprises');

  const writes = [];
  const sessions = [];
  const t0 = performance.now();
  const deadline = t0 + durationSec * 1000;
  const victim = servers[1];
  const events = {};

  // The faults, on a timeline of their own while the load runs.
  const faults = (async () => {
    await sleep(durationSec * 350);
    victim.sweepRunsBeforeKill = await sweepRuns(victim).catch(() => 0);
    events.sessionsBeforeKill = sessions.map((s) => ({ ...s }));
    events.killAt = performance.now();
    process.kill(-victim.child.pid, 'SIGKILL');
    victim.alive = false;
    log(
      `SIGKILL 安治进程 ${victim.index}（端口 ${victim.port}），此前已登录会话 ${events.sessionsBeforeKill.length} 个`,
      'killed one server',
    );
    await sleep(durationSec * 300);
    events.replicaStopAt = performance.now();
    replica.stop();
    log('已停止只读副本（pg_ctl stop -m immediate）', 'replica stopped');
  })();

  log(`负载：${users} 个模拟用户，并发上限 ${concurrency}，${durationSec} 秒`, `load: ${users} users, ${durationSec}s`);
  await runLoad({ http, base: lb.base, users, deadline, enterpriseIds, photos, writes, sessions });
  await faults;
  const loadEnd = performance.now();
  const loadRequests = stats.records.length;
  const loadSeconds = (loadEnd - t0) / 1000;
  log(`负载结束：${loadRequests} 个请求`, 'load done');

  // ---- checks ----------------------------------------------------------------------------------------------
  const survivors = servers.filter((s) => s.alive);

  // /api/health on the survivors: the stopped replica is seen as unreachable and reads fall back to the primary.
  let replicaFallback = false;
  try {
    await waitFor(
      '/api/health 报告副本不可达',
      async () => {
        const states = await Promise.all(survivors.map(async (s) => (await (await fetch(`${s.base}/api/health`)).json()).replica.state));
        return states.every((st) => st === 'unreachable');
      },
      { timeoutMs: 30_000 },
    );
    const dash = await http(lb.base, 'GET', '/api/v1/dashboard/summary', { cookie: office, label: 'post-check' });
    replicaFallback = dash.ok;
  } catch (err) {
    log(`副本回退检查未通过：${err.message}`, 'replica fallback check failed');
  }

  // The killed process comes back (as systemd would restart it): "every process" includes it again.
  const restarted = await startServer(tmp, `${victim.index}-restarted`, victim.port, env);
  const processes = [...survivors, restarted];

  // Every acknowledged write on the primary.
  const fileIds = writes.filter((w) => w.kind === 'file').map((w) => w.id);
  const hazardIds = writes.filter((w) => w.kind === 'hazard').map((w) => w.id);
  const transitions = writes.filter((w) => w.kind === 'transition');
  const foundFiles = new Set((await db.query('SELECT id FROM files WHERE id = ANY($1)', [fileIds])).rows.map((r) => r.id));
  const foundHazards = new Map(
    (await db.query('SELECT id, status FROM hazards WHERE id = ANY($1)', [hazardIds])).rows.map((r) => [r.id, r.status]),
  );
  const eventRows = (await db.query('SELECT hazard_id, action FROM hazard_events WHERE hazard_id = ANY($1)', [hazardIds])).rows;
  const foundEvents = new Set(eventRows.map((r) => `${r.hazard_id}:${r.action}`));
  const lost = [
    ...fileIds.filter((id) => !foundFiles.has(id)).map((id) => `file ${id}`),
    ...hazardIds.filter((id) => !foundHazards.has(id)).map((id) => `hazard ${id}`),
    ...transitions.filter((t) => !foundEvents.has(`${t.hazardId}:${t.action}`)).map((t) => `hazard ${t.hazardId} ${t.action}`),
  ];
  // The last acknowledged status of each hazard is the one on the primary.
  const lastStatus = new Map();
  for (const t of transitions) lastStatus.set(t.hazardId, t.status);
  for (const [id, status] of lastStatus) if (foundHazards.has(id) && foundHazards.get(id) !== status) lost.push(`hazard ${id} status`);
  if (lost.length) log(`丢失的已确认写入：${lost.slice(0, 10).join('，')}`, 'lost acknowledged writes');

  // Sessions from before the kill still valid on every process (the restarted one included).
  let lostSessions = sessions.filter((s) => s.lostAt).length;
  const sessionChecks = events.sessionsBeforeKill ?? [];
  for (const s of sessionChecks) {
    for (const p of processes) {
      const r = await http(p.base, 'GET', '/api/v1/auth/me', { cookie: s.cookie, label: 'post-check' });
      if (!r.ok) {
        lostSessions++;
        log(`会话失效：${s.username} 在 ${p.base} 上 ${r.status}`, 'session lost');
        break;
      }
    }
  }

  // Uploads readable through every process.
  let unreadableUploads = 0;
  const sample = fileIds.filter((id) => foundFiles.has(id));
  for (const id of sample) {
    for (const p of processes) {
      const res = await fetch(`${p.base}/api/v1/files/${id}`, { headers: { cookie: office } });
      const bytes = res.ok ? (await res.arrayBuffer()).byteLength : 0;
      if (bytes === 0) {
        unreadableUploads++;
        log(`上传文件 ${id} 在 ${p.base} 上读不到（${res.status}）`, 'upload unreadable');
        break;
      }
    }
  }

  // No scheduled slot run twice: the hazard sweep ran at most once per 10-minute slot across all processes
  // (runs counted from each process's /api/metrics; the killed one's just before the kill).
  const totalSweeps = victim.sweepRunsBeforeKill + (await Promise.all(processes.map(sweepRuns))).reduce((a, b) => a + b, 0);
  const slots = Math.floor(Date.now() / SWEEP_EVERY_MS) - Math.floor(serversStarted / SWEEP_EVERY_MS) + 1;
  const duplicateSweeps = Math.max(0, totalSweeps - slots);
  const dupKeys = (
    await db.query('SELECT dedupe_key, count(*)::int AS n FROM jobs WHERE dedupe_key IS NOT NULL GROUP BY dedupe_key HAVING count(*) > 1')
  ).rows;
  const scheduled = (await db.query('SELECT name, count(*)::int AS n FROM scheduled_runs GROUP BY name HAVING count(*) > 1')).rows;
  // Outbound notices: once the queue has drained, no notice posted twice (one copy per notice and group channel).
  await waitFor(
    '外发通知队列清空',
    async () =>
      (await db.query("SELECT count(*)::int AS n FROM jobs WHERE queue = 'outbound' AND state IN ('queued', 'running')")).rows[0].n === 0,
    { timeoutMs: 60_000 },
  ).catch((err) => log(err.message, 'outbound queue not drained'));
  const duplicateNotices = received.length - new Set(received).size;
  const duplicateJobs = duplicateSweeps + dupKeys.length + scheduled.length + duplicateNotices;

  // 5xx: those in flight when the process was killed are the kill's (nginx answers 502 for them); any other is a fault.
  const killAt = events.killAt ?? Number.POSITIVE_INFINITY;
  const loadRecords = stats.records.filter((r) => r.label !== 'post-check');
  const fivexx = loadRecords.filter((r) => r.status >= 500);
  const inKill = fivexx.filter((r) => r.start <= killAt + 50 && r.end >= killAt);
  const byStatus = {};
  for (const r of loadRecords) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const afterReplica = fivexx.filter((r) => !inKill.includes(r) && r.end >= (events.replicaStopAt ?? Number.POSITIVE_INFINITY));
  if (afterReplica.length) {
    const last = Math.max(...afterReplica.map((r) => r.end)) - events.replicaStopAt;
    log(`副本停止后 ${Math.round(last)} 毫秒内仍有 5xx（${afterReplica.length} 个）`, '5xx after the replica stopped');
  }
  const failures = {};
  for (const r of loadRecords.filter((r) => r.status >= 400 || r.status === 0)) {
    const key = `${r.status} ${r.method} ${r.label} ${r.code ?? ''}`.trim();
    failures[key] = (failures[key] ?? 0) + 1;
  }
  for (const [key, n] of Object.entries(failures)) log(`失败的请求 ${key} × ${n}`, 'failed requests');
  const fivexxSamples = fivexx.filter((r) => !inKill.includes(r)).slice(0, 5);
  if (fivexxSamples.length)
    log(`5xx：${fivexxSamples.map((r) => `${r.status} ${r.method} ${r.label}`).join('；')}`, '5xx outside the kill');

  const summary = {
    requests: loadRequests,
    throughputPerSec: Math.round((loadRequests / loadSeconds) * 10) / 10,
    p95Ms: stats.p95(),
    errors5xx: fivexx.length - inKill.length,
    errors502KillWindow: inKill.length,
    // Of errors5xx, those answered after the replica was stopped (reads routed to it before its next check).
    errors5xxAfterReplicaStop: fivexx.filter((r) => !inKill.includes(r) && r.end >= (events.replicaStopAt ?? Number.POSITIVE_INFINITY))
      .length,
    networkErrors: loadRecords.filter((r) => r.status === 0).length,
    lostWrites: lost.length,
    acknowledgedWrites: writes.length,
    hazardsCreated: hazardIds.length,
    uploads: fileIds.length,
    unreadableUploads,
    duplicateJobs,
    sweepRuns: totalSweeps,
    noticesDelivered: received.length,
    duplicateNotices,
    lostSessions,
    sessionsChecked: sessionChecks.length,
    replicaFallback,
    statusCounts: byStatus,
    users,
    concurrency,
    durationSec,
    processes: 3,
  };
  // The issue's bar: nothing acknowledged lost, nothing run twice, no session lost, no 5xx beyond the killed
  // process's in-flight requests, every upload readable from every process, reads moved off the stopped replica.
  summary.ok =
    summary.lostWrites === 0 &&
    summary.duplicateJobs === 0 &&
    summary.lostSessions === 0 &&
    summary.errors5xx === 0 &&
    summary.unreadableUploads === 0 &&
    summary.replicaFallback === true;
  return summary;
}

let summary;
try {
  summary = await main();
} catch (err) {
  const known = err instanceof HarnessError;
  console.error(known ? `集群测试无法完成 / cluster test aborted: ${err.message}` : err);
  summary = { ok: false, error: String(err?.message ?? err).split('\n')[0] };
}
cleanup();
// The bench report (`npm run bench -- --json`) carries the last run's numbers under "cluster".
fs.writeFileSync(
  path.join(import.meta.dirname, '../../bench-results-cluster.json'),
  `${JSON.stringify({ ranAt: new Date().toISOString(), ...summary })}\n`,
);
console.log(JSON.stringify(summary));
process.exit(summary.ok ? 0 : 1);
