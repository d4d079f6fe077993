import type { RiskTree } from '@anzhi/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheckTask } from '../../../test/dual-kit.ts';
import {
  codes,
  countRows,
  login,
  loginAs,
  makeEnterprise,
  makeEnterpriseAccount,
  makeHazard,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
} from '../../../test/factories.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { riskEvents } from './dual.table.ts';

describe('风险分级管控: the chain of an enterprise, assessed on the server, feeding the registry (issue 16)', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  let ent: EnterpriseRow;
  let other: EnterpriseRow;
  let office: Session;
  let qiye: Session;

  beforeAll(async () => {
    t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
    org = await seedOrg(t.database);
    ent = await makeEnterprise(t.database, {
      name: '东村冲压厂',
      regionCode: codes.village1,
      supervisingUnitId: org.units.market.id,
      riskLevel: 'low',
    });
    other = await makeEnterprise(t.database, { name: '西村喷涂厂', regionCode: codes.village1, supervisingUnitId: org.units.market.id });
    await makeEnterpriseAccount(t.database, ent.id);
    office = await loginAs(t.app, 'office');
    qiye = await loginAs(t.app, 'enterprise');
  });
  afterAll(() => t.close());

  const ok = async <T = RiskTree>(p: Promise<{ statusCode: number; body: string; json(): unknown }>): Promise<T> => {
    const res = await p;
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };

  it('builds points → units → events → measures; the score comes from core with the township bands, never from the client', async () => {
    let tree = await ok(qiye.post('/api/v1/risk-points', { kind: 'device', name: '冲压机', location: '一车间' }));
    const point = tree.points[0];
    expect(point).toMatchObject({ enterpriseId: ent.id, name: '冲压机', level: null, eventCount: 0, reviewedOn: null });
    if (!point) throw new Error('no point');
    tree = await ok(qiye.post('/api/v1/risk-units', { pointId: point.id, name: '模具区' }));
    const unit = tree.points[0]?.units[0];
    if (!unit) throw new Error('no unit');
    tree = await ok(
      qiye.post('/api/v1/risk-events', {
        unitId: unit.id,
        name: '手部进入模具区',
        consequence: '机械伤害',
        assessment: { method: 'lec', l: 6, e: 6, c: 7 },
        score: 1,
        level: 'low',
      }),
    );
    const event = tree.points[0]?.units[0]?.events[0];
    expect(event).toMatchObject({
      score: 252,
      level: 'high',
      controlLevel: 'workshop',
      assessedBy: 'qiye',
      method: 'lec',
      l: 6,
      e: 6,
      c: 7,
      s: null,
    });
    if (!event) throw new Error('no event');
    tree = await ok(
      qiye.post('/api/v1/control-measures', { eventId: event.id, kind: 'engineering', content: '双手按钮与光电保护装置完好' }),
    );
    const measure = tree.points[0]?.units[0]?.events[0]?.measures[0];
    expect(measure).toMatchObject({ kind: 'engineering', tasks: [] });
    expect(tree.levelCounts).toEqual({ major: 0, high: 1, medium: 0, low: 0 });
    expect(tree.enterprise).toMatchObject({ assessedRiskLevel: 'high', assessedRiskBy: 'qiye' });

    // A check task another part wrote for the measure shows under it.
    await makeCheckTask(t.database.db, ent, { measureId: measure?.id, cycle: 'day', ownerName: '张班长', title: '光电保护日检' });
    tree = await ok(office.get(`/api/v1/enterprises/${ent.id}/risk-tree`));
    expect(tree.points[0]?.units[0]?.events[0]?.measures[0]?.tasks).toMatchObject([{ title: '光电保护日检', cycle: 'day' }]);

    const list = await ok<{ items: Array<{ level: string }>; levelCounts: object }>(
      office.get(`/api/v1/risk-points?enterpriseId=${ent.id}`),
    );
    expect(list.items).toMatchObject([{ name: '冲压机', level: 'high', eventCount: 1 }]);
  });

  it('the registry shows the assessed level, who assessed it and when, and its effective level and list filter follow it', async () => {
    const e = await ok<{ assessedRiskLevel: string; assessedRiskBy: string; risk: { effective: string; reason: string } }>(
      office.get(`/api/v1/enterprises/${ent.id}`),
    );
    expect(e).toMatchObject({
      assessedRiskLevel: 'high',
      assessedRiskBy: 'qiye',
      risk: { registered: 'low', assessed: 'high', effective: 'high' },
    });
    expect(e.risk.reason).toContain('企业风险辨识评估最高为较大风险');
    const high = await ok<{ items: Array<{ id: number }> }>(office.get('/api/v1/enterprises?riskLevel=high&pageSize=200'));
    expect(high.items.map((i) => i.id)).toContain(ent.id);
    const low = await ok<{ items: Array<{ id: number }> }>(office.get('/api/v1/enterprises?riskLevel=low&pageSize=200'));
    expect(low.items.map((i) => i.id)).not.toContain(ent.id);
  });

  it('the list filter by level agrees with the presenter on every enterprise (core effectiveRiskLevel ≡ SQL)', async () => {
    // Cases: none; registered only; assessed above registered; an open major hazard's floor above both.
    const a = await makeEnterprise(t.database, { regionCode: codes.village1, riskLevel: 'medium' });
    const b = await makeEnterprise(t.database, { regionCode: codes.village1, riskLevel: 'low', assessedRiskLevel: 'low' });
    await makeHazard(t.database, { enterprise: b, foundBy: org.users.office.id, grade: 'major' });
    const c = await makeEnterprise(t.database, { regionCode: codes.village1, riskLevel: null, assessedRiskLevel: 'major' });
    const all = await ok<{ items: Array<{ id: number; risk: { effective: string | null } }> }>(
      office.get('/api/v1/enterprises?pageSize=200'),
    );
    const shown = new Map(all.items.map((i) => [i.id, i.risk.effective]));
    expect([shown.get(a.id), shown.get(b.id), shown.get(c.id)]).toEqual(['medium', 'high', 'major']);
    for (const level of ['major', 'high', 'medium', 'low'] as const) {
      const page = await ok<{ items: Array<{ id: number }> }>(office.get(`/api/v1/enterprises?riskLevel=${level}&pageSize=200`));
      const expected = all.items
        .filter((i) => i.risk.effective === level)
        .map((i) => i.id)
        .sort();
      expect(page.items.map((i) => i.id).sort(), level).toEqual(expected);
    }
  });

  it('refuses LEC values off the scales naming the factor, and writes nothing', async () => {
    const tree = await ok(office.get(`/api/v1/enterprises/${ent.id}/risk-tree`));
    const unitId = tree.points[0]?.units[0]?.id;
    const before = await countRows(t.database, 'risk_events');
    const res = await qiye.post('/api/v1/risk-events', { unitId, name: '错值', assessment: { method: 'lec', l: 5, e: 6, c: 7 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('事故发生的可能性 L');
    expect(res.json().details[0].path).toBe('assessment.l');
    const ls = await qiye.post('/api/v1/risk-events', { unitId, name: '错值', assessment: { method: 'ls', l: 3, s: 7 } });
    expect(ls.statusCode).toBe(400);
    expect(ls.json().message).toContain('严重程度 S');
    expect(await countRows(t.database, 'risk_events')).toBe(before);
  });

  it('re-assesses with the township bands (changed settings), lowers the registry feed when the worst event goes, and reviews a point', async () => {
    const preview = await ok<{ score: number; level: string }>(
      qiye.post('/api/v1/risk-assessments/preview', { assessment: { method: 'ls', l: 4, s: 5 } }),
    );
    expect(preview).toEqual({ score: 20, level: 'major', controlLevel: 'company' });
    let tree = await ok(office.get(`/api/v1/enterprises/${ent.id}/risk-tree`));
    const ev = tree.points[0]?.units[0]?.events[0];
    if (!ev) throw new Error('no event');
    tree = await ok(qiye.patch(`/api/v1/risk-events/${ev.id}`, { version: ev.version, assessment: { method: 'ls', l: 1, s: 2 } }));
    expect(tree.points[0]?.units[0]?.events[0]).toMatchObject({
      method: 'ls',
      score: 2,
      level: 'low',
      controlLevel: 'post',
      l: 1,
      s: 2,
      e: null,
    });
    expect(tree.enterprise.assessedRiskLevel).toBe('low');
    const stale = await qiye.patch(`/api/v1/risk-events/${ev.id}`, { version: ev.version, name: '旧版本' });
    expect(stale.statusCode).toBe(409);

    const point = tree.points[0];
    if (!point) throw new Error('no point');
    tree = await ok(qiye.post(`/api/v1/risk-points/${point.id}/review`, { note: '年度复评' }));
    expect(tree.points[0]?.reviewedOn).toBe('2026-03-02');
    const future = await qiye.post(`/api/v1/risk-points/${point.id}/review`, { reviewedOn: '2026-04-01' });
    expect(future.statusCode).toBe(400);

    tree = await ok(qiye.request({ method: 'DELETE', url: `/api/v1/risk-events/${ev.id}` }));
    expect(tree.enterprise.assessedRiskLevel).toBeNull();
    const [row] = await t.database.db.select().from(enterprises).where(eq(enterprises.id, ent.id));
    expect(row).toMatchObject({ assessedRiskLevel: null, assessedRiskBy: null });
    expect(await countRows(t.database, 'risk_events', eq(riskEvents.enterpriseId, ent.id))).toBe(0);
  });

  it('keeps an enterprise account to its own enterprise, whatever id it sends', async () => {
    const tree = await ok(qiye.post('/api/v1/risk-points', { enterpriseId: other.id, kind: 'place', name: '配电房' }));
    expect(tree.enterprise.id).toBe(ent.id);
    expect((await qiye.get(`/api/v1/enterprises/${other.id}/risk-tree`)).statusCode).toBe(404);
    const own = await ok(office.post('/api/v1/risk-points', { enterpriseId: other.id, kind: 'place', name: '喷漆房' }));
    const foreign = own.points[0]?.id;
    expect((await qiye.post('/api/v1/risk-units', { pointId: foreign, name: '越权' })).statusCode).toBe(404);
    expect((await office.post('/api/v1/risk-points', { kind: 'place', name: '无企业' })).statusCode).toBe(400);
    const leader = await login(t.app, 'leader');
    expect((await leader.post('/api/v1/risk-points', { enterpriseId: other.id, kind: 'place', name: 'x' })).statusCode).toBe(403);
  });
});
