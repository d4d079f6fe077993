import { type HazardGrade, type HazardStatus, hazardStatuses } from '@anzhi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, login, PASSWORD, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/app.ts';
import { hashPassword } from '../../lib/password-hash.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { userRepo } from '../users/user.repo.ts';
import { hazardRepo } from './hazard.repo.ts';

/**
 * The 季报/年报, 动态清零 and the ledger count the same hazards the same way (core's predicates, ADR 0010). Hazards
 * are placed at past dates in the records (the API records steps only as of today), then read through the API.
 */
/** The statuses by name, from core's dictionary. */
const status = Object.fromEntries(hazardStatuses.map((s) => [s, s])) as Record<HazardStatus, HazardStatus>;

let t: TestApp;
let office: Session;
let owner: Session;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  const org = await seedOrg(t.database);
  const at = new Date('2025-01-01T00:00:00Z');
  const e = await enterpriseRepo.insert(t.database.db, {
    name: '东村甲化工厂',
    nameKey: '东村甲化工厂',
    regionCode: codes.village1,
    domains: ['hazardousChemicals'],
    principal: '负责人',
    supervisingUnitId: org.units.emergency.id,
    publicCode: 'fig00000',
    createdAt: at,
    updatedAt: at,
  });
  await userRepo.insert(t.database.db, {
    username: 'owner',
    displayName: '甲厂负责人',
    passwordHash: await hashPassword(PASSWORD),
    roles: ['enterprise'],
    regionCodes: [],
    enterpriseId: e.id,
    mustChangePassword: false,
    createdAt: at,
    updatedAt: at,
  });
  const hazard = (
    code: string,
    v: { grade: HazardGrade; status: HazardStatus; foundOn: string; deadline: string | null; closedOn: string | null },
  ) =>
    hazardRepo.insert(t.database.db, {
      code,
      enterpriseId: e.id,
      regionCode: codes.village1,
      supervisingUnitId: org.units.emergency.id,
      channel: 'inspection',
      category: 'thing',
      title: code,
      description: code,
      foundBy: org.users.inspector.id,
      ...v,
    });
  // 2025Q4 ends 2025-12-31.
  await hazard('A-rectified-waiting-acceptance', {
    grade: 'general',
    status: status.rectified,
    foundOn: '2025-11-01',
    deadline: '2025-12-10',
    closedOn: null,
  });
  await hazard('B-dismissed-after-the-quarter', {
    grade: 'general',
    status: status.dismissed,
    foundOn: '2025-11-05',
    deadline: '2026-02-01',
    closedOn: '2026-01-10',
  });
  await hazard('C-major-overdue', {
    grade: 'major',
    status: status.rectifying,
    foundOn: '2025-10-10',
    deadline: '2025-12-01',
    closedOn: null,
  });
  await hazard('D-closed-in-the-quarter', {
    grade: 'general',
    status: status.closed,
    foundOn: '2025-10-02',
    deadline: '2025-11-30',
    closedOn: '2025-11-15',
  });
  await hazard('E-dismissed-in-the-quarter', {
    grade: 'general',
    status: status.dismissed,
    foundOn: '2025-10-03',
    deadline: null,
    closedOn: '2025-11-20',
  });
  [office, owner] = await Promise.all([login(t.app, 'office'), login(t.app, 'owner')]);
});
afterAll(() => t.close());

describe('季报 figures agree with the ledger (16号令 第十四条; regulations.md §1.2)', () => {
  it('counts a hazard dismissed after the quarter as open at its end, and a rectified one awaiting acceptance as not overdue', async () => {
    const reports = (await owner.get('/api/v1/hazard-reports')).json();
    const q4 = reports.items.find((r: { period: string }) => r.period === '2025Q4');
    expect(q4.figures).toEqual({
      found: 5,
      foundMajor: 1,
      closed: 1,
      closedMajor: 0,
      openAtEnd: 3,
      openMajorAtEnd: 1,
      overdueAtEnd: 1,
    });
    // The ledger's stock at the quarter's end is the report's openAtEnd.
    expect((await office.get('/api/v1/hazards?stockAt=2025-12-31')).json().total).toBe(q4.figures.openAtEnd);
  });
});

describe('动态清零 (治本攻坚三年行动; 16号令 第十八条 销号)', () => {
  it('keeps a hazard dismissed after the cut-off in the stock, but not as cleared', async () => {
    const zero = (await office.get('/api/v1/hazards/dynamic-zero?cutoff=2025-12-31&groupBy=region')).json();
    const sum = (k: string) => zero.rows.reduce((a: number, r: Record<string, number>) => a + (r[k] ?? 0), 0);
    expect({ stock: sum('stock'), stockClosed: sum('stockClosed'), stockDismissed: sum('stockDismissed') }).toEqual({
      stock: 3,
      stockClosed: 0,
      stockDismissed: 1,
    });
    // Each number is the ledger filter the page links to.
    expect((await office.get('/api/v1/hazards?stockAt=2025-12-31')).json().total).toBe(sum('stock'));
    expect((await office.get('/api/v1/hazards?stockAt=2025-12-31&status=closed')).json().total).toBe(sum('stockClosed'));
    expect((await office.get('/api/v1/hazards?stockAt=2025-12-31&open=true')).json().total).toBe(
      sum('stock') - sum('stockClosed') - sum('stockDismissed'),
    );
    expect(sum('overdue')).toBe((await office.get('/api/v1/hazards?overdue=true')).json().total);
  });
});
