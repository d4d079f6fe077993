import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codes,
  countRows,
  loginAs,
  makeEnterprise,
  makeEnterpriseAccount,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';
import { makeReport } from '../../../test/report-kit.ts';
import { reportRewards } from './report.table.ts';

interface Num {
  value: number | null;
  href: string | null;
}
type Figures = Record<string, Num>;
interface StatsBody {
  year: number | null;
  from: string;
  to: string;
  asOf: string;
  totals: Figures;
  verify: Figures;
  rewards: Figures;
  groups: Array<{ kind: string; rows: Array<{ key: string; label: string; figures: Figures }> }>;
  months: Array<{ month: string; figures: Figures; rewardsPaid: Num; rewardsPaidAmount: Num }>;
}
const values = (f: Figures) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.value]));
const row = (s: StatsBody, kind: string, key: string) => s.groups.find((g) => g.kind === kind)?.rows.find((r) => r.key === key);
const at = (day: string) => new Date(`${day}T02:00:00Z`);

describe('举报统计 GET /api/v1/report-stats (issue 15 "Statistics")', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;

  beforeAll(async () => {
    t = await startTestApp(new Date('2026-06-15T02:00:00Z'));
    org = await seedOrg(t.database);
    const ex = t.database.db;
    const identity = t.services.reportModule.identity;
    const { emergency, market, otherEmergency } = org.units;
    const A = await makeEnterprise(t.database, {
      name: '甲化工',
      regionCode: codes.village1,
      supervisingUnitId: emergency.id,
      domains: ['hazardousChemicals'],
    });
    const B = await makeEnterprise(t.database, {
      name: '乙电梯',
      regionCode: codes.village2,
      supervisingUnitId: market.id,
      domains: ['specialEquipment'],
    });
    const O = await makeEnterprise(t.database, { name: '邻镇丙厂', regionCode: codes.otherVillage, supervisingUnitId: otherEmergency.id });
    await makeEnterpriseAccount(t.database, A.id);
    const mk = (o: Parameters<typeof makeReport>[2]) => makeReport(ex, identity, o);
    await mk({ enterprise: A, status: 'received', receivedAt: at('2026-06-10'), assignedUnitId: null });
    await mk({
      enterprise: A,
      status: 'verifying',
      receivedAt: at('2026-02-20'),
      acceptedOn: '2026-02-21',
      dueOn: '2026-04-22',
      reporterName: '张三',
      reporterPhone: '13800001111',
    });
    await mk({
      enterprise: B,
      status: 'verifying',
      channel: 'internal',
      receivedAt: at('2026-06-01'),
      acceptedOn: '2026-06-02',
      dueOn: '2026-08-01',
    });
    await mk({
      enterprise: A,
      status: 'founded',
      matter: 'majorHazard',
      receivedAt: at('2026-02-20'),
      acceptedOn: '2026-02-21',
      decidedOn: '2026-03-03',
    });
    const r5 = await mk({
      enterprise: B,
      status: 'founded',
      source: 'hotline',
      receivedAt: at('2026-02-28'),
      acceptedOn: '2026-03-01',
      decidedOn: '2026-04-30',
      reporterPhone: '13900002222',
    });
    await mk({ enterprise: A, status: 'unfounded', receivedAt: at('2026-03-09'), acceptedOn: '2026-03-10', decidedOn: '2026-03-30' });
    await mk({ enterprise: A, status: 'rejected', receivedAt: at('2026-04-01') });
    const r8 = await mk({ enterprise: A, status: 'merged', receivedAt: at('2026-04-02') });
    void r8;
    // Out of scope (邻镇) and out of the window (2025): counted for nobody here.
    await mk({ enterprise: O, status: 'founded', receivedAt: at('2026-03-01'), acceptedOn: '2026-03-02', decidedOn: '2026-03-05' });
    await mk({ enterprise: A, status: 'verifying', receivedAt: at('2025-12-30'), acceptedOn: '2025-12-31', dueOn: '2026-03-01' });
    await ex.insert(reportRewards).values([
      {
        reportId: r5.id,
        regionCode: r5.regionCode,
        status: 'paid',
        rule: '按最低 3000 元',
        figures: {},
        computedAmount: 3000,
        amount: 3000,
        proposedAt: at('2026-05-01'),
        decidedAt: at('2026-05-02'),
        paidOn: '2026-05-10',
      },
    ]);
  });
  afterAll(() => t.close());

  it('counts equal plain counts of the rows, for the office of the township', async () => {
    const office = await loginAs(t.app, 'office');
    const res = await office.get('/api/v1/report-stats?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as StatsBody;
    expect(s).toMatchObject({ year: 2026, from: '2026-01-01', to: '2026-12-31', asOf: '2026-06-15' });
    const inTown = sql`region_code LIKE ${`${codes.town.slice(0, 9)}%`} AND received_at >= '2026-01-01'`;
    expect(s.totals.received?.value).toBe(await countRows(t.database, 'reports', inTown));
    expect(values(s.totals)).toEqual({
      received: 8,
      open: 3,
      overdue: 1,
      decided: 3,
      founded: 2,
      unfounded: 1,
      foundedRate: 66.7,
      rejected: 1,
      merged: 1,
      named: 2,
    });
    // 10, 60 and 20 days from acceptance to outcome; two accepted reports still open.
    expect(values(s.verify)).toEqual({ medianDays: 20, p90Days: 52, decided: 3, stillOpen: 2 });
    expect(values(s.rewards)).toEqual({ granted: 1, grantedAmount: 3000, paid: 1, paidAmount: 3000 });
    expect(values(row(s, 'channel', 'internal')?.figures ?? {})).toMatchObject({ received: 1, open: 1 });
    expect(row(s, 'source', 'hotline')?.figures.founded?.value).toBe(1);
    expect(row(s, 'matter', 'majorHazard')?.figures.founded?.value).toBe(1);
    expect(row(s, 'domain', 'hazardousChemicals')?.figures.received?.value).toBe(6);
    expect(row(s, 'domain', 'specialEquipment')).toMatchObject({ label: '特种设备' });
    expect(row(s, 'village', codes.village1)).toMatchObject({ label: '东村' });
    expect(row(s, 'township', codes.town)?.figures.received?.value).toBe(8);
    expect(row(s, 'unit', String(org.units.market.id))?.figures.received?.value).toBe(2);
    expect(row(s, 'unit', 'none')).toMatchObject({ label: '未交办' });
    expect(row(s, 'status', 'verifying')?.figures.received?.value).toBe(2);
    const feb = s.months.find((m) => m.month === '2026-02');
    expect(feb?.figures.received?.value).toBe(3);
    expect(s.months.find((m) => m.month === '2026-05')?.rewardsPaidAmount.value).toBe(3000);
    expect(s.months).toHaveLength(12);
  });

  it('every number carries the web path of its list, with its filters', async () => {
    const office = await loginAs(t.app, 'office');
    const s = (await office.get('/api/v1/report-stats?year=2026')).json() as StatsBody;
    const y = 'from=2026-01-01&to=2026-12-31';
    expect(s.totals.received?.href).toBe(`/reports?${y}`);
    expect(s.totals.overdue?.href).toBe(`/reports?${y}&overdue=true`);
    expect(s.totals.open?.href).toBe(`/reports?status=received%2Cverifying&${y}`);
    expect(s.totals.foundedRate?.href).toBe(`/reports?status=founded&${y}`);
    expect(s.totals.named?.href).toBe(`/reports?${y}&named=true`);
    expect(row(s, 'channel', 'internal')?.figures.founded?.href).toBe(`/reports?status=founded&channel=internal&${y}`);
    expect(row(s, 'unit', String(org.units.market.id))?.figures.overdue?.href).toBe(
      `/reports?unitId=${org.units.market.id}&${y}&overdue=true`,
    );
    expect(row(s, 'village', codes.village1)?.figures.received?.href).toBe(`/reports?regionCode=${codes.village1}&${y}`);
    expect(row(s, 'domain', 'hazardousChemicals')?.figures.received?.href).toBe(`/reports?domain=hazardousChemicals&${y}`);
    // A status row opens its status; a figure of other statuses opens nothing.
    expect(row(s, 'status', 'founded')?.figures.founded?.href).toBe(`/reports?status=founded&${y}`);
    expect(row(s, 'status', 'founded')?.figures.open).toEqual({ value: 0, href: null });
    expect(s.months.find((m) => m.month === '2026-03')?.figures.received?.href).toBe('/reports?month=2026-03');
    expect(s.rewards.paid?.href).toBe('/reports/rewards?status=paid&paidFrom=2026-01-01&paidTo=2026-12-31');
    expect(s.rewards.granted?.href).toBe('/reports/rewards?status=approved%2Cpaid&decidedFrom=2026-01-01&decidedTo=2026-12-31');
    expect(s.verify.medianDays?.href).toBe(`/reports?status=founded%2Cunfounded&${y}`);
  });

  it('the list a number opens holds exactly that many rows (the report list and the reward ledger)', async () => {
    const office = await loginAs(t.app, 'office');
    const s = (await office.get('/api/v1/report-stats?year=2026')).json() as StatsBody;
    const opened = async (href: string) => {
      const [path, query] = href.split('?');
      const api = path === '/reports/rewards' ? '/api/v1/report-rewards' : '/api/v1/reports';
      const res = await office.get(`${api}?${query ?? ''}&pageSize=200`);
      expect(res.statusCode, href).toBe(200);
      return res.json().total as number;
    };
    // Counts only: 属实率 opens the founded reports but is a percentage.
    const counts = (f: Figures) =>
      Object.entries(f)
        .filter(([k]) => k !== 'foundedRate')
        .map(([, v]) => v);
    const figures = [
      ...counts(s.totals),
      ...s.groups.flatMap((g) => g.rows.flatMap((r) => counts(r.figures))),
      s.rewards.paid,
      s.rewards.granted,
      ...s.months.flatMap((m) => [m.figures.received, m.rewardsPaid]),
    ].filter((f): f is { value: number; href: string } => f?.href != null && f.value !== null);
    expect(figures.length).toBeGreaterThan(20);
    for (const f of figures) expect(await opened(f.href), f.href).toBe(f.value);
  });

  it('a unit sees only the numbers of reports assigned to it; from/to narrows the window', async () => {
    const unit = await loginAs(t.app, 'unit');
    const s = (await unit.get('/api/v1/report-stats?year=2026')).json() as StatsBody;
    expect(values(s.totals)).toMatchObject({ received: 2, open: 1, founded: 1, named: 1 });
    expect(values(s.rewards)).toMatchObject({ paid: 1 });
    const narrow = (await unit.get('/api/v1/report-stats?from=2026-06-01&to=2026-06-30')).json() as StatsBody;
    expect(narrow).toMatchObject({ year: null, from: '2026-06-01', to: '2026-06-30' });
    expect(narrow.totals.received?.value).toBe(1);
    expect(narrow.months.map((m) => m.month)).toEqual(['2026-06']);
    const other = (
      await (await loginAs(t.app, 'leader')).get(`/api/v1/report-stats?year=2026&unitId=${org.units.emergency.id}`)
    ).json() as StatsBody;
    expect(other.totals.received?.value).toBe(5);
  });

  it('refuses the enterprise account and the village cadre (403); bad input is a Chinese 400', async () => {
    for (const role of ['enterprise', 'village'] as const) {
      const s = await loginAs(t.app, role);
      expect((await s.get('/api/v1/report-stats')).statusCode).toBe(403);
      expect((await s.get('/api/v1/report-stats/export')).statusCode).toBe(403);
      expect((await s.get('/api/v1/reports/export')).statusCode).toBe(403);
    }
    const office = await loginAs(t.app, 'office');
    const bad = await office.get('/api/v1/report-stats?from=2026-07-01&to=2026-06-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/开始日期不能晚于结束日期/);
    const badStatus = await office.get('/api/v1/reports/export?status=open');
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().message).toMatch(/状态/);
  });
});
