import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/test-db.ts';
import type { Database } from '../../db/client.ts';
import { systemActor } from '../../lib/actor.ts';
import { fixedClock } from '../../lib/clock.ts';
import { createAuditService } from './audit.service.ts';
import { auditedTransaction } from './audited-transaction.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
  await database.db.execute(sql`CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)`);
  await database.db.execute(sql`INSERT INTO counters VALUES (1, 0), (2, 0)`);
});
afterAll(() => database.close());

const entry = { entityType: 'system', entityId: null, action: 'test' };

describe('auditedTransaction', () => {
  it('is the only way to record: an event outside it is refused before anything is written', async () => {
    const audit = createAuditService({ db: database.db, clock: fixedClock(new Date('2026-03-01T08:00:00Z')) });
    await expect(database.db.transaction((tx) => audit.record(tx, systemActor, entry))).rejects.toThrow(/auditedTransaction/);
    await expect(audit.record(database.db, systemActor, entry)).rejects.toThrow(/auditedTransaction/);
    const [row] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_events`);
    expect(Number(row?.n)).toBe(0);
  });

  // The shape of the deadlock the cluster test found: one writer locks a row and then appends to the chain, another
  // appends first and then wants the row. With the chain lock taken first they queue instead.
  it('lets writers that lock rows before and after recording run in parallel without a deadlock', { timeout: 60_000 }, async () => {
    const audit = createAuditService({ db: database.db, clock: fixedClock(new Date('2026-03-01T08:00:00Z')) });
    const rowThenAudit = (id: number) =>
      auditedTransaction(database.db, async (tx) => {
        await tx.execute(sql`UPDATE counters SET n = n + 1 WHERE id = ${id}`);
        await audit.record(tx, systemActor, entry);
      });
    const auditThenRow = (id: number) =>
      auditedTransaction(database.db, async (tx) => {
        await audit.record(tx, systemActor, entry);
        await tx.execute(sql`SELECT pg_sleep(0.005)`);
        await tx.execute(sql`UPDATE counters SET n = n + 1 WHERE id = ${id}`);
      });
    const work = Array.from({ length: 40 }, (_, i) => (i % 2 ? rowThenAudit(1 + ((i % 4) >> 1)) : auditThenRow(1 + ((i % 4) >> 1))));
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const [row] = await database.rows<{ n: number }>(sql`SELECT sum(n)::int AS n FROM counters`);
    expect(Number(row?.n)).toBe(40);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 40 });
  });
});
