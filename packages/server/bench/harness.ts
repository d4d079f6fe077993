import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase, runMigrations } from '../src/db/client.ts';

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
