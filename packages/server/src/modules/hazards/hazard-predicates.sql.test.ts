import {
  addDays,
  awaitingActionStatuses,
  countsAsStockAt,
  escalationSteps,
  type HazardDated,
  type HazardFilter,
  hasEndedBy,
  hazardClockProblem,
  hazardDueAsOf,
  hazardGrades,
  hazardStatuses,
  hazardTimeSettings,
  isAwaitingAction,
  isCleared,
  isClearedIn,
  isDismissed,
  isDueSoon,
  isEnded,
  isEscalationDue,
  isFoundIn,
  isOpen,
  isOverdue,
  openHazardStatuses,
  wasOverdueAt,
} from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/test-db.ts';
import type { Database } from '../../db/client.ts';
import { userRepo } from '../users/user.repo.ts';
import { hazardWhere } from './hazard.repo.ts';
import { hazards } from './hazard.table.ts';
import { hazardSql } from './hazard-predicates.sql.ts';
import { countHazards } from './hazard-stats.repo.ts';
import { runHazardSweep } from './hazard-sweep.ts';

/**
 * THE predicate-equivalence test (ADR 0010): core's hazard predicates and the SQL the server builds from them give the
 * same set of hazards over the same rows, for every predicate — on PGlite and on PostgreSQL. Changing either side alone
 * (a set, a boundary, a NULL case) fails here.
 */

const now = new Date('2026-03-15T04:00:00Z');
const today = '2026-03-15';
const cutoff = '2025-12-31';
const periodFrom = '2025-10-01';

// Every status × grade × deadline (none, long past, around the cut-off, yesterday, today, due soon and its edges, far)
// × found dates × end dates around the cut-off and today (inconsistent pairs included: both sides must still agree).
const deadlines = [null, '2025-06-01', addDays(cutoff, -1), cutoff, addDays(cutoff, 1), addDays(today, -15), addDays(today, -10)];
deadlines.push(addDays(today, -1), today, addDays(today, 2), addDays(today, 3), addDays(today, 4), '2027-01-01');
const foundDates = ['2025-03-01', periodFrom, cutoff, addDays(cutoff, 1), today];
const endDates = [null, '2025-09-30', addDays(cutoff, -5), cutoff, addDays(cutoff, 1), today];

type Row = HazardDated & { id: number };
const rows: Row[] = [];
let database: Database;

beforeAll(async () => {
  database = await freshDatabase();
  const db = database.db;
  const at = new Date('2025-01-01T00:00:00Z');
  const user = await userRepo.insert(db, {
    username: 'fixture',
    displayName: '夹具',
    passwordHash: 'x',
    roles: ['office'],
    regionCodes: [],
    mustChangePassword: false,
    createdAt: at,
    updatedAt: at,
  });
  const values: (typeof hazards.$inferInsert)[] = [];
  // An open hazard without a deadline cannot exist (core's hazardClockProblem, the hazards_open_has_deadline check).
  const combos = hazardStatuses.flatMap((status) =>
    deadlines.filter((deadline) => !hazardClockProblem({ status, deadline })).map((deadline) => ({ status, deadline })),
  );
  for (const { status, deadline } of combos)
    for (const grade of hazardGrades)
      for (const foundOn of foundDates)
        for (const closedOn of endDates) {
          values.push({
            code: `F-${values.length}`,
            regionCode: '330100000000',
            channel: 'inspection',
            grade,
            category: 'thing',
            status,
            title: '夹具',
            description: '夹具',
            foundOn,
            foundBy: user.id,
            deadline,
            closedOn,
          });
        }
  for (let i = 0; i < values.length; i += 500) {
    const inserted = await db
      .insert(hazards)
      .values(values.slice(i, i + 500))
      .returning();
    for (const r of inserted) {
      rows.push({
        id: r.id,
        status: r.status as Row['status'],
        grade: r.grade as Row['grade'],
        foundOn: r.foundOn,
        closedOn: r.closedOn,
        deadline: r.deadline,
      });
    }
  }
}, 120_000);
afterAll(() => database?.close());

