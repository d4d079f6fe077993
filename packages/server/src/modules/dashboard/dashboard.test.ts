import { type HazardGrade, type HazardStatus, hazardStatuses, isCleared, isOpen, isOverdue, type Role, scopeOf } from '@anzhi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, loginAs, makeEnterprise, makeHazard, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { hazards } from '../hazards/hazard.table.ts';

/**
 * The dashboard's five hazard numbers (issue 12 made them index-answerable) equal a plain count of the caller's rows
 * with core's predicates — per role and scope, on hazards either side of the month's first day.
 */

const now = new Date('2026-03-02T01:00:00Z'); // China: 2026-03-02, the month from 2026-03-01
const today = '2026-03-02';
const monthStart = '2026-03-01';
let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;

beforeAll(async () => {
  t = await startTestApp(now);
  org = await seedOrg(t.database);
  const found = org.users.office.id;
  const enterprises = [
    await makeEnterprise(t.database, { regionCode: codes.village1, supervisingUnitId: org.units.market.id }),
    await makeEnterprise(t.database, { regionCode: codes.village2, supervisingUnitId: org.units.emergency.id }),
    await makeEnterprise(t.database, { regionCode: codes.otherVillage, supervisingUnitId: org.units.otherEmergency.id }),
  ];
  const days = ['2026-02-27', '2026-02-28', monthStart, today, '2026-03-20'];
  let i = 0;
  for (const status of hazardStatuses) {
    const ended = !isOpen(status);
    for (const foundOn of days.slice(0, 4)) {
      for (const deadline of ended ? [null, '2026-03-01'] : days) {
        for (const closedOn of ended ? days.slice(0, 4) : [null]) {
          const enterprise = enterprises[i % enterprises.length] as (typeof enterprises)[number];
          const grade: HazardGrade = i % 3 === 0 ? 'major' : 'general';
          await makeHazard(t.database, { enterprise, foundBy: found, status, grade, foundOn, deadline, closedOn });
          i++;
        }
      }
    }
  }
}, 180_000);
afterAll(() => t?.close());

async function expected(role: Role) {
  const user = Object.values(org.users).find((u) => u.username === (role === 'unit' ? 'unitstaff' : role));
  if (!user) throw new Error(role);
  const rows = await t.database.db
    .select()
    .from(hazards)
    .where(scopeOn.hazards(scopeOf(user)));
  const count = (test: (h: (typeof rows)[number]) => boolean) => rows.filter(test).length;
  const status = (h: (typeof rows)[number]) => h.status as HazardStatus;
  return {
    open: count((h) => isOpen(status(h))),
    openMajor: count((h) => isOpen(status(h)) && h.grade === 'major'),
    overdue: count((h) => isOverdue({ status: status(h), deadline: h.deadline }, today)),
    foundThisMonth: count((h) => h.foundOn >= monthStart),
    closedThisMonth: count((h) => isCleared(status(h)) && h.closedOn !== null && h.closedOn >= monthStart),
    monthStart,
  };
}

describe('dashboard hazard numbers', () => {
  it.each(['office', 'village', 'unit', 'leader', 'inspector'] as Role[])('equal a plain count of the rows %s sees', async (role) => {
    const s = await loginAs(t.app, role);
    const res = await s.get('/api/v1/dashboard/summary');
    expect(res.statusCode).toBe(200);
    const want = await expected(role);
    expect(want.open).toBeGreaterThan(0);
    expect(want.closedThisMonth).toBeGreaterThan(0);
    expect(res.json().hazards).toEqual(want);
  });
});
