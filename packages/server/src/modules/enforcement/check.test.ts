import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
  uploadFile,
} from '../../../test/factories.ts';
import { completeDemoChecks } from '../../demo/demo-enforcement-checks.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { enforcementInspectors } from './enforcement.table.ts';
import { insertPlannedChecks } from './enforcement-check.repo.ts';

// Each check is built from ~100 criteria; on a loaded machine PGlite needs more than the default 30 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const photo = fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/files/phone-rotated.jpg'));
let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrg>>;
let ent: EnterpriseRow;
let office: Session;
let inspector: Session;
let inspectorIds: number[];
let png: string;

type Item = { id: number; seq: number; source: string; major: boolean; criterionCode: string | null; text: string };

beforeAll(async () => {
  t = await startTestApp();
  org = await seedOrg(t.database);
  ent = await makeEnterprise(t.database, {
    name: '示例镇化工甲厂',
    regionCode: codes.village1,
    domains: ['hazardousChemicals'],
    supervisingUnitId: org.units.emergency.id,
  });
  await makeEnterpriseAccount(t.database, ent.id);
  const rows = await t.database.db
    .insert(enforcementInspectors)
    .values([
      {
        unitId: org.units.emergency.id,
        userId: org.users.inspector.id,
        name: '张执法',
        certificateNo: 'T-001',
        certificateValidUntil: '2028-12-31',
      },
      { unitId: org.units.emergency.id, name: '李执法', certificateNo: 'T-002', certificateValidUntil: '2028-12-31' },
      { unitId: org.units.emergency.id, name: '王过期', certificateNo: 'T-003', certificateValidUntil: '2026-01-31' },
      { unitId: org.units.market.id, name: '赵市监', certificateNo: 'T-004', certificateValidUntil: '2028-12-31' },
    ])
    .returning();
  inspectorIds = rows.map((r) => r.id);
  office = await loginAs(t.app, 'office');
  inspector = await loginAs(t.app, 'inspector');
  const bytes = await sharp({ create: { width: 40, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .png()
    .toBuffer();
  png = `data:image/png;base64,${bytes.toString('base64')}`;
});
afterAll(() => t.close());

const put = (s: Session, url: string, payload: object) => s.request({ method: 'PUT', url, payload });

async function newCheck(enterpriseId = ent.id): Promise<number> {
  const res = await office.post('/api/v1/enforcement-checks', {
    enterpriseId,
    unitId: org.units.emergency.id,
    scheduledOn: '2026-03-02',
    inspectorIds: inspectorIds.slice(0, 2),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function started(): Promise<{ id: number; items: Item[]; version: number }> {
  const id = await newCheck();
  const res = await inspector.post(`/api/v1/enforcement-checks/${id}/start`);
  expect(res.statusCode, res.body).toBe(200);
  return { id, items: res.json().items, version: res.json().version };
}

const signatures = (withRepresentative = true) => [
  { role: 'inspector', name: '张执法', inspectorId: inspectorIds[0], image: png },
  { role: 'inspector', name: '李执法', inspectorId: inspectorIds[1], image: png },
  ...(withRepresentative ? [{ role: 'enterprise', name: '企业负责人', image: png }] : []),
];

describe('an ad-hoc check needs two inspectors of the unit with valid certificates (国办发〔2015〕58号)', () => {
  it('refuses one inspector, an expired certificate and another unit’s inspector in Chinese, and writes nothing', async () => {
    const before = await countRows(t.database, 'enforcement_checks');
    const body = { enterpriseId: ent.id, unitId: org.units.emergency.id, scheduledOn: '2026-03-02' };
    const one = await office.post('/api/v1/enforcement-checks', { ...body, inspectorIds: [inspectorIds[0]] });
    expect(one.statusCode).toBe(400);
    const expired = await office.post('/api/v1/enforcement-checks', { ...body, inspectorIds: [inspectorIds[0], inspectorIds[2]] });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().message).toContain('王过期的执法证（T-003）于 2026-01-31 到期');
    const foreign = await office.post('/api/v1/enforcement-checks', { ...body, inspectorIds: [inspectorIds[0], inspectorIds[3]] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details[0].path).toBe('inspectorIds.1');
    expect(await countRows(t.database, 'enforcement_checks')).toBe(before);
  });
});

describe('指派执法人员 for a planned check (a check from the yearly plan)', () => {
  it('sets a valid team before the check starts, refuses a bad one in Chinese, and no change once started', async () => {
    const [planned] = await insertPlannedChecks(
      t.database.db,
      [{ unitId: org.units.emergency.id, enterpriseId: ent.id, kind: 'key', scheduledOn: '2026-03-02', inspectorIds: [], createdBy: null }],
      t.clock.now(),
    );
    const url = `/api/v1/enforcement-checks/${planned?.id}/inspectors`;
    const early = await office.post(`/api/v1/enforcement-checks/${planned?.id}/start`);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('请先指派执法人员');
    const expired = await put(office, url, { version: 1, inspectorIds: [inspectorIds[0], inspectorIds[2]] });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().message).toContain('王过期的执法证（T-003）于 2026-01-31 到期');
    const unitStaff = await loginAs(t.app, 'unit');
    expect((await put(unitStaff, url, { version: 1, inspectorIds: inspectorIds.slice(0, 2) })).statusCode).toBe(404);
    const ok = await put(office, url, { version: 1, inspectorIds: [inspectorIds[1], inspectorIds[0]] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await put(office, url, { version: 1, inspectorIds: inspectorIds.slice(0, 2) });
    expect(stale.statusCode).toBe(409);
    expect((await inspector.post(`/api/v1/enforcement-checks/${planned?.id}/start`)).statusCode).toBe(200);
    const late = await put(office, url, { version: 3, inspectorIds: inspectorIds.slice(0, 2) });
    expect(late.statusCode).toBe(409);
    const [event] = await t.database.rows<{ after: { inspectorIds: number[] } }>(
      sql`SELECT after FROM audit_events WHERE entity_type = 'enforcementCheck' AND action = 'assignTeam' ORDER BY id DESC LIMIT 1`,
    );
    expect(event?.after.inspectorIds).toEqual(inspectorIds.slice(0, 2).sort((a, b) => (a as number) - (b as number)));
  });
});

describe('开始检查 builds the checklist', () => {
  it('from the major-hazard criteria of the enterprise’s industry, then the unit’s own items', async () => {
    const saved = await put(office, `/api/v1/enforcement-checklists/${org.units.emergency.id}`, {
      version: 0,
      items: ['安全生产责任制上墙', '特种作业人员持证'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(1);
    const stale = await put(office, `/api/v1/enforcement-checklists/${org.units.emergency.id}`, { version: 0, items: [] });
    expect(stale.statusCode).toBe(409);
    const { items } = await started();
    const criteria = items.filter((i) => i.source === 'criteria');
    expect(criteria.map((i) => i.criterionCode)).toContain('huagong-2017/1');
    expect(criteria.every((i) => i.major)).toBe(true);
    expect(criteria.some((i) => i.criterionCode?.startsWith('gongmao-'))).toBe(false);
    expect(items.slice(-2).map((i) => [i.source, i.text, i.major])).toEqual([
      ['unit', '安全生产责任制上墙', false],
      ['unit', '特种作业人员持证', false],
    ]);
  });
});

describe('现场签字 and the hazards it opens', () => {
  it('refuses a missing answer, one signature or no representative in Chinese and writes nothing', async () => {
    const { id, items, version } = await started();
    const answered = items.slice(1).map((i) => ({ id: i.id, result: 'pass' }));
    const rec = await put(inspector, `/api/v1/enforcement-checks/${id}/items`, { version, items: answered });
    expect(rec.statusCode, rec.body).toBe(200);
    const v = rec.json().version;
    const hazardsBefore = await countRows(t.database, 'hazards');
    const filesBefore = await countRows(t.database, 'files');
    const missing = await inspector.post(`/api/v1/enforcement-checks/${id}/sign`, { version: v, signatures: signatures() });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('1 个检查项未填写结果');
    await put(inspector, `/api/v1/enforcement-checks/${id}/items`, { version: v, items: [{ id: items[0]?.id, result: 'na' }] });
    const one = await inspector.post(`/api/v1/enforcement-checks/${id}/sign`, { version: v + 1, signatures: signatures().slice(0, 1) });
    expect(one.statusCode).toBe(400);
    expect(one.json().message).toContain('须至少两名本次检查的执法人员签字');
    const noRep = await inspector.post(`/api/v1/enforcement-checks/${id}/sign`, { version: v + 1, signatures: signatures(false) });
    expect(noRep.statusCode).toBe(400);
    expect(noRep.json().message).toContain('第六十八条');
    const detail = (await inspector.get(`/api/v1/enforcement-checks/${id}`)).json();
    expect([detail.status, detail.signatures, detail.recordHash]).toEqual(['inProgress', [], null]);
    expect(await countRows(t.database, 'hazards')).toBe(hazardsBefore);
    expect(await countRows(t.database, 'files')).toBe(filesBefore);
    // A recorded refusal stands in for the representative's signature.
    const refused = await inspector.post(`/api/v1/enforcement-checks/${id}/sign`, {
      version: v + 1,
      signatures: signatures(false),
      refusedToSign: '负责人拒绝签字，已在场见证',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().refusedToSign).toBe('负责人拒绝签字，已在场见证');
  });

  it('makes exactly one hazard per failed item — channel 执法检查, the criterion cited, major for a major criterion; a retry makes none', async () => {
    const { id, items, version } = await started();
    const major = items.find((i) => i.criterionCode === 'huagong-2017/1') as Item;
    const own = items.filter((i) => i.source === 'unit') as [Item, Item];
    const photoId = await uploadFile(inspector, photo);
    const fixPhoto = await uploadFile(inspector, photo);
    const rec = await put(inspector, `/api/v1/enforcement-checks/${id}/items`, {
      version,
      place: '罐区',
      explained: '向负责人讲解了重大危险源管理要求',
      representativeName: '企业负责人',
      items: items.map((i) => {
        if (i.id === major.id) return { id: i.id, result: 'fail', note: '未取得安全资格证', photoIds: [photoId] };
        if (i.id === own[0].id) return { id: i.id, result: 'fail', deadline: '2026-03-16' };
        if (i.id === own[1].id) return { id: i.id, result: 'fail', fixedOnSpot: true, fixPhotoIds: [fixPhoto] };
        return { id: i.id, result: 'pass' };
      }),
    });
    expect(rec.statusCode, rec.body).toBe(200);
    const before = await countRows(t.database, 'hazards');
    const signed = await inspector.post(`/api/v1/enforcement-checks/${id}/sign`, { version: rec.json().version, signatures: signatures() });
    expect(signed.statusCode, signed.body).toBe(200);
    const body = signed.json();
    expect(body.status).toBe('signed');
    expect(body.recordHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.signatures).toHaveLength(3);
    expect(body.signatures.every((s: { recordHash: string }) => s.recordHash === body.recordHash)).toBe(true);
    expect(await countRows(t.database, 'hazards')).toBe(before + 3);
    const failed = (body.items as Array<Item & { hazardId: number | null; result: string }>).filter((i) => i.result === 'fail');
    expect(failed.every((i) => i.hazardId)).toBe(true);
    const rows = await t.database.db.select().from(hazards).where(eq(hazards.enterpriseId, ent.id));
    const byId = new Map(rows.map((h) => [h.id, h]));
    const majorHazard = byId.get(failed.find((i) => i.id === major.id)?.hazardId as number);
    expect([majorHazard?.channel, majorHazard?.grade, majorHazard?.criteriaCodes]).toEqual(['enforcement', 'major', ['huagong-2017/1']]);
    const general = byId.get(failed.find((i) => i.id === own[0].id)?.hazardId as number);
    expect([general?.grade, general?.deadline, general?.status]).toEqual(['general', '2026-03-16', 'rectifying']);
    const fixed = byId.get(failed.find((i) => i.id === own[1].id)?.hazardId as number);
    expect([fixed?.status, fixed?.closedOn]).toEqual(['closed', '2026-03-02']);
    // The hazard module shows the same record.
    const h = await inspector.get(`/api/v1/hazards/${majorHazard?.id}`);
    expect(h.json().citations[0]).toContain('化工');
    // Retried: refused, no second hazard.
    const again = await inspector.post(`/api/v1/enforcement-checks/${id}/sign`, { version: body.version, signatures: signatures() });
    expect(again.statusCode).toBe(409);
    expect(await countRows(t.database, 'hazards')).toBe(before + 3);
    // The signature images are files of the check, readable by who sees the check (the enterprise too).
    const qiye = await loginAs(t.app, 'enterprise');
    expect((await qiye.get(body.signatures[0].image.url)).statusCode).toBe(200);
    expect((await qiye.get(`/api/v1/enforcement-checks/${id}`)).statusCode).toBe(200);
  });

  it('refuses to edit a signed check; an amendment needs a reason, is audited and recomputes the hash', async () => {
    const { id, items, version } = await started();
    const rec = await put(inspector, `/api/v1/enforcement-checks/${id}/items`, {
      version,
      items: items.map((i) => ({ id: i.id, result: 'pass' })),
    });
    const signed = (
      await inspector.post(`/api/v1/enforcement-checks/${id}/sign`, { version: rec.json().version, signatures: signatures() })
    ).json();
    const edit = await put(inspector, `/api/v1/enforcement-checks/${id}/items`, {
      version: signed.version,
      items: [{ id: items[0]?.id, result: 'fail' }],
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toContain('已签字');
    const noReason = await inspector.post(`/api/v1/enforcement-checks/${id}/amendments`, { reason: '', changes: { place: '二号车间' } });
    expect(noReason.statusCode).toBe(400);
    const ok = await inspector.post(`/api/v1/enforcement-checks/${id}/amendments`, {
      reason: '检查地点记录有误',
      changes: { place: '二号车间', notes: [{ itemId: items[0]?.id, note: '补充说明' }] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = ok.json();
    expect(after.place).toBe('二号车间');
    expect(after.recordHash).toBe(signed.recordHash);
    expect(after.amendments[0].reason).toBe('检查地点记录有误');
    expect(after.amendments[0].changes.recordHash).toMatch(/^[0-9a-f]{64}$/);
    expect(after.amendments[0].changes.recordHash).not.toBe(signed.recordHash);
    const [audited] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'enforcementCheck' AND entity_id = ${String(id)} AND action = 'amend'`,
    );
    expect(audited?.n).toBe(1);
  });
});

describe('逢查必考', () => {
  it('draws questions from the criteria, scores the answers and counts them per enterprise', async () => {
    const { id } = await started();
    const qs = await inspector.get(`/api/v1/enforcement-checks/${id}/quiz-questions?count=3`);
    expect(qs.statusCode, qs.body).toBe(200);
    const questions = qs.json().items as Array<{ id: string; options: string[] }>;
    expect(questions).toHaveLength(3);
    expect(JSON.stringify(qs.json())).not.toContain('answer');
    const res = await inspector.post(`/api/v1/enforcement-checks/${id}/quizzes`, {
      workerName: '操作工甲',
      workerPost: '罐区操作工',
      answers: questions.map((q) => ({
        questionId: q.id,
        given: q.id.startsWith('huagong') ? (q.options.find((o) => o.includes('化工')) ?? '') : (q.options[0] ?? ''),
      })),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().maxScore).toBe(3);
    const bad = await inspector.post(`/api/v1/enforcement-checks/${id}/quizzes`, {
      workerName: '乙',
      answers: [{ questionId: 'nope/1', given: 'x' }],
    });
    expect(bad.statusCode).toBe(400);
    const stats = await office.get(`/api/v1/enforcement-checks/quiz-stats?enterpriseId=${ent.id}`);
    expect(stats.json().quizzes).toBeGreaterThanOrEqual(1);
  });
});

describe('scope', () => {
  it('邻镇 gets 404; the 市场监管所 account sees only its unit’s checks; the enterprise reads its own but cannot record', async () => {
    const id = await newCheck();
    const other = await login(t.app, 'otheroffice');
    expect((await other.get(`/api/v1/enforcement-checks/${id}`)).statusCode).toBe(404);
    expect((await other.get('/api/v1/enforcement-checks')).json().total).toBe(0);
    const unit = await loginAs(t.app, 'unit');
    expect((await unit.get(`/api/v1/enforcement-checks/${id}`)).statusCode).toBe(404);
    expect((await unit.post(`/api/v1/enforcement-checks/${id}/start`)).statusCode).toBe(404);
    const qiye = await loginAs(t.app, 'enterprise');
    expect((await qiye.get(`/api/v1/enforcement-checks/${id}`)).statusCode).toBe(200);
    expect(
      (await qiye.get('/api/v1/enforcement-checks')).json().items.every((c: { enterpriseId: number }) => c.enterpriseId === ent.id),
    ).toBe(true);
    expect((await qiye.post(`/api/v1/enforcement-checks/${id}/start`)).statusCode).toBe(403);
    const leader = await loginAs(t.app, 'leader');
    expect((await leader.post(`/api/v1/enforcement-checks/${id}/start`)).statusCode).toBe(403);
  });

  it('lists my checks (mine) for the inspector’s account and filters by month', async () => {
    const mine = (await inspector.get('/api/v1/enforcement-checks?mine=true&month=2026-03')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect((await inspector.get('/api/v1/enforcement-checks?mine=true&month=2026-04')).json().total).toBe(0);
  });
});

describe('demo data', () => {
  it('completeDemoChecks signs a planned check, its failed items major hazards of channel 执法检查', async () => {
    const id = await newCheck();
    const made = await t.database.db.transaction((tx) =>
      completeDemoChecks(tx, { checkIds: [id], actorUserId: org.users.office.id, actorUnitId: null, now: t.clock.now() }),
    );
    expect(made).toBe(2);
    const detail = (await office.get(`/api/v1/enforcement-checks/${id}`)).json();
    expect(detail.status).toBe('signed');
    const failed = detail.items.filter((i: { result: string }) => i.result === 'fail');
    expect(failed).toHaveLength(2);
    const h = (await office.get(`/api/v1/hazards/${failed[0].hazardId}`)).json();
    expect([h.channel, h.grade]).toEqual(['enforcement', 'major']);
  });
});
