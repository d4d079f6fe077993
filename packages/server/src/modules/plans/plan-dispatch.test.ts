import fs from 'node:fs';
import path from 'node:path';
import {
  colourOf,
  type PlanDispatch,
  type PlanDispatchItem,
  type PlanDispatchSaved,
  type PlanDraft,
  type PlanProgress,
  type PlanRankings,
} from '@anzhi/core';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codes,
  countRows,
  login,
  makeUser,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
  uploadFile,
} from '../../../test/factories.ts';
import { publishedSeed003 } from '../../../test/plan-kit.ts';
import { planReports } from './plan.table.ts';
import { listDueDispatchCards } from './plan-due.ts';
import { runPlanSweep } from './plan-sweep.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let office: Session;
let market: Session;
let emergency: Session;
let otherOffice: Session;
let plan: PlanDraft;

const photo = fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/files/phone-rotated.jpg'));
const users = ['office', 'unitstaff', 'yingji', 'otheroffice'];
/** Moves the clock; sessions do not survive weeks, so everyone signs in again. */
async function at(iso: string) {
  t.clock.set(new Date(`${iso}T01:00:00Z`));
  [office, market, emergency, otherOffice] = await Promise.all(users.map((u) => login(t.app, u)));
}
const put = (s: Session, payload: unknown) => s.request({ method: 'PUT', url: '/api/v1/plan-dispatch', payload: payload as object });
const dispatchOf = async (s: Session, query = '') => (await s.get(`/api/v1/plan-dispatch${query}`)).json() as PlanDispatch;
/** A card sent back exactly as the page prefilled it (全部保存 without touching it). */
const asPrefilled = (i: PlanDispatchItem, extra: object = {}) => ({
  taskId: i.taskId,
  status: i.prefill.status,
  summary: i.prefill.summary,
  problems: i.prefill.problems,
  figures: i.prefill.figures,
  fileIds: i.prefill.fileIds,
  version: i.report?.version,
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp(new Date('2026-01-05T01:00:00Z'));
  org = await seedOrg(t.database);
  const _now = new Date('2026-01-01T00:00:00Z');
  await makeUser(t.database, {
    username: 'yingji',
    displayName: '应急办',
    roles: ['unit'],
    regionCodes: [codes.town],
    unitId: org.units.emergency.id,
  });
  [office, market, emergency, otherOffice] = await Promise.all(users.map((u) => login(t.app, u)));
  plan = await publishedSeed003(office);
});
afterAll(() => t.close());

