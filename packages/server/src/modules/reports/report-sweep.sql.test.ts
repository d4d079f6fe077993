import {
  type ReportAlertKind,
  type ReportConfig,
  type ReportStatus,
  type RewardStatus,
  reportAlertDue,
  reportAlertKinds,
  reportSettings,
  rewardLapsed,
} from '@anzhi/core';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { makeReport } from '../../../test/report-kit.ts';
import { reportRewards, reports } from './report.table.ts';
import { reportSql } from './report-predicates.sql.ts';

/** The report sweep's SQL (report-predicates.sql.ts) and core's report-sweep.rules.ts answer the same on the same rows. */
const today = '2026-03-10';
type Fixture = { status: ReportStatus; receivedAt: string; dueOn?: string; decidedOn?: string; feedbackAt?: string };
const statuses: ReportStatus[] = ['received', 'verifying', 'founded', 'unfounded', 'rejected', 'merged'];
const fixtures: Fixture[] = [];
for (const status of statuses) {
  // Received around China midnight, a few days apart (the accept clock counts China days).
  for (const receivedAt of [
    '2026-03-03T15:59:00Z',
    '2026-03-03T16:00:00Z',
    '2026-03-04T16:00:00Z',
    '2026-03-07T02:00:00Z',
    '2026-03-08T01:00:00Z',
  ])
    fixtures.push({ status, receivedAt });
  for (const dueOn of ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-13', '2026-03-20', '2026-03-21'])
    fixtures.push({ status, receivedAt: '2026-01-02T02:00:00Z', dueOn });
  for (const decidedOn of ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-09']) {
    fixtures.push({ status, receivedAt: '2026-01-02T02:00:00Z', decidedOn });
    fixtures.push({ status, receivedAt: '2026-01-02T02:00:00Z', decidedOn, feedbackAt: '2026-03-05T02:00:00Z' });
  }
}
const rewardFixtures: Array<{ status: RewardStatus; claimDueOn: string | null }> = [];
for (const status of ['proposed', 'approved', 'paid', 'declined', 'waived'] as RewardStatus[])
  for (const claimDueOn of [null, '2026-03-09', '2026-03-10', '2026-03-11']) rewardFixtures.push({ status, claimDueOn });

const configs: Record<string, ReportConfig> = {
  defaults: reportSettings.defaults,
  tight: { ...reportSettings.defaults, remindBeforeDays: 0, acceptDays: 1, feedbackDays: 1 },
  loose: { ...reportSettings.defaults, remindBeforeDays: 3, acceptDays: 4, feedbackDays: 10 },
};

describe('report sweep predicates: core ≡ SQL on the same rows', () => {
  let t: TestApp;
  const ids: number[] = [];
  const rewardIds: number[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    await seedOrg(t.database);
    const ent = await makeEnterprise(t.database, { regionCode: codes.village1 });
    const identity = t.services.reportModule.identity;
    for (const f of fixtures) {
      const r = await makeReport(t.database.db, identity, {
        enterprise: ent,
        status: f.status,
        receivedAt: new Date(f.receivedAt),
        dueOn: f.dueOn ?? null,
        decidedOn: f.decidedOn ?? null,
      });
      if (f.feedbackAt)
        await t.database.db
          .update(reports)
          .set({ feedbackAt: new Date(f.feedbackAt) })
          .where(eq(reports.id, r.id));
      ids.push(r.id);
    }
    for (const [i, f] of rewardFixtures.entries()) {
      const [w] = await t.database.db
        .insert(reportRewards)
        .values({
          reportId: ids[i] as number,
          regionCode: codes.village1,
          status: f.status,
          rule: 'r',
          figures: {},
          computedAmount: 3000,
          amount: 3000,
          claimDueOn: f.claimDueOn,
          proposedAt: new Date(),
        })
        .returning();
      rewardIds.push(w?.id as number);
    }
  });
  afterAll(() => t.close());

  const sqlOf = (kind: ReportAlertKind, c: ReportConfig) =>
    ({
      verifyDueSoon: reportSql.verifyDueSoon(today, c.remindBeforeDays),
      verifyOverdue: reportSql.verifyOverdue(today),
      acceptLate: reportSql.acceptLate(today, c.acceptDays),
      feedbackLate: reportSql.feedbackLate(today, c.feedbackDays),
    })[kind];

  for (const [name, config] of Object.entries(configs)) {
    for (const kind of reportAlertKinds) {
      it(`${kind} (${name})`, async () => {
        const rows = await t.database.rows<{ id: number }>(
          sql`SELECT r.id FROM reports r WHERE ${inArray(sql`r.id`, ids)} AND ${sqlOf(kind, config)} ORDER BY r.id`,
        );
        const all = await t.database.db.select().from(reports).where(inArray(reports.id, ids)).orderBy(reports.id);
        const expected = all.filter((r) => reportAlertDue(kind, r, today, config)).map((r) => r.id);
        expect(rows.map((r) => Number(r.id))).toEqual(expected);
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length).toBeLessThan(all.length);
      });
    }
  }

  it('rewardLapsed', async () => {
    const rows = await t.database.rows<{ id: number }>(
      sql`SELECT w.id FROM report_rewards w WHERE ${inArray(sql`w.id`, rewardIds)} AND ${reportSql.rewardLapsed(today)} ORDER BY w.id`,
    );
    const all = await t.database.db.select().from(reportRewards).where(inArray(reportRewards.id, rewardIds)).orderBy(reportRewards.id);
    const expected = all.filter((w) => rewardLapsed(w, today)).map((w) => w.id);
    expect(rows.map((r) => Number(r.id))).toEqual(expected);
    expect(expected).toHaveLength(1);
  });
});