async function idsWhere(where: SQL | undefined): Promise<number[]> {
  const found = await database.db.select({ id: hazards.id }).from(hazards).where(where).orderBy(hazards.id);
  return found.map((r) => r.id);
}

const idsOf = (test: (h: Row) => boolean) => rows.filter(test).map((h) => h.id);

const predicates: Array<[name: string, core: (h: Row) => boolean, sql: SQL]> = [
  ['isOpen', (h) => isOpen(h.status), hazardSql.isOpen()],
  ['isEnded', (h) => isEnded(h.status), hazardSql.isEnded()],
  ['isCleared', (h) => isCleared(h.status), hazardSql.isCleared()],
  ['isDismissed', (h) => isDismissed(h.status), hazardSql.isDismissed()],
  ['isAwaitingAction', (h) => isAwaitingAction(h.status), hazardSql.isAwaitingAction()],
  ['hasEndedBy(cutoff)', (h) => hasEndedBy(h, cutoff), hazardSql.hasEndedBy(cutoff)],
  ['countsAsStockAt(cutoff)', (h) => countsAsStockAt(h, cutoff), hazardSql.countsAsStockAt(cutoff)],
  ['countsAsStockAt(today)', (h) => countsAsStockAt(h, today), hazardSql.countsAsStockAt(today)],
  ['isOverdue(today)', (h) => isOverdue(h, today), hazardSql.isOverdue(today)],
  ['isOverdue(cutoff)', (h) => isOverdue(h, cutoff), hazardSql.isOverdue(cutoff)],
  ['isDueSoon(today, 3)', (h) => isDueSoon(h, today, 3), hazardSql.isDueSoon(today, 3)],
  ['isDueSoon(today, 0)', (h) => isDueSoon(h, today, 0), hazardSql.isDueSoon(today, 0)],
  ['isEscalationDue(today, 1)', (h) => isEscalationDue(h, today, 1), hazardSql.isEscalationDue(today, 1)],
  ['isEscalationDue(today, 10)', (h) => isEscalationDue(h, today, 10), hazardSql.isEscalationDue(today, 10)],
  ['isEscalationDue(today, 15)', (h) => isEscalationDue(h, today, 15), hazardSql.isEscalationDue(today, 15)],
  ['wasOverdueAt(cutoff)', (h) => wasOverdueAt(h, cutoff), hazardSql.wasOverdueAt(cutoff)],
  ['wasOverdueAt(today)', (h) => wasOverdueAt(h, today), hazardSql.wasOverdueAt(today)],
  ['isFoundIn(period)', (h) => isFoundIn(h, periodFrom, cutoff), hazardSql.isFoundIn(periodFrom, cutoff)],
  ['isClearedIn(period)', (h) => isClearedIn(h, periodFrom, cutoff), hazardSql.isClearedIn(periodFrom, cutoff)],
];

