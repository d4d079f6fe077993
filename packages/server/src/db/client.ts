import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
// One driver (node-postgres) for both databases (ADR 0021); code above this file never knows which database it has.
// biome-ignore lint/suspicious/noExplicitAny: the query-result HKT differs per driver
export type Db = PgDatabase<any, Schema>;
// biome-ignore lint/suspicious/noExplicitAny: as above
export type Tx = PgTransaction<any, Schema, any>;
/** A handle for queries: the database, or the transaction that must be used inside `db.transaction` (ADR 0002). */
export type Executor = Db | Tx;

export type DbKind = 'pglite' | 'postgres';

/** How busy the connection is, for /api/metrics: the pool of node-postgres, or the embedded database's one connection. */
export type DbUsage = { kind: 'postgres'; total: number; idle: number; waiting: number; max: number } | { kind: 'pglite'; pending: number };

export interface Database {
  db: Db;
  kind: DbKind;
  usage(): DbUsage;
  /** How long queries have been running or waiting with none finishing (0 when idle): busy, or stuck. */
  stalledForMs(): number;
  /** Runs raw SQL and returns the rows, the same shape on both drivers. */
  rows<T = Record<string, unknown>>(query: SQL, ex?: Executor): Promise<T[]>;
  /** Applies the committed migrations; on PostgreSQL one process at a time (see runMigrations). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The advisory lock key migrations hold on PostgreSQL ('anzhi-mg' as a number). Several `anzhi serve` processes
 * starting together would otherwise all read "not applied" and race to create the same tables; with the lock the
 * first applies them and the others, once they get it, find nothing left to do.
 */
export const MIGRATION_LOCK_KEY = 0x616e7a68696d67n;

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

async function rowsOf<T>(ex: Executor, query: SQL): Promise<T[]> {
  const result = (await ex.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder of the embedded database; omitted → in memory (tests only). */
  pgliteDir?: string;
  /** A dump made by `dumpDataDir`, to start from (tests use a migrated template). */
  pgliteTemplate?: Uint8Array;
  poolSize?: number;
  /** Give up connecting after this long (a replica that does not answer must not hold a request). */
  connectTimeoutMs?: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  /** The embedded database's thread ended without being closed (a crash): every query fails from now on. */
  onLost?: (error: Error) => void;
  /** How the embedded database is reached: a unix socket, or (default on Windows) a loopback port. */
  embeddedTransport?: 'unix' | 'tcp';
}

/** The embedded database, served from its own thread (ADR 0021): what the pool is for PostgreSQL, plus its thread. */
export interface EmbeddedDatabase extends Database {
  kind: 'pglite';
  /** The whole data folder as a tarball (PGlite's `dumpDataDir`), e.g. a migrated template for tests. */
  dumpDataDir(): Promise<Uint8Array>;
  /** The thread PGlite runs on (tests end it to act out a crash). */
  thread: Worker;
}

/**
 * One pool, one driver (node-postgres) for both databases. `stalledForMs` is how long the pool has been busy
 * (a query running or waiting) without a query finishing, so /api/health can tell "busy" from "stuck".
 */
function poolDatabase(pool: pg.Pool, kind: DbKind, max: number) {
  let lastProgress = Date.now();
  const progress = () => {
    lastProgress = Date.now();
  };
  pool.on('acquire', progress);
  pool.on('release', progress);
  pool.on('error', () => {
    // An idle client dropped by the server: the pool replaces it; requests see errors on their own queries.
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const pending = () => pool.totalCount - pool.idleCount + pool.waitingCount;
  const usage = (): DbUsage =>
    kind === 'postgres'
      ? { kind, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }
      : { kind, pending: pending() };
  return {
    db,
    kind,
    usage,
    stalledForMs: () => (pending() > 0 ? Date.now() - lastProgress : 0),
    rows: <T>(q: SQL, ex?: Executor) => rowsOf<T>(ex ?? db, q),
    async migrate() {
      // A session lock needs one connection for lock, migrations and unlock: a client of its own, not the pool.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
        try {
          // biome-ignore lint/suspicious/noExplicitAny: driver-specific migrator
          await migratePg(drizzlePg(client, { schema }) as any, { migrationsFolder });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
        }
      } finally {
        client.release();
      }
    },
  };
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (!opts.databaseUrl) return openEmbeddedDatabase(opts);
  const max = opts.poolSize ?? 10;
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max,
    connectionTimeoutMillis: opts.connectTimeoutMs,
    application_name: opts.applicationName,
  });
  return { ...poolDatabase(pool, 'postgres', max), close: () => pool.end() };
}

/**
 * PGlite in a worker thread behind `@electric-sql/pglite-socket` on a unix socket in a private temporary folder
 * (0700, short enough for the 107-byte socket path limit wherever the data folder is; on Windows a loopback port
 * the system picks), spoken to through `pg` like
 * PostgreSQL. PGlite is one session: the pool has one connection, so a transaction never interleaves with another
 * caller's queries (they wait in the pool, which `usage().pending` counts).
 */
export async function openEmbeddedDatabase(opts: Omit<OpenOptions, 'databaseUrl'>): Promise<EmbeddedDatabase> {
  if (opts.pgliteDir) fs.mkdirSync(opts.pgliteDir, { recursive: true });
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-db-'));
  socketDirs.add(socketDir);
  const tcp = (opts.embeddedTransport ?? (process.platform === 'win32' ? 'tcp' : 'unix')) === 'tcp';
  // A copy of its own (a Buffer may be a view of a shared pool), moved to the thread rather than cloned again.
  const template = opts.pgliteTemplate ? new Uint8Array(opts.pgliteTemplate) : undefined;
  const worker = new Worker(new URL('./pglite-server.worker.mjs', import.meta.url), {
    // Two: the pool's one connection, and room for its replacement while a broken one is still closing.
    workerData: {
      dataDir: opts.pgliteDir,
      template,
      socketPath: tcp ? undefined : path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
      maxConnections: 2,
    },
    transferList: template ? [template.buffer as ArrayBuffer] : [],
  });
  let closing = false;
  let threadEnded = false;
  let lost: Error | null = null;
  const replies = new Map<number, (m: WorkerReply) => void>();
  let nextId = 0;
  let port: number | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: WorkerReply) => {
        if (m.type !== 'ready') return;
        port = m.port;
        worker.off('error', reject);
        worker.off('exit', onExit);
        resolve();
      };
      const onExit = (code: number) => reject(new Error(`内嵌数据库线程启动失败（退出码 ${code}）`));
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', onExit);
    });
  } catch (e) {
    await worker.terminate();
    removeSocketDir(socketDir);
    throw e;
  }
  worker.on('message', (m: WorkerReply) => {
    if ((m.type === 'dump' || m.type === 'error') && m.id !== undefined) replies.get(m.id)?.(m);
  });
  worker.on('error', (e) => {
    lost ??= e;
  });
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      threadEnded = true;
      removeSocketDir(socketDir);
      if (!closing) {
        lost ??= new Error(`内嵌数据库线程意外退出（退出码 ${code}）`);
        opts.onLost?.(lost);
      }
      for (const reply of replies.values()) reply({ type: 'error', message: lost?.message ?? '内嵌数据库已关闭' });
      resolve();
    }),
  );
  const pool = new pg.Pool({
    ...(tcp ? { host: '127.0.0.1', port } : { host: socketDir, port: SOCKET_PORT }),
    user: 'postgres',
    database: 'postgres',
    max: 1,
    idleTimeoutMillis: 0,
  });
  const base = poolDatabase(pool, 'pglite', 1);
  return {
    ...base,
    kind: 'pglite',
    thread: worker,
    async dumpDataDir() {
      if (lost) throw lost;
      const id = nextId++;
      const reply = new Promise<WorkerReply>((resolve) => replies.set(id, resolve));
      worker.postMessage({ type: 'dump', id });
      const m = await reply;
      replies.delete(id);
      if (m.type !== 'dump') throw new Error(m.type === 'error' ? m.message : 'dumpDataDir failed');
      return m.bytes;
    },
    async close() {
      if (closing) return exited;
      closing = true;
      await pool.end();
      if (threadEnded) return;
      // PGlite closes its data folder on its own thread, then the thread ends; after that no one holds the folder.
      // A close that hangs is cut short rather than holding the shutdown forever.
      worker.postMessage({ type: 'close' });
      const timer = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

const CLOSE_TIMEOUT_MS = 30_000;

/** Socket folders of databases still open: a process that exits without closing them leaves none behind. */
const socketDirs = new Set<string>();
function removeSocketDir(dir: string) {
  socketDirs.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}
process.once('exit', () => {
  for (const dir of socketDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Only names the socket file (`.s.PGSQL.<port>`), as PostgreSQL does: nothing listens on a TCP port. */
const SOCKET_PORT = 5432;

type WorkerReply =
  | { type: 'ready'; port?: number }
  | { type: 'closed' }
  | { type: 'dump'; id: number; bytes: Uint8Array }
  | { type: 'error'; id?: number; message: string };

/** Applies the committed migrations: several processes starting at once on PostgreSQL take turns (MIGRATION_LOCK_KEY). */
export async function runMigrations(database: Database): Promise<void> {
  await database.migrate();
}

/** The newest migration tag, written into backups so a restore knows what it reads. */
export function schemaVersion(): string {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries[journal.entries.length - 1]?.tag ?? 'none';
}

export { sql };
