import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, login, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/app.ts';
import { publishedSeed003 } from '../../../test/plan-kit.ts';
import { enterpriseRepo } from '../enterprises/enterprise.repo.ts';
import { runHazardSweep } from '../hazards/hazard-sweep.ts';
import { runPlanSweep } from '../plans/plan-sweep.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let admin: Session;
let office: Session;
let otherOffice: Session;
let leader: Session;
let inspector: Session;

const put = (s: Session, key: string, payload: unknown, region = codes.town) =>
  s.request({ method: 'PUT', url: `/api/v1/settings/${key}?regionCode=${region}`, payload: payload as object });
const reset = (s: Session, key: string, version: number, region = codes.town) =>
  s.request({ method: 'DELETE', url: `/api/v1/settings/${key}?regionCode=${region}&version=${version}` });
const fragmentOf = async (s: Session, key: string, region = codes.town) =>
  (await s.get(`/api/v1/settings?regionCode=${region}`)).json().fragments.find((f: { key: string }) => f.key === key);

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  org = await seedOrg(t.database);
  [admin, office, otherOffice, leader, inspector] = await Promise.all(
    ['admin', 'office', 'otheroffice', 'leader', 'inspector'].map((u) => login(t.app, u)),
  );
});
afterAll(() => t.close());

describe('township settings: read, change, reset', () => {
  it('shows every fragment with labelled defaults, the current value and whether the township changed it', async () => {
    const res = await office.get('/api/v1/settings');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ regionCode: codes.town, regionName: '示例镇', canWrite: true, townships: [{ code: codes.town }] });
    expect(view.fragments.map((f: { key: string }) => f.key)).toEqual([
      'hazardTime',
      'hazardReport',
      'supervision',
      'planTracking',
      'planRanking',
      'enforcement',
      'report',
      'dual',
    ]);
    const time = view.fragments[0];
    expect(time).toMatchObject({ label: '隐患整改时限', overridden: false, version: 0, value: time.default });
    expect(time.fields[1]).toMatchObject({
      path: 'ladderDays.letter',
      label: '逾期问责天数·函告',
      unit: '天',
      source: '本地做法',
      default: 1,
      input: { kind: 'number', integer: true, min: 1, max: 365 },
    });
    expect(view.fragments[1].fields.find((f: { path: string }) => f.path === 'quarterDueDay')).toMatchObject({
      source: '16号令 第十四条',
      default: 15,
    });
    expect(time.schema).toMatchObject({ type: 'object' });
    const all = (await admin.get('/api/v1/settings')).json();
    expect(all.townships.map((x: { code: string }) => x.code)).toEqual([codes.town, codes.otherTown]);
  });

  it('refuses a wrong value with a Chinese message naming the field, and saves nothing', async () => {
    const bad = await put(office, 'hazardTime', {
      version: 0,
      value: { dueSoonDays: 3, ladderDays: { letter: 20, bulletin: 15, summons: 30, exposure: 60 }, majorPlanDays: 15 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'settings.invalid', message: '逾期问责天数·通报：不能早于函告（20 天）' });
    const typo = await put(office, 'hazardTime', { version: 0, value: { dueSoonDays: 'x', ladderDays: {} } });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().details).toContainEqual({ path: 'dueSoonDays', message: '到期提醒提前天数：应为数字' });
    expect((await put(office, 'nonsense', { version: 0, value: {} })).statusCode).toBe(400);
    expect((await fragmentOf(office, 'hazardTime')).overridden).toBe(false);
  });

  it('saves with the version it was loaded with, answers 409 to a stale one, audits before and after, and resets', async () => {
    const value = { dueSoonDays: 5, ladderDays: { letter: 2, bulletin: 15, summons: 30, exposure: 60 }, majorPlanDays: 15 };
    const saved = await put(office, 'hazardTime', { version: 0, value });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ value, overridden: true, version: 1, updatedBy: 'office' });
    const stale = await put(office, 'hazardTime', { version: 0, value: { ...value, dueSoonDays: 7 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('settings.version_conflict');
    expect((await fragmentOf(office, 'hazardTime')).value.dueSoonDays).toBe(5);
    // The other township keeps the defaults.
    expect((await fragmentOf(admin, 'hazardTime', codes.otherTown)).value.dueSoonDays).toBe(3);

    const events = (await admin.get('/api/v1/audit-events?entityType=settings')).json().items;
    expect(events[0]).toMatchObject({
      entityId: `${codes.town}/hazardTime`,
      action: 'update',
      actorName: 'office',
      before: { value: { dueSoonDays: 3 }, overridden: false },
      after: { value, overridden: true },
    });

    expect((await reset(office, 'hazardTime', 0)).statusCode).toBe(409);
    const back = await reset(office, 'hazardTime', 1);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ overridden: false, version: 2, value: { dueSoonDays: 3 } });
    const after = (await admin.get('/api/v1/audit-events?entityType=settings')).json().items[0];
    expect(after).toMatchObject({ action: 'reset', before: { value, overridden: true }, after: { overridden: false } });
    // A form loaded before the reset cannot overwrite after it.
    expect((await put(office, 'hazardTime', { version: 1, value })).statusCode).toBe(409);
  });

  it('lets only the administrator and the township office change settings, each within its own townships', async () => {
    const body = { version: 0, value: { reportDay: 20, reminderDays: 3 } };
    for (const username of ['unitstaff', 'village', 'inspector']) {
      const s = username === 'inspector' ? inspector : await login(t.app, username);
      expect((await s.get('/api/v1/settings')).statusCode, username).toBe(403);
      expect((await put(s, 'planTracking', body)).statusCode, username).toBe(403);
    }
    expect((await leader.get('/api/v1/settings')).json().canWrite).toBe(false);
    expect((await put(leader, 'planTracking', body)).statusCode).toBe(403);
    expect((await reset(leader, 'planTracking', 0)).statusCode).toBe(403);
    // The neighbouring township's office neither sees nor changes this township's settings.
    expect((await otherOffice.get(`/api/v1/settings?regionCode=${codes.town}`)).statusCode).toBe(404);
    expect((await put(otherOffice, 'planTracking', body)).statusCode).toBe(404);
    expect((await otherOffice.get('/api/v1/settings')).json().regionCode).toBe(codes.otherTown);
    const n = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM settings WHERE key = 'planTracking'`);
    expect(Number(n[0]?.n)).toBe(0);
  });
});

describe('the sweeps follow what the office set (acceptance)', () => {
  /**
   * Fixture: a major hazard in rectification whose deadline is 5 March. Created through the API as a general one with
   * that deadline, then made major in place — the loop that gets a major hazard there is hazard.test's business.
   */
  async function majorHazard(s: Session, enterpriseId: number, title: string): Promise<number> {
    const created = await s.post('/api/v1/hazards', {
      enterpriseId,
      channel: 'inspection',
      grade: 'general',
      category: 'thing',
      title,
      description: '储罐区可燃气体报警器不报警',
      deadline: '2026-03-05',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id: number = created.json().id;
    await t.database.db.execute(sql`UPDATE hazards SET grade = 'major' WHERE id = ${id}`);
    return id;
  }
  const steps = async (s: Session, id: number) =>
    (await s.get(`/api/v1/hazards/${id}`)).json().escalations.map((x: { step: string }) => x.step);

  it('函告 after 5 days instead of 1 in the township that changed it; the neighbour keeps its own ladder', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const enterprise = (name: string, regionCode: string, publicCode: string, unitId: number) =>
      enterpriseRepo.insert(t.database.db, {
        name,
        nameKey: name,
        regionCode,
        domains: ['hazardousChemicals'],
        industryCode: '26',
        supervisingUnitId: unitId,
        publicCode,
        createdAt: now,
        updatedAt: now,
      });
    const here = await enterprise('东村化工有限公司', codes.village1, 'stTest0001', org.units.emergency.id);
    const there = await enterprise('邻村化工有限公司', codes.otherVillage, 'stTest0002', org.units.otherEmergency.id);
    const ours = await majorHazard(office, here.id, '报警器失效');
    const theirs = await majorHazard(otherOffice, there.id, '邻镇报警器失效');

    const value = { dueSoonDays: 3, ladderDays: { letter: 5, bulletin: 15, summons: 30, exposure: 60 }, majorPlanDays: 15 };
    const version = (await fragmentOf(office, 'hazardTime')).version;
    expect((await put(office, 'hazardTime', { version, value })).statusCode).toBe(200);

    // Two days overdue: the neighbour's default ladder (1 day) sends its 函告; ours waits for day 5.
    const early = await runHazardSweep(t.database.db, new Date('2026-03-07T02:00:00Z'));
    expect(early.created.escalations).toBe(1);
    expect(await steps(office, ours)).toEqual([]);
    expect(await steps(otherOffice, theirs)).toEqual(['letter']);
    expect((await runHazardSweep(t.database.db, new Date('2026-03-09T02:00:00Z'))).created.escalations).toBe(0);
    expect((await runHazardSweep(t.database.db, new Date('2026-03-10T02:00:00Z'))).created.escalations).toBe(1);
    expect(await steps(office, ours)).toEqual(['letter']);
  });

  it('the ledger shows due soon with the township’s days', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const e = await enterpriseRepo.insert(t.database.db, {
      name: '西村五金厂',
      nameKey: '西村五金',
      regionCode: codes.village2,
      domains: ['industryTrade'],
      industryCode: '33',
      supervisingUnitId: org.units.emergency.id,
      publicCode: 'stTest0003',
      createdAt: now,
      updatedAt: now,
    });
    const created = await office.post('/api/v1/hazards', {
      enterpriseId: e.id,
      channel: 'inspection',
      grade: 'general',
      category: 'thing',
      title: '砂轮机防护罩缺失',
      description: '砂轮机无防护罩',
      deadline: '2026-03-09',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().dueSoon).toBe(false);
    const f = await fragmentOf(office, 'hazardTime');
    expect((await put(office, 'hazardTime', { version: f.version, value: { ...f.value, dueSoonDays: 10 } })).statusCode).toBe(200);
    expect((await office.get(`/api/v1/hazards/${created.json().id}`)).json().dueSoon).toBe(true);
  });

  it('offers and accepts only the 挂牌督办 levels the township uses', async () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const e = await enterpriseRepo.insert(t.database.db, {
      name: '东村仓储有限公司',
      nameKey: '东村仓储',
      regionCode: codes.village1,
      domains: ['hazardousChemicals'],
      industryCode: '59',
      supervisingUnitId: org.units.emergency.id,
      publicCode: 'stTest0004',
      createdAt: at,
      updatedAt: at,
    });
    const id = await majorHazard(office, e.id, '仓库消防通道堵塞');
    const value = { levels: ['township'], labels: { township: '镇级挂牌督办', county: '县级挂牌督办', city: '市级挂牌督办' } };
    expect((await put(office, 'supervision', { version: 0, value })).statusCode).toBe(200);
    const h = (await office.get(`/api/v1/hazards/${id}`)).json();
    // The 督办 form offers only those, by the township's names.
    expect(h.supervisionOptions).toEqual([{ value: 'township', label: '镇级挂牌督办' }]);
    const county = await office.post(`/api/v1/hazards/${id}/actions/supervise`, { version: h.version, level: 'county' });
    expect(county.statusCode).toBe(400);
    expect(county.json().message).toBe('督办层级：本乡镇未启用“县级挂牌督办”，可选 镇级挂牌督办');
    const township = await office.post(`/api/v1/hazards/${id}/actions/supervise`, { version: h.version, level: 'township' });
    expect(township.statusCode, township.body).toBe(200);
    expect(township.json()).toMatchObject({ supervisionLevel: 'township' });
    expect(township.json().events.at(-1).note).toBe('镇级挂牌督办');
  });

  it('the plan sweep reminds 7 days before the report day once the township sets it', async () => {
    await publishedSeed003(office);
    const march19 = new Date('2026-03-19T01:00:00Z');
    expect((await runPlanSweep(t.database.db, march19)).created.dispatchReminders).toBe(0);
    expect((await put(office, 'planTracking', { version: 0, value: { reportDay: 25, reminderDays: 7 } })).statusCode).toBe(200);
    expect((await runPlanSweep(t.database.db, march19)).created.dispatchReminders).toBeGreaterThan(0);
  });
});