describe('hazard predicates: core and SQL agree on every fixture row (16号令 第十四、十五、十八条; regulations.md §1)', () => {
  it('has a fixture of every status × grade × deadline × found/end date (open ones always with a deadline)', () => {
    const clockless = openHazardStatuses.length * hazardGrades.length * foundDates.length * endDates.length;
    expect(rows).toHaveLength(
      hazardStatuses.length * hazardGrades.length * deadlines.length * foundDates.length * endDates.length - clockless,
    );
  });

  for (const [name, core, fragment] of predicates) {
    it(`${name}: the same hazards in core and in SQL`, async () => {
      const expected = idsOf(core);
      // The fixture tells both answers apart: some rows in, some out.
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(rows.length);
      expect(await idsWhere(fragment)).toEqual(expected);
      // NULL-safe: the complement is the complement.
      expect(await idsWhere(sql`NOT ${fragment}`)).toEqual(idsOf((h) => !core(h)));
    });
  }

  it('has rows on every date boundary: moving a boundary by a day changes the answer', () => {
    const shifted = addDays(today, 1);
    expect(idsOf((h) => isOverdue(h, shifted))).not.toEqual(idsOf((h) => isOverdue(h, today)));
    expect(idsOf((h) => isDueSoon(h, today, 2))).not.toEqual(idsOf((h) => isDueSoon(h, today, 3)));
    expect(idsOf((h) => countsAsStockAt(h, addDays(cutoff, -1)))).not.toEqual(idsOf((h) => countsAsStockAt(h, cutoff)));
    expect(idsOf((h) => wasOverdueAt(h, addDays(cutoff, 1)))).not.toEqual(idsOf((h) => wasOverdueAt(h, cutoff)));
    expect(idsOf((h) => isEscalationDue(h, today, 11))).not.toEqual(idsOf((h) => isEscalationDue(h, today, 10)));
  });

  it('the ledger filters (open, overdue, stockAt) are the predicates', async () => {
    const ledger = (f: HazardFilter) => idsWhere(hazardWhere({ kind: 'all' }, f, today));
    expect(await ledger({ open: true })).toEqual(idsOf((h) => isOpen(h.status)));
    expect(await ledger({ open: false })).toEqual(idsOf((h) => isEnded(h.status)));
    expect(await ledger({ overdue: true })).toEqual(idsOf((h) => isOverdue(h, today)));
    expect(await ledger({ overdue: false })).toEqual(idsOf((h) => !isOverdue(h, today)));
    expect(await ledger({ stockAt: cutoff })).toEqual(idsOf((h) => countsAsStockAt(h, cutoff)));
  });

  it('the statistics cube (migration 0010) counts the open and ended sets as core does', async () => {
    const count = (f: HazardFilter) => countHazards(database.db, { kind: 'all' }, f, today);
    expect(await count({ open: true })).toBe(idsOf((h) => isOpen(h.status)).length);
    expect(await count({ open: false })).toBe(idsOf((h) => isEnded(h.status)).length);
  });

  it('the partial indexes carry core sets: open (hazards_open_found_idx), awaiting action (hazards_open_deadline_idx)', async () => {
    const statusesOf = async (name: string) => {
      const r = (await database.db.execute(sql`SELECT indexdef FROM pg_indexes WHERE indexname = ${name}`)) as unknown as {
        rows: { indexdef: string }[];
      };
      const def = r.rows[0]?.indexdef ?? '';
      return [...def.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]).sort();
    };
    expect(await statusesOf('hazards_open_found_idx')).toEqual([...openHazardStatuses].sort());
    expect(await statusesOf('hazards_open_deadline_idx')).toEqual([...awaitingActionStatuses].sort());
  });

  it('the sweep marks exactly what hazardDueAsOf says is due soon, overdue and escalated', async () => {
    const result = await runHazardSweep(database.db, now);
    expect(result.skipped).toBe(false);
    const alerts = async (kind: string) => {
      const r = (await database.db.execute(
        sql`SELECT hazard_id FROM hazard_alerts WHERE kind = ${kind} ORDER BY hazard_id`,
      )) as unknown as { rows: { hazard_id: number }[] };
      return r.rows.map((x) => Number(x.hazard_id));
    };
    const due = new Map(rows.map((h) => [h.id, hazardDueAsOf(h, today, hazardTimeSettings.defaults)]));
    expect(await alerts('dueSoon')).toEqual(idsOf((h) => due.get(h.id)?.dueSoon === true));
    expect(await alerts('overdue')).toEqual(idsOf((h) => due.get(h.id)?.overdue === true));
    for (const step of escalationSteps) {
      const r = (await database.db.execute(
        sql`SELECT hazard_id FROM hazard_escalations WHERE step = ${step} ORDER BY hazard_id`,
      )) as unknown as { rows: { hazard_id: number }[] };
      expect(r.rows.map((x) => Number(x.hazard_id))).toEqual(idsOf((h) => due.get(h.id)?.escalations.includes(step) === true));
    }
  });
});
