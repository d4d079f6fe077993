import { type DualOversight, type DualSignal, dueOutcome } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheckRecord, makeCheckTask, makeRiskChain, makeTaskPeriods } from '../../../test/dual-kit.ts';
import { codes, login, loginAs, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { runDualSweep } from './dual-sweep.ts';
import { dueOutcomeSql } from './oversight-stats.repo.ts';

/**
 * What the township sees through the API: the signals in scope, dismissing one (reason required, audited, stays
 * dismissed), and the statistics by enterprise, domain and village with links and the export.
 */
const now = new Date('2026-04-10T02:00:00Z');

describe('dual oversight API', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  const ids = { inside: 0, outside: 0 };

  beforeAll(async () => {
    t = await startTestApp(now);
    org = await seedOrg(t.database);
    const db = t.database.db;
    const inside = await makeEnterprise(t.database, {
      regionCode: codes.village1,
      name: '东村化工厂',
      flags: ['highRisk'],
      domains: ['hazardousChemicals'],
    });
    const outside = await makeEnterprise(t.database, { regionCode: codes.otherVillage, name: '邻村化工厂', flags: ['highRisk'] });
    ids.inside = inside.id;
    ids.outside = outside.id;
    // A monthly task Jan–Apr: January on time, February late, March missed, April still open; a principal's monthly
    // check done in January only; no finding in three months at both (a noFindings signal each).
    const task = await makeCheckTask(db, inside, { cycle: 'month', startsOn: '2026-01-01' });
    const [jan, feb] = await makeTaskPeriods(db, task, '2026-01-01', '2026-04-30');
    const principal = await makeCheckTask(db, inside, { cycle: 'month', template: 'principal', title: '主要负责人排查' });
    const [pjan] = await makeTaskPeriods(db, principal, '2026-01-01', '2026-04-30');
    const by = org.users.inspector.id;
    await makeCheckRecord(db, inside, { checkedBy: by, checkedAt: new Date('2026-01-20T02:00:00Z'), taskPeriodId: jan?.id });
    await makeCheckRecord(db, inside, { checkedBy: by, checkedAt: new Date('2026-03-02T02:00:00Z'), taskPeriodId: feb?.id });
    await makeCheckRecord(db, inside, { checkedBy: by, checkedAt: new Date('2026-01-21T02:00:00Z'), taskPeriodId: pjan?.id });
    await makeCheckRecord(db, inside, { checkedBy: by, checkedAt: new Date('2026-02-10T02:00:00Z') });
    for (const m of ['01', '02', '03'])
      await makeCheckRecord(db, outside, { checkedBy: org.users.otherOffice.id, checkedAt: new Date(`2026-${m}-15T02:00:00Z`) });
    await makeRiskChain(db, inside, { reviewedOn: '2026-02-01' });
    await makeRiskChain(db, inside, { reviewedOn: null });
    await makeRiskChain(db, inside, { reviewedOn: '2025-03-01' });
    await runDualSweep(db, now);
  });
  afterAll(() => t?.close());

  it('lists the signals in the caller’s scope; enterprise and village accounts may not', async () => {
    const office = await loginAs(t.app, 'office');
    const mine = (await office.get('/api/v1/dual-signals')).json() as { items: DualSignal[]; total: number };
    expect(mine.items.map((s) => [s.kind, s.enterpriseName])).toEqual([['noFindings', '东村化工厂']]);
    expect(mine.items[0]?.evidence.summary).toContain('没有一条异常');
    const other = (await (await login(t.app, 'otheroffice')).get('/api/v1/dual-signals?kind=noFindings')).json();
    expect(other.items.map((s: DualSignal) => s.enterpriseId)).toEqual([ids.outside]);
    expect((await office.get(`/api/v1/dual-signals?enterpriseId=${ids.outside}`)).json().total).toBe(0);
    expect((await office.get('/api/v1/dual-signals?kind=nothing')).statusCode).toBe(400);
    expect((await (await loginAs(t.app, 'village')).get('/api/v1/dual-signals')).statusCode).toBe(403);
  });

  it('dismisses with a reason of five characters or more, audited, once; the sweep does not bring it back', async () => {
    const office = await loginAs(t.app, 'office');
    const [signal] = (await office.get('/api/v1/dual-signals')).json().items as DualSignal[];
    const id = signal?.id as number;
    const short = await office.post(`/api/v1/dual-signals/${id}/dismiss`, { reason: '正常' });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('排除理由');
    expect(
      (await (await loginAs(t.app, 'unit')).post(`/api/v1/dual-signals/${id}/dismiss`, { reason: '单位无权排除提示' })).statusCode,
    ).toBe(403);
    expect(
      (await (await login(t.app, 'otheroffice')).post(`/api/v1/dual-signals/${id}/dismiss`, { reason: '邻镇不能排除本镇提示' })).statusCode,
    ).toBe(404);
    const ok = await office.post(`/api/v1/dual-signals/${id}/dismiss`, { reason: '该企业本季度停产检修，记录属实' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'dismissed', dismissReason: '该企业本季度停产检修，记录属实', dismissedByName: 'office' });
    expect((await office.post(`/api/v1/dual-signals/${id}/dismiss`, { reason: '再次排除这条提示' })).statusCode).toBe(409);
    const [audit] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'dualSignal' AND action = 'dismiss' AND entity_id = ${String(id)}`,
    );
    expect(Number(audit?.n)).toBe(1);
    await runDualSweep(t.database.db, now);
    expect((await office.get('/api/v1/dual-signals?status=open')).json().total).toBe(0);
  });

  it('counts due checks on time, late and missed by cycle, the principal’s checks, reviews and signals, with links', async () => {
    const office = await loginAs(t.app, 'office');
    const res = await office.get('/api/v1/dual-oversight?from=2026-01-01&to=2026-04-30');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as DualOversight;
    const enterprise = body.groups.find((g) => g.kind === 'enterprise')?.rows ?? [];
    expect(enterprise.map((r) => r.label)).toEqual(['东村化工厂']);
    const f = enterprise[0]?.figures;
    const month = f?.cycles.find((c) => c.cycle === 'month');
    expect([month?.onTime.value, month?.late.value, month?.missed.value, month?.due.value]).toEqual([2, 1, 3, 8]);
    expect(f?.principalDone.value).toBe(1);
    expect(f?.principalMissing.value).toBe(2);
    expect([f?.riskPoints.value, f?.reviewOverdue.value]).toEqual([3, 2]);
    expect(f?.openSignals.value).toBe(0);
    expect(f?.late.href).toBe(`/dual/due-checks?enterpriseId=${ids.inside}&from=2026-01-01&to=2026-04-30&outcome=late`);
    expect(body.groups.find((g) => g.kind === 'village')?.rows.map((r) => r.label)).toEqual(['东村']);
    expect(body.groups.find((g) => g.kind === 'domain')?.rows.map((r) => r.key)).toEqual(['hazardousChemicals']);
    expect((await office.get('/api/v1/dual-oversight?from=2026-05-01&to=2026-04-01')).statusCode).toBe(400);
    const xlsx = await office.get('/api/v1/dual-oversight/export?from=2026-01-01&to=2026-04-30');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('the outcome SQL and core’s dueOutcome agree on the same rows', async () => {
    const today = '2026-04-10';
    const rows = await t.database.rows<{ period_end: string; done_on: string | null; outcome: string }>(
      sql`SELECT period_end::text AS period_end, done_on::text AS done_on, ${dueOutcomeSql(today)} AS outcome FROM check_task_periods`,
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r.outcome).toBe(dueOutcome({ periodEnd: r.period_end, doneOn: r.done_on }, today));
  });
});
