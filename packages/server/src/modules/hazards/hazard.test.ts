import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codes,
  login,
  makeEnterpriseAccount,
  makeUser,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
  uploadFile,
} from '../../../test/factories.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { runHazardSweep } from './hazard-sweep.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let office: Session;
let inspector: Session;
let regulator: Session;
let owner: Session;
let village: Session;
let market: Session;
let otherOffice: Session;
let enterpriseId: number;

const photo = fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/files/phone-rotated.jpg'));

const act = (s: Session, id: number, action: string, body: Record<string, unknown>) =>
  s.post(`/api/v1/hazards/${id}/actions/${action}`, body);
const get = async (s: Session, id: number) => (await s.get(`/api/v1/hazards/${id}`)).json();

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  org = await seedOrg(t.database);
  const now = new Date('2026-01-01T00:00:00Z');
  const e = await enterpriseRepo.insert(t.database.db, {
    name: '东村化工有限公司',
    nameKey: '东村化工',
    regionCode: codes.village1,
    domains: ['hazardousChemicals'],
    industryCode: '26',
    principal: '张厂长',
    actualController: '李老板',
    supervisingUnitId: org.units.emergency.id,
    publicCode: 'hzTest0001',
    createdAt: now,
    updatedAt: now,
  });
  enterpriseId = e.id;
  await makeUser(t.database, { username: 'regulator', roles: ['unit'], regionCodes: [codes.town], unitId: org.units.emergency.id });
  await makeEnterpriseAccount(t.database, enterpriseId, 'owner');
  [office, inspector, regulator, owner, village, market, otherOffice] = await Promise.all(
    ['office', 'inspector', 'regulator', 'owner', 'village', 'unitstaff', 'otheroffice'].map((u) => login(t.app, u)),
  );
});
afterAll(() => t.close());

