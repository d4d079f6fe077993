import { duplicateCandidateStatuses, reportSettings, reportStatuses, sameMatterSimilarity } from '@anzhi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { makeReport } from '../../../test/report-kit.ts';
import { reportIntakeRepo } from './report-intake.repo.ts';

// The intake's SQL picks duplicate candidates (status set, window of report.duplicateDays) and core decides among them:
// on the same rows, the SQL must keep every report core could link (and the status set is core's).
const DAY_MS = 86_400_000;
const now = new Date('2026-03-02T01:00:00Z');
const config = reportSettings.defaults;
const text = '上个月三号车间有工人被机器轧伤死亡，老板私了没有上报';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(now);
  await seedOrg(t.database);
});
afterAll(() => t.close());

describe('duplicate candidates: SQL ≡ core (report.duplicateDays, duplicateCandidateStatuses)', () => {
  it('every status × the window’s edges', async () => {
    const plant = await makeEnterprise(t.database, { name: '示例镇丙机械厂', regionCode: codes.village1 });
    const identity = t.services.reportModule.identity;
    const offsets = [0, 1, config.duplicateDays * DAY_MS - 1, config.duplicateDays * DAY_MS, config.duplicateDays * DAY_MS + 1];
    const made: Array<{ id: number; status: string; receivedAt: Date }> = [];
    for (const status of reportStatuses) {
      for (const offset of offsets) {
        const receivedAt = new Date(now.getTime() - offset);
        const row = await makeReport(t.database.db, identity, { enterprise: plant, status, description: text, receivedAt });
        made.push({ id: row.id, status, receivedAt });
      }
    }
    const sqlIds = (
      await reportIntakeRepo.duplicateCandidates(t.database.db, {
        enterpriseId: plant.id,
        regionCode: plant.regionCode,
        from: new Date(now.getTime() - config.duplicateDays * DAY_MS),
        to: now,
      })
    ).map((r) => r.id);
    const incoming = {
      enterpriseId: plant.id,
      regionCode: plant.regionCode,
      place: null,
      description: text,
      receivedAt: now.toISOString(),
    };
    const coreIds = made
      .filter((r) => duplicateCandidateStatuses.includes(r.status as (typeof duplicateCandidateStatuses)[number]))
      .filter((r) => sameMatterSimilarity({ ...incoming, receivedAt: r.receivedAt.toISOString() }, incoming, config) !== null)
      .map((r) => r.id);
    expect(sqlIds.sort((a, b) => a - b)).toEqual(coreIds.sort((a, b) => a - b));
    expect(coreIds.length).toBe((reportStatuses.length - 1) * 4);
  });
});
