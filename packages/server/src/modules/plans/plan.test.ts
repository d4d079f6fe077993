import fs from 'node:fs';
import path from 'node:path';
import type { PlanDraft, PlanProgress, PlanTimeline } from '@anzhi/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, login, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/app.ts';
import { importFile, publishedSeed003, seed003, settleMappings } from '../../../test/plan-kit.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let office: Session;
let market: Session;
let leader: Session;
let village: Session;
let inspector: Session;
let otherOffice: Session;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-01-05T01:00:00Z'));
  org = await seedOrg(t.database);
  [office, market, leader, village, inspector, otherOffice] = await Promise.all(
    ['office', 'unitstaff', 'leader', 'village', 'inspector', 'otheroffice'].map((u) => login(t.app, u)),
  );
});
afterAll(() => t.close());

const count = async (table: string) =>
  Number((await t.database.rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]?.n);
const tasksOf = (p: PlanProgress) => p.nodes.filter((n) => n.kind === 'task');

describe('import seed 003 → draft for review', () => {
  let draft: PlanDraft;

  it('builds the tree, keeps the document fields and text, and suggests units for every printed name', async () => {
    const res = await importFile(office, seed003, '003_曲梁镇三年行动.txt');
    expect(res.statusCode, res.body).toBe(201);
    draft = res.json();
    expect(draft.plan).toMatchObject({
      title: '曲梁镇安全生产治本攻坚三年行动实施方案（2024—2026年）',
      docNumber: '曲政〔2024〕44号',
      periodStart: 2024,
      periodEnd: 2026,
      status: 'draft',
      regionCode: codes.town,
      version: 1,
      settings: { reportDay: 25, reminderDays: 3 },
    });
    expect(draft.rawText).toContain('镇安委办实行月调度、季通报、年总结制度');
    const tasks = draft.nodes.filter((n) => n.kind === 'task');
    expect(tasks.length).toBeGreaterThanOrEqual(30);
    const group = draft.nodes.find((n) => n.kind === 'group' && n.title === '开展重大事故隐患动态清零行动');
    const db = tasks.find((n) => n.title === '健全重大事故隐患数据库');
    expect(db?.parentId).toBe(group?.id);
    expect(db?.deadlines).toEqual([{ raw: '2024年底前', date: '2024-12-31' }]);
    // 应急管理办 is 示例镇应急管理办公室 for sure; 各村 are the villages; 镇安委会有关成员单位 is nobody to track.
    const byName = new Map(draft.mappings.map((m) => [m.name, m]));
    expect(byName.get('应急管理办')).toMatchObject({ unitId: org.units.emergency.id, decided: true, unitName: '示例镇应急管理办公室' });
    expect(byName.get('市场监管所')).toMatchObject({ unitId: org.units.market.id, decided: true });
    expect(byName.get('各村')).toMatchObject({ villages: true, decided: true });
    expect(byName.get('镇安委会有关成员单位')).toMatchObject({ ignored: true, decided: true });
    expect(byName.get('交警三中队')).toMatchObject({ unitId: null, decided: false, suggestions: [] });
    expect(byName.get('应急管理办')?.suggestions[0]).toMatchObject({ unitId: org.units.emergency.id, score: 1 });
    expect(db?.leadUnitIds).toEqual([org.units.emergency.id]);
    expect(draft.problems.some((p) => p.includes('交警三中队'))).toBe(true);
  });

  it('takes pasted text the same way', async () => {
    const res = await office.post('/api/v1/plans/import', { text: seed003.toString('utf8'), fileName: '粘贴.txt' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().plan.sourceFileName).toBe('粘贴.txt');
    expect((await office.request({ method: 'DELETE', url: `/api/v1/plans/${res.json().plan.id}?version=1` })).statusCode).toBe(200);
  });

  it('refuses an empty file, a PDF, an image and a text without tasks with a clear 400, saving nothing', async () => {
    const before = [await count('plans'), await count('plan_tasks'), await count('audit_events')];
    const png = fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/files/screenshot.png'));
    const cases: Array<[Buffer, string, string]> = [
      [Buffer.alloc(0), 'empty.txt', 'plan.file_empty'],
      [Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'scan.pdf', 'plan.pdf_unsupported'],
      [png, 'photo.png', 'plan.image_unsupported'],
      [Buffer.from('会议通知\n请各单位准时参加明天上午的会议，地点在三楼会议室。'), 'note.txt', 'plan.no_structure'],
    ];
    for (const [bytes, name, code] of cases) {
      const res = await importFile(office, bytes, name);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().code, name).toBe(code);
      expect(res.json().message, name).toMatch(/[\u4e00-\u9fa5]/u);
    }
    const missing = await office.post('/api/v1/plans/import', {});
    expect(missing.statusCode).toBe(400);
    expect([await count('plans'), await count('plan_tasks'), await count('audit_events')]).toEqual(before);
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const ok = await office.patch(`/api/v1/plans/${draft.plan.id}/draft`, { version: draft.plan.version, title: '曲梁镇三年行动方案' });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await office.patch(`/api/v1/plans/${draft.plan.id}/draft`, { version: draft.plan.version, title: '另一个标题' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('plan.stale');
    draft = ok.json();
    expect(draft.plan).toMatchObject({ title: '曲梁镇三年行动方案', version: 2 });
  });

  it('refuses to publish while a name is undecided, then publishes after review and tells the units', async () => {
    const early = await office.post(`/api/v1/plans/${draft.plan.id}/publish`, { version: draft.plan.version });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('交警三中队');
    draft = await settleMappings(office, draft, { toOffice: false });
    // Names settled, but tasks whose printed leads are not tracked have no lead unit: refused, naming them (issue 10).
    const unled = draft.nodes.filter((n) => n.kind === 'task' && !n.leadUnitIds.length && !n.leadVillages);
    expect(unled.length).toBeGreaterThan(0);
    expect(draft.problems).toEqual([expect.stringMatching(new RegExp(`^${unled.length} 项任务未指定牵头单位：`))]);
    const refused = await office.post(`/api/v1/plans/${draft.plan.id}/publish`, { version: draft.plan.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain(`${unled.length} 项任务未指定牵头单位：${unled[0]?.ordinal}`);
    // The one click: 未指定的交由安委办牵头 (the unit the office sits in).
    expect(draft.officeUnit).toEqual({ id: org.units.emergency.id, name: '示例镇应急管理办公室' });
    const assigned = await office.patch(`/api/v1/plans/${draft.plan.id}/draft`, { version: draft.plan.version, assignUnledToOffice: true });
    expect(assigned.statusCode, assigned.body).toBe(200);
    draft = assigned.json();
    expect(draft.problems).toEqual([]);
    for (const t of unled) expect(draft.nodes.find((n) => n.id === t.id)?.leadUnitIds).toEqual([org.units.emergency.id]);
    const res = await office.post(`/api/v1/plans/${draft.plan.id}/publish`, { version: draft.plan.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', counts: { tasks: expect.any(Number) } });
    const notices = (await market.get('/api/v1/notifications')).json().items;
    expect(notices.some((n: { title: string; body: string }) => n.title === '新的方案任务' && n.body.includes('牵头'))).toBe(true);
    expect((await office.post(`/api/v1/plans/${draft.plan.id}/publish`, { version: res.json().version })).statusCode).toBe(409);
  });
});

describe('who sees and does what', () => {
  let plan: PlanDraft;
  beforeAll(async () => {
    plan = await publishedSeed003(office);
  });

  it('lets the office see every task and a unit only the tasks it leads or shares', async () => {
    const all = (await office.get(`/api/v1/plans/${plan.plan.id}`)).json() as PlanProgress;
    const mine = (await market.get(`/api/v1/plans/${plan.plan.id}`)).json() as PlanProgress;
    const marketId = org.units.market.id;
    const shares = (n: PlanProgress['nodes'][number]) => [...n.leads, ...n.cos].some((a) => a.unitId === marketId);
    expect(tasksOf(mine).length).toBeGreaterThan(0);
    expect(tasksOf(mine).length).toBe(tasksOf(all).filter(shares).length);
    expect(tasksOf(mine).every(shares)).toBe(true);
    expect(tasksOf(all).length).toBeGreaterThan(tasksOf(mine).length);
    // Headings above its tasks come along; unrelated ones do not.
    expect(mine.nodes.filter((n) => n.kind === 'group').length).toBeLessThan(all.nodes.filter((n) => n.kind === 'group').length);
    expect(mine.plan.counts.tasks).toBe(tasksOf(mine).length);
    // The leader and the inspector read the whole plan; a village cadre the tasks of 各村.
    expect(tasksOf((await leader.get(`/api/v1/plans/${plan.plan.id}`)).json()).length).toBe(tasksOf(all).length);
    expect((await inspector.get(`/api/v1/plans/${plan.plan.id}/timeline`)).statusCode).toBe(200);
    const villageView = (await village.get(`/api/v1/plans/${plan.plan.id}`)).json() as PlanProgress;
    expect(tasksOf(villageView).every((n) => [...n.leads, ...n.cos].some((a) => a.name === '各村（社区）'))).toBe(true);
    expect((await otherOffice.get(`/api/v1/plans/${plan.plan.id}`)).statusCode).toBe(404);
    expect((await otherOffice.get('/api/v1/plans')).json().total).toBe(0);
  });

  it('hides drafts from units and leaders', async () => {
    const res = await importFile(office, seed003, 'draft.txt');
    const id = res.json().plan.id;
    expect((await market.get(`/api/v1/plans/${id}`)).statusCode).toBe(404);
    expect((await leader.get('/api/v1/plans')).json().items.map((p: { id: number }) => p.id)).not.toContain(id);
    expect((await office.get('/api/v1/plans?status=draft')).json().items.map((p: { id: number }) => p.id)).toContain(id);
  });

  it('answers a wrong role with 403', async () => {
    expect((await importFile(market, seed003, 'x.txt')).statusCode).toBe(403);
    expect((await leader.patch(`/api/v1/plans/${plan.plan.id}/draft`, { version: 1, title: 'x' })).statusCode).toBe(403);
    expect((await leader.get('/api/v1/plan-dispatch')).statusCode).toBe(403);
    expect(
      (await village.request({ method: 'PUT', url: '/api/v1/plan-dispatch', payload: { period: '2026-01', reports: [] } })).statusCode,
    ).toBe(403);
    expect((await inspector.post(`/api/v1/plans/${plan.plan.id}/publish`, { version: 1 })).statusCode).toBe(403);
  });

  it('lists the timeline with overdue deadlines first', async () => {
    const items = (await office.get(`/api/v1/plans/${plan.plan.id}/timeline`)).json().items;
    expect(items.length).toBeGreaterThan(0);
    const flags = items.map((i: { overdue: boolean }) => i.overdue);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect(items[0]).toMatchObject({ overdue: true, date: '2024-06-30', status: 'overdue' });
    expect(items[0].daysLeft).toBeLessThan(0);
  });

  it('keeps hand-set units when the mappings change later', async () => {
    const draft = (await office.get(`/api/v1/plans/${plan.plan.id}/draft`)).json() as PlanDraft;
    const task = draft.nodes.find((n) => n.title === '健全重大事故隐患数据库');
    const res = await office.patch(`/api/v1/plans/${plan.plan.id}/draft`, {
      version: draft.plan.version,
      tasks: [{ id: task?.id, leadUnitIds: [org.units.market.id], deadlines: [{ raw: '2026年6月底前', date: '2026-06-30' }] }],
      mappings: [{ name: '应急执法中队', unitId: org.units.emergency.id }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited = (res.json() as PlanDraft).nodes.find((n) => n.id === task?.id);
    expect(edited).toMatchObject({ leadUnitIds: [org.units.market.id], unitsEdited: true, deadlines: [{ date: '2026-06-30' }] });
    const timeline = (await office.get(`/api/v1/plans/${plan.plan.id}/timeline`)).json().items;
    expect(timeline[timeline.length - 1]).toMatchObject({ taskId: task?.id, date: '2026-06-30', overdue: false, daysLeft: 176 });
    const foreign = await office.patch(`/api/v1/plans/${plan.plan.id}/draft`, {
      version: res.json().plan.version,
      tasks: [{ id: task?.id, leadUnitIds: [org.units.otherEmergency.id] }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('不是本镇的成员单位');
  });

  it("edits a task's 频次, 量化目标 and 年度节点 and reads them back", async () => {
    const draft = (await office.get(`/api/v1/plans/${plan.plan.id}/draft`)).json() as PlanDraft;
    const task = draft.nodes.find((n) => n.kind === 'task' && n.title !== '健全重大事故隐患数据库');
    const auditsBefore = await count('audit_events');
    const targets = [
      { raw: '', metric: '隐患整改率', value: 100, unit: '%', op: '>=', year: 2026 },
      { raw: '发生事故不超过1起', metric: '事故', value: 1, unit: '起', op: '<=', year: null },
    ];
    const milestones = [
      { year: 2024, text: '摸清底数' },
      { year: 2025, yearEnd: 2026, text: '巩固提升' },
    ];
    const res = await office.patch(`/api/v1/plans/${plan.plan.id}/draft`, {
      version: draft.plan.version,
      tasks: [{ id: task?.id, recurrence: ['每年', '每月', '每月'], targets, milestones }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as PlanDraft).plan.version).toBe(draft.plan.version + 1);
    expect(await count('audit_events')).toBe(auditsBefore + 1);
    const back = (await office.get(`/api/v1/plans/${plan.plan.id}/draft`)).json() as PlanDraft;
    expect(back.nodes.find((n) => n.id === task?.id)).toMatchObject({
      title: task?.title,
      recurrence: ['每月', '每年'],
      targets: [{ ...targets[0], raw: '隐患整改率100%' }, targets[1]],
      milestones,
    });

    const cleared = await office.patch(`/api/v1/plans/${plan.plan.id}/draft`, {
      version: back.plan.version,
      tasks: [{ id: task?.id, recurrence: [], targets: [], milestones: [] }],
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect((cleared.json() as PlanDraft).nodes.find((n) => n.id === task?.id)).toMatchObject({
      recurrence: [],
      targets: [],
      milestones: [],
    });

    const version = (cleared.json() as PlanDraft).plan.version;
    const bad = await office.patch(`/api/v1/plans/${plan.plan.id}/draft`, {
      version,
      tasks: [{ id: task?.id, recurrence: ['每旬'], milestones: [{ year: 2026, yearEnd: 2025, text: '' }] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('频次应为');
    expect(bad.body).toContain('年度节点');
    const stale = await office.patch(`/api/v1/plans/${plan.plan.id}/draft`, {
      version: back.plan.version,
      tasks: [{ id: task?.id, recurrence: ['每周'] }],
    });
    expect(stale.statusCode).toBe(409);
    const after = (await office.get(`/api/v1/plans/${plan.plan.id}/draft`)).json() as PlanDraft;
    expect(after.plan.version).toBe(version);
    expect(after.nodes.find((n) => n.id === task?.id)?.recurrence).toEqual([]);
  });
});

describe('re-import of a revised plan', () => {
  it('previews the diff without saving, then applies it keeping the tasks that remain', async () => {
    const plan = await publishedSeed003(office);
    const lines = seed003.toString('utf8').split('\n');
    const revised = lines
      .map((l) =>
        l.startsWith('11. 健全重大事故隐患数据库') ? l.replace('11. 健全重大事故隐患数据库', '11. 健全完善重大事故隐患数据库') : l,
      )
      .map((l) => (l.startsWith('35. ') ? '36. 建立安全生产“五色图”评比晾晒机制，每季度通报各单位任务进展。（应急管理办牵头）' : l))
      .join('\n');
    const url = `/api/v1/plans/${plan.plan.id}/reimport`;
    const preview = await importFile(office, Buffer.from(revised), '003-修订.txt', url);
    expect(preview.statusCode, preview.body).toBe(200);
    const diff = preview.json().diff;
    expect(preview.json().applied).toBe(false);
    expect(diff.changed).toEqual([
      expect.objectContaining({ ordinal: '11.', oldTitle: '健全重大事故隐患数据库', fields: expect.arrayContaining(['title']) }),
    ]);
    expect(diff.added.map((c: { ordinal: string }) => c.ordinal)).toEqual(['36.']);
    expect(diff.removed.map((c: { ordinal: string }) => c.ordinal)).toEqual(['35.']);
    const before = (await office.get(`/api/v1/plans/${plan.plan.id}`)).json() as PlanProgress;
    const kept = tasksOf(before).find((n) => n.ordinal === '11.');
    expect(kept?.title).toBe('健全重大事故隐患数据库');

    const stale = await importFile(office, Buffer.from(revised), '003-修订.txt', `${url}?apply=true&version=${plan.plan.version - 1}`);
    expect(stale.statusCode).toBe(409);
    const applied = await importFile(office, Buffer.from(revised), '003-修订.txt', `${url}?apply=true&version=${plan.plan.version}`);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ applied: true, plan: { version: plan.plan.version + 1, sourceFileName: '003-修订.txt' } });
    const after = (await office.get(`/api/v1/plans/${plan.plan.id}`)).json() as PlanProgress;
    expect(tasksOf(after).find((n) => n.id === kept?.id)?.title).toBe('健全完善重大事故隐患数据库');
    expect(tasksOf(after).some((n) => n.ordinal === '35.')).toBe(false);
    expect(
      tasksOf(after)
        .find((n) => n.ordinal === '36.')
        ?.leads.map((a) => a.unitId),
    ).toEqual([org.units.emergency.id]);
    expect(tasksOf(after).length).toBe(tasksOf(before).length);
  });
});

describe("last year's plan (issue 10: 逾期 919 天)", () => {
  it('takes a baseline date and tasks already completed at import: neither is overdue', async () => {
    const imported = await importFile(office, seed003, '003-去年.txt');
    let draft = await settleMappings(office, imported.json() as PlanDraft);
    const dated = draft.nodes.filter((n) => n.kind === 'task' && n.deadlines.some((d) => d.date < '2025-12-31'));
    const [finished, other] = dated;
    expect(other).toBeDefined();
    const future = await office.patch(`/api/v1/plans/${draft.plan.id}/draft`, {
      version: draft.plan.version,
      tasks: [{ id: finished?.id, completedOn: '2027-01-01' }],
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toBe('完成日期不能晚于今天');
    const res = await office.patch(`/api/v1/plans/${draft.plan.id}/draft`, {
      version: draft.plan.version,
      baselineDate: '2026-01-01',
      tasks: [{ id: finished?.id, completedOn: '2024-11-30', completedNote: '2024年已完成，验收材料存档' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    draft = res.json();
    expect(draft.plan.baselineDate).toBe('2026-01-01');
    expect(draft.nodes.find((n) => n.id === finished?.id)).toMatchObject({
      completedOn: '2024-11-30',
      completedNote: '2024年已完成，验收材料存档',
    });
    expect((await office.post(`/api/v1/plans/${draft.plan.id}/publish`, { version: draft.plan.version })).statusCode).toBe(200);

    const progress = (await office.get(`/api/v1/plans/${draft.plan.id}`)).json() as PlanProgress;
    const byId = new Map(tasksOf(progress).map((n) => [n.id, n]));
    expect(byId.get(finished?.id as number)).toMatchObject({ status: 'done', completedOn: '2024-11-30' });
    // 2024/2025 deadlines lie before the baseline: history, not overdue.
    const onlyOld = tasksOf(progress).filter((n) => n.deadlines.length && n.deadlines.every((d) => d.date < '2026-01-01'));
    expect(onlyOld.length).toBeGreaterThan(0);
    expect(onlyOld.every((n) => n.status !== 'overdue')).toBe(true);
    const timeline = (await office.get(`/api/v1/plans/${draft.plan.id}/timeline`)).json() as PlanTimeline;
    const old = timeline.items.filter((i) => i.date < '2026-01-01');
    expect(old.length).toBeGreaterThan(0);
    expect(old.every((i) => i.beforeBaseline && !i.overdue)).toBe(true);
    // A completed task is not asked for in its lead unit's monthly dispatch; the other tasks of that unit are.
    const lead = draft.nodes.find((n) => n.id === finished?.id)?.leadUnitIds[0];
    const dispatch = (await office.get(`/api/v1/plan-dispatch?unitId=${lead}`)).json() as {
      items: Array<{ planId: number; taskId: number }>;
    };
    const ofPlan = dispatch.items.filter((i) => i.planId === draft.plan.id);
    expect(ofPlan.length).toBeGreaterThan(0);
    expect(ofPlan.some((i) => i.taskId === finished?.id)).toBe(false);
  });
});
