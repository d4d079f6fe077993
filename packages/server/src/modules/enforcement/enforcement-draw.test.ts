// 双随机 draws through the API (ADR 0022): the seed's hash at commit and never the seed before the run; the result a
// pure function of the frozen snapshot and the seed; recusal (expired certificate, home village, the same inspector
// on the same target within the window); the public record verifiable by `anzhi draw verify`; scope; bad input.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DrawDetail, drawRecord, drawRecusalCheckStatuses, drawSeedHash, type PublicDraw, runDraw, verifyDraw } from '@anzhi/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli.ts';
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
import { enforcementChecks, enforcementDraws, enforcementInspectors, enforcementPlanItems, enforcementPlans } from './enforcement.table.ts';
import { runDrawCommand } from './enforcement-draw.cli.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-draw-'));

describe('双随机 draws', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  let office: Session;
  const ids: Record<string, number> = {};
  const village1Targets: number[] = [];
  const draw = (over: Record<string, unknown> = {}) => ({
    unitId: org.units.emergency.id,
    title: '2026年3月双随机抽查',
    targetCount: 3,
    inspectorsPerCheck: 2,
    scheduledOn: '2026-03-10',
    ...over,
  });
  const commit = async (over: Record<string, unknown> = {}): Promise<DrawDetail> => {
    const res = await office.post('/api/v1/draws', draw(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const run = async (id: number): Promise<DrawDetail> => {
    const res = await office.post(`/api/v1/draws/${id}/run`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const setSeed = (id: number, seed: string) =>
    t.database.db
      .update(enforcementDraws)
      .set({ seed, seedHash: drawSeedHash(seed) })
      .where(eq(enforcementDraws.id, id));

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrg(t.database);
    office = await loginAs(t.app, 'office');
    const inspector = async (name: string, certificateNo: string, certificateValidUntil: string, homeRegionCode: string | null) => {
      const res = await office.post('/api/v1/enforcement-inspectors', {
        unitId: org.units.emergency.id,
        name,
        certificateNo,
        certificateValidUntil,
        homeRegionCode,
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[name] = res.json().id;
    };
    await inspector('东村人', 'YJ0001', '2027-12-31', codes.village1);
    await inspector('西村人', 'YJ0002', '2027-12-31', codes.village2);
    await inspector('甲', 'YJ0003', '2027-12-31', null);
    await inspector('乙', 'YJ0004', '2027-12-31', null);
    await inspector('过期', 'YJ0005', '2026-03-09', null);
    for (let k = 1; k <= 3; k++) {
      const e = await makeEnterprise(t.database, {
        name: `东村厂${k}`,
        regionCode: codes.village1,
        supervisingUnitId: org.units.emergency.id,
      });
      village1Targets.push(e.id);
      await makeEnterprise(t.database, { name: `西村厂${k}`, regionCode: codes.village2, supervisingUnitId: org.units.emergency.id });
    }
    expect((await office.post('/api/v1/enforcement-targets/derive', { unitId: org.units.emergency.id })).json().added).toBe(6);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  let first: DrawDetail;
  let published: PublicDraw;

  it('commits: shows the seed’s hash, never the seed, and freezes the 名录库 snapshot (audited without the seed)', async () => {
    first = await commit();
    const [row] = await t.database.db.select().from(enforcementDraws).where(eq(enforcementDraws.id, first.id));
    expect(first).toMatchObject({ status: 'committed', seed: null, result: null, targetPool: 6, inspectorPool: 5, validInspectors: 4 });
    expect(first.seedHash).toBe(drawSeedHash(row?.seed as string));
    for (const res of [
      await office.get(`/api/v1/draws/${first.id}`),
      await office.get('/api/v1/draws'),
      await t.app.inject({ method: 'GET', url: `/api/v1/public/draws/${first.id}` }),
    ])
      expect(res.body).not.toContain(row?.seed);
    expect(await countRows(t.database, 'audit_events', sql`entity_type = 'enforcementDraw' AND action = 'commit'`)).toBe(1);
    expect(await countRows(t.database, 'audit_events', sql`after::text LIKE ${`%${row?.seed}%`}`)).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/draws/${first.id}` })).statusCode).toBe(404);
    expect(row?.inputs?.drawnOn).toBe('2026-03-10');
    expect(row?.inputs?.recusalDays).toBe(365);
  });

  it('runs once: the seed revealed matches the hash, planned checks created; recusal for expired certificates and home villages', async () => {
    const done = await run(first.id);
    expect(done.status).toBe('drawn');
    expect(drawSeedHash(done.seed as string)).toBe(first.seedHash);
    expect(done.result?.checks).toHaveLength(3);
    const checks = await t.database.db.select().from(enforcementChecks).where(eq(enforcementChecks.drawId, first.id));
    expect(checks).toHaveLength(3);
    for (const c of checks) {
      expect(c).toMatchObject({ kind: 'general', status: 'planned', scheduledOn: '2026-03-10', unitId: org.units.emergency.id });
      expect(c.inspectorIds).toHaveLength(2);
      expect(c.inspectorIds).not.toContain(ids.过期);
      expect(c.inspectorIds).not.toContain(village1Targets.includes(c.enterpriseId) ? ids.东村人 : ids.西村人);
    }
    expect(done.result?.checks.map((c) => c.checkId).sort()).toEqual(checks.map((c) => c.id).sort());
    const again = await office.post(`/api/v1/draws/${first.id}/run`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('不能重复抽取');
    expect(await countRows(t.database, 'enforcement_checks')).toBe(3);
  });

  it('publishes the record without login; it verifies in core and with `anzhi draw verify`, and a tampered copy does not', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/draws/${first.id}` });
    expect(res.statusCode, res.body).toBe(200);
    published = res.json();
    expect(published).toMatchObject({ title: '2026年3月双随机抽查', unitName: '示例镇应急管理办公室', algorithm: 'anzhi-draw-v1' });
    expect(published.regionNames).toEqual({ [codes.village1]: '东村', [codes.village2]: '西村' });
    expect(Object.keys(published.inputs.inspectors[0] ?? {}).sort()).toEqual([
      'certificateNo',
      'certificateValidUntil',
      'homeRegionCode',
      'id',
      'name',
    ]);
    expect(verifyDraw(drawRecord.parse(published))).toEqual({ ok: true });
    const file = path.join(tmp, 'draw.json');
    fs.writeFileSync(file, res.body);
    const cli = runCli(['draw', 'verify', file], { ANZHI_DATA_DIR: path.join(tmp, 'unused') });
    expect([cli.status, cli.stdout.trim()]).toEqual([0, 'ok']);

    const out: string[] = [];
    const tamper = (f: (p: PublicDraw) => void) => {
      const copy = structuredClone(published);
      f(copy);
      fs.writeFileSync(file, JSON.stringify(copy));
      out.length = 0;
      return runDrawCommand(
        ['verify', file],
        (s) => out.push(s),
        (s) => out.push(s),
      );
    };
    expect(tamper((p) => p.result.checks.reverse())).toBe(1);
    expect(out[0]).toMatch(/^第 1 个抽中对象不同/u);
    expect(tamper((p) => (p.seed = `${p.seed.slice(0, 63)}${p.seed.endsWith('0') ? '1' : '0'}`))).toBe(1);
    expect(out[0]).toBe('公布的随机种子与抽取前公示的种子哈希不符');
    expect(tamper((p) => (p.inputs.targets = p.inputs.targets.slice(1)))).toBe(1);
    fs.writeFileSync(file, '{"seed": 1}');
    expect(
      runDrawCommand(
        ['verify', file],
        (s) => out.push(s),
        (s) => out.push(s),
      ),
    ).toBe(2);
    expect(out.at(-1)).toMatch(/^文件不是有效的抽查记录/u);
    expect(
      runDrawCommand(
        ['verify', path.join(tmp, 'missing.json')],
        () => {},
        (s) => out.push(s),
      ),
    ).toBe(2);
    expect(out.at(-1)).toContain('文件不存在或无法读取');
  });

  it('the same snapshot and seed give the same result; a changed input gives a different one', async () => {
    const a = await commit({ title: '同一快照甲' });
    const b = await commit({ title: '同一快照乙' });
    const seed = 'ab'.repeat(32);
    await setSeed(a.id, seed);
    await setSeed(b.id, seed);
    const [ra, rb] = [await run(a.id), await run(b.id)];
    const rows = await t.database.db.select().from(enforcementDraws).where(sql`${enforcementDraws.id} IN (${a.id}, ${b.id})`);
    expect(rows[0]?.inputs).toEqual(rows[1]?.inputs);
    expect(rb.result?.checks.map((c) => [c.targetId, c.inspectors.map((i) => i.id)])).toEqual(
      ra.result?.checks.map((c) => [c.targetId, c.inspectors.map((i) => i.id)]),
    );
    expect(rows[0]?.result).toEqual(runDraw(rows[0]?.inputs as never, seed));
    // Take the first drawn target out of the 名录库: the same seed cannot give the same result.
    const drawnFirst = ra.result?.checks[0]?.targetId as number;
    const [target] = (await office.get(`/api/v1/enforcement-targets?unitId=${org.units.emergency.id}`))
      .json()
      .items.filter((x: { enterpriseId: number }) => x.enterpriseId === drawnFirst);
    await office.post(`/api/v1/enforcement-targets/${target.id}/exclusion`, { excluded: true, reason: '停产整顿' });
    const c = await commit({ title: '名录库变化后' });
    await setSeed(c.id, seed);
    const rc = await run(c.id);
    expect(rc.targetPool).toBe(5);
    expect(rc.result?.checks.map((x) => x.targetId)).not.toContain(drawnFirst);
    await office.post(`/api/v1/enforcement-targets/${target.id}/exclusion`, { excluded: false, reason: '恢复生产' });
  });

  it('an inspector does not return to a target checked within the recusal window; targets nobody may inspect are skipped with the reason', async () => {
    // A cancelled check does not make anyone recuse (core drawRecusalCheckStatuses is what the SQL filters on).
    const [cancelled] = await t.database.db
      .insert(enforcementChecks)
      .values({
        code: 'JC-2026-CANCEL',
        unitId: org.units.emergency.id,
        enterpriseId: village1Targets[0] as number,
        regionCode: codes.village1,
        kind: 'adhoc',
        status: 'cancelled',
        scheduledOn: '2026-03-05',
        inspectorIds: [ids.甲 as number, ids.乙 as number],
      })
      .returning();
    const planned = (await t.database.db.select().from(enforcementChecks)).filter((c) => c.id !== cancelled?.id);
    expect(drawRecusalCheckStatuses).not.toContain('cancelled');
    const pairs = new Set(planned.flatMap((c) => c.inspectorIds.map((i) => `${i}:${c.enterpriseId}`)));
    const all = await commit({ title: '全部对象', targetCount: 6 });
    expect(all.recentChecks).toBe(planned.reduce((n, c) => n + c.inspectorIds.length, 0));
    const done = await run(all.id);
    for (const c of done.result?.checks ?? []) for (const i of c.inspectors) expect(pairs.has(`${i.id}:${c.targetId}`)).toBe(false);
    expect((done.result?.checks.length ?? 0) + (done.result?.skipped.length ?? 0)).toBe(6);
    for (const s of done.result?.skipped ?? []) expect(s.reason).toMatch(/可选执法人员 \d 名，少于每组 2 名/u);
  });

  it('refuses bad input with a Chinese 400 naming the field, and creates nothing', async () => {
    const before = await countRows(t.database, 'enforcement_draws');
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ inspectorsPerCheck: 5 }, /执法证在有效期内的执法人员只有 4 名，少于每组 5 名/u],
      [{ targetCount: 99 }, /抽取数量 99 超过名录库中的 6 个对象/u],
      [{ inspectorsPerCheck: 1 }, /每组执法人员不少于 2 名/u],
      [{ scheduledOn: '2026-03-01' }, /检查日期不能早于今天/u],
      [{ title: '' }, /请填写抽查名称/u],
    ];
    for (const [over, message] of cases) {
      const res = await office.post('/api/v1/draws', draw(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.body).toMatch(message);
    }
    // Certificates are checked on the day of the checks: after 2026-03-09 the expired one does not count.
    await t.database.db
      .update(enforcementInspectors)
      .set({ certificateValidUntil: '2026-03-31' })
      .where(eq(enforcementInspectors.id, ids.甲 as number));
    const late = await office.post('/api/v1/draws', draw({ scheduledOn: '2026-04-01', inspectorsPerCheck: 4 }));
    expect(late.statusCode).toBe(400);
    expect(late.json().message).toContain('只有 3 名');
    expect(await countRows(t.database, 'enforcement_draws')).toBe(before);
  });

  it('scope: a unit sees only its own draws, 邻镇 gets 404, an enterprise none; a unit cannot draw for another unit', async () => {
    const unit = await loginAs(t.app, 'unit');
    expect((await unit.get('/api/v1/draws')).json()).toEqual({ items: [], total: 0 });
    expect((await unit.get(`/api/v1/draws/${first.id}`)).statusCode).toBe(404);
    expect((await unit.post(`/api/v1/draws/${first.id}/run`)).statusCode).toBe(404);
    expect((await unit.post('/api/v1/draws', draw())).statusCode).toBe(404);
    const other = await login(t.app, 'otheroffice');
    expect((await other.get(`/api/v1/draws/${first.id}`)).statusCode).toBe(404);
    expect((await other.get('/api/v1/draws')).json().total).toBe(0);
    const list = (await office.get('/api/v1/draws')).json();
    expect(list.total).toBe(5);
    expect(list.items[0]).toMatchObject({ id: expect.any(Number), unitName: '示例镇应急管理办公室', status: 'drawn' });
    const e = await makeEnterprise(t.database, { regionCode: codes.village1, supervisingUnitId: org.units.emergency.id });
    await makeEnterpriseAccount(t.database, e.id);
    expect((await (await loginAs(t.app, 'enterprise')).get('/api/v1/draws')).json().total).toBe(0);
    const leader = await loginAs(t.app, 'leader');
    expect((await leader.post('/api/v1/draws', draw())).statusCode).toBe(403);
  });

  it('a draw for a yearly plan draws from its 一般 units: the plan’s 重点检查 targets are left out of the pool', async () => {
    const [plan] = await t.database.db
      .insert(enforcementPlans)
      .values({ unitId: org.units.emergency.id, regionCode: codes.town, year: 2026, status: 'approved', capacity: {} })
      .returning();
    await t.database.db.insert(enforcementPlanItems).values({
      planId: plan?.id as number,
      enterpriseId: village1Targets[0] as number,
      regionCode: codes.village1,
      kind: 'key',
      reasons: ['重大危险源'],
      checksPerYear: 1,
      months: [3],
    });
    const forPlan = await commit({ planId: plan?.id });
    expect(forPlan.targetPool).toBe(5);
    const [row] = await t.database.db.select().from(enforcementDraws).where(eq(enforcementDraws.id, forPlan.id));
    expect(row?.inputs?.targets.map((x) => x.id)).not.toContain(village1Targets[0]);
    expect(row?.planId).toBe(plan?.id);
  });
});
