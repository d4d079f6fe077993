import {
  type ReportStatus,
  type RewardStatus,
  reportIsDecided,
  reportIsOpen,
  reportIsOverdue,
  reportStatuses,
  rewardIsGranted,
  rewardStatuses,
} from '@anzhi/core';
import type { and } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { makeReport } from '../../../test/report-kit.ts';
import { systemScope } from '../../db/data-scope.ts';
import { reportRewards, reports } from './report.table.ts';
import { decidedSql, openSql, reportFilterSql } from './report-filters.sql.ts';
import { reportStatsRepo } from './report-stats.repo.ts';

/**
 * The statistics' SQL and core answer the same on the same rows: open, decided and overdue (dueOn before today — the
 * boundary day itself is not overdue), and granted rewards.
 */
const today = '2026-06-15';
const dues = [null, '2026-06-13', '2026-06-14', '2026-06-15', '2026-06-16'];

describe('举报统计: core ≡ SQL on the same rows', () => {
  let t: TestApp;
  const made: Array<{ id: number; status: ReportStatus; dueOn: string | null }> = [];
  const rewardOf = new Map<number, RewardStatus>();
  beforeAll(async () => {
    t = await startTestApp(new Date('2026-06-15T02:00:00Z'));
    await seedOrg(t.database);
    const identity = t.services.reportModule.identity;
    for (const status of reportStatuses)
      for (const dueOn of dues) {
        const r = await makeReport(t.database.db, identity, {
          regionCode: codes.village1,
          status,
          dueOn,
          receivedAt: new Date('2026-05-01T02:00:00Z'),
        });
        made.push({ id: r.id, status, dueOn });
      }
    for (const [i, status] of rewardStatuses.entries()) {
      const r = made[i] as (typeof made)[number];
      rewardOf.set(r.id, status);
      await t.database.db.insert(reportRewards).values({
        reportId: r.id,
        regionCode: codes.village1,
        status,
        rule: '测试',
        figures: {},
        computedAmount: 1000 * (i + 1),
        amount: 1000 * (i + 1),
        proposedAt: new Date('2026-05-02T02:00:00Z'),
        decidedAt: new Date('2026-05-03T02:00:00Z'),
        paidOn: '2026-05-04',
      });
    }
  });
  afterAll(() => t.close());

  const ids = async (where: ReturnType<typeof and>) =>
    (await t.database.db.select({ id: reports.id }).from(reports).where(where)).map((r) => r.id).sort((a, b) => a - b);
  const expected = (pred: (r: (typeof made)[number]) => boolean) =>
    made
      .filter(pred)
      .map((r) => r.id)
      .sort((a, b) => a - b);

  it('open, decided, overdue', async () => {
    expect(await ids(openSql())).toEqual(expected((r) => reportIsOpen(r.status)));
    expect(await ids(decidedSql())).toEqual(expected((r) => reportIsDecided(r.status)));
    expect(await ids(reportFilterSql(systemScope, { overdue: true }, today))).toEqual(expected((r) => reportIsOverdue(r, today)));
    expect(await ids(reportFilterSql(systemScope, { overdue: false }, today))).toEqual(expected((r) => !reportIsOverdue(r, today)));
    const cells = await reportStatsRepo.cells(t.database.db, undefined, today);
    expect(cells.filter((c) => c.overdue).reduce((a, c) => a + c.count, 0)).toBe(expected((r) => reportIsOverdue(r, today)).length);
  });

  it('granted rewards', async () => {
    const sqlGranted = await reportStatsRepo.rewards(t.database.db, { scope: systemScope, from: '2026-01-01', to: '2026-12-31' });
    const granted = [...rewardOf.entries()].filter(([, s]) => rewardIsGranted(s));
    expect(sqlGranted.granted.count).toBe(granted.length);
    const amounts = [...rewardStatuses.entries()].filter(([, st]) => rewardIsGranted(st)).map(([i]) => 1000 * (i + 1));
    expect(sqlGranted.granted.amount).toBe(amounts.reduce((x, y) => x + y, 0));
    // Paid ones are counted by the day they were paid.
    expect(sqlGranted.paidByMonth).toEqual([{ month: '2026-05', count: 1, amount: 1000 * (rewardStatuses.indexOf('paid') + 1) }]);
  });
});
