import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codes,
  countRows,
  login,
  loginAs,
  makeEnterprise,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';
import { makeReport, type ReportRow } from '../../../test/report-kit.ts';
import { enforcementPenalties } from '../enforcement/enforcement.table.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';
import { reports } from './report.table.ts';

const PHONE = '13912345678';
const NAME = '王举报';

describe('举报奖励 (安监总财〔2018〕19号, regulations.md §4): proposed from the verified case, approved, paid', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  let ent: EnterpriseRow;
  let office: Session;

  beforeAll(async () => {
    t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
    org = await seedOrg(t.database);
    ent = await makeEnterprise(t.database, { name: '东村五金厂', regionCode: codes.village1, supervisingUnitId: org.units.market.id });
    office = await loginAs(t.app, 'office');
  });
  afterAll(() => t.close());

  const identity = () => t.services.reportModule.identity;
  async function founded(over: Parameters<typeof makeReport>[2] = {}, set: Partial<typeof reports.$inferInsert> = {}): Promise<ReportRow> {
    const r = await makeReport(t.database.db, identity(), {
      enterprise: ent,
      status: 'founded',
      matter: 'violation',
      acceptedOn: '2026-01-05',
      dueOn: '2026-03-06',
      decidedOn: '2026-02-25',
      reporterName: NAME,
      reporterPhone: PHONE,
      ...over,
    });
    if (Object.keys(set).length) await t.database.db.update(reports).set(set).where(eq(reports.id, r.id));
    return r;
  }
  async function penalty(status: 'filed' | 'decided', amount: number) {
    const [p] = await t.database.db
      .insert(enforcementPenalties)
      .values({
        unitId: org.units.market.id,
        enterpriseId: ent.id,
        regionCode: ent.regionCode,
        status,
        legalBasis: ['aqsf-2021:102'],
        facts: '未消除事故隐患',
        amount,
        filedOn: '2026-02-01',
        decidedOn: status === 'decided' ? '2026-02-20' : null,
        decisionNo: status === 'decided' ? `罚〔2026〕${amount}号` : null,
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      .returning();
    if (!p) throw new Error('no penalty');
    return p;
  }
  const reward = (id: number) => office.request({ method: 'GET', url: `/api/v1/reports/${id}/reward` });
  const post = (id: number, action: string, payload: object, s: Session = office) =>
    s.request({ method: 'POST', url: `/api/v1/reports/${id}/reward${action}`, payload });

  it('proposes 15 % of the linked imposed penalty’s fine, with the rule and figures; approves, tells the reporter, pays', async () => {
    const p = await penalty('decided', 40_000);
    const r = await founded({}, { enforcementPenaltyId: p.id });
    const before = (await reward(r.id)).json();
    expect(before.reward).toBeNull();
    expect(before.proposal).toMatchObject({
      fineSource: 'penalty',
      fineAmount: 40_000,
      penaltyId: p.id,
      eligible: true,
      amount: 6000,
      ineligible: null,
    });
    expect(before.proposal.rule).toBe('罚款 40,000 元 × 15% = 6,000 元');

    // A fine entered by the approver does not override an imposed case's.
    const proposed = await post(r.id, '', { fineAmount: 1_000_000 });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json().reward).toMatchObject({ status: 'proposed', computedAmount: 6000, amount: null, version: 1 });

    const unit = await loginAs(t.app, 'unit');
    expect((await post(r.id, '/approve', { version: 1 }, unit)).statusCode).toBe(403);

    const noNote = await post(r.id, '/approve', { version: 1, amount: 5000 });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().details).toEqual([expect.objectContaining({ path: 'note' })]);
    expect((await post(r.id, '/approve', { version: 9 })).statusCode).toBe(409);

    const approved = await post(r.id, '/approve', { version: 1 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().reward).toMatchObject({
      status: 'approved',
      amount: 6000,
      notifiedOn: '2026-03-02',
      claimDueOn: '2026-05-01',
      version: 2,
    });
    const [notice] = await t.database.rows<{ body: string }>(
      sql`SELECT body FROM report_messages WHERE report_id = ${r.id} AND kind = 'notice'`,
    );
    expect(notice?.body).toContain('您的举报经核查属实，拟奖励 6,000 元，请于 2026-05-01 前凭查询码联系');
    expect(notice?.body).not.toContain(NAME);
    expect(notice?.body).not.toContain(PHONE);

    expect((await post(r.id, '/pay', { version: 2, paidOn: '2026-03-01', paymentRef: 'PZ-1' })).statusCode).toBe(400);
    expect((await post(r.id, '/pay', { version: 2, paidOn: '2026-03-03', paymentRef: 'PZ-1' })).statusCode).toBe(400);
    const missingRef = await post(r.id, '/pay', { version: 2, paidOn: '2026-03-02' });
    expect(missingRef.statusCode).toBe(400);
    expect(missingRef.json().message).toContain('发放凭证号');
    const paid = await post(r.id, '/pay', { version: 2, paidOn: '2026-03-02', paymentRef: 'PZ-2026-001' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().reward).toMatchObject({ status: 'paid', paidOn: '2026-03-02', paymentRef: 'PZ-2026-001' });
    const kinds = await t.database.rows<{ kind: string }>(sql`SELECT kind FROM report_events WHERE report_id = ${r.id} ORDER BY id`);
    expect(kinds.map((k) => k.kind)).toEqual(['rewardProposed', 'rewardApproved', 'rewardPaid']);
    expect(await countRows(t.database, 'audit_events', sql`entity_type = 'reportReward'`)).toBeGreaterThanOrEqual(3);
    expect(paid.body).not.toContain(PHONE);
  });

  it('without an imposed case, takes the fine the approver enters: the minimum applies (3,000) and the cap (300,000)', async () => {
    const filed = await penalty('filed', 50_000);
    const low = await founded({}, { enforcementPenaltyId: filed.id });
    expect((await reward(low.id)).json().proposal).toMatchObject({ fineSource: 'none', fineAmount: null, penaltyId: null });
    const min = await post(low.id, '', { fineAmount: 10_000 });
    expect(min.json().reward).toMatchObject({ computedAmount: 3000 });
    expect(min.json().reward.rule).toBe('罚款 10,000 元 × 15% = 1,500 元，按最低 3,000 元');
    // Re-proposing while still proposed recomputes.
    const again = await post(low.id, '', { fineAmount: 2_000_000 });
    expect(again.json().reward).toMatchObject({ computedAmount: 300_000, version: 2 });

    const high = await founded({ matter: 'majorHazard' });
    const cap = await post(high.id, '', { fineAmount: 3_000_000 });
    expect(cap.json().reward).toMatchObject({ computedAmount: 300_000 });
    expect(cap.json().reward.rule).toContain('超过上限按 300,000 元');
    const bad = await post(high.id, '', { fineAmount: -1 });
    expect(bad.statusCode).toBe(400);
  });

  it('a concealed accident is rewarded per verified death by grade', async () => {
    const r = await founded({ matter: 'concealedAccident' }, { concealedDeaths: 2, accidentGrade: 'larger' });
    const res = await post(r.id, '', {});
    expect(res.json().reward).toMatchObject({ computedAmount: 80_000 });
  });

  it('refuses a merged report, an anonymous one while real names are required, and an unfounded one, with the reason', async () => {
    const first = await founded();
    const merged = await founded({ status: 'merged', duplicateOfId: first.id });
    const res = await post(merged.id, '', { fineAmount: 40_000 });
    expect(res.statusCode).toBe(400);
    expect((await reward(merged.id)).json().proposal.ineligible).toBe('举报经核查属实后才能奖励');
    const linked = await founded({ duplicateOfId: first.id });
    const second = await post(linked.id, '', { fineAmount: 40_000 });
    expect(second.statusCode).toBe(400);
    expect(second.json().message).toContain('只奖励最先举报的有效举报人');

    const anonymous = await makeReport(t.database.db, identity(), { enterprise: ent, status: 'founded', matter: 'violation' });
    const anon = await post(anonymous.id, '', { fineAmount: 40_000 });
    expect(anon.statusCode).toBe(400);
    expect(anon.json().message).toContain('匿名举报');

    const unfounded = await founded({ status: 'unfounded' });
    expect((await post(unfounded.id, '', { fineAmount: 40_000 })).json().message).toContain('属实后');
    expect(
      await countRows(t.database, 'report_rewards', sql`report_id IN (${merged.id}, ${linked.id}, ${anonymous.id}, ${unfounded.id})`),
    ).toBe(0);
  });

  it('declines with a reason; a declined reward is not proposed again', async () => {
    const r = await founded();
    await post(r.id, '', { fineAmount: 40_000 });
    const noReason = await post(r.id, '/decline', { version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('理由');
    const declined = await post(r.id, '/decline', { version: 1, reason: '举报人系该企业安全管理人员，负有法定职责' });
    expect(declined.json().reward).toMatchObject({ status: 'declined', decisionNote: '举报人系该企业安全管理人员，负有法定职责' });
    expect((await post(r.id, '', { fineAmount: 40_000 })).statusCode).toBe(409);
    expect((await post(r.id, '/pay', { version: 2, paidOn: '2026-03-02', paymentRef: 'x' })).statusCode).toBe(400);
  });

  it('the 奖励台账 lists the rewards of the caller’s scope with totals; another township sees none', async () => {
    const all = (await office.request({ method: 'GET', url: '/api/v1/report-rewards?year=2026' })).json();
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(all.totals.paid).toBe(6000);
    expect(all.items[0]).toMatchObject({ enterpriseName: '东村五金厂', regionName: '东村' });
    const paid = (await office.request({ method: 'GET', url: '/api/v1/report-rewards?status=paid' })).json();
    expect(paid.items.map((i: { status: string }) => i.status)).toEqual(['paid']);
    expect((await office.request({ method: 'GET', url: '/api/v1/report-rewards?year=2025' })).json().total).toBe(0);
    const bad = await office.request({ method: 'GET', url: '/api/v1/report-rewards?regionCode=12' });
    expect(bad.statusCode).toBe(400);
    const other = await loginAs(t.app, 'admin');
    expect((await other.request({ method: 'GET', url: '/api/v1/report-rewards' })).json().total).toBe(all.total);
    const neighbour = await login(t.app, 'otheroffice');
    expect((await neighbour.request({ method: 'GET', url: '/api/v1/report-rewards' })).json()).toMatchObject({ total: 0, items: [] });
    expect((await neighbour.request({ method: 'GET', url: `/api/v1/reports/${all.items[0].reportId}/reward` })).statusCode).toBe(404);
  });

  it('the 待办: the office sees rewards to approve and to pay, and reports to accept; a unit its reports due soon', async () => {
    const toAccept = await makeReport(t.database.db, identity(), { enterprise: ent, receivedAt: new Date('2026-02-20T02:00:00Z') });
    const due = await makeReport(t.database.db, identity(), {
      enterprise: ent,
      status: 'verifying',
      acceptedOn: '2026-01-05',
      dueOn: '2026-03-06',
    });
    const todos = (await office.request({ method: 'GET', url: '/api/v1/todos?box=mine&todoKind=report.reward' })).json();
    expect(todos.items.length).toBeGreaterThanOrEqual(2);
    expect(todos.items.every((i: { kind: string; title: string }) => i.kind === 'report.reward' && !i.title.includes(NAME))).toBe(true);
    const accept = (await office.request({ method: 'GET', url: '/api/v1/todos?box=mine&todoKind=report.accept' })).json();
    expect(accept.items).toEqual([expect.objectContaining({ entityId: toAccept.id, dueOn: '2026-02-25', overdue: true })]);
    const unit = await loginAs(t.app, 'unit');
    const verify = (await unit.request({ method: 'GET', url: '/api/v1/todos?box=mine&todoKind=report.verify' })).json();
    expect(verify.items).toEqual([expect.objectContaining({ entityId: due.id, dueOn: '2026-03-06', overdue: false })]);
  });
});
