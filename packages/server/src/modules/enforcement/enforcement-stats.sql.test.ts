import { closureFlag, countsForClosure, type PenaltyStatus } from '@anzhi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePenalty } from '../../../test/enforcement-stats-kit.ts';
import { codes, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { systemScope } from '../../db/data-scope.ts';
import { enforcementStatsRepo } from './enforcement-stats.repo.ts';

/**
 * 第一百一十三条 windows: the SQL of enforcementStatsRepo.closureFlags and core's closureFlag over countsForClosure give
 * the same answer on the same rows (each boundary, withdrawn and non-major cases, several cases on one day).
 */
type Case = [decidedOn: string | null, status?: PenaltyStatus, majorHazard?: boolean];
const fixtures: Record<string, Case[]> = {
  exactly180: [['2026-01-10'], ['2026-04-01'], ['2026-07-09']],
  day181: [['2026-01-10'], ['2026-04-01'], ['2026-07-10']],
  exactly365: [['2025-06-01'], ['2025-09-01'], ['2025-12-20'], ['2026-06-01']],
  day366: [['2025-06-01'], ['2025-09-01'], ['2025-12-20'], ['2026-06-02']],
  withdrawnInBetween: [['2026-01-10'], ['2026-02-01', 'withdrawn'], ['2026-03-01']],
  filedNotDecided: [['2026-01-10'], [null, 'filed'], ['2026-03-01']],
  notMajor: [['2026-01-10'], ['2026-02-01', 'decided', false], ['2026-03-01']],
  sameDay: [['2026-05-05'], ['2026-05-05', 'closed'], ['2026-05-05', 'executed']],
  slides: [['2024-01-01'], ['2025-01-01'], ['2026-01-02'], ['2026-02-01'], ['2026-06-30']],
  bothEndTogether: [['2025-07-01'], ['2026-01-15'], ['2026-03-01'], ['2026-06-01']],
  afterAsOf: [['2026-06-01'], ['2026-07-01'], ['2026-08-01']],
  beforeTheYear: [['2025-01-01'], ['2025-02-01'], ['2025-03-01']],
};
const asOf = '2026-07-31';

describe('第一百一十三条 closure windows: core ≡ SQL on the same rows', () => {
  let t: TestApp;
  const enterpriseOf: Record<string, number> = {};
  beforeAll(async () => {
    t = await startTestApp();
    const org = await seedOrg(t.database);
    for (const [name, cases] of Object.entries(fixtures)) {
      const e = await makeEnterprise(t.database, { name, regionCode: codes.village1, supervisingUnitId: org.units.emergency.id });
      enterpriseOf[name] = e.id;
      for (const [decidedOn, status = 'decided', majorHazard = true] of cases)
        await makePenalty(t.database.db, { unitId: org.units.emergency.id, enterprise: e, decidedOn, status, majorHazard });
    }
  });
  afterAll(() => t.close());

  it('flags the same enterprises, with the same window and dates', async () => {
    const sqlRows = await enforcementStatsRepo.closureFlags(t.database.db, {
      scope: systemScope,
      year: 2026,
      from: '2026-01-01',
      to: '2026-12-31',
      asOf,
    });
    const fromSql = Object.fromEntries(sqlRows.map((r) => [r.enterpriseName, { windowDays: r.windowDays, dates: r.dates }]));
    const fromCore: Record<string, unknown> = {};
    for (const [name, cases] of Object.entries(fixtures)) {
      const dates = cases
        .map(([decidedOn, status = 'decided', majorHazard = true]) => ({ decidedOn, status, majorHazard }))
        .filter(countsForClosure)
        .map((c) => c.decidedOn as string);
      const flag = closureFlag(dates, asOf);
      // The statistics of a year show the windows filled in that year.
      if (flag && (flag.dates.at(-1) as string) >= '2026-01-01') fromCore[name] = flag;
    }
    expect(fromSql).toEqual(fromCore);
    // And the fixture means what it says.
    expect(Object.keys(fromCore).sort()).toEqual(['bothEndTogether', 'exactly180', 'exactly365', 'sameDay', 'slides'].sort());
    expect(fromSql.bothEndTogether?.windowDays).toBe(180);
    expect(Object.keys(enterpriseOf)).toHaveLength(Object.keys(fixtures).length);
  });
});
