// The pieces of the cluster on loopback: PostgreSQL primary + streaming replica, s3rver, AnZhi processes, nginx.
// Every process started here is registered for the synchronous clean-up in `cleanupAll` (run on exit, signals, errors).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
const anzhiBin = path.join(root, 'packages/server/bin/anzhi.mjs');
const isRoot = process.getuid?.() === 0;

/** Everything to undo, newest first. Each entry is synchronous so it also runs in an 'exit' handler. */
const cleanups = [];
export function onCleanup(fn) {
  cleanups.push(fn);
}
export function cleanupAll() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    try {
      fn();
    } catch {
      // keep cleaning up the rest
    }
  }
}

export function log(zh, en) {
  const t = new Date().toISOString().slice(11, 19);
  console.error(`[${t}] ${zh}${en ? ` / ${en}` : ''}`);
}

export class HarnessError extends Error {}

/** A free loopback port (asked of the kernel, then released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------------------
// Tools

const pgBinDir = process.env.ANZHI_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const pgBin = (name) => path.join(pgBinDir, name);

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || null;
}

/** Checks the tools up front, with a message naming how to get each missing one. */
export function checkTools() {
  for (const tool of ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres']) {
    if (!fs.existsSync(pgBin(tool))) {
      throw new HarnessError(
        `找不到 PostgreSQL 程序 ${pgBin(tool)}：请安装 Debian 的 postgresql-15（apt-get install -y postgresql-15），或用 ANZHI_PG_BIN 指定其 bin 目录 / ` +
          `PostgreSQL binary ${pgBin(tool)} not found: install postgresql-15 or set ANZHI_PG_BIN`,
      );
    }
  }
  if (isRoot && !which('runuser'))
    throw new HarnessError('以 root 运行需要 runuser（util-linux）/ runuser is required when running as root');
  if (isRoot && spawnSync('id', ['postgres']).status !== 0) {
    throw new HarnessError(
      '以 root 运行时需要系统用户 postgres（安装 postgresql 软件包会创建）/ the postgres system user is required when root',
    );
  }
  let nginx = which('nginx') ?? (fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : null);
  if (!nginx && isRoot) {
    log('未找到 nginx，正在安装（apt-get install -y nginx）', 'nginx missing, installing it');
    const r = spawnSync('sh', ['-c', 'apt-get install -y nginx || (apt-get update && apt-get install -y nginx)'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status === 0) nginx = which('nginx') ?? '/usr/sbin/nginx';
  }
  if (!nginx || !fs.existsSync(nginx)) {
    throw new HarnessError(
      '找不到 nginx：请以 root 执行 apt-get install -y nginx 后重试 / nginx not found: run `sudo apt-get install -y nginx`',
    );
  }
  try {
    import.meta.resolve('s3rver');
    import.meta.resolve('pg');
  } catch {
    throw new HarnessError('缺少 s3rver 或 pg：请先在仓库根目录执行 npm ci / s3rver or pg missing: run `npm ci` first');
  }
  return { nginx };
}

/** Runs a command (as the postgres user when root), failing with its output. */
function runPg(tool, args, what) {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', pgBin(tool), ...args]] : [pgBin(tool), args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: '/' });
  if (r.status !== 0) throw new HarnessError(`${what} 失败 / failed: ${tool} ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function pgOwned(dir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (isRoot) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

export class PgNode {
  constructor(dir, port, name) {
    this.dir = dir;
    this.port = port;
    this.name = name;
    this.running = false;
  }
  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/anzhi`;
  }
  start() {
    runPg('pg_ctl', ['-D', this.dir, '-l', `${this.dir}.log`, '-w', '-t', '60', 'start'], `启动 PostgreSQL ${this.name}`);
    this.running = true;
    onCleanup(() => this.stop());
  }
  /** Stops at once (`-m immediate`, as a crash would look to its clients). Idempotent. */
  stop() {
    if (!this.running) return;
    this.running = false;
    try {
      runPg('pg_ctl', ['-D', this.dir, '-m', 'immediate', '-w', 'stop'], `停止 PostgreSQL ${this.name}`);
    } catch {
      // already gone
    }
  }
}

export async function startPrimary(tmp) {
  const sock = path.join(tmp, 'pgsock');
  pgOwned(sock);
  const dir = path.join(tmp, 'pg-primary');
  pgOwned(path.dirname(dir));
  const node = new PgNode(dir, await freePort(), 'primary');
  log(`初始化 PostgreSQL 主库（端口 ${node.port}）`, 'initdb primary');
  runPg('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], 'initdb');
  fs.appendFileSync(
    path.join(dir, 'postgresql.conf'),
    [
      '',
      '# anzhi cluster-test',
      `port = ${node.port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${sock}'`,
      'wal_level = replica',
      'max_wal_senders = 5',
      'hot_standby = on',
      'max_connections = 200',
      'shared_buffers = 64MB',
      'fsync = off',
      'full_page_writes = off',
      '',
    ].join('\n'),
  );
  // initdb's default pg_hba.conf already trusts replication connections from 127.0.0.1.
  fs.appendFileSync(path.join(dir, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
  node.start();
  return node;
}

export async function startReplica(tmp, primary) {
  const dir = path.join(tmp, 'pg-replica');
  const node = new PgNode(dir, await freePort(), 'replica');
  log(`pg_basebackup 制作流复制副本（端口 ${node.port}）`, 'pg_basebackup -R replica');
  runPg(
    'pg_basebackup',
    ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', dir, '-R', '-X', 'stream', '-c', 'fast'],
    'pg_basebackup',
  );
  fs.appendFileSync(path.join(dir, 'postgresql.conf'), `\nport = ${node.port}\n`);
  node.start();
  return node;
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes (s3rver, AnZhi, nginx; nginx's upstream settings follow docs/deploy/nginx-anzhi.conf)

/** A child process with its output in a log file; killed on clean-up. */
export function startChild(name, cmd, args, { env, logFile, cwd = root }) {
  const out = fs.openSync(logFile, 'a');
  // A process group of its own: clean-up kills the group, so nginx's workers go with their master.
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  child.exitedCode = null;
  child.on('exit', (code, signal) => {
    child.exitedCode = code ?? signal;
  });
  onCleanup(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  });
  child.name = name;
  child.logFile = logFile;
  return child;
}

export async function waitFor(what, check, { timeoutMs = 60_000, child } = {}) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitedCode !== null) {
      throw new HarnessError(`${what}：进程已退出（${child.exitedCode}），见日志 ${child.logFile} / process exited, see its log`);
    }
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new HarnessError(`${what}：等待超时 / timed out${child ? `，见日志 ${child.logFile}` : ''}`);
    await sleep(300);
  }
}

export async function startS3(tmp) {
  const port = await freePort();
  const dir = path.join(tmp, 's3');
  fs.mkdirSync(dir);
  const child = startChild('s3rver', process.execPath, [path.join(import.meta.dirname, 's3-server.mjs'), String(port), dir], {
    env: process.env,
    logFile: path.join(tmp, 's3rver.log'),
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('s3rver 启动', async () => (await fetch(url)).status < 500, { child });
  return {
    child,
    env: { ANZHI_S3_URL: url, ANZHI_S3_BUCKET: 'anzhi-cluster', ANZHI_S3_ACCESS_KEY: 'S3RVER', ANZHI_S3_SECRET_KEY: 'S3RVER' },
  };
}

export function anzhiCli(args, env, what) {
  const r = spawnSync(process.execPath, [anzhiBin, ...args], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) throw new HarnessError(`${what} 失败 / failed (anzhi ${args.join(' ')}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

/** One `anzhi serve` process (ANZHI_SUPERVISOR=off: a SIGKILL kills the server, as a crashed host would). */
export async function startServer(tmp, index, port, env) {
  const dataDir = path.join(tmp, `anzhi-${index}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const child = startChild(`anzhi-${index}`, process.execPath, [anzhiBin, 'serve'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', ANZHI_DATA_DIR: dataDir, ANZHI_SUPERVISOR: 'off' },
    logFile: path.join(tmp, `anzhi-${index}.log`),
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`安治进程 ${index} 启动（端口 ${port}）`, async () => (await fetch(`${base}/api/health`)).ok, {
    child,
    timeoutMs: 120_000,
  });
  return { index, port, base, child, alive: true };
}

export async function startNginx(tmp, nginxBin, servers) {
  const port = await freePort();
  const prefix = path.join(tmp, 'nginx');
  fs.mkdirSync(path.join(prefix, 'logs'), { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `# generated by scripts/cluster-test
${isRoot ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 2048; }
http {
  access_log ${prefix}/logs/access.log;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream anzhi {
${servers.map((s) => `    server 127.0.0.1:${s.port} max_fails=3 fail_timeout=10s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 51m;
    location / {
      proxy_pass http://anzhi;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 3s;
      proxy_read_timeout 60s;
      # As docs/deploy/nginx-anzhi.conf: a refused connection (a dead process) goes to the next server; a
      # non-idempotent request already sent is not retried (nginx's rule), so those in flight at the kill answer 502.
      proxy_next_upstream error timeout http_502;
      proxy_next_upstream_tries 3;
    }
  }
}
`,
  );
  const test = spawnSync(nginxBin, ['-t', '-c', conf, '-p', prefix], { encoding: 'utf8' });
  if (test.status !== 0) throw new HarnessError(`nginx 配置检查失败 / nginx -t failed:\n${test.stderr}`);
  const child = startChild('nginx', nginxBin, ['-c', conf, '-p', prefix], {
    env: process.env,
    logFile: path.join(prefix, 'logs/stdout.log'),
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor('nginx 启动', async () => (await fetch(`${base}/api/health`)).ok, { child });
  return { port, base, child, conf };
}
