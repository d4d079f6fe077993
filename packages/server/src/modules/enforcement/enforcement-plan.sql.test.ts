import { foundedReportStatuses, hazardStatuses, openHazardStatuses, reportStatuses } from '@anzhi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, makeEnterprise, makeHazard, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { makeReport } from '../../../test/report-kit.ts';
import { enforcementPlanRepo } from './enforcement-plan.repo.ts';
import { deriveTargetsFromRegistry } from './enforcement-target.repo.ts';

/**
 * The facts the plan proposal reads in SQL agree with core: "有未销号的重大事故隐患" is a major hazard in one of core's
 * open statuses (16号令 第十条), whatever the status; a founded report counts within the 12 months only.
 */
describe('plan facts in SQL ≡ core', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrg(t.database);
  });
  afterAll(() => t.close());

  it('counts a major hazard as open exactly when core’s openHazardStatuses holds its status', async () => {
    const unitId = org.units.emergency.id;
    const byStatus = new Map<number, string>();
    for (const status of hazardStatuses) {
      const e = await makeEnterprise(t.database, { regionCode: codes.village1, supervisingUnitId: unitId });
      await makeHazard(t.database, { enterprise: e, foundBy: org.users.office.id, grade: 'major', status });
      byStatus.set(e.id, status);
    }
    const general = await makeEnterprise(t.database, { regionCode: codes.village1, supervisingUnitId: unitId });
    await makeHazard(t.database, { enterprise: general, foundBy: org.users.office.id, grade: 'general', status: 'rectifying' });
    const recent = await makeEnterprise(t.database, { regionCode: codes.village2, supervisingUnitId: unitId });
    await makeHazard(t.database, {
      enterprise: recent,
      foundBy: org.users.office.id,
      channel: 'publicReport',
      foundOn: '2025-03-02',
      status: 'closed',
    });
    const old = await makeEnterprise(t.database, { regionCode: codes.village2, supervisingUnitId: unitId });
    await makeHazard(t.database, {
      enterprise: old,
      foundBy: org.users.office.id,
      channel: 'publicReport',
      foundOn: '2025-03-01',
      status: 'closed',
    });
    await deriveTargetsFromRegistry(t.database.db, unitId, t.clock.now());
    const facts = new Map((await enforcementPlanRepo.planTargets(t.database.db, unitId, '2025-03-02')).map((f) => [f.enterpriseId, f]));
    for (const [id, status] of byStatus)
      expect(facts.get(id)?.openMajorHazards, status).toBe((openHazardStatuses as string[]).includes(status) ? 1 : 0);
    expect(facts.get(general.id)?.openMajorHazards).toBe(0);
    expect(facts.get(recent.id)?.accidentOrFoundedReportWithin12Months).toBe(true);
    expect(facts.get(old.id)?.accidentOrFoundedReportWithin12Months).toBe(false);
  });

  it('counts a report of the report module exactly when core’s foundedReportStatuses holds its status, decided within the 12 months', async () => {
    const unitId = org.units.emergency.id;
    const identity = t.services.reportModule.identity;
    const byStatus = new Map<number, string>();
    for (const status of reportStatuses) {
      const e = await makeEnterprise(t.database, { regionCode: codes.village1, supervisingUnitId: unitId });
      await makeReport(t.database.db, identity, { enterprise: e, status, decidedOn: '2025-06-01' });
      byStatus.set(e.id, status);
    }
    const old = await makeEnterprise(t.database, { regionCode: codes.village2, supervisingUnitId: unitId });
    await makeReport(t.database.db, identity, { enterprise: old, status: 'founded', decidedOn: '2025-03-01' });
    await deriveTargetsFromRegistry(t.database.db, unitId, t.clock.now());
    const facts = new Map((await enforcementPlanRepo.planTargets(t.database.db, unitId, '2025-03-02')).map((f) => [f.enterpriseId, f]));
    for (const [id, status] of byStatus)
      expect(facts.get(id)?.accidentOrFoundedReportWithin12Months, status).toBe((foundedReportStatuses as string[]).includes(status));
    expect(facts.get(old.id)?.accidentOrFoundedReportWithin12Months).toBe(false);
  });
});
