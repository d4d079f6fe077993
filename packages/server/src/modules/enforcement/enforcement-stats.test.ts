import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheck, makeInspector, makeOrder, makePenalty, makePlan } from '../../../test/enforcement-stats-kit.ts';
import {
  codes,
  loginAs,
  makeEnterprise,
  makeEnterpriseAccount,
  makeHazard,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';
import { loadExcelJS } from '../../lib/exceljs.ts';

interface Num {
  value: number | null;
  href: string | null;
}
type Figures = Record<string, Num>;
interface StatsBody {
  year: number;
  asOf: string;
  totals: Figures;
  units: Array<{
    unitId: number;
    unitName: string;
    figures: Figures;
    months: Array<{ month: number; planned: Num; scheduled: Num; done: Num }>;
    signals: Array<{ kind: string; reason: string }>;
  }>;
  closureFlags: Array<{ enterpriseId: number; enterpriseName: string; windowDays: number; dates: string[]; href: string }>;
}
const values = (f: Figures) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.value]));

describe('执法统计 GET /api/v1/enforcement-stats (issue 14 "Statistics and signals")', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp(new Date('2026-06-15T02:00:00Z'));
    org = await seedOrg(t.database);
    const ex = t.database.db;
    const { emergency, market, otherEmergency } = org.units;
    const A = await makeEnterprise(t.database, { name: '甲化工', regionCode: codes.village1, supervisingUnitId: emergency.id });
    const B = await makeEnterprise(t.database, { name: '乙机械', regionCode: codes.village2, supervisingUnitId: emergency.id });
    const C = await makeEnterprise(t.database, { name: '丙电梯', regionCode: codes.village1, supervisingUnitId: market.id });
    const D = await makeEnterprise(t.database, { name: '丁烟花', regionCode: codes.village2, supervisingUnitId: emergency.id });
    const O = await makeEnterprise(t.database, { name: '邻镇戊厂', regionCode: codes.otherVillage, supervisingUnitId: otherEmergency.id });
    await makeEnterpriseAccount(t.database, A.id);
    Object.assign(ids, { A: A.id, D: D.id, O: O.id });
    for (const u of [emergency, market, otherEmergency]) await makeInspector(ex, u.id);

    // 应急办: plan A ×2 (key, Mar/Jun), B ×1 (general, Apr).
    await makePlan(ex, {
      unitId: emergency.id,
      regionCode: codes.town,
      lines: [
        { enterprise: A, kind: 'key', months: [3, 6] },
        { enterprise: B, kind: 'general', months: [4] },
      ],
    });
    // A draft plan of another year and a draft of the market unit count for nothing.
    await makePlan(ex, { unitId: market.id, regionCode: codes.town, status: 'draft', lines: [{ enterprise: C, months: [1, 2, 3] }] });
    const H1 = await makeHazard(t.database, {
      enterprise: A,
      foundBy: org.users.office.id,
      channel: 'enforcement',
      grade: 'major',
      foundOn: '2026-03-05',
    });
    const H2 = await makeHazard(t.database, { enterprise: A, foundBy: org.users.office.id, channel: 'enforcement', foundOn: '2026-03-05' });
    const c1 = await makeCheck(ex, {
      unitId: emergency.id,
      enterprise: A,
      scheduledOn: '2026-03-05',
      items: [{ result: 'fail', major: true, hazardId: H1.id }, { result: 'fail', hazardId: H2.id }, { result: 'pass' }],
    });
    await makeCheck(ex, { unitId: emergency.id, enterprise: A, scheduledOn: '2026-06-10', status: 'planned' });
    await makeCheck(ex, { unitId: emergency.id, enterprise: B, scheduledOn: '2026-04-08', kind: 'general', items: [{ result: 'pass' }] });
    await makeCheck(ex, { unitId: emergency.id, enterprise: B, scheduledOn: '2026-04-20', kind: 'general', status: 'cancelled' });
    // A check of last year is not this year's.
    await makeCheck(ex, { unitId: emergency.id, enterprise: B, scheduledOn: '2025-12-20', items: [{ result: 'fail' }] });
    // The order of c1 not fixed, but a case is filed on the check: not 只检查不处罚.
    await makeOrder(ex, { check: c1, unitId: emergency.id, enterprise: A, recheckedOn: '2026-03-25', results: ['notFixed'] });
    await makePenalty(ex, {
      unitId: emergency.id,
      enterprise: A,
      majorHazard: true,
      checkId: c1.id,
      decidedOn: '2026-03-20',
      amount: 3000,
    });
    // D: four imposed major cases within 365 days (the three last are 181 days apart: not 180); a withdrawn and a
    // non-major one in between would make it 180 if they counted.
    for (const d of ['2025-08-01', '2025-11-01', '2026-02-01', '2026-05-01'])
      await makePenalty(ex, { unitId: emergency.id, enterprise: D, majorHazard: true, decidedOn: d });
    await makePenalty(ex, { unitId: emergency.id, enterprise: D, majorHazard: true, decidedOn: '2026-03-01', status: 'withdrawn' });
    await makePenalty(ex, { unitId: emergency.id, enterprise: D, majorHazard: false, decidedOn: '2026-04-01', amount: 500 });

    // 市场监管所: a failed check whose order was not fixed at 复查, no case but a filed (undecided) one elsewhere.
    const c3 = await makeCheck(ex, { unitId: market.id, enterprise: C, scheduledOn: '2026-02-10', items: [{ result: 'fail' }] });
    await makeOrder(ex, { check: c3, unitId: market.id, enterprise: C, recheckedOn: '2026-03-01', results: ['notFixed'] });
    await makePenalty(ex, { unitId: market.id, enterprise: C, status: 'filed', decidedOn: null, amount: 200, checkId: null });

    // 邻镇应急办: O flagged under the 180-day window.
    await makeCheck(ex, { unitId: otherEmergency.id, enterprise: O, scheduledOn: '2026-05-05', items: [{ result: 'pass' }] });
    for (const d of ['2026-01-10', '2026-03-01', '2026-06-05'])
      await makePenalty(ex, { unitId: otherEmergency.id, enterprise: O, majorHazard: true, decidedOn: d, amount: 20000 });
  });
  afterAll(() => t.close());

  it('counts planned vs done, coverage, hazards per check, 立案率 and penalties per unit (office of 示例镇)', async () => {
    const s = await loginAs(t.app, 'office');
    const res = await s.get('/api/v1/enforcement-stats?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as StatsBody;
    expect(body.year).toBe(2026);
    expect(body.asOf).toBe('2026-06-15');
    expect(body.units.map((u) => u.unitName)).toEqual(
      ['示例镇市场监管所', '示例镇应急管理办公室'].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    );
    const em = body.units.find((u) => u.unitId === org.units.emergency.id);
    expect(values(em?.figures as Figures)).toEqual({
      planned: 3,
      scheduled: 3,
      done: 2,
      completionRate: 66.7,
      keyTargets: 1,
      keyCovered: 1,
      coverageRate: 100,
      hazardsFound: 2,
      majorHazardsFound: 1,
      hazardsPerCheck: 1,
      majorFailedChecks: 1,
      majorCases: 1,
      caseRate: 100,
      penaltyCases: 4,
      penaltyAmount: 5500,
      failedChecks: 1,
      unfixedOrdersWithoutCase: 0,
    });
    expect(em?.signals).toEqual([]);
    const march = em?.months[2];
    expect([march?.planned.value, march?.scheduled.value, march?.done.value]).toEqual([1, 1, 1]);
    expect(march?.done.href).toBe(`/enforcement/checks?unitId=${org.units.emergency.id}&month=2026-03&status=signed`);
    expect(em?.months.map((m) => m.planned.value)).toEqual([0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(em?.months[3]?.done.value).toBe(1);
    expect(em?.figures.penaltyCases?.href).toBe(`/enforcement/penalties?unitId=${org.units.emergency.id}&year=2026&imposed=true`);

    const market = body.units.find((u) => u.unitId === org.units.market.id);
    expect(values(market?.figures as Figures)).toMatchObject({
      planned: 0,
      done: 1,
      completionRate: null,
      penaltyCases: 0,
      penaltyAmount: 0,
      failedChecks: 1,
      unfixedOrdersWithoutCase: 1,
      caseRate: null,
    });
    expect(market?.signals.map((x) => x.kind)).toEqual(['zeroPenalty', 'checkOnly']);
    expect(market?.signals[1]?.reason).toBe('1 次检查发现不符合项但本年无处罚；1 份整改指令复查未整改且未立案');

    // A number opens the list it counts: the same query on the list's API gives the same total.
    const totalOf = async (href: string | null | undefined, api: string) => {
      const r = await s.get(`/api/v1/${api}?${String(href).split('?')[1]}`);
      expect(r.statusCode, r.body).toBe(200);
      return (r.json() as { total: number }).total;
    };
    expect(await totalOf(em?.figures.penaltyCases?.href, 'penalties')).toBe(4);
    expect(await totalOf(market?.figures.penaltyCases?.href, 'penalties')).toBe(0);
    expect(await totalOf(market?.figures.unfixedOrdersWithoutCase?.href, 'enforcement-orders')).toBe(1);
    expect(await totalOf(em?.figures.unfixedOrdersWithoutCase?.href, 'enforcement-orders')).toBe(0);
    expect(await totalOf(em?.figures.failedChecks?.href, 'enforcement-checks')).toBe(1);
    expect(await totalOf(em?.figures.majorFailedChecks?.href, 'enforcement-checks')).toBe(1);
    expect(await totalOf(market?.figures.failedChecks?.href, 'enforcement-checks')).toBe(1);
    expect(await totalOf(em?.figures.done?.href, 'enforcement-checks')).toBe(2);

    expect(values(body.totals)).toMatchObject({ planned: 3, done: 3, penaltyCases: 4, penaltyAmount: 5500, hazardsFound: 2 });
    // 第一百一十三条: D under the one-year window; 邻镇's O is not in 示例镇's view.
    expect(body.closureFlags).toEqual([
      {
        enterpriseId: ids.D,
        enterpriseName: '丁烟花',
        regionCode: codes.village2,
        windowDays: 365,
        dates: ['2025-08-01', '2025-11-01', '2026-02-01', '2026-05-01'],
        href: `/enforcement/penalties?enterpriseId=${ids.D}&majorHazard=true&imposed=true`,
      },
    ]);
    expect(res.body).not.toContain('邻镇戊厂');
  });

  it('the administrator sees every unit and both enterprises flagged for closure, the latest first', async () => {
    const body = (await (await loginAs(t.app, 'admin')).get('/api/v1/enforcement-stats?year=2026')).json() as StatsBody;
    expect(body.units.map((u) => u.unitId).sort()).toEqual(
      [org.units.emergency.id, org.units.market.id, org.units.otherEmergency.id].sort(),
    );
    expect(body.closureFlags.map((f) => [f.enterpriseName, f.windowDays, f.dates])).toEqual([
      ['邻镇戊厂', 180, ['2026-01-10', '2026-03-01', '2026-06-05']],
      ['丁烟花', 365, ['2025-08-01', '2025-11-01', '2026-02-01', '2026-05-01']],
    ]);
    expect(body.totals.penaltyAmount?.value).toBe(65500);
    const flags = await (await loginAs(t.app, 'admin')).get('/api/v1/enforcement-stats/closure-flags?year=2026');
    expect(flags.json().items.map((f: { enterpriseId: number }) => f.enterpriseId)).toEqual([ids.O, ids.D]);
  });

  it('a past year is counted as of its last day: nothing was flagged in 2025', async () => {
    const body = (await (await loginAs(t.app, 'admin')).get('/api/v1/enforcement-stats?year=2025')).json() as StatsBody;
    expect(body.asOf).toBe('2025-12-31');
    expect(body.closureFlags).toEqual([]);
    const em = body.units.find((u) => u.unitId === org.units.emergency.id);
    expect(values(em?.figures as Figures)).toMatchObject({ planned: 0, done: 1, failedChecks: 1, penaltyCases: 2 });
  });

  it('a member unit sees its own unit only; unitId and regionCode narrow the view', async () => {
    const unit = await loginAs(t.app, 'unit');
    const own = (await unit.get('/api/v1/enforcement-stats')).json() as StatsBody;
    expect(own.units.map((u) => u.unitId)).toEqual([org.units.market.id]);
    expect(own.closureFlags).toEqual([]);
    // Asking for another unit gives nothing of it.
    const other = (await unit.get(`/api/v1/enforcement-stats?unitId=${org.units.emergency.id}`)).json() as StatsBody;
    expect(other.units).toEqual([]);
    expect(other.totals.done?.value).toBe(0);

    const office = await loginAs(t.app, 'office');
    const one = (await office.get(`/api/v1/enforcement-stats?unitId=${org.units.emergency.id}`)).json() as StatsBody;
    expect(one.units.map((u) => u.unitId)).toEqual([org.units.emergency.id]);
    expect(one.totals.done?.href).toBe(`/enforcement/checks?unitId=${org.units.emergency.id}&year=2026&status=signed`);
    const village = (await office.get(`/api/v1/enforcement-stats?regionCode=${codes.village1}`)).json() as StatsBody;
    const em = village.units.find((u) => u.unitId === org.units.emergency.id);
    // Only A (东村): its check in March; B's (西村) April check and D's cases drop out.
    expect(values(em?.figures as Figures)).toMatchObject({ planned: 2, done: 1, penaltyCases: 1, penaltyAmount: 3000 });
    expect(village.closureFlags).toEqual([]);
  });

  it('exports the unit table as .xlsx with the same numbers', async () => {
    const res = await (await loginAs(t.app, 'office')).get('/api/v1/enforcement-stats/export?year=2026');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-disposition']).toContain('enforcement-stats-2026.xlsx');
    const Excel = await loadExcelJS();
    const wb = new Excel.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('执法统计');
    const rows = (ws?.getSheetValues() ?? []).slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows[0]?.[0]).toBe('2026年执法检查统计（截至2026-06-15）');
    expect(rows[1]?.slice(0, 5)).toEqual(['执法单位', '计划检查', '已安排', '已完成', '完成率']);
    const em = rows.find((r) => r[0] === '示例镇应急管理办公室');
    expect(em?.slice(1, 5)).toEqual([3, 3, 2, '66.7%']);
    expect(em?.[13]).toBe('100%');
    const market = rows.find((r) => r[0] === '示例镇市场监管所');
    expect(String(market?.[16])).toContain('零处罚');
    expect(rows.at(-1)?.[0]).toBe('合计');
    expect(wb.getWorksheet('按月计划与完成')?.getRow(3).getCell(4).value).toBeDefined();
  });

  it('refuses the enterprise account (statistics are for supervisors) and a bad query, in Chinese', async () => {
    const ent = await loginAs(t.app, 'enterprise');
    const res = await ent.get('/api/v1/enforcement-stats');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('enforcement.stats_forbidden');
    expect(res.json().message).toBe('执法统计仅供监管部门查看');
    const bad = await (await loginAs(t.app, 'office')).get('/api/v1/enforcement-stats?year=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('年份应为数字');
    const village = await loginAs(t.app, 'village');
    expect((await village.get('/api/v1/enforcement-stats')).statusCode).toBe(403);
  });
});
