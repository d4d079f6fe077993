import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePost, makeRiskChain } from '../../../test/dual-kit.ts';
import {
  codes,
  countRows,
  login,
  loginAs,
  makeEnterprise,
  makeEnterpriseAccount,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';

describe('排查任务 (issue 16): entered, from a measure, from the standard templates; due checks at once', () => {
  let t: TestApp;
  let ent: EnterpriseRow;
  let other: EnterpriseRow;
  let qiye: Session;
  let office: Session;

  beforeAll(async () => {
    t = await startTestApp(new Date('2026-03-04T01:00:00Z')); // a Wednesday
    const org = await seedOrg(t.database);
    ent = await makeEnterprise(t.database, { name: '东村化工厂', regionCode: codes.village1, supervisingUnitId: org.units.market.id });
    // A high-risk industry (the registry derives the flag; set here directly).
    await t.database.db.update(enterprises).set({ highRisk: true }).where(eq(enterprises.id, ent.id));
    other = await makeEnterprise(t.database, { name: '西村五金厂', regionCode: codes.village1, supervisingUnitId: org.units.market.id });
    await makeEnterpriseAccount(t.database, ent.id);
    qiye = await login(t.app, 'qiye');
    office = await loginAs(t.app, 'office');
  });
  afterAll(() => t.close());

  it('adopts the standard templates once (the principal monthly in a high-risk enterprise); adopting again adds nothing', async () => {
    const first = await qiye.post('/api/v1/check-tasks/templates', {});
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().created).toBe(4);
    const byTemplate = Object.fromEntries(first.json().items.map((i: { template: string; cycle: string }) => [i.template, i.cycle]));
    expect(byTemplate).toEqual({ teamDaily: 'day', departmentWeekly: 'week', managerMonthly: 'month', principal: 'month' });
    const again = await qiye.post('/api/v1/check-tasks/templates', {});
    expect(again.json()).toMatchObject({ created: 0 });
    expect(again.json().items).toHaveLength(4);
    const normal = await office.post('/api/v1/check-tasks/templates', { enterpriseId: other.id });
    expect(normal.json().items.find((i: { template: string }) => i.template === 'principal').cycle).toBe('quarter');
    // Today's checks exist at once: the day, the week, the month.
    const today = (await qiye.get('/api/v1/check-tasks/today')).json().items as Array<{ cycle: string; periodStart: string }>;
    expect(today.map((i) => `${i.cycle}:${i.periodStart}`).sort()).toEqual([
      'day:2026-03-04',
      'month:2026-03-01',
      'month:2026-03-01',
      'week:2026-03-02',
    ]);
  });

  it('creates, edits and deactivates a task; refuses one without an owner, a stale version, a cycle change, another enterprise', async () => {
    const noOwner = await qiye.post('/api/v1/check-tasks', { title: '配电房检查', cycle: 'week', items: ['配电柜接地完好'] });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().message).toContain('排查任务不能没有责任人');
    const before = await countRows(t.database, 'check_tasks');
    const post = await makePost(t.database.db, ent, { name: '电工岗' });
    const created = await qiye.post('/api/v1/check-tasks', {
      title: '配电房检查',
      cycle: 'week',
      items: ['配电柜接地完好'],
      postId: post.id,
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ postName: '电工岗', startsOn: '2026-03-04', version: 1, enterpriseId: ent.id });
    const id = created.json().id;
    const edit = { version: 1, title: '配电房周检查', cycle: 'week', items: ['配电柜接地完好', '绝缘垫完好'], postId: post.id };
    const edited = await qiye.request({ method: 'PUT', url: `/api/v1/check-tasks/${id}`, payload: edit });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '配电房周检查', version: 2 });
    expect((await qiye.request({ method: 'PUT', url: `/api/v1/check-tasks/${id}`, payload: edit })).statusCode).toBe(409);
    const cycle = await qiye.request({ method: 'PUT', url: `/api/v1/check-tasks/${id}`, payload: { ...edit, version: 2, cycle: 'day' } });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().message).toContain('不能修改周期');
    const off = await qiye.post(`/api/v1/check-tasks/${id}/deactivate`);
    expect(off.json()).toMatchObject({ active: false, version: 3 });
    const foreignPost = await makePost(t.database.db, other);
    const wrongPost = await office.post('/api/v1/check-tasks', {
      enterpriseId: ent.id,
      title: 'x',
      cycle: 'day',
      items: ['x'],
      postId: foreignPost.id,
    });
    expect(wrongPost.statusCode).toBe(400);
    const foreign = await qiye.post('/api/v1/check-tasks', {
      enterpriseId: other.id,
      title: 'x',
      cycle: 'day',
      items: ['x'],
      ownerName: '张三',
    });
    expect(foreign.statusCode).toBe(404);
    expect(await countRows(t.database, 'check_tasks')).toBe(before + 1);
    const list = (await qiye.get('/api/v1/check-tasks?active=false')).json().items;
    expect(list.map((x: { id: number }) => x.id)).toEqual([id]);
  });

  it('makes a task from a control measure: its content is the checklist', async () => {
    const chain = await makeRiskChain(t.database.db, ent, { measure: '冲床光电保护装置每班试验有效' });
    const res = await qiye.post('/api/v1/check-tasks/from-measure', {
      measureId: chain.measure.id,
      cycle: 'shift',
      ownerName: '冲压班班长',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ measureId: chain.measure.id, cycle: 'shift', items: ['冲床光电保护装置每班试验有效'] });
    const otherChain = await makeRiskChain(t.database.db, other);
    expect(
      (await qiye.post('/api/v1/check-tasks/from-measure', { measureId: otherChain.measure.id, cycle: 'day', ownerName: 'x' })).statusCode,
    ).toBe(404);
  });
});
