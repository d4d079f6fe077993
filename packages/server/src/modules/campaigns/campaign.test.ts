import type { CampaignDetail, CampaignSummary } from '@anzhi/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureObjectType, makePlanTask } from '../../../test/campaign-kit.ts';
import { codes, countRows, login, loginAs, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/factories.ts';
import { ledgerObjectTypes } from './campaign.table.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let office: Session;
let village: Session;
let otherOffice: Session;
let typeId: number;
let archivedTypeId: number;
let taskId: number;
let groupId: number;
let draftTaskId: number;
let otherTownTaskId: number;

const put = (s: Session, url: string, payload: object) => s.request({ method: 'PUT', url, payload });
const input = (over: Record<string, unknown> = {}) => ({
  title: '经营性自建房安全隐患专项整治',
  basis: '《关于开展经营性自建房安全专项整治的通知》',
  scope: { kind: 'ledger', typeId, villageCodes: [codes.village1] },
  checklist: [
    { key: 'c1', text: '疏散通道、安全出口畅通' },
    { key: 'c2', text: '违规使用易燃可燃材料装修', source: 'criteria', criteriaCode: 'huagong-2017/1' },
  ],
  unitIds: [org.units.emergency.id],
  rounds: [
    { startsOn: '2026-03-01', dueOn: '2026-04-30' },
    { startsOn: '2026-05-01', dueOn: '2026-06-30' },
  ],
  ...over,
});
const detailsOf = (res: { json(): unknown }) => (res.json() as { details: Array<{ path: string; message: string }> }).details;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  org = await seedOrg(t.database);
  typeId = (await ensureObjectType(t.database.db, 'selfBuiltHouse')).id;
  const archived = await ensureObjectType(t.database.db, 'confinedSpace');
  await t.database.db.update(ledgerObjectTypes).set({ archivedAt: new Date() }).where(eq(ledgerObjectTypes.id, archived.id));
  archivedTypeId = archived.id;
  const by = org.users.office.id;
  const targets = [{ raw: '完成1栋经营性自建房整治销号', metric: '经营性自建房整治销号', value: 1, unit: '栋', year: 2026 }];
  taskId = (await makePlanTask(t.database.db, { regionCode: codes.town, createdBy: by, targets })).task.id;
  groupId = (await makePlanTask(t.database.db, { regionCode: codes.town, createdBy: by, kind: 'group' })).task.id;
  draftTaskId = (await makePlanTask(t.database.db, { regionCode: codes.town, createdBy: by, status: 'draft' })).task.id;
  otherTownTaskId = (await makePlanTask(t.database.db, { regionCode: codes.otherTown, createdBy: org.users.otherOffice.id })).task.id;
  [office, village, otherOffice] = await Promise.all([loginAs(t.app, 'office'), loginAs(t.app, 'village'), login(t.app, 'otheroffice')]);
});
afterAll(() => t.close());

