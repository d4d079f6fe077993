import { formatTrackingCode, reportIsOverdue, trackingCodePattern } from '@anzhi/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { makeReport } from '../../../test/report-kit.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { reportEvents, reports } from './report.table.ts';

const NAME = '王举报人';
const PHONE = '13912345678';

describe('举报办理: triage, verification, outcome, identity', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  let office: Session;
  let unit: Session;
  let leader: Session;
  let enterprise: Session;
  let ent: Awaited<ReturnType<typeof makeEnterprise>>;
  const report = (opts: Parameters<typeof makeReport>[2] = {}) =>
    makeReport(t.database.db, t.services.reportModule.identity, { enterprise: ent, ...opts });
  const verifying = (opts: Parameters<typeof makeReport>[2] = {}) =>
    report({ status: 'verifying', acceptedOn: '2026-02-20', dueOn: '2026-04-21', ...opts });

  beforeAll(async () => {
    t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
    org = await seedOrg(t.database);
    ent = await makeEnterprise(t.database, { name: '东村五金厂', regionCode: codes.village1, supervisingUnitId: org.units.market.id });
    await makeEnterpriseAccount(t.database, ent.id);
    office = await loginAs(t.app, 'office');
    unit = await loginAs(t.app, 'unit');
    leader = await loginAs(t.app, 'leader');
    enterprise = await login(t.app, 'qiye');
  });
  afterAll(() => t.close());

  it('walks received → accepted (60 days) → extended within the limit → founded into a new hazard (群众举报查实), linked both ways', async () => {
    const r = await report({ reporterName: NAME, reporterPhone: PHONE, description: '东村五金厂车间消防通道被货物堵死' });
    const listed = await office.get('/api/v1/reports?status=received');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items.find((i: { id: number }) => i.id === r.id)).toMatchObject({ named: true, enterpriseName: '东村五金厂' });

    const early = await office.post(`/api/v1/reports/${r.id}/outcome`, { version: 1, outcome: 'unfounded', feedback: '经核查不属实' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('只有核查中的举报可以办结');

    const acc = await office.post(`/api/v1/reports/${r.id}/accept`, { version: 1, assignedUnitId: org.units.market.id, matter: 'hazard' });
    expect(acc.statusCode, acc.body).toBe(200);
    const a = acc.json();
    expect(a).toMatchObject({ status: 'verifying', acceptedOn: '2026-03-02', dueOn: '2026-05-01', assignedUnitName: '示例镇市场监管所' });
    expect(a.messages.map((m: { kind: string }) => m.kind)).toEqual(['notice']);
    // The unit is told, without the reporter's identity or the text.
    const notes = await t.database.rows<{ body: string; title: string }>(
      sql`SELECT title, body FROM notifications WHERE user_id = ${org.users.unitStaff.id} AND entity_type = 'report'`,
    );
    expect(notes.length).toBe(1);
    expect(JSON.stringify(notes)).not.toMatch(new RegExp(`${NAME}|${PHONE}|消防通道`));

    expect((await unit.post(`/api/v1/reports/${r.id}/extend`, { version: 1, days: 10, reason: '需调取监控' })).statusCode).toBe(409);
    const ext = await unit.post(`/api/v1/reports/${r.id}/extend`, { version: 2, days: 20, reason: '需调取监控' });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json()).toMatchObject({ dueOn: '2026-05-21', extendedDays: 20 });
    const over = await unit.post(`/api/v1/reports/${r.id}/extend`, { version: 3, days: 11, reason: '仍需调查' });
    expect(over.statusCode).toBe(400);
    expect(over.json().message).toContain('最多还可延期 10 天');
    const ext2 = await unit.post(`/api/v1/reports/${r.id}/extend`, { version: 3, days: 10, reason: '仍需调查' });
    expect(ext2.json()).toMatchObject({ dueOn: '2026-05-31', extendedDays: 30 });
    expect(ext2.json().messages.at(-1)).toMatchObject({ kind: 'extension' });

    const missing = await unit.post(`/api/v1/reports/${r.id}/outcome`, { version: 4, outcome: 'founded', feedback: '属实，已责令整改' });
    expect(missing.statusCode).toBe(400);
    const done = await unit.post(`/api/v1/reports/${r.id}/outcome`, {
      version: 4,
      outcome: 'founded',
      note: '现场查见通道堵塞',
      feedback: '经核查属实，已责令企业限期整改',
      createHazard: {
        title: '消防通道堵塞',
        description: '车间消防通道被货物堵死',
        grade: 'general',
        category: 'thing',
        deadline: '2026-03-10',
      },
    });
    expect(done.statusCode, done.body).toBe(200);
    const d = done.json();
    expect(d).toMatchObject({ status: 'founded', decidedOn: '2026-03-02', outcomeNote: '现场查见通道堵塞' });
    expect(d.hazard).toMatchObject({ title: '消防通道堵塞' });
    expect(d.events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['accepted', 'extended', 'founded', 'linkedHazard']),
    );
    expect(d.messages.at(-1)).toMatchObject({ kind: 'feedback', body: '经核查属实，已责令企业限期整改' });
    const [h] = await t.database.db.select().from(hazards).where(eq(hazards.id, d.hazard.id));
    expect(h?.channel).toBe('publicReport');

    const hv = (await office.get(`/api/v1/hazards/${d.hazard.id}`)).json();
    expect(hv.reports).toEqual([{ id: r.id, trackingCode: r.trackingCode, channel: 'public', receivedAt: r.receivedAt.toISOString() }]);
    // The enterprise reads its hazard, and nothing about the report.
    const eh = await enterprise.get(`/api/v1/hazards/${d.hazard.id}`);
    expect(eh.statusCode, eh.body).toBe(200);
    expect(eh.json()).not.toHaveProperty('reports');
    expect(eh.body).not.toContain(r.trackingCode);
  });

  it('links an existing hazard of the enterprise instead of making a second one', async () => {
    const existing = await makeHazard(t.database, { enterprise: ent, foundBy: org.users.unitStaff.id, title: '配电箱无防护' });
    const r = await verifying();
    const before = await countRows(t.database, 'hazards');
    const res = await unit.post(`/api/v1/reports/${r.id}/outcome`, {
      version: 1,
      outcome: 'founded',
      feedback: '属实，已在检查中发现并整改',
      linkHazardId: existing.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().hazard).toMatchObject({ id: existing.id });
    expect(await countRows(t.database, 'hazards')).toBe(before);
    expect((await unit.get(`/api/v1/hazards/${existing.id}`)).json().reports.map((x: { id: number }) => x.id)).toEqual([r.id]);

    const other = await makeEnterprise(t.database, { regionCode: codes.village1, supervisingUnitId: org.units.market.id });
    const foreign = await makeHazard(t.database, { enterprise: other, foundBy: org.users.unitStaff.id });
    const r2 = await verifying();
    const bad = await unit.post(`/api/v1/reports/${r2.id}/outcome`, {
      version: 1,
      outcome: 'founded',
      feedback: '属实',
      linkHazardId: foreign.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('不是被举报企业的');
  });

  it('closes a report as unfounded with feedback, and refuses links on an unfounded outcome', async () => {
    const r = await verifying();
    const bad = await unit.post(`/api/v1/reports/${r.id}/outcome`, {
      version: 1,
      outcome: 'unfounded',
      feedback: '不属实',
      linkHazardId: 1,
    });
    expect(bad.statusCode).toBe(400);
    const res = await unit.post(`/api/v1/reports/${r.id}/outcome`, {
      version: 1,
      outcome: 'unfounded',
      feedback: '经现场核查，未发现所反映问题',
      note: '内部记录',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'unfounded', hazard: null, decidedOn: '2026-03-02' });
    const again = await unit.post(`/api/v1/reports/${r.id}/outcome`, { version: 2, outcome: 'unfounded', feedback: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('只有核查中的举报可以办结');
  });

  it('rejects a received report with the reason sent to the reporter; only a received one', async () => {
    const r = await report();
    const res = await office.post(`/api/v1/reports/${r.id}/reject`, { version: 1, reason: '不属于安全生产领域' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', rejectReason: '不属于安全生产领域' });
    expect(res.json().messages[0].body).toContain('不属于安全生产领域');
    const v = await verifying();
    const no = await office.post(`/api/v1/reports/${v.id}/accept`, { version: 1, assignedUnitId: org.units.market.id, matter: 'hazard' });
    expect(no.statusCode).toBe(409);
    expect(no.json().message).toBe('只有待受理的举报可以受理');
    // 改派 is the office's; the unit is refused.
    expect((await unit.post(`/api/v1/reports/${v.id}/assign`, { version: 1, unitId: org.units.emergency.id })).statusCode).toBe(403);
    const moved = await office.post(`/api/v1/reports/${v.id}/assign`, { version: 1, unitId: org.units.emergency.id });
    expect(moved.json()).toMatchObject({ assignedUnitId: org.units.emergency.id });
    // Now outside the market unit's scope.
    expect((await unit.get(`/api/v1/reports/${v.id}`)).statusCode).toBe(404);
  });

  it('merges a duplicate into the first report (never a chain), unmerges it, and a merged one follows the outcome', async () => {
    const first = await verifying();
    const dup = await report();
    const third = await report();
    const m = await office.post(`/api/v1/reports/${dup.id}/merge`, { version: 1, intoId: first.id });
    expect(m.statusCode, m.body).toBe(200);
    expect(m.json()).toMatchObject({ status: 'merged', duplicateOfId: first.id, duplicateOf: { id: first.id } });
    const chain = await office.post(`/api/v1/reports/${third.id}/merge`, { version: 1, intoId: dup.id });
    expect(chain.statusCode).toBe(400);
    expect((await office.post(`/api/v1/reports/${first.id}/merge`, { version: 1, intoId: third.id })).statusCode).toBe(400);
    expect((await office.get(`/api/v1/reports/${first.id}`)).json()).toMatchObject({ duplicateCount: 1, duplicates: [{ id: dup.id }] });

    const un = await office.post(`/api/v1/reports/${dup.id}/unmerge`, { version: 2 });
    expect(un.json()).toMatchObject({ status: 'received', duplicateOfId: null });
    await office.post(`/api/v1/reports/${dup.id}/merge`, { version: 3, intoId: first.id });
    await unit.post(`/api/v1/reports/${first.id}/outcome`, { version: 1, outcome: 'unfounded', feedback: '经核查不属实' });
    const followed = (await office.get(`/api/v1/reports/${dup.id}`)).json();
    expect(followed).toMatchObject({ status: 'unfounded', decidedOn: '2026-03-02', duplicateOfId: first.id });
    expect(followed.messages.at(-1)).toMatchObject({ kind: 'feedback', body: '经核查不属实' });
  });

  it('shows the identity to the office only, audited, never cached; the unit and the leader are refused', async () => {
    const r = await report({ reporterName: NAME, reporterPhone: PHONE });
    const detail = await office.get(`/api/v1/reports/${r.id}`);
    expect(detail.json().identity).toEqual({ named: true, canView: true });
    expect(detail.body).not.toContain(PHONE);
    expect(detail.body).not.toContain(NAME);
    const res = await office.get(`/api/v1/reports/${r.id}/identity`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ name: NAME, phone: PHONE });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await countRows(t.database, 'audit_events', sql`action = 'identity_viewed' AND entity_id = ${String(r.id)}`)).toBe(1);
    const ev = await t.database.db.select().from(reportEvents).where(eq(reportEvents.reportId, r.id));
    expect(ev.map((e) => ({ kind: e.kind, actorId: e.actorId }))).toEqual([{ kind: 'identityViewed', actorId: org.users.office.id }]);
    expect((await unit.get(`/api/v1/reports/${r.id}/identity`)).statusCode).toBe(403);
    expect((await leader.get(`/api/v1/reports/${r.id}/identity`)).statusCode).toBe(403);
    expect((await leader.get(`/api/v1/reports/${r.id}`)).json().identity).toEqual({ named: true, canView: false });
  });

  it('the enterprise account never receives the reporter’s name or phone', async () => {
    const r = await verifying({ reporterName: NAME, reporterPhone: PHONE });
    const done = await unit.post(`/api/v1/reports/${r.id}/outcome`, {
      version: 1,
      outcome: 'founded',
      feedback: '属实',
      createHazard: { title: '灭火器过期', description: '车间灭火器过期未换', grade: 'general', category: 'thing', deadline: '2026-03-20' },
    });
    expect(done.statusCode, done.body).toBe(200);
    const hazardId = done.json().hazard.id;
    const bodies: string[] = [];
    for (const url of [
      '/api/v1/hazards',
      `/api/v1/hazards/${hazardId}`,
      '/api/v1/reports',
      `/api/v1/reports/${r.id}`,
      `/api/v1/reports/${r.id}/identity`,
    ]) {
      const res = await enterprise.get(url);
      if (url.includes('/reports')) expect(res.statusCode, url).toBe(403);
      else expect(res.statusCode, url).toBe(200);
      bodies.push(res.body);
    }
    expect(bodies[1]).toContain('灭火器过期');
    for (const b of bodies) {
      expect(b).not.toContain(PHONE);
      expect(b).not.toContain(NAME);
    }
  });

  it('registers a hotline report: identity encrypted, tracking code and secret returned once', async () => {
    const res = await office.post('/api/v1/reports', {
      source: 'hotline',
      description: '西村某加工点夜间违规电焊作业',
      regionCode: codes.village2,
      reporterPhone: PHONE,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.trackingCode).toMatch(trackingCodePattern);
    expect(body.secret).toMatch(/^[2-9A-HJKMNP-Z]{16}$/);
    expect(body.report).toMatchObject({ source: 'hotline', status: 'received', named: true, regionName: '西村' });
    expect(res.body).not.toContain(PHONE);
    const [row] = await t.database.db.select().from(reports).where(eq(reports.id, body.report.id));
    expect(row?.reporterPhoneEnc).not.toContain(PHONE);
    expect(row?.secretHash).toBe(t.services.reportModule.identity.digest('secret', body.secret));
    const bad = await office.post('/api/v1/reports', { source: 'online', description: '网上举报不从这里登记' });
    expect(bad.statusCode).toBe(400);
    const noPlace = await office.post('/api/v1/reports', { source: 'letter', description: '没有地点的来信举报' });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json().message).toContain('村（社区）');
  });

  it('filters the list: a unit sees only its own; q, named, channel; overdue equals core on the same rows', async () => {
    const sibling = await report({ assignedUnitId: org.units.emergency.id, description: '应急办承办的举报' });
    const mine = (await unit.get('/api/v1/reports?pageSize=200')).json().items.map((i: { id: number }) => i.id);
    expect(mine).not.toContain(sibling.id);
    expect((await unit.get(`/api/v1/reports/${sibling.id}`)).statusCode).toBe(404);

    const code = (await office.get(`/api/v1/reports?q=${sibling.trackingCode}`)).json();
    expect(code.items.map((i: { id: number }) => i.id)).toEqual([sibling.id]);
    // As printed on the receipt (JB-XXXX-XXXX-XX), in lower case.
    const printed = formatTrackingCode(sibling.trackingCode).toLowerCase();
    expect((await office.get(`/api/v1/reports?q=${encodeURIComponent(printed)}`)).json().items.map((i: { id: number }) => i.id)).toEqual([
      sibling.id,
    ]);
    const named = (await office.get('/api/v1/reports?named=true&pageSize=200')).json().items;
    expect(named.every((i: { named: boolean }) => i.named)).toBe(true);
    expect((await office.get('/api/v1/reports?channel=internal')).json().total).toBe(0);

    await report({ status: 'verifying', acceptedOn: '2026-01-01', dueOn: '2026-03-01' });
    await report({ status: 'verifying', acceptedOn: '2026-01-02', dueOn: '2026-03-02' });
    await report({ status: 'founded', acceptedOn: '2026-01-01', dueOn: '2026-02-01', decidedOn: '2026-02-01' });
    await report({ status: 'received', dueOn: '2026-02-01' });
    const all = await t.database.db.select().from(reports);
    const expected = all
      .filter((r) => reportIsOverdue(r, '2026-03-02'))
      .map((r) => r.id)
      .sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const got = (await office.get('/api/v1/reports?overdue=true&pageSize=200')).json();
    expect(got.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b)).toEqual(expected);
    expect(got.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const notOverdue = (await office.get('/api/v1/reports?overdue=false&pageSize=200')).json();
    expect(notOverdue.total + got.total).toBe(all.length);

    // 待受理 first.
    const first = (await office.get('/api/v1/reports?pageSize=200')).json().items;
    const firstOther = first.findIndex((i: { status: string }) => i.status !== 'received');
    expect(first.slice(firstOther).some((i: { status: string }) => i.status === 'received')).toBe(false);
    const badQ = await office.get('/api/v1/reports?month=2026-13');
    expect(badQ.statusCode).toBe(400);
  });
});
