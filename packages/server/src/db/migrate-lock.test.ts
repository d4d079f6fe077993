import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase, runMigrations, schemaVersion } from './client.ts';

const onPostgres = process.env.ANZHI_TEST_DB === 'postgres';

/**
 * Three `anzhi serve` processes of a county deployment start together on one empty database (docs/deploy/county.md):
 * each runs the migrations at start. Without the migration lock they race to create the same tables and all but one
 * crash; with it, one applies them and the others find nothing left to do.
 */
describe.skipIf(!onPostgres)('migrations when several processes start at once (PostgreSQL)', () => {
  it('apply once, and every process starts', { timeout: 120_000 }, async () => {
    const base = inject('pgUrl');
    const name = `anzhi_t_mlock_${process.pid}_${Date.now() % 100000}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const processes = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url.toString(), poolSize: 2 })));
    try {
      const outcomes = await Promise.allSettled(processes.map((p) => runMigrations(p)));
      expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
      const applied = await processes[0]!.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
      const journal = schemaVersion();
      expect(Number(journal.slice(0, 4)) + 1).toBe(applied[0]!.n);
    } finally {
      await Promise.all(processes.map((p) => p.close()));
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
