import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, migrationsFolder, openDatabase, runMigrations } from '../src/db/client.ts';

export interface Result {
  name: string;
  value: number;
  unit: string;
  db: 'pglite' | 'postgres' | 'none';
}

export interface BenchContext {
  kind: 'pglite' | 'postgres';
  /** A fresh migrated database of the kind under test. */
  fresh(): Promise<Database & { dir?: string; url?: string }>;
  record(name: string, value: number, unit: string): void;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Number((sorted[idx] ?? Number.NaN).toFixed(2));
}

export async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
}

let dbCounter = 0;
export async function freshDatabase(kind: 'pglite' | 'postgres', url?: string): Promise<Database & { dir?: string; url?: string }> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-bench-'));
    const database = await openDatabase({ pgliteDir: dir });
    await runMigrations(database);
    return {
      ...database,
      dir,
      close: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `anzhi_bench_${process.pid}_${++dbCounter}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
  await admin.end();
  const u = new URL(url as string);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString() });
  await runMigrations(database);
  return {
    ...database,
    url: u.toString(),
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

const admin = async <T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

const withDatabaseName = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** What a cached dataset depends on: every migration's SQL plus the caller's generator source and version. */
export function datasetHash(...parts: string[]): string {
  const hash = crypto.createHash('sha256');
  for (const file of fs
    .readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(fs.readFileSync(path.join(migrationsFolder, file)));
  }
  for (const p of parts) hash.update(p);
  return hash.digest('hex').slice(0, 12);
}

const TEMPLATE_MAX_AGE_MS = 2 * 24 * 3600_000;

/**
 * A PostgreSQL database copied from a cached template `anzhi_bench_<key>_<hash>`: the first run builds it (minutes for a
 * million rows), later runs copy it (seconds). The template is built under a temporary name and renamed when complete,
 * so an interrupted build never serves; templates of the same key with another hash older than two days are dropped.
 */
export async function fromTemplate(
  url: string,
  key: string,
  hash: string,
  build: (database: Database) => Promise<void>,
): Promise<Database & { url: string; built: boolean }> {
  const template = `anzhi_bench_${key}_${hash}`;
  const exists = async () =>
    admin(url, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount === 1);
  let built = false;
  if (!(await exists())) {
    const staging = `${template}_build_${process.pid}`;
    await admin(url, (c) =>
      c.query(`CREATE DATABASE ${staging} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`),
    );
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, staging) });
    try {
      await runMigrations(database);
      await build(database);
    } finally {
      await database.close();
    }
    await admin(url, async (c) => {
      if (await exists()) return c.query(`DROP DATABASE ${staging}`);
      await c.query(`ALTER DATABASE ${staging} RENAME TO ${template}`);
      await c.query(`COMMENT ON DATABASE ${template} IS 'anzhi bench dataset built ${new Date().toISOString()}'`);
    });
    built = true;
  }
  await admin(url, async (c) => {
    const { rows } = await c.query<{ datname: string; comment: string | null }>(
      `SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database
        WHERE datname LIKE $1 AND datname <> $2 AND datname NOT LIKE '%\\_build\\_%'`,
      [`anzhi\\_bench\\_${key}\\_%`, template],
    );
    for (const r of rows) {
      const at = Date.parse(r.comment?.replace('anzhi bench dataset built ', '') ?? '');
      if (Number.isNaN(at) || Date.now() - at > TEMPLATE_MAX_AGE_MS) await c.query(`DROP DATABASE IF EXISTS ${r.datname}`).catch(() => {});
    }
  });
  const name = `anzhi_bench_${process.pid}_${++dbCounter}`;
  await admin(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name}`);
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  });
  const copyUrl = withDatabaseName(url, name);
  const database = await openDatabase({ databaseUrl: copyUrl });
  return {
    ...database,
    url: copyUrl,
    built,
    close: async () => {
      await database.close();
      await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** An empty PostgreSQL database (no migrations): what a first start meets. */
export async function emptyPostgres(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `anzhi_bench_${process.pid}_${++dbCounter}`;
  await admin(url, (c) => c.query(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`));
  return {
    url: withDatabaseName(url, name),
    drop: async () => {
      await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
