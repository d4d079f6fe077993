import fs from 'node:fs';
import path from 'node:path';
import type { TodoItem, TodoList } from '@anzhi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codes,
  login,
  makeEnterprise,
  makeHazard,
  makeUser,
  type Session,
  startTestApp,
  type TestApp,
  uploadFile,
} from '../../../test/factories.ts';
import { seedHazardWorld, step } from '../../../test/hazard-kit.ts';
import { publishedSeed003 } from '../../../test/plan-kit.ts';
import { systemScope } from '../../db/data-scope.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { hazardCheckRequests } from '../hazards/hazard.table.ts';

const photo = fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/files/phone-rotated.jpg'));

let t: TestApp;
let w: Awaited<ReturnType<typeof seedHazardWorld>>;
let s: Awaited<ReturnType<typeof seedHazardWorld>>['s'];
let village: Session;
let otherOwner: Session;
let otherOffice: Session;
let otherEnterpriseId: number;

const todos = async (who: Session, query = '') => {
  const res = await who.get(`/api/v1/todos${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TodoList;
};
const linksOf = async (who: Session, query = '') => (await todos(who, query)).items.map((i: TodoItem) => i.link);

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  w = await seedHazardWorld(t);
  s = w.s;
  const other = await makeEnterprise(t.database, { regionCode: codes.village2, supervisingUnitId: w.org.units.market.id });
  otherEnterpriseId = other.id;
  await makeUser(t.database, { username: 'other-owner', roles: ['enterprise'], enterpriseId: other.id, enterprisePrincipal: true });
  [village, otherOwner, otherOffice] = await Promise.all(['village', 'other-owner', 'otheroffice'].map((u) => login(t.app, u)));
});
afterAll(() => t.close());

describe('the 待办 centre: each kind reaches the right user, and leaves once the step is done', () => {
  it('hazard.step: the enterprise owes 整改, then its finder owes 验收; nobody else sees it', async () => {
    const created = await s.inspector.post('/api/v1/hazards', {
      enterpriseId: w.enterpriseId,
      channel: 'inspection',
      grade: 'general',
      category: 'thing',
      title: '灭火器压力不足',
      description: '仓库门口两具灭火器压力表指针在红区',
      photos: [await uploadFile(s.inspector, photo)],
      deadline: '2026-03-10',
    });
    expect(created.statusCode, created.body).toBe(201);
    const h = created.json();
    const rectify = `/hazards/${h.id}?action=rectify`;
    const accept = `/hazards/${h.id}?action=accept`;

    const mine = await todos(s.owner);
    expect(mine.items.find((i) => i.link === rectify)).toMatchObject({
      kind: 'hazard.step',
      title: '整改完成：灭火器压力不足',
      dueOn: '2026-03-10',
      overdue: false,
      entityId: h.id,
    });
    expect(mine.byKind['hazard.step']).toBeGreaterThanOrEqual(1);
    expect(await linksOf(s.clerk)).toContain(rectify);
    for (const who of [s.inspector, s.regulator, s.market, s.office, otherOwner, otherOffice, village]) {
      expect((await linksOf(who)).some((l) => l.startsWith(`/hazards/${h.id}?`))).toBe(false);
    }
    // The finder started it and others owe it.
    expect((await todos(s.inspector, '?box=initiated')).items.some((i) => i.entityId === h.id)).toBe(true);

    const fixed = await step(s.owner, h.id, 'rectify', {
      version: h.version,
      note: '已更换两具灭火器',
      photos: [await uploadFile(s.owner, photo)],
    });
    expect(await linksOf(s.owner)).not.toContain(rectify);
    expect((await todos(s.owner, '?box=done')).items[0]).toMatchObject({ title: '整改完成：灭火器压力不足', entityId: h.id });
    expect(await linksOf(s.inspector)).toContain(accept);
    // The supervising unit may accept it too, but the sign-off is the finder's duty (core isAwaitingActor).
    expect(await linksOf(s.regulator)).not.toContain(accept);
    expect(await linksOf(s.market)).not.toContain(accept);
    expect(await linksOf(otherOffice)).not.toContain(accept);

    await step(s.inspector, h.id, 'accept', { version: fixed.version, opinion: '复查合格，同意销号' });
    expect(await linksOf(s.inspector)).not.toContain(accept);
    expect(await linksOf(s.regulator)).not.toContain(accept);
    expect((await todos(s.inspector, '?box=initiated')).items.some((i) => i.entityId === h.id)).toBe(false);
    expect((await todos(s.inspector, '?box=done')).items.map((i) => i.title)).toContain('验收销号：灭火器压力不足');
  });

  it('hazard.step: a grid worker owes the 验收 of what they found; overdue ones come first', async () => {
    const created = await village.post('/api/v1/hazards', {
      enterpriseId: w.enterpriseId,
      channel: 'inspection',
      grade: 'general',
      category: 'thing',
      title: '消防通道堵塞',
      description: '后门通道堆放杂物',
      photos: [await uploadFile(village, photo)],
      deadline: '2026-03-05',
    });
    expect(created.statusCode, created.body).toBe(201);
    const h = created.json();
    const fixed = await step(s.owner, h.id, 'rectify', { version: h.version, note: '已清理', photos: [await uploadFile(s.owner, photo)] });
    expect(await linksOf(village)).toEqual([`/hazards/${h.id}?action=accept`]);
    await step(village, h.id, 'accept', { version: fixed.version, opinion: '已清理，同意销号' });
    expect((await todos(village)).total).toBe(0);

    // Overdue to-dos lead the list (then the nearest deadline).
    const late = await s.inspector.post('/api/v1/hazards', {
      enterpriseId: w.enterpriseId,
      channel: 'inspection',
      grade: 'general',
      category: 'thing',
      title: '配电箱未上锁',
      description: '车间配电箱门未关闭',
      foundOn: '2026-02-01',
      deadline: '2026-02-20',
    });
    expect(late.statusCode, late.body).toBe(201);
    const first = (await todos(s.owner, '?todoKind=hazard.step')).items[0];
    expect(first).toMatchObject({ entityId: late.json().id, overdue: true, dueOn: '2026-02-20' });
  });

  it('hazard.step: the office answers for a hazard no unit supervises; the unit that supervises one owes its 督办 once overdue', async () => {
    const orphan = await makeEnterprise(t.database, { regionCode: codes.village1, supervisingUnitId: null });
    const unsupervised = await makeHazard(t.database, {
      enterprise: orphan,
      foundBy: w.org.users.inspector.id,
      grade: 'major',
      status: 'found',
    });
    expect(await linksOf(s.office)).toContain(`/hazards/${unsupervised.id}?action=confirm`);
    expect(await linksOf(otherOffice)).not.toContain(`/hazards/${unsupervised.id}?action=confirm`);
    expect((await linksOf(s.regulator)).some((l) => l.startsWith(`/hazards/${unsupervised.id}?`))).toBe(false);

    const enterprise = await enterpriseRepo.findById(t.database.db, w.enterpriseId, systemScope);
    if (!enterprise) throw new Error('the kit enterprise is missing');
    const late = await makeHazard(t.database, {
      enterprise,
      foundBy: w.org.users.inspector.id,
      grade: 'major',
      status: 'rectifying',
      deadline: '2026-02-15',
    });
    const supervise = `/hazards/${late.id}?action=supervise`;
    expect(await linksOf(s.regulator)).toContain(supervise);
    expect(await linksOf(s.office)).not.toContain(supervise);
    expect(await linksOf(s.market)).not.toContain(supervise);
    await step(s.regulator, late.id, 'supervise', { version: late.version, level: 'township' });
    expect(await linksOf(s.regulator)).not.toContain(supervise);
  });

  it('hazard.check: a 举一反三 check waits for its enterprise only, until answered', async () => {
    const source = (await s.office.get('/api/v1/hazards?pageSize=1')).json().items[0].id as number;
    const [mineCheck] = await t.database.db
      .insert(hazardCheckRequests)
      .values([
        {
          sourceHazardId: source,
          criterionCode: 'huagong-2017/1',
          enterpriseId: w.enterpriseId,
          regionCode: codes.village1,
          deadline: '2026-03-20',
          createdBy: w.org.users.office.id,
          createdAt: new Date('2026-03-01T00:00:00Z'),
        },
        {
          sourceHazardId: source,
          criterionCode: 'huagong-2017/1',
          enterpriseId: otherEnterpriseId,
          regionCode: codes.village2,
          deadline: '2026-03-20',
          createdBy: w.org.users.office.id,
          createdAt: new Date('2026-03-01T00:00:00Z'),
        },
      ])
      .returning();
    const id = mineCheck?.id as number;
    const link = `/hazards/checks?answer=${id}`;
    expect((await todos(s.owner, '?todoKind=hazard.check')).items).toMatchObject([{ kind: 'hazard.check', link, dueOn: '2026-03-20' }]);
    expect(await linksOf(s.clerk)).toContain(link);
    expect(await linksOf(otherOwner)).not.toContain(link);
    expect((await todos(s.office, '?box=initiated&todoKind=hazard.check')).items).toMatchObject([{ detail: '2 家企业尚未反馈' }]);

    const answered = await s.owner.post(`/api/v1/hazard-checks/${id}/answer`, { result: 'clear', answer: '已对照排查，未发现同类问题' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await linksOf(s.owner)).not.toContain(link);
    expect((await todos(s.owner, '?box=done&todoKind=hazard.check')).items.map((i) => i.entityId)).toEqual([id]);
    expect((await todos(s.office, '?box=initiated&todoKind=hazard.check')).items).toMatchObject([{ detail: '1 家企业尚未反馈' }]);
  });

  it('hazard.report: the principal owes the signatures of ended periods; a clerk does not; signed ones leave', async () => {
    const reports = await todos(s.owner, '?todoKind=hazard.report');
    expect(reports.total).toBeGreaterThan(0);
    const q4 = reports.items.find((i) => i.link === '/hazards/reports?sign=2025Q4');
    expect(q4).toMatchObject({ kind: 'hazard.report', dueOn: '2026-01-15', overdue: true });
    expect((await todos(s.clerk, '?todoKind=hazard.report')).total).toBe(0);
    expect((await todos(s.regulator, '?todoKind=hazard.report')).total).toBe(0);

    const signed = await s.owner.post('/api/v1/hazard-reports/2025Q4/sign', {});
    expect(signed.statusCode, signed.body).toBe(200);
    const after = await todos(s.owner, '?todoKind=hazard.report');
    expect(after.total).toBe(reports.total - 1);
    expect(after.items.map((i) => i.link)).not.toContain('/hazards/reports?sign=2025Q4');
    expect((await todos(s.owner, '?box=done&todoKind=hazard.report')).items).toHaveLength(1);
  });

  it('plan.dispatch: a unit owes its due, unreported cards; reporting one takes it off; other units and townships owe nothing', async () => {
    const plan = await publishedSeed003(s.office);
    expect(plan.plan.status).toBe('published');
    // 2026-03-02: February's report day has passed, so February's cards are due (overdue).
    const due = await todos(s.market, '?todoKind=plan.dispatch');
    expect(due.total).toBeGreaterThan(0);
    expect(due.items.every((i) => i.kind === 'plan.dispatch' && i.overdue && i.title.startsWith('2026年2月调度'))).toBe(true);
    expect((await todos(otherOffice, '?todoKind=plan.dispatch')).total).toBe(0);
    expect((await todos(s.owner, '?todoKind=plan.dispatch')).total).toBe(0);
    const regulatorCards = (await todos(s.regulator, '?todoKind=plan.dispatch')).items.map((i) => i.entityId);

    const card = due.items[0] as TodoItem;
    const res = await s.market.request({
      method: 'PUT',
      url: '/api/v1/plan-dispatch',
      payload: { period: '2026-02', reports: [{ taskId: card.entityId, status: 'inProgress', summary: '已部署排查' }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await todos(s.market, '?todoKind=plan.dispatch');
    expect(after.total).toBe(due.total - 1);
    expect(after.items.map((i) => i.link)).not.toContain(card.link);
    expect((await todos(s.market, '?box=done&todoKind=plan.dispatch')).items.map((i) => i.entityId)).toEqual([card.entityId]);
    // Another unit's cards are its own: the market unit's report does not take them off.
    expect((await todos(s.regulator, '?todoKind=plan.dispatch')).items.map((i) => i.entityId)).toEqual(regulatorCards);
  });

  it('hazard.step and the ledger’s 待我处理 list the same hazards for every account (one rule, isAwaitingActor)', async () => {
    for (const who of [s.owner, s.clerk, s.inspector, s.regulator, s.market, s.office, village, otherOwner, otherOffice]) {
      const steps = (await todos(who, '?todoKind=hazard.step&limit=200')).items.filter((i) => !i.link.endsWith('action=supervise'));
      const ledger = await who.get('/api/v1/hazards?awaitingMe=true&pageSize=200');
      expect(ledger.statusCode, ledger.body).toBe(200);
      const ids = (ledger.json() as { items: Array<{ id: number }> }).items.map((h) => h.id).sort();
      expect(steps.map((i) => i.entityId).sort()).toEqual(ids);
    }
  });

  it('limits the items but counts them all, and refuses a bad box with a Chinese message naming the field', async () => {
    const all = await todos(s.owner);
    const one = await todos(s.owner, '?limit=1');
    expect(one.items).toHaveLength(1);
    expect(one.total).toBe(all.total);
    const bad = await s.owner.get('/api/v1/todos?box=everything');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('box');
  });
});