describe('campaigns: create, validate, edit', () => {
  let created: CampaignDetail;

  it('creates a campaign of the township, linked to a plan task and its target, audited', async () => {
    const res = await office.post('/api/v1/campaigns', input({ planTaskId: taskId, planTargetMetric: '经营性自建房整治销号' }));
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    expect(created).toMatchObject({
      regionCode: codes.town,
      status: 'draft',
      subject: '经营性自建房',
      counter: '栋',
      planTaskId: taskId,
      planTargetMetric: '经营性自建房整治销号',
      units: [{ id: org.units.emergency.id, name: '示例镇应急管理办公室' }],
      createdByName: 'office',
      version: 1,
    });
    expect(created.rounds.map((r) => [r.ordinal, r.title, r.status])).toEqual([
      [1, '第1轮', 'planned'],
      [2, '第2轮', 'planned'],
    ]);
    expect(created.checklist[0]).toMatchObject({ source: 'own', criteriaCode: null, major: false });
    expect(await countRows(t.database, 'audit_events', sql`entity_type = 'campaign' AND entity_id = ${created.id}`)).toBe(1);
  });

  it('refuses bad input in Chinese, naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ scope: { kind: 'ledger', typeId: 999999 } }, 'scope.typeId', /台账类型不存在/],
      [{ scope: { kind: 'ledger', typeId: archivedTypeId } }, 'scope.typeId', /已停用/],
      [{ scope: { kind: 'ledger', typeId, villageCodes: [codes.otherVillage] } }, 'scope.villageCodes.0', /不是本乡镇/],
      [{ planTaskId: groupId }, 'planTaskId', /方案任务/],
      [{ planTaskId: draftTaskId }, 'planTaskId', /已发布方案/],
      [{ planTaskId: otherTownTaskId }, 'planTaskId', /本乡镇/],
      [{ planTaskId: taskId, planTargetMetric: '检查企业' }, 'planTargetMetric', /没有量化目标“检查企业”/],
      [{ planTargetMetric: '经营性自建房整治销号' }, 'planTargetMetric', /未关联方案任务/],
      [{ unitIds: [org.units.otherEmergency.id] }, 'unitIds.0', /责任单位/],
      [
        { checklist: [{ key: 'c1', text: '引用不存在的标准', source: 'criteria', criteriaCode: 'no-such/1' }] },
        'checklist.0.criteriaCode',
        /不存在/,
      ],
      [{ checklist: [{ key: 'c1', text: '未选标准条目', source: 'criteria' }] }, 'checklist.0.criteriaCode', /请选择判定标准条目/],
      [{ regionCode: codes.otherTown }, 'regionCode', /辖区内的乡镇/],
      [{ regionCode: codes.village1 }, 'regionCode', /乡镇/],
    ];
    for (const [over, path, message] of cases) {
      const res = await office.post('/api/v1/campaigns', input(over));
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().message, path).toMatch(message);
      expect(detailsOf(res)[0]?.path, path).toBe(path);
    }
    const zod = await office.post('/api/v1/campaigns', input({ rounds: [{ startsOn: '2026-05-01', dueOn: '2026-04-01' }] }));
    expect(zod.statusCode).toBe(400);
    expect(zod.body).toContain('第 1 轮的截止日期早于开始日期');
  });

  it('edits title, units and rounds; a stale version answers 409', async () => {
    const url = `/api/v1/campaigns/${created.id}`;
    const res = await put(office, url, {
      version: 1,
      title: '经营性自建房安全专项整治（2026）',
      unitIds: [org.units.emergency.id, org.units.market.id],
      rounds: [
        { startsOn: '2026-03-01', dueOn: '2026-04-15' },
        { startsOn: '2026-04-16', dueOn: '2026-05-31' },
        { startsOn: '2026-06-01', dueOn: '2026-06-30', title: '回头看' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as CampaignDetail;
    expect(after.version).toBe(2);
    expect(after.units.map((u) => u.name)).toEqual(['示例镇应急管理办公室', '示例镇市场监管所']);
    expect(after.rounds.map((r) => [r.ordinal, r.title, r.dueOn])).toEqual([
      [1, '第1轮', '2026-04-15'],
      [2, '第2轮', '2026-05-31'],
      [3, '回头看', '2026-06-30'],
    ]);
    const stale = await put(office, url, { version: 1, title: '过期的修改内容' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'campaign.stale', details: { currentVersion: 2 } });
    const order = await put(office, url, {
      version: 2,
      rounds: [
        { startsOn: '2026-05-01', dueOn: '2026-05-31' },
        { startsOn: '2026-03-01', dueOn: '2026-04-30' },
      ],
    });
    expect(order.statusCode).toBe(400);
    expect(detailsOf(order)[0]).toEqual({ path: 'rounds.1.startsOn', message: '第 2 轮的开始日期早于第 1 轮' });
  });

  it('lists the campaigns a caller may read: the township and its villages, never 邻镇', async () => {
    const mine = (await office.get('/api/v1/campaigns?q=自建房')).json() as { items: CampaignSummary[]; total: number };
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({ id: created.id, scopeKind: 'ledger', subject: '经营性自建房', rounds: 3, currentRound: null });
    expect(mine.items[0]?.planTaskTitle).toBeTruthy();
    expect((await village.get('/api/v1/campaigns')).json().total).toBe(1);
    expect((await village.get(`/api/v1/campaigns/${created.id}`)).statusCode).toBe(200);
    expect((await otherOffice.get('/api/v1/campaigns')).json().total).toBe(0);
    expect((await otherOffice.get(`/api/v1/campaigns/${created.id}`)).statusCode).toBe(404);
    expect((await office.get(`/api/v1/campaigns?planTaskId=${taskId}`)).json().total).toBe(1);
    expect((await office.get('/api/v1/campaigns?status=active')).json().total).toBe(0);
    expect((await village.post('/api/v1/campaigns', input())).statusCode).toBe(403);
  });
});

describe('rounds: in order, early only with a reason; scope and checklist keys frozen once a round opened', () => {
  let id: number;
  const round = (n: number, action: 'open' | 'close', body: object = {}) =>
    office.post(`/api/v1/campaigns/${id}/rounds/${n}/${action}`, body);
  const version = async () => ((await office.get(`/api/v1/campaigns/${id}`)).json() as CampaignDetail).version;

  beforeAll(async () => {
    const res = await office.post('/api/v1/campaigns', input({ title: '有序开展两轮全覆盖检查' }));
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
  });

  it('refuses round 2 before round 1 has begun', async () => {
    const res = await round(2, 'open');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('第 1 轮尚未开始，请按顺序开展');
  });

  it('opens round 1: the campaign becomes active, who and when recorded', async () => {
    const res = await round(1, 'open');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as CampaignDetail;
    expect(d.status).toBe('active');
    expect(d.rounds[0]).toMatchObject({ status: 'open', openedAt: '2026-03-02T01:00:00.000Z', earlyReason: null });
    expect((await round(1, 'open')).json().message).toBe('第 1 轮已在进行中');
  });

  it('a round started before the previous one closed needs a reason of at least 4 characters', async () => {
    for (const body of [{}, { reason: '提前' }]) {
      const res = await round(2, 'open', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('第 1 轮尚未结束，提前开始第 2 轮请说明原因（不少于 4 个字）');
      expect(detailsOf(res)[0]?.path).toBe('reason');
    }
  });

  it('freezes the scope and the checklist keys once a round opened; wording may change', async () => {
    const url = `/api/v1/campaigns/${id}`;
    const scope = await put(office, url, { version: await version(), scope: { kind: 'ledger', typeId, villageCodes: [] } });
    expect(scope.statusCode).toBe(400);
    expect(detailsOf(scope)[0]).toEqual({ path: 'scope', message: '已有轮次开始，检查范围不能再修改' });
    const added = await put(office, url, {
      version: await version(),
      checklist: [...input().checklist, { key: 'c3', text: '新增的检查项' }],
    });
    expect(added.statusCode).toBe(400);
    expect(detailsOf(added)[0]?.path).toBe('checklist');
    const same = await put(office, url, { version: await version(), scope: { kind: 'ledger', typeId, villageCodes: [codes.village1] } });
    expect(same.statusCode, same.body).toBe(200);
    const reworded = await put(office, url, {
      version: await version(),
      checklist: [
        { key: 'c2', text: '违规使用易燃材料', source: 'criteria', criteriaCode: 'huagong-2017/1' },
        { key: 'c1', text: '安全出口畅通' },
      ],
    });
    expect(reworded.statusCode, reworded.body).toBe(200);
    const moved = await put(office, url, {
      version: await version(),
      rounds: [
        { startsOn: '2026-02-15', dueOn: '2026-04-30' },
        { startsOn: '2026-05-01', dueOn: '2026-06-30' },
      ],
    });
    expect(moved.statusCode).toBe(400);
    expect(detailsOf(moved)[0]?.path).toBe('rounds.0.startsOn');
  });

  it('opens round 2 early with a reason; closes on the China date; closing the last round closes the campaign', async () => {
    const early = await round(2, 'open', { reason: '汛期前需完成复查' });
    expect(early.statusCode, early.body).toBe(200);
    expect((early.json() as CampaignDetail).rounds[1]).toMatchObject({ status: 'open', earlyReason: '汛期前需完成复查' });
    // 2026-03-31 20:00 UTC is 04-01 in Beijing.
    t.clock.set(new Date('2026-03-31T20:00:00Z'));
    [office] = await Promise.all([loginAs(t.app, 'office')]);
    expect((await round(2, 'close', { note: '第二轮结束' })).statusCode).toBe(200);
    const [r2] = await t.database.rows<{ closed_on: string; close_note: string }>(
      sql`SELECT closed_on::text, close_note FROM campaign_rounds WHERE campaign_id = ${id} AND ordinal = 2`,
    );
    expect(r2).toEqual({ closed_on: '2026-04-01', close_note: '第二轮结束' });
    expect(((await office.get(`/api/v1/campaigns/${id}`)).json() as CampaignDetail).status).toBe('active');
    expect((await round(2, 'close')).json().message).toBe('第 2 轮已结束，不能结束');
    const last = await round(1, 'close');
    expect(last.statusCode).toBe(200);
    expect((last.json() as CampaignDetail).status).toBe('closed');
    expect((await round(1, 'open')).statusCode).toBe(409);
    const audits = await t.database.rows<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE entity_type = 'campaign' AND entity_id = ${id} ORDER BY id`,
    );
    expect(audits.map((a) => a.action)).toEqual(['create', 'openRound', 'update', 'update', 'openRound', 'closeRound', 'closeRound']);
  });

  it('POST /close ends a campaign and its open rounds; a second close is refused', async () => {
    const res = await office.post('/api/v1/campaigns', input({ title: '临时专项检查行动' }));
    const other = res.json().id as number;
    expect((await office.post(`/api/v1/campaigns/${other}/rounds/1/open`, {})).statusCode).toBe(200);
    const closed = await office.post(`/api/v1/campaigns/${other}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    const d = closed.json() as CampaignDetail;
    expect(d.status).toBe('closed');
    expect(d.rounds.map((r) => r.status)).toEqual(['closed', 'planned']);
    expect((await office.post(`/api/v1/campaigns/${other}/close`, {})).statusCode).toBe(409);
    expect((await put(office, `/api/v1/campaigns/${other}`, { version: d.version, title: '结束后再修改' })).statusCode).toBe(409);
  });
});
