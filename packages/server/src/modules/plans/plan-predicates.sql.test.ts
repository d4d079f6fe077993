import {
  addDays,
  countsAsReport,
  isDispatchOverdue,
  isDispatchReminderDue,
  isFinishingReport,
  isPublishedBy,
  isTrackedNode,
  isTrackedPlan,
  type PlanNodeKind,
  type PlanReportFiling,
  type PlanReportStatus,
  type PlanStatus,
  planCoversPeriod,
  planNodeKinds,
  planRankingSettings,
  planReportFilings,
  planReportStatuses,
  planSettingsOf,
  planStatuses,
} from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/test-db.ts';
import type { Database } from '../../db/client.ts';
import { planSql } from './plan-predicates.sql.ts';

/**
 * The plan sweep's predicates: core's function and the SQL the sweep is built from give the same rows (ADR 0010), on
 * PGlite and PostgreSQL. The rows are VALUES lists covering every set member and every date boundary.
 */
let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
}, 60_000);
afterAll(() => database?.close());

/** The indexes of the VALUES rows `where` keeps. */
async function kept(values: SQL[], columns: string, where: SQL): Promise<number[]> {
  const rows = sql.join(
    values.map((v, i) => sql`(${i}::int, ${v})`),
    sql`, `,
  );
  const r = (await database.db.execute(
    sql`SELECT i FROM (VALUES ${rows}) AS v(${sql.raw(`i, ${columns}`)}) WHERE ${where} ORDER BY i`,
  )) as unknown as { rows: { i: number }[] };
  return r.rows.map((x) => Number(x.i));
}

const indexes = <T>(items: readonly T[], test: (x: T) => boolean) => items.flatMap((x, i) => (test(x) ? [i] : []));

const today = '2026-03-22';

describe('plan dispatch predicates: core and SQL agree (seed 003 月调度)', () => {
  it('the status and kind sets', async () => {
    const text = (xs: readonly string[]) => xs.map((x) => sql`${x}::text`);
    expect(await kept(text(planStatuses), 's', planSql.isTrackedPlan(sql`s`))).toEqual(
      indexes(planStatuses, (s) => isTrackedPlan(s as PlanStatus)),
    );
    expect(await kept(text(planNodeKinds), 'k', planSql.isTrackedNode(sql`k`))).toEqual(
      indexes(planNodeKinds, (k) => isTrackedNode(k as PlanNodeKind)),
    );
    expect(await kept(text(planReportStatuses), 's', planSql.isFinishingReport(sql`s`))).toEqual(
      indexes(planReportStatuses, (s) => isFinishingReport(s as PlanReportStatus)),
    );
    // Issue 10: only filled-in or confirmed reports count, never a card saved untouched.
    const counted = await kept(text(planReportFilings), 'f', planSql.countsAsReport(sql`f`));
    expect(counted).toEqual(indexes(planReportFilings, (f) => countsAsReport(f as PlanReportFiling)));
    expect(counted.length).toBe(2);
  });

  it('the reminder window and overdue, for every report day around today and reminder days 0–5', async () => {
    const cases = [-7, -1, 0, 1, 2, 3, 4, 5, 6, 10].flatMap((d) => [0, 1, 3, 5].map((r) => ({ dueOn: addDays(today, d), r })));
    const values = cases.map((c) => sql`${c.dueOn}::date, ${c.r}::int`);
    const reminder = await kept(values, 'due_on, remind', planSql.isDispatchReminderDue(today, sql`due_on`, sql`remind`));
    expect(reminder).toEqual(indexes(cases, (c) => isDispatchReminderDue(today, c.dueOn, c.r)));
    expect(reminder.length).toBeGreaterThan(0);
    const overdue = await kept(values, 'due_on, remind', planSql.isDispatchOverdue(today, sql`due_on`));
    expect(overdue).toEqual(indexes(cases, (c) => isDispatchOverdue(today, c.dueOn)));
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('published by the end of the report day (China time), and the plan running in the month', async () => {
    const stamps = ['2026-03-25T00:00:00Z', '2026-03-25T15:59:59Z', '2026-03-25T16:00:00Z', '2026-03-26T03:00:00Z'];
    const published = stamps.map((at) => ({ at: new Date(at), dueOn: '2026-03-25' }));
    const values = published.map((p) => sql`${p.at.toISOString()}::timestamptz, ${p.dueOn}::date`);
    expect(await kept(values, 'published_at, due_on', planSql.isPublishedBy(sql`published_at`, sql`due_on`))).toEqual(
      indexes(published, (p) => isPublishedBy(p.at, p.dueOn)),
    );
    const runs = [null, 2025, 2026, 2027].flatMap((end) => ['2026-01', '2026-12', '2027-01'].map((period) => ({ end, period })));
    const runValues = runs.map((x) => sql`${x.end}::int, ${`${x.period}-01`}::date`);
    expect(await kept(runValues, 'period_end, first_day', planSql.coversPeriod(sql`period_end`, sql`first_day`))).toEqual(
      indexes(runs, (x) => planCoversPeriod(x.end, x.period)),
    );
  });

  it("a plan's report day and reminder days from its stored settings, else its township's", async () => {
    const township = { reportDay: 22, reminderDays: 4, scoring: planRankingSettings.defaults };
    const stored = [{}, { reportDay: 10 }, { reminderDays: 5 }, { reportDay: 20, reminderDays: 0 }];
    for (const s of stored) {
      const json = sql`${JSON.stringify(s)}::jsonb`;
      const r = (await database.db.execute(
        sql`SELECT ${planSql.reportDay(json, sql`${township.reportDay}::int`)} AS day, ${planSql.reminderDays(json, sql`${township.reminderDays}::int`)} AS remind`,
      )) as unknown as { rows: { day: number; remind: number }[] };
      const settings = planSettingsOf(s, township);
      expect({ day: Number(r.rows[0]?.day), remind: Number(r.rows[0]?.remind) }).toEqual({
        day: settings.reportDay,
        remind: settings.reminderDays,
      });
    }
  });
});