describe('the monthly dispatch', () => {
  let january: PlanDispatch;

  it('lists the open tasks of the unit and saves all its reports in one transaction', async () => {
    await at('2026-01-20');
    const empty = await dispatchOf(market);
    expect(empty).toMatchObject({ period: '2026-01', dueDate: '2026-01-25', remindFrom: '2026-01-22', window: 'upcoming', reported: 0 });
    expect(empty.assignee).toEqual({ unitId: org.units.market.id, villageCode: null, name: '示例镇市场监管所' });
    expect(empty.items.length).toBeGreaterThan(0);
    expect(empty.items.every((i) => i.report === null && i.prefill.status === 'notStarted' && i.prefill.fromPeriod === null)).toBe(true);

    // One task that is not the unit's spoils the batch: nothing is saved.
    const progress = (await office.get(`/api/v1/plans/${plan.plan.id}`)).json() as PlanProgress;
    const notMine = progress.nodes.find((n) => n.kind === 'task' && !n.leads.concat(n.cos).some((a) => a.unitId === org.units.market.id));
    const bad = await put(market, {
      period: '2026-01',
      reports: [
        { taskId: empty.items[0]?.taskId, status: 'inProgress', summary: '已排查商超 12 家' },
        { taskId: notMine?.id, status: 'inProgress', summary: '越权填报' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('plan.task_not_assigned');
    expect((await dispatchOf(market)).reported).toBe(0);

    const evidence = await uploadFile(market, photo);
    const res = await put(market, {
      period: '2026-01',
      reports: empty.items.map((i, n) => ({
        taskId: i.taskId,
        status: 'inProgress',
        summary: `第 ${n + 1} 项已部署，排查商超 12 家`,
        problems: n === 0 ? '部分经营户安全意识薄弱' : '',
        figures: [{ metric: '排查单位', value: 12, unit: '家' }],
        fileIds: n === 0 ? [evidence] : [],
      })),
    });
    expect(res.statusCode, res.body).toBe(200);
    january = res.json();
    expect(january.reported).toBe(empty.items.length);
    expect(january.items[0]?.report).toMatchObject({ status: 'inProgress', late: false, version: 1, files: [{ id: evidence }] });
    // The evidence is the township's to see, not the neighbour's.
    expect((await office.get(`/api/v1/files/${evidence}`)).statusCode).toBe(200);
    expect((await otherOffice.get(`/api/v1/files/${evidence}`)).statusCode).toBe(404);
  });

  it('prefills next month from last month, marks a report after the 25th late, and refuses a stale version', async () => {
    await at('2026-02-27');
    const feb = await dispatchOf(market);
    expect(feb).toMatchObject({ period: '2026-02', window: 'overdue', reported: 0 });
    expect(feb.items[0]?.prefill).toMatchObject({
      status: 'inProgress',
      fromPeriod: '2026-01',
      fileIds: [],
      summary: expect.stringContaining('已部署'),
    });
    const [first, ...rest] = feb.items;
    const saved = await put(market, {
      period: '2026-02',
      reports: [
        { taskId: first?.taskId, status: 'done', summary: '专项行动完成' },
        ...rest.map((i) => ({ taskId: i.taskId, status: 'lagging', summary: '进度滞后', problems: '人手不足' })),
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const report = (saved.json() as PlanDispatch).items[0]?.report;
    expect(report).toMatchObject({ status: 'done', late: true, version: 1 });
    const stale = await put(market, {
      period: '2026-02',
      reports: [{ taskId: first?.taskId, status: 'done', summary: '再次修改', version: 7 }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('plan.report_stale');
    const fixed = await put(market, {
      period: '2026-02',
      reports: [{ taskId: first?.taskId, status: 'done', summary: '专项行动完成，已总结', version: 1 }],
    });
    expect(fixed.statusCode).toBe(200);
    expect((fixed.json() as PlanDispatch).items[0]?.report).toMatchObject({ version: 2, late: true, summary: '专项行动完成，已总结' });

    // The ledger shows the latest report per unit; a task done is no longer asked for next month.
    const ledger = (await office.get(`/api/v1/plans/${plan.plan.id}`)).json() as PlanProgress;
    const node = ledger.nodes.find((n) => n.id === first?.taskId);
    expect(node?.reports.find((r) => r.unitId === org.units.market.id)).toMatchObject({ period: '2026-02', status: 'done' });
    await at('2026-03-10');
    const march = await dispatchOf(market);
    expect(march.items.map((i) => i.taskId)).not.toContain(first?.taskId);
    expect(march.items.length).toBe(rest.length);
    expect(
      (await put(market, { period: '2026-04', reports: [{ taskId: rest[0]?.taskId, status: 'inProgress', summary: '提前' }] })).statusCode,
    ).toBe(400);
  });

  it('lets a unit fill in only for itself, and the office for a unit or a village', async () => {
    expect((await market.get(`/api/v1/plan-dispatch?unitId=${org.units.emergency.id}`)).statusCode).toBe(403);
    expect((await office.get('/api/v1/plan-dispatch')).statusCode).toBe(400);
    const badMonth = await put(market, { period: '2026-13', reports: [{ taskId: 1, status: 'finished' }] });
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.json().details.map((d: { message: string }) => d.message)).toEqual([
      '月份：应为 YYYY-MM，如 2026-07',
      expect.stringMatching(/^状态：应为 notStarted（未启动）/),
    ]);
    const village = await dispatchOf(office, `?villageCode=${codes.village1}`);
    expect(village.assignee).toMatchObject({ villageCode: codes.village1, name: '东村' });
    expect(village.items.length).toBeGreaterThan(0);
    const res = await put(office, {
      period: '2026-03',
      villageCode: codes.village1,
      reports: village.items.map((i) => ({ taskId: i.taskId, status: 'inProgress', summary: '村内排查完成' })),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await office.get(`/api/v1/plan-dispatch?villageCode=${codes.otherVillage}`)).statusCode).toBe(404);
  });
  it('does not count cards sent untouched (issue 10), and counts a confirmed 本月无新进展 as such', async () => {
    // March: the market office's cards are prefilled from February; 全部保存 without touching them files nothing.
    const march = await dispatchOf(market);
    expect(march.reported).toBe(0);
    const res = await put(market, { period: '2026-03', reports: march.items.map((i) => asPrefilled(i)) });
    expect(res.statusCode, res.body).toBe(200);
    const untouched = res.json() as PlanDispatchSaved;
    expect(untouched.reported).toBe(0);
    expect(untouched.untouched.map((u) => u.taskId)).toEqual(march.items.map((i) => i.taskId));
    expect(await countRows(t.database, 'plan_reports', sql`period = '2026-03' AND unit_id = ${org.units.market.id}`)).toBe(0);

    // One card confirmed 本月无新进展: that one is a report, of its own kind; the rest still are not.
    const [confirmed, ...rest] = march.items;
    const saved = (
      await put(market, {
        period: '2026-03',
        reports: [asPrefilled(confirmed as PlanDispatchItem, { noChange: true }), ...rest.map((i) => asPrefilled(i))],
      })
    ).json() as PlanDispatchSaved;
    expect(saved).toMatchObject({ reported: 1, untouched: rest.map((i) => expect.objectContaining({ taskId: i.taskId })) });
    expect(saved.items.find((i) => i.taskId === confirmed?.taskId)?.report).toMatchObject({ filing: 'noChange', status: 'lagging' });
    const ledger = (await office.get(`/api/v1/plans/${plan.plan.id}?period=2026-03`)).json() as PlanProgress;
    const node = ledger.nodes.find((n) => n.id === confirmed?.taskId);
    expect(node?.reports.find((r) => r.unitId === org.units.market.id)).toMatchObject({ period: '2026-03', filing: 'noChange' });

    // The emergency office sends its blank cards: nothing is reported.
    const blank = await dispatchOf(emergency);
    const sent = (await put(emergency, { period: '2026-03', reports: blank.items.map((i) => asPrefilled(i)) })).json() as PlanDispatchSaved;
    expect(sent).toMatchObject({ reported: 0 });
    expect(sent.untouched).toHaveLength(blank.items.length);
    // A blank card saved before the rule (kept for history as untouched) counts for nothing either: not on the page,
    // not in the sweep, the 五色图 or the 季通报 (tests below).
    await t.database.db.insert(planReports).values({
      planId: plan.plan.id,
      taskId: blank.items[0]?.taskId as number,
      assigneeKey: `unit:${org.units.emergency.id}`,
      unitId: org.units.emergency.id,
      period: '2026-02',
      status: 'notStarted',
      filing: 'untouched',
      reportedBy: org.users.office.id,
      reportedByName: '应急办',
      reportedAt: new Date('2026-02-20T01:00:00Z'),
    });
    expect((await dispatchOf(emergency, '?period=2026-02')).reported).toBe(0);
  });
});

describe('五色图', () => {
  it('scores every unit and village and bands them by the thresholds', async () => {
    const res = await office.get(`/api/v1/plans/${plan.plan.id}/rankings?period=2026-02`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as PlanRankings;
    const marketRow = r.units.find((u) => u.unitId === org.units.market.id);
    const emergencyRow = r.units.find((u) => u.unitId === org.units.emergency.id);
    expect(marketRow).toMatchObject({ reportsDue: expect.any(Number), done: 1 });
    // The office's own emergency office never reported and its 2024 deadlines passed: red.
    expect(emergencyRow).toMatchObject({ colour: 'red', colourLabel: '红', reportsOnTime: 0 });
    // Its blank February card (saved untouched before issue 10) is not a report on time.
    expect(emergencyRow?.reportsDue).toBeGreaterThan(0);
    expect(marketRow?.score).toBeGreaterThan(emergencyRow?.score as number);
    for (const row of [...r.units, ...r.villages]) expect(row.colour).toBe(colourOf(row.score, r.scoring.thresholds));
    expect(r.units.map((u) => u.rank)).toEqual([...r.units.map((u) => u.rank)].sort((a, b) => a - b));
    // Villages cannot file the dispatch (ADR 0014): 按时报送 does not apply to them. 东村's March progress (the office
    // filled it in) and 西村's silence weigh the same.
    const march = (await office.get(`/api/v1/plans/${plan.plan.id}/rankings`)).json() as PlanRankings;
    expect(march.period).toBe('2026-03');
    const [east, west] = [codes.village1, codes.village2].map((c) => march.villages.find((v) => v.villageCode === c));
    expect(east).toMatchObject({ timelyReportingApplies: false, reportsDue: 0, reportsOnTime: 0 });
    expect(west).toMatchObject({ timelyReportingApplies: false });
    expect(east?.score).toBe(west?.score);
    expect(march.units.every((u) => u.timelyReportingApplies)).toBe(true);
    // A unit sees the same public ranking.
    expect((await market.get(`/api/v1/plans/${plan.plan.id}/rankings?period=2026-02`)).json().units).toEqual(r.units);
  });

  it('takes other weights and thresholds from the plan settings', async () => {
    const summary = (await office.get(`/api/v1/plans/${plan.plan.id}/draft`)).json().plan;
    const bad = await office.patch(`/api/v1/plans/${plan.plan.id}/settings`, {
      version: summary.version,
      scoring: {
        weights: { onTimeCompletion: 0, timelyReporting: 100, noOverdue: 0 },
        thresholds: { green: 50, blue: 60, yellow: 40, orange: 30 },
      },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await office.patch(`/api/v1/plans/${plan.plan.id}/settings`, {
      version: summary.version,
      scoring: {
        weights: { onTimeCompletion: 0, timelyReporting: 100, noOverdue: 0 },
        thresholds: { green: 99, blue: 75, yellow: 50, orange: 25 },
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const r = (await office.get(`/api/v1/plans/${plan.plan.id}/rankings?period=2026-01`)).json() as PlanRankings;
    expect(r.scoring.weights.timelyReporting).toBe(100);
    expect(r.units.find((u) => u.unitId === org.units.market.id)).toMatchObject({ score: 100, colour: 'green' });
    // With 按时报送 the only part weighed, a village has nothing to be measured on: not red for a duty it cannot do.
    const march = (await office.get(`/api/v1/plans/${plan.plan.id}/rankings?period=2026-03`)).json() as PlanRankings;
    expect(march.villages.length).toBeGreaterThan(0);
    expect(march.villages.every((v) => v.score === 100 && v.colour === 'green')).toBe(true);
    expect(march.units.find((u) => u.unitId === org.units.emergency.id)?.colour).toBe('red');
  });
});

describe('the dispatch sweep', () => {
  it('reminds before the report day and marks silent units overdue after it, once', async () => {
    const count = async () => Number((await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM plan_alerts`))[0]?.n);
    const remind = await runPlanSweep(t.database.db, new Date('2026-03-23T01:00:00Z'));
    expect(remind.skipped).toBe(false);
    expect(remind.created.dispatchReminders).toBeGreaterThan(0);
    expect(remind.created.notifications).toBeGreaterThan(0);
    const notices = (await emergency.get('/api/v1/notifications')).json().items;
    expect(notices.some((n: { title: string; body: string }) => n.title === '月调度即将截止' && n.body.includes('2026年3月'))).toBe(true);
    const again = await runPlanSweep(t.database.db, new Date('2026-03-23T05:00:00Z'));
    expect(again.created).toEqual({ dispatchReminders: 0, dispatchOverdue: again.created.dispatchOverdue, notifications: 0 });

    const before = await count();
    const overdue = await runPlanSweep(t.database.db, new Date('2026-03-27T01:00:00Z'));
    expect(overdue.created.dispatchOverdue).toBeGreaterThan(0);
    expect(await count()).toBe(before + overdue.created.dispatchOverdue);
    expect((await runPlanSweep(t.database.db, new Date('2026-03-28T01:00:00Z'))).created).toEqual({
      dispatchReminders: 0,
      dispatchOverdue: 0,
      notifications: 0,
    });
    // The market office reported February: no overdue mark for it that month.
    const marks = await t.database.rows<{ key: string }>(
      sql`SELECT assignee_key AS key FROM plan_alerts WHERE kind = 'dispatchOverdue' AND period = '2026-02'`,
    );
    expect(marks.map((m) => m.key)).toContain(`unit:${org.units.emergency.id}`);
    expect(marks.map((m) => m.key)).not.toContain(`unit:${org.units.market.id}`);
  });
});

describe('一键催报 and the cards still due', () => {
  it('lists the cards a unit still owes this month, by the same rule as the page', async () => {
    await at('2026-03-24');
    const units = [org.units.market.id, org.units.emergency.id];
    const cards = await listDueDispatchCards(t.database.db, { kind: 'all' }, { unitIds: units, asOf: '2026-03-24' });
    const ofMarket = cards.filter((c) => c.unitId === org.units.market.id);
    const ofEmergency = cards.filter((c) => c.unitId === org.units.emergency.id);
    // The market office confirmed one card (本月无新进展) and sent the rest untouched: those are still due.
    const page = await dispatchOf(market);
    expect(page.period).toBe('2026-03');
    expect(ofMarket.map((c) => c.taskId).sort()).toEqual(
      page.items
        .filter((i) => !i.report)
        .map((i) => i.taskId)
        .sort(),
    );
    expect(page.items.filter((i) => i.report?.filing === 'noChange')).toHaveLength(1);
    expect(ofEmergency.length).toBe((await dispatchOf(emergency)).items.length);
    expect(cards[0]).toMatchObject({ planId: plan.plan.id, planName: plan.plan.title, period: '2026-03', dueOn: '2026-03-25' });
    // Data-scoped: the neighbouring township's office sees none of this plan's cards.
    const other = await listDueDispatchCards(
      t.database.db,
      { kind: 'regions', regionCodes: [codes.otherTown] },
      { unitIds: units, asOf: '2026-03-24' },
    );
    expect(other).toEqual([]);
  });

  it('reminds every unit that has not reported, once a day, office only', async () => {
    await at('2026-03-24');
    expect((await market.post(`/api/v1/plans/${plan.plan.id}/remind`, {})).statusCode).toBe(403);
    expect((await otherOffice.post(`/api/v1/plans/${plan.plan.id}/remind`, {})).statusCode).toBe(404);
    const res = await office.post(`/api/v1/plans/${plan.plan.id}/remind`, {});
    expect(res.statusCode, res.body).toBe(200);
    const owing = new Set(
      (
        await listDueDispatchCards(
          t.database.db,
          { kind: 'all' },
          { unitIds: [org.units.market.id, org.units.emergency.id], asOf: '2026-03-24' },
        )
      ).map((c) => c.unitId),
    );
    // The market office's one March card is confirmed 本月无新进展: it owes nothing and is not reminded; the
    // emergency office sent only untouched cards: it is.
    expect([...owing]).toEqual([org.units.emergency.id]);
    expect(res.json()).toEqual({ count: 1 });
    const marketNotices = (await market.get('/api/v1/notifications')).json().items as Array<{ title: string }>;
    expect(marketNotices.some((n) => n.title === '催报：月调度尚未报送')).toBe(false);
    const notices = (await emergency.get('/api/v1/notifications')).json().items as Array<{ title: string; body: string }>;
    expect(notices.filter((n) => n.title === '催报：月调度尚未报送')).toHaveLength(1);
    expect(notices.find((n) => n.title === '催报：月调度尚未报送')?.body).toMatch(/2026年3月调度尚有 \d+ 项任务未报送进展/);
    // A second click the same day sends nothing more.
    expect((await office.post(`/api/v1/plans/${plan.plan.id}/remind`, {})).json()).toEqual({ count: 0 });
    expect(await countRows(t.database, 'notifications', sql`kind = 'plan.remind'`)).toBe(1);
  });
});

describe('generated documents', () => {
  it('exports the 挂图作战 table as a real .xlsx', async () => {
    const res = await office.get(`/api/v1/plans/${plan.plan.id}/wall-table.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    // Named after the plan, not its id (issue 10), UTF-8 encoded with an ASCII fallback.
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${plan.plan.title}-挂图作战表.xlsx`)}`);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('挂图作战');
    expect(String(ws?.getCell('A1').value)).toContain('“挂图作战”责任表');
    expect([ws?.getCell('A2').value, ws?.getCell('B2').value, ws?.getCell('B3').value, ws?.getCell('C3').value]).toEqual([
      '序号',
      '重点任务',
      '一级指标',
      '二级指标',
    ]);
    let found = false;
    ws?.eachRow((row) => {
      if (String(row.getCell(3).value).includes('健全重大事故隐患数据库')) {
        found = true;
        expect(String(row.getCell(2).value)).toContain('开展重大事故隐患动态清零行动');
        expect(String(row.getCell(5).value)).toContain('牵头：示例镇应急管理办公室');
        expect(String(row.getCell(8).value)).toContain('2024年底前');
      }
    });
    expect(found).toBe(true);
    // A unit's table holds only its own tasks.
    const mine = await market.get(`/api/v1/plans/${plan.plan.id}/wall-table.xlsx`);
    const own = new ExcelJS.Workbook();
    await own.xlsx.load(mine.rawPayload as unknown as ArrayBuffer);
    expect(own.getWorksheet('挂图作战')?.rowCount).toBeLessThan(ws?.rowCount as number);
  });

  it('generates the quarterly bulletin as a real .docx from the data', async () => {
    const res = await office.get(`/api/v1/plans/${plan.plan.id}/bulletin.docx?quarter=2026Q1`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1] ?? '')).toBe(
      `${plan.plan.title}-2026年第1季度通报.docx`,
    );
    const xml = Buffer.from(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml'] as Uint8Array).toString('utf8');
    for (const text of ['2026年第1季度推进情况的通报', '一、总体进展', '示例镇市场监管所', '五色图排名', '人手不足', '红色单位']) {
      expect(xml, text).toContain(text);
    }
    // 收到报送 counts what units filled in or confirmed, never the blank cards (issue 10).
    const counted = await countRows(t.database, 'plan_reports', sql`plan_id = ${plan.plan.id} AND filing IN ('filed', 'noChange')`);
    const all = await countRows(t.database, 'plan_reports', sql`plan_id = ${plan.plan.id}`);
    expect(all).toBe(counted + 1);
    expect(xml).toContain(`本季度共收到月调度报送 ${counted} 条（其中确认本月无新进展 1 条）`);
    expect((await office.get(`/api/v1/plans/${plan.plan.id}/bulletin.docx?quarter=2027Q1`)).statusCode).toBe(400);
    expect((await office.get(`/api/v1/plans/${plan.plan.id}/bulletin.docx?quarter=2026Q5`)).statusCode).toBe(400);
  });
});
