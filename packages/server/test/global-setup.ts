import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, openEmbeddedDatabase, runMigrations } from '../src/db/client.ts';

/**
 * Migrates once, then every test file starts from a copy: a PGlite data-dir dump, or a PostgreSQL template database.
 * ANZHI_TEST_DB=postgres runs the very same tests on a real server (ANZHI_TEST_PG_URL, default the local one).
 */
export default async function setup(project: TestProject) {
  const kind = process.env.ANZHI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  if (kind === 'pglite') {
    const database = await openEmbeddedDatabase({});
    await runMigrations(database);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-test-')), 'template.tar');
    fs.writeFileSync(file, await database.dumpDataDir());
    await database.close();
    project.provide('pgliteTemplate', file);
    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  const url = process.env.ANZHI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`ANZHI_TEST_DB=postgres but no PostgreSQL answers at ${url}: ${(e as Error).message}`);
  }
  const template = `anzhi_test_tpl_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
  const tplUrl = new URL(url);
  tplUrl.pathname = `/${template}`;
  const database = await openDatabase({ databaseUrl: tplUrl.toString(), poolSize: 1 });
  await runMigrations(database);
  await database.close();
  project.provide('pgTemplate', template);
  project.provide('pgUrl', url);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'anzhi_t_${process.pid}_%'`,
    );
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    pgUrl: string;
  }
}
