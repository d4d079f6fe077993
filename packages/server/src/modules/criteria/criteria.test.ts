/*
 * The 重大事故隐患判定标准 library through the HTTP API: the shipped sets, suggestions for a hazard description
 * (ranked by the enterprise's domains and flags, within the caller's data scope), retiring and restoring a set, and
 * the citation check the hazard module calls when a hazard is graded 重大.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, login, type Session, seedOrg, startTestApp, type TestApp } from '../../../test/app.ts';
import { createCriteriaService } from './criteria.service.ts';

let t: TestApp;
let admin: Session;
let office: Session;
let inspector: Session;
let otherOffice: Session;
let dustyId: number;

const dustText = '抛光打磨车间铝粉除尘系统采用正压吹送，未设置火花探测和消除装置';
const suggestUrl = (text: string, extra = '') => `/api/v1/criteria/suggest?text=${encodeURIComponent(text)}${extra}`;

beforeAll(async () => {
  t = await startTestApp();
  await seedOrg(t.database);
  admin = await login(t.app, 'admin');
  office = await login(t.app, 'office');
  inspector = await login(t.app, 'inspector');
  otherOffice = await login(t.app, 'otheroffice');
  const res = await office.post('/api/v1/enterprises', {
    name: '东村铝制品抛光厂',
    regionCode: codes.village1,
    principal: '张三',
    principalPhone: '13800138000',
    domains: ['industryTrade', 'machinery'],
    flags: ['dustExplosion'],
  });
  expect(res.statusCode).toBe(201);
  dustyId = res.json().id;
});
afterAll(() => t.close());

async function auditActions(id: string): Promise<string[]> {
  const rows = await t.database.rows<{ action: string }>(
    sql`SELECT action FROM audit_events WHERE entity_type = 'criteriaSet' AND entity_id = ${id} ORDER BY id`,
  );
  return rows.map((r) => r.action);
}

describe('criteria library', () => {
  it('lists the 9 shipped sets with 221 items and their V/P/U counts, for every signed-in role', async () => {
    const res = await inspector.get('/api/v1/criteria-sets');
    expect(res.statusCode).toBe(200);
    const sets = res.json().items as Array<{ id: string; itemCount: number; confidenceCounts: Record<string, number>; origin: string }>;
    expect(sets).toHaveLength(9);
    expect(sets.reduce((n, s) => n + s.itemCount, 0)).toBe(221);
    for (const s of sets) {
      expect(s.origin).toBe('shipped');
      expect(s.confidenceCounts.V + s.confidenceCounts.P + s.confidenceCounts.U).toBe(s.itemCount);
    }
    expect(sets.find((s) => s.id === 'gongmao-2023')).toMatchObject({ docNumber: '应急管理部令第10号', itemCount: 65, retired: null });
  });

  it('shows one set with all its items; an unknown id is 404, a malformed one 400', async () => {
    const res = await office.get('/api/v1/criteria-sets/gongmao-2023');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(65);
    expect(res.json().items[0]).toMatchObject({ code: expect.stringMatching(/^gongmao-2023\//), summary: expect.any(String) });
    const missing = await office.get('/api/v1/criteria-sets/no-such-set');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'criteria.set_not_found', message: '判定标准不存在或您无权查看' });
    expect((await office.get('/api/v1/criteria-sets/No%20Such')).statusCode).toBe(400);
  });

  it('lists the items in use flat for pickers, with citation and 待核对 warning', async () => {
    const res = await inspector.get('/api/v1/criteria/items');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ code: string; citation: string; warning: string | null; verification: string }>;
    expect(items).toHaveLength(221);
    const item = items.find((i) => i.code === 'gongmao-2023/11.4');
    expect(item?.citation).toBe('《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条（四）');
    expect(items.filter((i) => i.verification === 'unverified').every((i) => i.warning?.includes('待核对'))).toBe(true);
  });
});

describe('suggestions', () => {
  it('ranks the 正压吹送 item first for a dust-explosion description at an enterprise flagged 涉爆粉尘', async () => {
    const res = await inspector.get(suggestUrl(dustText, `&enterpriseId=${dustyId}&foundOn=2026-02-27`));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.at).toBe('2026-02-27');
    expect(body.sets).toEqual([{ id: 'gongmao-2023', title: '工贸企业重大事故隐患判定标准' }]);
    expect(body.items[0]).toMatchObject({
      item: { code: 'gongmao-2023/11.4', article: '第十一条', item: '（四）' },
      setTitle: '工贸企业重大事故隐患判定标准',
      docNumber: '应急管理部令第10号',
      citation: '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条（四）',
      warning: null,
    });
    expect(body.items.every((s: { setId: string }) => s.setId === 'gongmao-2023')).toBe(true);
  });

  it('carries the 待核对 warning on unverified items', async () => {
    const res = await inspector.get(suggestUrl('城镇燃气用户使用国家明令淘汰的燃气燃烧器具，未安装燃气泄漏报警器'));
    const unverified = res.json().items.filter((s: { item: { verification: string } }) => s.item.verification === 'unverified');
    expect(unverified.length).toBeGreaterThan(0);
    for (const s of unverified) {
      expect(s.warning).toMatch(/待核对.*不是官方原文/);
      expect(s.warnings).toContain(s.warning);
    }
  });

  it('keeps to the caller’s data scope: another township’s enterprise is 404', async () => {
    const res = await otherOffice.get(suggestUrl(dustText, `&enterpriseId=${dustyId}`));
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('enterprise.not_found');
  });

  it('asks for a description of at least 2 characters', async () => {
    const res = await inspector.get(suggestUrl('粉'));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('请至少输入 2 个字的隐患描述');
  });
});

describe('retiring a set', () => {
  it('refuses retire and restore to anyone but an admin', async () => {
    for (const s of [office, inspector]) {
      expect((await s.post('/api/v1/criteria-sets/gongmao-2023/retire', { reason: '测试' })).statusCode).toBe(403);
      expect((await s.post('/api/v1/criteria-sets/gongmao-2023/restore')).statusCode).toBe(403);
    }
    expect(await auditActions('gongmao-2023')).toEqual([]);
  });

  it('asks for a reason', async () => {
    const res = await admin.post('/api/v1/criteria-sets/gongmao-2023/retire', { reason: ' ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('请写明停用原因');
  });

  it('retired: no longer suggested nor citable, still listed; restored: back; both audited', async () => {
    const retired = await admin.post('/api/v1/criteria-sets/gongmao-2023/retire', { reason: '核对原文期间暂停使用' });
    expect(retired.statusCode).toBe(200);
    expect(retired.json().retired).toMatchObject({ reason: '核对原文期间暂停使用' });
    expect((await admin.post('/api/v1/criteria-sets/gongmao-2023/retire', { reason: '再次' })).statusCode).toBe(409);

    const suggested = await inspector.get(suggestUrl(dustText, `&enterpriseId=${dustyId}`));
    expect(suggested.statusCode).toBe(200);
    expect(suggested.json().items.some((s: { setId: string }) => s.setId === 'gongmao-2023')).toBe(false);
    const check = await t.services.criteria.checkCitations({ grade: 'major', citations: ['gongmao-2023/11.4'], foundOn: '2026-02-27' });
    expect(check).toMatchObject({ ok: false, errors: ['判定依据“gongmao-2023/11.4”不在判定标准库中'] });
    const list = (await inspector.get('/api/v1/criteria-sets')).json().items;
    expect(list.find((s: { id: string }) => s.id === 'gongmao-2023').retired.reason).toBe('核对原文期间暂停使用');
    expect((await inspector.get('/api/v1/criteria/items')).json().items).toHaveLength(221 - 65);

    const restored = await admin.post('/api/v1/criteria-sets/gongmao-2023/restore');
    expect(restored.statusCode).toBe(200);
    expect(restored.json().retired).toBeNull();
    expect((await admin.post('/api/v1/criteria-sets/gongmao-2023/restore')).statusCode).toBe(409);
    const again = await inspector.get(suggestUrl(dustText, `&enterpriseId=${dustyId}`));
    expect(again.json().items[0].item.code).toBe('gongmao-2023/11.4');
    expect(await auditActions('gongmao-2023')).toEqual(['retire', 'restore']);
  });
});

describe('several processes', () => {
  it('another process sees a retirement on its next read, even within the same millisecond', async () => {
    // A second service over the same database, as another server process would have; the test clock stands still.
    const other = createCriteriaService({ db: t.database.db, clock: t.clock, audit: t.services.audit });
    expect((await other.library()).map((s) => s.id)).toContain('huagong-2017');
    await admin.post('/api/v1/criteria-sets/huagong-2017/retire', { reason: '测试多进程' });
    expect((await other.library()).map((s) => s.id)).not.toContain('huagong-2017');
    await admin.post('/api/v1/criteria-sets/huagong-2017/restore');
    expect((await other.library()).map((s) => s.id)).toContain('huagong-2017');
  });
});

describe('citation check for 重大 gradings', () => {
  it('accepts an item in force on the discovery date, with the warnings of unverified items', async () => {
    const ok = await t.services.criteria.checkCitations({ grade: 'major', citations: ['gongmao-2023/11.4'], foundOn: '2026-02-27' });
    expect(ok).toMatchObject({ ok: true, errors: [] });
    const unverified = await t.services.criteria.checkCitations({
      grade: 'major',
      citations: ['gb35181-2017/6.5'],
      foundOn: '2024-06-01',
    });
    expect(unverified.ok).toBe(true);
    expect(unverified.warnings.some((w) => w.includes('待核对'))).toBe(true);
  });

  it('refuses a repealed set, a 重大 grading without citation, and a citation on a 一般 grading', async () => {
    const repealed = await t.services.criteria.checkCitations({ grade: 'major', citations: ['gb35181-2017/6.5'], foundOn: '2026-02-27' });
    expect(repealed.ok).toBe(false);
    expect(repealed.errors[0]).toContain('已于 2025-11-01 废止');
    expect((await t.services.criteria.checkCitations({ grade: 'major', citations: [], foundOn: '2026-02-27' })).ok).toBe(false);
    expect(
      (await t.services.criteria.checkCitations({ grade: 'general', citations: ['gongmao-2023/11.4'], foundOn: '2026-02-27' })).ok,
    ).toBe(false);
  });
});
