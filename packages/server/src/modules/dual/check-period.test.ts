import { type CheckPeriodItem, type DualOversight, type DualOversightFigures, dueOutcome, type StatNumber } from '@anzhi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheckRecord, makeCheckTask, makeRiskChain, makeTaskPeriods } from '../../../test/dual-kit.ts';
import {
  codes,
  login,
  loginAs,
  makeEnterprise,
  makeEnterpriseAccount,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';

/**
 * GET /check-periods, the list behind the oversight figures: every due-check figure of GET /dual-oversight (totals,
 * each enterprise, 行业领域 and village row) links to /dual/due-checks with filters that, sent to GET /check-periods,
 * return exactly that many due checks; the risk figures open an enterprise's risk page. Scope and bad filters too.
 */
const now = new Date('2026-04-10T02:00:00Z');
const today = '2026-04-10';
const window = 'from=2026-01-01&to=2026-04-30';

describe('due checks behind the oversight figures', () => {
  let t: TestApp;
  const ids = { east: 0, west: 0, town: 0, outside: 0 };

  beforeAll(async () => {
    t = await startTestApp(now);
    const org = await seedOrg(t.database);
    const db = t.database.db;
    const by = org.users.inspector.id;
    const east = await makeEnterprise(t.database, {
      regionCode: codes.village1,
      name: '东村化工厂',
      domains: ['hazardousChemicals', 'industryTrade'],
    });
    const west = await makeEnterprise(t.database, { regionCode: codes.village2, name: '西村机械厂' });
    const town = await makeEnterprise(t.database, { regionCode: codes.town, name: '镇直印刷厂', domains: ['industryTrade'] });
    const outside = await makeEnterprise(t.database, { regionCode: codes.otherVillage, name: '邻村化工厂' });
    Object.assign(ids, { east: east.id, west: west.id, town: town.id, outside: outside.id });
    await makeEnterpriseAccount(t.database, east.id);
    // 东村: monthly Jan–Apr (Jan on time, Feb late, Mar missed, Apr open), the principal's monthly (Jan done only).
    const month = await makeCheckTask(db, east, { cycle: 'month', title: '月度综合排查' });
    const [jan, feb] = await makeTaskPeriods(db, month, '2026-01-01', '2026-04-30');
    const principal = await makeCheckTask(db, east, { cycle: 'month', template: 'principal', title: '主要负责人排查' });
    const [pjan] = await makeTaskPeriods(db, principal, '2026-01-01', '2026-04-30');
    await makeCheckRecord(db, east, { checkedBy: by, checkedAt: new Date('2026-01-20T02:00:00Z'), taskPeriodId: jan?.id });
    await makeCheckRecord(db, east, { checkedBy: by, checkedAt: new Date('2026-03-02T02:00:00Z'), taskPeriodId: feb?.id });
    await makeCheckRecord(db, east, { checkedBy: by, checkedAt: new Date('2026-01-21T02:00:00Z'), taskPeriodId: pjan?.id });
    // 西村 (no 行业领域): weekly from March (two on time, one late), a quarterly principal's check done late.
    const week = await makeCheckTask(db, west, { cycle: 'week', title: '周排查', startsOn: '2026-03-02' });
    const weeks = await makeTaskPeriods(db, week, '2026-03-02', '2026-04-30');
    for (const [i, day] of [
      [0, '2026-03-03'],
      [1, '2026-03-10'],
      [2, '2026-03-25'],
    ] as const)
      await makeCheckRecord(db, west, { checkedBy: by, checkedAt: new Date(`${day}T02:00:00Z`), taskPeriodId: weeks[i]?.id });
    const quarter = await makeCheckTask(db, west, { cycle: 'quarter', template: 'principal', title: '主要负责人季度排查' });
    const [q1] = await makeTaskPeriods(db, quarter, '2026-01-01', '2026-04-30');
    await makeCheckRecord(db, west, { checkedBy: by, checkedAt: new Date('2026-04-02T02:00:00Z'), taskPeriodId: q1?.id });
    await makeRiskChain(db, east, { reviewedOn: null });
    await makeRiskChain(db, west, { reviewedOn: '2026-02-01' });
    // 镇直 (an enterprise of no village: its own row, not its township's villages): monthly, all missed.
    await makeTaskPeriods(db, await makeCheckTask(db, town, { cycle: 'month', title: '镇直月排查' }), '2026-01-01', '2026-03-31');
    // 邻镇: daily checks in March.
    await makeTaskPeriods(db, await makeCheckTask(db, outside, { cycle: 'day', title: '邻镇日排查' }), '2026-03-01', '2026-03-10');
  });
  afterAll(() => t?.close());

  const periods = async (s: Awaited<ReturnType<typeof loginAs>>, query: string) => {
    const res = await s.get(`/api/v1/check-periods?${query}&pageSize=200`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: CheckPeriodItem[]; total: number };
  };

  it('every figure’s link, as a query of GET /check-periods, lists exactly the due checks it counts', async () => {
    const office = await loginAs(t.app, 'office');
    const body = (await office.get(`/api/v1/dual-oversight?${window}`)).json() as DualOversight;
    const rows: Array<{ kind: string; key: string; figures: DualOversightFigures }> = [
      { kind: 'totals', key: '', figures: body.totals },
      ...body.groups.flatMap((g) => g.rows.map((r) => ({ kind: g.kind, key: r.key, figures: r.figures }))),
    ];
    expect(rows.map((r) => `${r.kind}:${r.key}`).sort()).toEqual(
      [
        'totals:',
        `enterprise:${ids.east}`,
        `enterprise:${ids.west}`,
        `enterprise:${ids.town}`,
        'domain:hazardousChemicals',
        'domain:industryTrade',
        'domain:none',
        `village:${codes.village1}`,
        `village:${codes.village2}`,
        `village:${codes.town}`,
      ].sort(),
    );
    let followed = 0;
    for (const { kind, key, figures: f } of rows) {
      const figures: Array<[string, StatNumber]> = [
        ['due', f.due],
        ['onTime', f.onTime],
        ['late', f.late],
        ['missed', f.missed],
        ['principalDone', f.principalDone],
        ['principalMissing', f.principalMissing],
        ...f.cycles.flatMap((c) => [
          [`${c.cycle}.due`, c.due] as [string, StatNumber],
          [`${c.cycle}.onTime`, c.onTime] as [string, StatNumber],
          [`${c.cycle}.late`, c.late] as [string, StatNumber],
          [`${c.cycle}.missed`, c.missed] as [string, StatNumber],
        ]),
      ];
      for (const [name, n] of figures) {
        const [path, query] = (n.href ?? '').split('?');
        expect(path, `${kind}:${key} ${name}`).toBe('/dual/due-checks');
        const page = await periods(office, query as string);
        expect(page.total, `${kind}:${key} ${name} ${n.href}`).toBe(n.value);
        expect(page.items).toHaveLength(page.total);
        const q = new URLSearchParams(query);
        for (const item of page.items) {
          expect(item.outcome).toBe(dueOutcome(item, today));
          if (q.get('outcome') === 'done') expect(['onTime', 'late']).toContain(item.outcome);
          else if (q.get('outcome')) expect(item.outcome).toBe(q.get('outcome'));
          if (q.get('cycle')) expect(item.cycle).toBe(q.get('cycle'));
          expect(item.periodEnd >= '2026-01-01' && item.periodEnd <= '2026-04-30').toBe(true);
        }
        followed++;
      }
      expect(f.onTimeRate.href).toBe(f.onTime.href);
      const risks = kind === 'enterprise' ? `/dual/risks?enterpriseId=${key}` : null;
      expect([f.riskPoints.href, f.reviewOverdue.href]).toEqual([risks, risks]);
    }
    expect(followed).toBe(rows.length * 26);
    // The figures are not all zero: the links were tried on real rows.
    expect([body.totals.onTime.value, body.totals.late.value, body.totals.missed.value, body.totals.principalDone.value]).toEqual([
      4, 3, 8, 2,
    ]);
  });

  it('lists only the caller’s scope: the enterprise its own, 邻镇 none of ours', async () => {
    const qiye = await loginAs(t.app, 'enterprise');
    const own = await periods(qiye, window);
    expect(own.total).toBeGreaterThan(0);
    expect(new Set(own.items.map((i) => i.enterpriseId))).toEqual(new Set([ids.east]));
    expect((await periods(qiye, `enterpriseId=${ids.west}`)).total).toBe(0);
    const other = await login(t.app, 'otheroffice');
    const theirs = await periods(other, window);
    expect(theirs.total).toBe(10);
    expect(new Set(theirs.items.map((i) => i.enterpriseName))).toEqual(new Set(['邻村化工厂']));
    expect((await periods(other, `enterpriseId=${ids.east}`)).total).toBe(0);
  });

  it('refuses a bad filter with a Chinese message naming it', async () => {
    const office = await loginAs(t.app, 'office');
    const bad = await office.get('/api/v1/check-periods?outcome=finished');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('排查结果');
    const backwards = await office.get('/api/v1/check-periods?from=2026-05-01&to=2026-04-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().message).toContain('开始日期');
    expect((await office.get('/api/v1/check-periods?regionCode=abc')).statusCode).toBe(400);
  });
});
