import type { PlanDispatch, PlanDispatchItem, PlanDispatchSaved } from '@anzhi/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureObjectType, makeCampaign, makeCampaignCheck, makeLedgerObject, makePlanTask } from '../../../test/campaign-kit.ts';
import { codes, login, makeEnterprise, makeHazard, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { planReports } from '../plans/plan.table.ts';
import { campaigns } from './campaign.table.ts';

/**
 * Issue 17: "the linked task's dispatch is prefilled with the campaign figure" — the clerk never retypes them. The
 * campaign's figures replace last month's same-metric figures, the others stay; confirming the card stores them.
 */
let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let market: Session;
let taskId: number;
let otherTaskId: number;
let campaignId: number;
const put = (s: Session, payload: object) => s.request({ method: 'PUT', url: '/api/v1/plan-dispatch', payload });
const card = (d: PlanDispatch, id: number) => d.items.find((i) => i.taskId === id) as PlanDispatchItem;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-20T02:00:00Z'));
  org = await seedOrg(t.database);
  const db = t.database.db;
  const targets = [{ raw: '完成1栋经营性自建房整治销号', metric: '经营性自建房整治销号', value: 1, unit: '栋', year: 2026 }];
  const task = await makePlanTask(db, {
    regionCode: codes.town,
    createdBy: org.users.office.id,
    targets,
    leadUnitIds: [org.units.market.id],
  });
  taskId = task.task.id;
  otherTaskId = (
    await makePlanTask(db, {
      regionCode: codes.town,
      createdBy: org.users.office.id,
      leadUnitIds: [org.units.market.id],
      planId: task.planId,
    })
  ).task.id;
  market = await login(t.app, 'unitstaff');
  // March, before the campaign: the unit reported by hand.
  const march = await put(market, {
    period: '2026-03',
    reports: [
      {
        taskId,
        status: 'inProgress',
        summary: '开展自建房排查',
        figures: [
          { metric: '发现问题隐患', value: 99, unit: '项' },
          { metric: '召开部署会议', value: 2, unit: '次' },
        ],
      },
    ],
  });
  expect(march.statusCode, march.body).toBe(200);

  const type = await ensureObjectType(db, 'selfBuiltHouse');
  const created = new Date('2026-01-05T01:00:00Z');
  const a = await makeLedgerObject(db, { typeId: type.id, regionCode: codes.village1, name: '一号楼', createdAt: created });
  await makeLedgerObject(db, { typeId: type.id, regionCode: codes.village2, name: '二号楼', createdAt: created });
  const { campaign, rounds } = await makeCampaign(db, {
    regionCode: codes.town,
    title: '经营性自建房专项整治',
    scope: { kind: 'ledger', typeId: type.id, villageCodes: [] },
    planTaskId: taskId,
    rounds: [{ startsOn: '2026-04-01', dueOn: '2026-04-30', status: 'open' }],
  });
  campaignId = campaign.id;
  await db.update(campaigns).set({ planTargetMetric: '经营性自建房整治销号' }).where(eq(campaigns.id, campaign.id));
  const anchor = await makeEnterprise(t.database, { name: '挂靠企业', regionCode: codes.village1 });
  const closed = await makeHazard(t.database, { enterprise: anchor, foundBy: org.users.village.id, status: 'closed', enterpriseId: null });
  await makeCampaignCheck(db, {
    campaignId,
    roundId: rounds[0]?.id as number,
    target: { objectId: a.id },
    regionCode: codes.village1,
    checkedBy: org.users.village.id,
    hazardIds: [closed.id],
  });
  t.clock.set(new Date('2026-04-20T02:00:00Z'));
  market = await login(t.app, 'unitstaff');
});
afterAll(() => t.close());

describe('the plan dispatch of a task linked to a campaign', () => {
  let april: PlanDispatch;

  it('prefills the card with the campaign figures, replacing last month’s same metric and keeping the others', async () => {
    const res = await market.get('/api/v1/plan-dispatch?period=2026-04');
    expect(res.statusCode, res.body).toBe(200);
    april = res.json();
    const item = card(april, taskId);
    expect(item.campaigns).toEqual([{ id: campaignId, title: '经营性自建房专项整治', asOf: '2026-04-20' }]);
    expect(item.prefill.fromPeriod).toBe('2026-03');
    expect(item.prefill.figures).toEqual([
      { metric: '经营性自建房第1轮应检查', value: 2, unit: '栋' },
      { metric: '经营性自建房第1轮已检查', value: 1, unit: '栋' },
      { metric: '发现问题隐患', value: 1, unit: '项' },
      { metric: '问题隐患已整改销号', value: 1, unit: '项' },
      { metric: '经营性自建房整治销号', value: 1, unit: '栋' },
      { metric: '召开部署会议', value: 2, unit: '次' },
    ]);
    // A task without a campaign keeps last month's (here: nothing) and names none.
    expect(card(april, otherTaskId).campaigns).toBeUndefined();
  });

  it('confirming the card as prefilled stores the campaign figures in the report; the saved card stands as saved', async () => {
    const item = card(april, taskId);
    const untouched = await put(market, {
      period: '2026-04',
      reports: [
        {
          taskId,
          status: item.prefill.status,
          summary: item.prefill.summary,
          problems: item.prefill.problems,
          figures: item.prefill.figures,
        },
      ],
    });
    expect(untouched.statusCode, untouched.body).toBe(200);
    expect((untouched.json() as PlanDispatchSaved).untouched.map((u) => u.taskId)).toEqual([taskId]);

    const res = await put(market, {
      period: '2026-04',
      reports: [
        {
          taskId,
          status: item.prefill.status,
          summary: item.prefill.summary,
          problems: item.prefill.problems,
          figures: item.prefill.figures,
          noChange: true,
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const [stored] = await t.database.db
      .select()
      .from(planReports)
      .where(and(eq(planReports.taskId, taskId), eq(planReports.period, '2026-04')));
    expect(stored?.filing).toBe('noChange');
    expect(stored?.figures).toEqual(item.prefill.figures);
    const after = card(res.json() as PlanDispatchSaved, taskId);
    expect(after.report).not.toBeNull();
    expect(after.campaigns).toBeUndefined();
    expect(after.prefill.figures).toEqual(item.prefill.figures);
  });
});