describe('general hazard: found → rectifying → rectified → accepted (closed loop)', () => {
  it('is recorded with photos by an inspector, fixed by the enterprise, checked and signed off by the finder', async () => {
    const created = await inspector.post('/api/v1/hazards', {
      enterpriseId,
      channel: 'inspection',
      grade: 'general',
      category: 'thing',
      title: '灭火器压力不足',
      description: '仓库门口两具灭火器压力表指针在红区',
      location: '成品仓库',
      photos: [await uploadFile(inspector, photo)],
      deadline: '2026-03-10',
    });
    expect(created.statusCode, created.body).toBe(201);
    const h = created.json();
    expect(h).toMatchObject({ status: 'rectifying', code: expect.stringMatching(/^YH-2026-\d{6}$/), regionCode: codes.village1 });
    expect(h.events[0].photos).toHaveLength(1);

    // The enterprise sees it (its own) and may rectify; another township cannot even see it.
    expect((await owner.get('/api/v1/hazards')).json().items.map((x: { id: number }) => x.id)).toContain(h.id);
    expect((await get(owner, h.id)).actions).toEqual(['rectify', 'requestExtension']);
    expect((await otherOffice.get(`/api/v1/hazards/${h.id}`)).statusCode).toBe(404);
    const notices = (await owner.get('/api/v1/notifications')).json();
    expect(notices.items.some((n: { title: string }) => n.title === '隐患待整改')).toBe(true);

    expect((await act(owner, h.id, 'rectify', { version: h.version, note: '已更换', photos: [] })).statusCode).toBe(400);
    const fixed = await act(owner, h.id, 'rectify', {
      version: h.version,
      note: '已更换两具灭火器',
      photos: [await uploadFile(owner, photo)],
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().status).toBe('rectified');

    // Neither a grid worker who did not find it nor an unrelated unit may sign it off.
    expect((await act(village, h.id, 'accept', { version: fixed.json().version, opinion: '通过' })).statusCode).toBe(403);
    expect((await act(market, h.id, 'accept', { version: fixed.json().version, opinion: '通过' })).statusCode).toBe(404);
    const rejected = await act(inspector, h.id, 'reject', { version: fixed.json().version, opinion: '压力仍不足' });
    expect(rejected.json().status).toBe('rectifying');
    const again = await act(owner, h.id, 'rectify', {
      version: rejected.json().version,
      note: '重新充装',
      photos: [await uploadFile(owner, photo)],
    });
    const accepted = await act(inspector, h.id, 'accept', { version: again.json().version, opinion: '复查合格，同意销号' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'closed',
      closedOn: '2026-03-02',
      checkerName: 'inspector',
      accepterName: 'inspector',
    });
    expect(accepted.json().events.map((e: { action: string }) => e.action)).toEqual(['create', 'rectify', 'reject', 'rectify', 'accept']);
    expect(accepted.json().actions).toEqual([]);
  });

  it('closes 立行立改 in one step, and refuses bad input with Chinese messages naming the field', async () => {
    const bad = await inspector.post('/api/v1/hazards', {
      enterpriseId,
      channel: 'inspection',
      grade: 'general',
      category: 'thing',
      title: '通道堵塞',
      description: '安全出口堆放纸箱',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('整改期限');
    const spot = await inspector.post('/api/v1/hazards', {
      enterpriseId,
      channel: 'inspection',
      grade: 'general',
      category: 'behaviour',
      title: '通道堵塞',
      description: '安全出口堆放纸箱，现场清理',
      fixedOnSpot: true,
      afterPhotos: [await uploadFile(inspector, photo)],
    });
    expect(spot.statusCode, spot.body).toBe(201);
    expect(spot.json()).toMatchObject({ status: 'closed', events: [{ action: 'create' }, { action: 'fixOnSpot' }] });
    const foreign = await otherOffice.post('/api/v1/hazards', {
      enterpriseId,
      channel: 'inspection',
      grade: 'general',
      category: 'thing',
      title: '越权',
      description: '不在范围内的企业',
      deadline: '2026-04-01',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('不在您的范围内');
    const selfByOwner = await owner.post('/api/v1/hazards', {
      enterpriseId,
      channel: 'inspection',
      grade: 'general',
      category: 'thing',
      title: '冒充检查',
      description: '企业不能登记检查发现',
      deadline: '2026-04-01',
    });
    expect(selfByOwner.statusCode).toBe(400);
  });

  it('lets exactly one of two simultaneous acceptances win, and refuses stale versions and wrong states', async () => {
    const h = (
      await owner.post('/api/v1/hazards', {
        enterpriseId,
        channel: 'selfCheck',
        grade: 'general',
        category: 'management',
        title: '台账缺失',
        description: '三月份安全检查台账未填写',
        deadline: '2026-03-20',
      })
    ).json();
    const r = (await act(owner, h.id, 'rectify', { version: h.version, note: '已补填', photos: [await uploadFile(owner, photo)] })).json();
    const both = await Promise.all([
      act(owner, h.id, 'accept', { version: r.version, opinion: '自查验收合格' }),
      act(office, h.id, 'accept', { version: r.version, opinion: '同意' }),
    ]);
    expect(both.map((x) => x.statusCode).sort()).toEqual([200, 409]);
    const stale = await act(owner, h.id, 'rectify', { version: h.version, note: '再次', photos: [1] });
    expect(stale.statusCode).toBe(409);
    const closed = await get(owner, h.id);
    expect((await act(owner, h.id, 'rectify', { version: closed.version, note: '再次', photos: [1] })).json().code).toBe(
      'hazard.invalid_transition',
    );
  });
});

describe('major hazard: 认定 → 方案 → 五落实 → 督办 → 延期 → 逾期问责 → 销号', () => {
  it('walks every step with role checks, escalates when swept at later times, and closes', async () => {
    const created = await inspector.post('/api/v1/hazards', {
      enterpriseId,
      channel: 'inspection',
      grade: 'major',
      category: 'thing',
      title: '液氯储罐区未设置紧急切断装置',
      description: '储罐进出料管道未设置紧急切断阀',
      photos: [await uploadFile(inspector, photo)],
    });
    expect(created.statusCode, created.body).toBe(201);
    let h = created.json();
    expect(h.status).toBe('found');
    // Only the unit with legal duty (or the office) 认定; an inspector who found it may not.
    expect((await act(inspector, h.id, 'confirm', { version: h.version, criteriaCodes: ['huagong-2017/1'] })).statusCode).toBe(403);
    expect((await act(regulator, h.id, 'confirm', { version: h.version, criteriaCodes: [] })).statusCode).toBe(400);
    const unknown = await act(regulator, h.id, 'confirm', { version: h.version, criteriaCodes: ['nope/1'] });
    expect(unknown.json().message).toContain('不在判定标准库中');
    h = (
      await act(regulator, h.id, 'confirm', {
        version: h.version,
        criteriaCodes: ['huagong-2017/1'],
        opinion: '符合判定标准',
        cause: '储罐区建设时未按设计安装紧急切断阀',
        harm: '泄漏时无法快速切断，可能造成人员中毒',
        difficulty: '需局部停产改造管道',
      })
    ).json();
    expect(h).toMatchObject({ status: 'confirmed', criteriaCodes: ['huagong-2017/1'] });
    expect(h.events.at(-1).data.notified).toEqual(['主要负责人 张厂长', '实际控制人 李老板']);

    const plan = {
      goal: '消除隐患',
      measures: '加装紧急切断阀',
      funds: '12万元',
      organisation: '设备部',
      timeLimit: '4月底前',
      safetyMeasures: '限量储存，专人值守',
    };
    const partial = await act(owner, h.id, 'submitPlan', {
      version: h.version,
      plan: { ...plan, funds: '' },
      interimMeasures: '降低液位',
      stoppage: 'partial',
      deadline: '2026-04-30',
    });
    expect(partial.statusCode).toBe(400);
    h = (
      await act(owner, h.id, 'submitPlan', {
        version: h.version,
        plan,
        interimMeasures: '降低储罐液位，停用2号罐',
        stoppage: 'partial',
        deadline: '2026-04-30',
      })
    ).json();
    expect(h.status).toBe('planSubmitted');
    const checks = { measures: true, responsibility: true, funds: false, timeLimit: true, contingency: true };
    const notAll = await act(regulator, h.id, 'approvePlan', { version: h.version, checks });
    expect(notAll.json().message).toContain('资金落实');
    h = (await act(regulator, h.id, 'returnPlan', { version: h.version, opinion: '资金未落实' })).json();
    expect(h.status).toBe('confirmed');
    h = (
      await act(owner, h.id, 'submitPlan', {
        version: h.version,
        plan,
        interimMeasures: '降低储罐液位',
        stoppage: 'partial',
        deadline: '2026-04-30',
      })
    ).json();
    h = (await act(regulator, h.id, 'approvePlan', { version: h.version, checks: { ...checks, funds: true } })).json();
    expect(h).toMatchObject({ status: 'rectifying', deadline: '2026-04-30' });
    h = (await act(office, h.id, 'supervise', { version: h.version, level: 'county' })).json();
    expect(h.supervisionLevel).toBe('county');

    // Extension: requested by the enterprise, granted by the regulator, with history.
    h = (await act(owner, h.id, 'requestExtension', { version: h.version, deadline: '2026-05-15', reason: '设备到货延迟' })).json();
    expect(h.pendingExtension).toMatchObject({ deadline: '2026-05-15', requestedBy: 'owner' });
    expect((await act(owner, h.id, 'requestExtension', { version: h.version, deadline: '2026-05-20', reason: '再延' })).statusCode).toBe(
      409,
    );
    h = (await act(regulator, h.id, 'approveExtension', { version: h.version })).json();
    expect(h).toMatchObject({ deadline: '2026-05-15', pendingExtension: null });

    // Time passes: reminders, then the ladder 函告 → 通报 → 约谈 → 曝光; a second sweep at the same moment adds nothing.
    const sweep = (iso: string) => runHazardSweep(t.database.db, new Date(iso));
    expect((await sweep('2026-05-13T02:00:00Z')).created.reminders).toBeGreaterThanOrEqual(1);
    const first = await sweep('2026-05-16T02:00:00Z');
    expect(first.created).toMatchObject({ overdue: expect.any(Number), escalations: 1 });
    expect((await sweep('2026-05-16T02:00:00Z')).created).toEqual({ reminders: 0, overdue: 0, escalations: 0, notifications: 0 });
    expect((await sweep('2026-05-29T02:00:00Z')).created.escalations).toBe(0);
    expect((await sweep('2026-05-30T02:00:00Z')).created.escalations).toBe(1);
    expect((await sweep('2026-07-20T02:00:00Z')).created.escalations).toBe(2);
    h = await get(office, h.id);
    expect(h.escalations.map((x: { step: string }) => x.step)).toEqual(['letter', 'bulletin', 'summons', 'exposure']);
    expect(h.escalationStep).toBe('exposure');
    const doc = await office.get(h.escalations[0].documentUrl);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ownerNotices = (await owner.get('/api/v1/notifications?pageSize=50')).json().items.map((n: { title: string }) => n.title);
    expect(ownerNotices).toContain('重大隐患逾期函告');

    h = (
      await act(owner, h.id, 'rectify', { version: h.version, note: '紧急切断阀已安装并联调', photos: [await uploadFile(owner, photo)] })
    ).json();
    // 16号令 第十八条: evaluation, the application to resume (production stopped in part), the on-site review.
    expect(h.status).toBe('evaluating');
    expect((await act(regulator, h.id, 'accept', { version: h.version, opinion: '同意' })).statusCode).toBe(409);
    h = (
      await act(owner, h.id, 'evaluate', {
        version: h.version,
        evaluator: 'self',
        reportFiles: [await uploadFile(owner, photo)],
        verdict: 'passed',
        conclusion: '符合安全生产条件',
      })
    ).json();
    h = (await act(owner, h.id, 'applyResume', { version: h.version, applicant: '张厂长', content: '申请恢复2号罐区生产' })).json();
    expect(h.status).toBe('reviewing');
    expect(
      (await act(inspector, h.id, 'review', { version: h.version, verdict: 'passed', reviewedOn: '2026-03-02', opinion: '同意' }))
        .statusCode,
    ).toBe(403);
    const closed = await act(regulator, h.id, 'review', {
      version: h.version,
      verdict: 'passed',
      reviewedOn: '2026-03-02',
      opinion: '现场审查合格，同意销号',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', accepterName: 'regulator', checkerName: 'regulator' });
  });

  it('dismisses an unfounded finding with a reason (never deleted), and upgrades a general hazard to major', async () => {
    const g = (
      await inspector.post('/api/v1/hazards', {
        enterpriseId,
        channel: 'inspection',
        grade: 'general',
        category: 'thing',
        title: '疑似泄漏',
        description: '闻到异味',
        deadline: '2026-03-05',
      })
    ).json();
    const dismissed = await act(inspector, g.id, 'dismiss', { version: g.version, reason: '经检测为正常工艺气味，不构成隐患' });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed' });
    expect((await get(office, g.id)).events.at(-1).note).toContain('不构成隐患');
    const u = (
      await inspector.post('/api/v1/hazards', {
        enterpriseId,
        channel: 'inspection',
        grade: 'general',
        category: 'thing',
        title: '报警器失效',
        description: '可燃气体报警器不报警',
        deadline: '2026-03-05',
      })
    ).json();
    const up = await act(office, u.id, 'upgrade', { version: u.version, reason: '涉及重大危险源' });
    expect(up.json()).toMatchObject({ grade: 'major', status: 'found' });
  });
});

describe('ledger and statistics', () => {
  it('pages by cursor the same as by page number, and the stats groups add up to the list total', async () => {
    const all = (await office.get('/api/v1/hazards?pageSize=200')).json();
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(all.totalCapped).toBe(false);
    // A text search's total is exact below the cap: the rows it lists, counted.
    const term = (all.items[0] as { title: string }).title.slice(0, 2);
    const found = (await office.get(`/api/v1/hazards?pageSize=200&q=${encodeURIComponent(term)}`)).json();
    expect(found).toMatchObject({ totalCapped: false, total: found.items.length });
    expect(found.total).toBeGreaterThan(0);
    const first = (await office.get('/api/v1/hazards?pageSize=2')).json();
    const second = (await office.get(`/api/v1/hazards?pageSize=2&cursor=${first.nextCursor}`)).json();
    const byPage = (await office.get('/api/v1/hazards?pageSize=2&page=2')).json();
    expect(second.items.map((h: { id: number }) => h.id)).toEqual(byPage.items.map((h: { id: number }) => h.id));
    for (const groupBy of ['region', 'industry', 'channel', 'status', 'grade']) {
      const stats = (await office.get(`/api/v1/hazards/stats?groupBy=${groupBy}`)).json();
      expect(stats.total).toBe(all.total);
      expect(stats.groups.reduce((a: number, g: { count: number }) => a + g.count, 0)).toBe(all.total);
    }
    const closed = (await office.get('/api/v1/hazards/stats?groupBy=grade&status=closed')).json();
    expect(closed.total).toBe((await office.get('/api/v1/hazards?status=closed')).json().total);
    expect((await otherOffice.get('/api/v1/hazards/stats?groupBy=grade')).json().total).toBe(0);
    const zero = (await office.get('/api/v1/hazards/dynamic-zero?cutoff=2026-02-28&groupBy=region')).json();
    expect(zero.rows.reduce((a: number, r: { increment: number }) => a + r.increment, 0)).toBe(all.total);
    expect((await office.get('/api/v1/hazards?cursor=bad')).statusCode).toBe(400);
    // The statistics cube kept by triggers (migration 0010) agrees with counting the table, after every step above.
    const byDims = sql`region_code, status, grade, channel, coalesce(industry_code, ''), coalesce(supervising_unit_id, 0)`;
    const table = await t.database.rows(sql`SELECT ${byDims}, count(*)::int AS n FROM hazards GROUP BY ${byDims} ORDER BY ${byDims}`);
    const cube = await t.database.rows(
      sql`SELECT ${byDims}, sum(n)::int AS n FROM hazard_counts GROUP BY ${byDims} HAVING sum(n) > 0 ORDER BY ${byDims}`,
    );
    expect(cube).toEqual(table);
  });

  it('exports the ledger as a real workbook', async () => {
    const res = await office.get('/api/v1/hazards/export?grade=general');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await owner.get('/api/v1/hazards/export')).statusCode).toBe(403);
  });
});
