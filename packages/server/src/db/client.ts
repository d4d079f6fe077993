import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
// Both drivers produce a PgDatabase; code above this file never knows which one it has.
// biome-ignore lint/suspicious/noExplicitAny: the query-result HKT differs per driver
export type Db = PgDatabase<any, Schema>;
// biome-ignore lint/suspicious/noExplicitAny: as above
export type Tx = PgTransaction<any, Schema, any>;
/** A handle for queries: the database, or the transaction that must be used inside `db.transaction` (ADR 0002). */
export type Executor = Db | Tx;

export type DbKind = 'pglite' | 'postgres';

/** How busy the connection is, for /api/metrics: the pool of node-postgres, or PGlite's single connection. */
export type DbUsage = { kind: 'postgres'; total: number; idle: number; waiting: number; max: number } | { kind: 'pglite'; pending: number };

export interface Database {
  db: Db;
  kind: DbKind;
  usage(): DbUsage;
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
  /** A dump made by PGlite.dumpDataDir, to start from (tests use a migrated template). */
  pgliteTemplate?: Blob;
  poolSize?: number;
  /** Give up connecting after this long (a replica that does not answer must not hold a request). */
  connectTimeoutMs?: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
}

/** Counts PGlite calls not yet answered (it runs one at a time): the drivers call query, exec and transaction. */
function countPending(client: PGlite): () => number {
  let pending = 0;
  const track =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      pending++;
      try {
        return await fn(...args);
      } finally {
        pending--;
      }
    };
  const c = client as unknown as Record<'query' | 'exec' | 'transaction', (...args: unknown[]) => Promise<unknown>>;
  for (const name of ['query', 'exec', 'transaction'] as const) c[name] = track(c[name].bind(client));
  return () => pending;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const max = opts.poolSize ?? 10;
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max,
      connectionTimeoutMillis: opts.connectTimeoutMs,
      application_name: opts.applicationName,
    });
    pool.on('error', () => {
      // An idle client dropped by the server: the pool replaces it; requests see errors on their own queries.
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      usage: () => ({ kind: 'postgres', total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
      rows: (q, ex) => rowsOf(ex ?? db, q),
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
      close: () => pool.end(),
    };
  }
  if (opts.pgliteDir) fs.mkdirSync(opts.pgliteDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: opts.pgliteDir,
    loadDataDir: opts.pgliteTemplate,
    extensions: { pg_trgm },
  });
  const pending = countPending(client);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    usage: () => ({ kind: 'pglite', pending: pending() }),
    rows: (q, ex) => rowsOf(ex ?? db, q),
    // The embedded database has one process by construction (the data-dir lock).
    // biome-ignore lint/suspicious/noExplicitAny: driver-specific migrator
    migrate: () => migratePglite(db as any, { migrationsFolder }),
    close: () => client.close(),
  };
}

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
