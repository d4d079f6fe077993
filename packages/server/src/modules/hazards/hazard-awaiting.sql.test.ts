import { type HazardStatus, hazardGrades, hazardStatuses, isAwaitingActor } from '@anzhi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, makeEnterprise, makeUser, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { type HazardCaller, hazardWhere } from './hazard.repo.ts';
import { hazards } from './hazard.table.ts';

/**
 * 待我处理 (ADR 0010): core's isAwaitingActor and the SQL built from its sets pick the same hazards, over every status ×
 * grade × channel × pending extension × supervising unit × finder × finder's unit × enterprise, for each kind of caller.
 */
let t: TestApp;
type Row = Parameters<typeof isAwaitingActor>[0] & { id: number };
const rows: Row[] = [];
const callers: Record<string, HazardCaller> = {};

beforeAll(async () => {
  t = await startTestApp();
  const org = await seedOrg(t.database);
  const [e1, e2] = [
    await makeEnterprise(t.database, { regionCode: codes.village1 }),
    await makeEnterprise(t.database, { regionCode: codes.village1 }),
  ];
  const u1 = org.units.emergency.id;
  const u2 = org.units.market.id;
  const finder = await makeUser(t.database, { username: 'awaitfinder', roles: ['inspector'] });
  const other = await makeUser(t.database, { username: 'awaitother', roles: ['unit'], unitId: u1 });
  const values: (typeof hazards.$inferInsert)[] = [];
  for (const status of hazardStatuses)
    for (const grade of hazardGrades)
      for (const channel of ['selfCheck', 'inspection'] as const)
        for (const pending of [false, true])
          for (const supervisingUnitId of [u1, null])
            for (const foundBy of [finder.id, other.id])
              for (const finderUnitId of [u2, null])
                for (const enterpriseId of [e1?.id, e2?.id]) {
                  values.push({
                    code: `AW-${values.length}`,
                    regionCode: codes.village1,
                    enterpriseId,
                    channel,
                    grade,
                    category: 'thing',
                    status,
                    title: '夹具',
                    description: '夹具',
                    foundOn: '2026-01-01',
                    foundBy,
                    finderUnitId,
                    supervisingUnitId,
                    deadline: '2026-04-01',
                    pendingExtension: pending ? { deadline: '2026-05-01', reason: '夹具', requestedBy: '夹具' } : null,
                  });
                }
  for (let i = 0; i < values.length; i += 500) {
    for (const r of await t.database.db
      .insert(hazards)
      .values(values.slice(i, i + 500))
      .returning()) {
      rows.push({
        id: r.id,
        status: r.status as HazardStatus,
        grade: r.grade,
        channel: r.channel,
        hasPendingExtension: r.pendingExtension != null,
        enterpriseId: r.enterpriseId,
        foundBy: r.foundBy,
        finderUnitId: r.finderUnitId,
        supervisingUnitId: r.supervisingUnitId,
      });
    }
  }
  Object.assign(callers, {
    enterprise: { userId: 999_001, office: false, unitId: null, enterpriseId: e1?.id ?? null },
    regulator: { userId: other.id, office: false, unitId: u1, enterpriseId: null },
    finderUnit: { userId: 999_002, office: false, unitId: u2, enterpriseId: null },
    finder: { userId: finder.id, office: false, unitId: null, enterpriseId: null },
    office: { userId: org.users.office.id, office: true, unitId: null, enterpriseId: null },
  });
}, 120_000);
afterAll(() => t.close());

describe('待我处理: core and SQL agree', () => {
  for (const name of ['enterprise', 'regulator', 'finderUnit', 'finder', 'office']) {
    it(`for the ${name}`, async () => {
      const me = callers[name] as HazardCaller;
      const expected = rows.filter((r) => isAwaitingActor(r, me)).map((r) => r.id);
      expect(expected.length).toBeGreaterThan(0);
      const found = await t.database.db
        .select({ id: hazards.id })
        .from(hazards)
        .where(hazardWhere({ kind: 'all' }, { awaitingMe: true }, '2026-03-02', me))
        .orderBy(hazards.id);
      expect(found.map((r) => r.id)).toEqual(expected);
    });
  }
});
