import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../src/db/client.ts';

let counter = 0;

/** A fresh, migrated database for one test file: PGlite in memory, or a new PostgreSQL database. */
export async function freshDatabase(): Promise<Database & { url?: string }> {
  if (process.env.ANZHI_TEST_DB !== 'postgres') {
    return openDatabase({ pgliteTemplate: fs.readFileSync(inject('pgliteTemplate')) });
  }
  const base = inject('pgUrl');
  const name = `anzhi_t_${inject('pgTemplate').split('_').pop()}_${process.pid}_${++counter}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** An empty database of the same kind (for restore tests), not migrated. */
export async function emptyDatabase(): Promise<Database> {
  if (process.env.ANZHI_TEST_DB !== 'postgres') return openDatabase({});
  const base = inject('pgUrl');
  const name = `anzhi_t_${inject('pgTemplate').split('_').pop()}_${process.pid}_${++counter}_e${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
