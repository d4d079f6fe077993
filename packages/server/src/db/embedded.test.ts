import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { openEmbeddedDatabase, sql } from './client.ts';

// The embedded database itself (ADR 0021): its own thread behind a socket, one connection, a clean close. The
// PostgreSQL pass of the suite has no PGlite template and nothing of this to test.
const embedded = process.env.ANZHI_TEST_DB !== 'postgres';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-embedded-test-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const template = () => fs.readFileSync(inject('pgliteTemplate'));
/** Long enough that the test's own steps happen while it runs (hundreds of ms even on a fast machine). */
const LONG_QUERY = sql`SELECT count(*)::int AS n FROM generate_series(1, 2000000) g WHERE g % 7 = 3`;

describe.skipIf(!embedded)('the embedded database', () => {
  it('keeps its data across a restart on the same folder, and its thread ends on close', async () => {
    const dir = path.join(root, 'restart');
    const first = await openEmbeddedDatabase({ pgliteDir: dir, pgliteTemplate: template() });
    await first.db.transaction(async (tx) => {
      await tx.execute(sql`CREATE TABLE kept (id int PRIMARY KEY, name text)`);
      await tx.execute(sql`INSERT INTO kept VALUES (1, '示例镇'), (2, '东村')`);
    });
    const ended = new Promise<number>((resolve) => first.thread.once('exit', resolve));
    await first.close();
    expect(await ended).toBe(0);
    await first.close(); // twice is harmless

    const second = await openEmbeddedDatabase({ pgliteDir: dir });
    try {
      expect(await second.rows(sql`SELECT id, name FROM kept ORDER BY id`)).toEqual([
        { id: 1, name: '示例镇' },
        { id: 2, name: '东村' },
      ]);
      // The migrated schema came along from the template and is intact after the restart.
      expect((await second.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`))[0]?.n).toBe(0);
    } finally {
      await second.close();
    }
  });

  it('leaves the event loop free while a long query runs, and queues the next query behind it', async () => {
    const database = await openEmbeddedDatabase({ pgliteTemplate: template() });
    try {
      const order: string[] = [];
      const long = database.rows(LONG_QUERY).then(() => order.push('long query'));
      const next = database.rows(sql`SELECT 1`).then(() => order.push('next query'));
      await new Promise((r) => setTimeout(r, 20));
      order.push('timer');
      expect(database.usage()).toEqual({ kind: 'pglite', pending: 2 });
      await Promise.all([long, next]);
      expect(order).toEqual(['timer', 'long query', 'next query']);
      expect(database.usage()).toEqual({ kind: 'pglite', pending: 0 });
      expect(database.stalledForMs()).toBe(0);
    } finally {
      await database.close();
    }
  });

  it('never lets another caller see inside a transaction (one connection: they wait for it to end)', async () => {
    const database = await openEmbeddedDatabase({ pgliteTemplate: template() });
    try {
      await database.rows(sql`CREATE TABLE t (id int)`);
      let outside: Promise<{ n: number }[]> | undefined;
      const tx = database.db.transaction(async (t) => {
        await t.execute(sql`INSERT INTO t VALUES (1)`);
        outside = database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM t`);
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('rolled back');
      });
      await expect(tx).rejects.toThrow('rolled back');
      // On a shared PGlite session this read would have seen the uncommitted row.
      expect(await outside).toEqual([{ n: 0 }]);
    } finally {
      await database.close();
    }
  });

  it('is reached over a loopback port where there are no unix sockets (Windows)', async () => {
    const database = await openEmbeddedDatabase({ pgliteTemplate: template(), embeddedTransport: 'tcp' });
    try {
      expect(await database.rows(sql`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 0 }]);
    } finally {
      await database.close();
    }
  });

  it('fails queries quickly and reports itself lost when its thread dies', async () => {
    const onLost = vi.fn();
    const database = await openEmbeddedDatabase({ pgliteTemplate: template(), onLost });
    await database.thread.terminate();
    await vi.waitFor(() => expect(onLost).toHaveBeenCalledOnce());
    expect(onLost.mock.calls[0]?.[0]).toBeInstanceOf(Error);
    await expect(database.rows(sql`SELECT 1`)).rejects.toThrow();
    await expect(database.dumpDataDir()).rejects.toThrow(/内嵌数据库线程意外退出/);
    await database.close();
  });
});
