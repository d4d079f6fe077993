import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, countRows, loginAs, makeEnterprise, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { makeReport, type ReportRow } from '../../../test/report-kit.ts';
import { runReportSweep } from './report-sweep.ts';

const NAME = '李吹哨';
const PHONE = '13800001111';
const at = (day: string) => new Date(`${day}T01:00:00Z`);

describe('the report sweep: verification reminders and 催办, accept and feedback reminders, rewards lapse — each once', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  let verifying: ReportRow;
  let received: ReportRow;
  let decided: ReportRow;

  beforeAll(async () => {
    t = await startTestApp(at('2026-02-20'));
    org = await seedOrg(t.database);
    const ent = await makeEnterprise(t.database, {
      name: '西村化工厂',
      regionCode: codes.village2,
      supervisingUnitId: org.units.market.id,
    });
    const identity = t.services.reportModule.identity;
    const named = { reporterName: NAME, reporterPhone: PHONE };
    verifying = await makeReport(t.database.db, identity, {
      enterprise: ent,
      status: 'verifying',
      acceptedOn: '2026-01-09',
      dueOn: '2026-03-10',
      ...named,
    });
    received = await makeReport(t.database.db, identity, {
      enterprise: ent,
      status: 'received',
      receivedAt: new Date('2026-02-25T02:00:00Z'),
      ...named,
    });
    decided = await makeReport(t.database.db, identity, {
      enterprise: ent,
      status: 'unfounded',
      acceptedOn: '2026-01-05',
      decidedOn: '2026-02-25',
      ...named,
    });
  });
  afterAll(() => t.close());

  const alerts = (r: ReportRow) =>
    t.database.rows<{ kind: string }>(sql`SELECT kind FROM report_alerts WHERE report_id = ${r.id} ORDER BY id`);
  const recipients = (kind: string) =>
    t.database.rows<{ user_id: number }>(sql`SELECT user_id FROM notifications WHERE kind = ${kind} ORDER BY user_id`);

  it('before any clock runs out nothing is due', async () => {
    const r = await runReportSweep(t.database.db, at('2026-02-27'));
    expect(r).toEqual({
      skipped: false,
      created: {
        verifyReminders: 0,
        verifyOverdue: 0,
        acceptReminders: 0,
        feedbackReminders: 0,
        rewardsLapsed: 0,
        notifications: 0,
        throttlePurged: 0,
      },
    });
  });

  it('reminds the assigned unit 10 days before the deadline, once', async () => {
    const first = await runReportSweep(t.database.db, at('2026-02-28'));
    expect(first.created).toMatchObject({ verifyReminders: 1, verifyOverdue: 0, acceptReminders: 0, feedbackReminders: 0 });
    expect((await recipients('report.verifyDueSoon')).map((r) => Number(r.user_id))).toEqual([org.users.unitStaff.id]);
    expect((await runReportSweep(t.database.db, at('2026-02-28'))).created.verifyReminders).toBe(0);
    expect((await runReportSweep(t.database.db, at('2026-03-02'))).created.verifyReminders).toBe(0);
    expect(await alerts(verifying)).toEqual([{ kind: 'verifyDueSoon' }]);
  });

  it('tells the office of a report not accepted within 5 days and of an outcome not fed back within 10, once each', async () => {
    expect((await runReportSweep(t.database.db, at('2026-03-02'))).created).toMatchObject({ acceptReminders: 0, feedbackReminders: 0 });
    const accept = await runReportSweep(t.database.db, at('2026-03-03'));
    expect(accept.created).toMatchObject({ acceptReminders: 1, feedbackReminders: 0, notifications: 1 });
    expect((await runReportSweep(t.database.db, at('2026-03-07'))).created).toMatchObject({ acceptReminders: 0, feedbackReminders: 0 });
    const feedback = await runReportSweep(t.database.db, at('2026-03-08'));
    expect(feedback.created).toMatchObject({ acceptReminders: 0, feedbackReminders: 1, notifications: 1 });
    expect((await recipients('report.acceptLate')).map((x) => Number(x.user_id))).toEqual([org.users.office.id]);
    expect((await recipients('report.feedbackLate')).map((x) => Number(x.user_id))).toEqual([org.users.office.id]);
    expect((await runReportSweep(t.database.db, at('2026-03-09'))).created).toMatchObject({ acceptReminders: 0, feedbackReminders: 0 });
    expect(await alerts(received)).toEqual([{ kind: 'acceptLate' }]);
    expect(await alerts(decided)).toEqual([{ kind: 'feedbackLate' }]);
  });

  it('marks the verification overdue the day after the deadline and 催办 the unit and the office, once', async () => {
    expect((await runReportSweep(t.database.db, at('2026-03-10'))).created.verifyOverdue).toBe(0);
    const r = await runReportSweep(t.database.db, at('2026-03-11'));
    expect(r.created).toMatchObject({ verifyOverdue: 1, notifications: 2 });
    expect((await recipients('report.verifyOverdue')).map((x) => Number(x.user_id)).sort()).toEqual(
      [org.users.unitStaff.id, org.users.office.id].sort(),
    );
    expect((await runReportSweep(t.database.db, at('2026-03-12'))).created.verifyOverdue).toBe(0);
    const events = await t.database.rows<{ kind: string }>(
      sql`SELECT kind FROM report_events WHERE report_id = ${verifying.id} ORDER BY id`,
    );
    expect(events.map((e) => e.kind)).toEqual(['reminded', 'overdue']);
  });

  it('an approved reward lapses after its claim window (waived, the reporter told); it can no longer be paid', async () => {
    t.clock.set(at('2026-03-02'));
    const office = await loginAs(t.app, 'office');
    const founded = await makeReport(t.database.db, t.services.reportModule.identity, {
      regionCode: codes.village1,
      status: 'founded',
      matter: 'majorHazard',
      decidedOn: '2026-03-01',
      reporterPhone: PHONE,
    });
    t.clock.set(at('2026-03-02'));
    expect(
      (await office.request({ method: 'POST', url: `/api/v1/reports/${founded.id}/reward`, payload: { fineAmount: 100_000 } })).statusCode,
    ).toBe(200);
    const approved = await office.request({ method: 'POST', url: `/api/v1/reports/${founded.id}/reward/approve`, payload: { version: 1 } });
    expect(approved.json().reward).toMatchObject({ amount: 15_000, claimDueOn: '2026-05-01' });

    expect((await runReportSweep(t.database.db, at('2026-05-01'))).created.rewardsLapsed).toBe(0);
    expect((await runReportSweep(t.database.db, at('2026-05-02'))).created.rewardsLapsed).toBe(1);
    expect((await runReportSweep(t.database.db, at('2026-05-03'))).created.rewardsLapsed).toBe(0);
    t.clock.set(at('2026-05-02'));
    const late = await loginAs(t.app, 'office');
    const after = (await late.request({ method: 'GET', url: `/api/v1/reports/${founded.id}/reward` })).json();
    expect(after.reward).toMatchObject({ status: 'waived', version: 3 });
    const pay = await late.request({
      method: 'POST',
      url: `/api/v1/reports/${founded.id}/reward/pay`,
      payload: { version: 3, paidOn: '2026-05-01', paymentRef: 'PZ-9' },
    });
    expect(pay.statusCode).toBe(400);
    const notices = await t.database.rows<{ body: string }>(
      sql`SELECT body FROM report_messages WHERE report_id = ${founded.id} ORDER BY id`,
    );
    expect(notices.at(-1)?.body).toBe('您的举报奖励（15000.00 元）领取期限已于 2026-05-01 届满，逾期未领取，视为放弃。');
    const kinds = await t.database.rows<{ kind: string }>(sql`SELECT kind FROM report_events WHERE report_id = ${founded.id} ORDER BY id`);
    expect(kinds.map((k) => k.kind)).toContain('rewardWaived');
  });

  it('no notification carries the reporter’s name or phone', async () => {
    // 1 reminder, 1 accept, 2 feedback (the rewarded report was never fed back either), 2 overdue.
    expect(await countRows(t.database, 'notifications', sql`kind LIKE 'report.%'`)).toBe(6);
    expect(
      await countRows(t.database, 'notifications', sql`body LIKE ${`%${PHONE}%`} OR body LIKE ${`%${NAME}%`} OR title LIKE ${`%${NAME}%`}`),
    ).toBe(0);
  });
});
