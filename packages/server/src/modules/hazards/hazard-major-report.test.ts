import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../test/app.ts';
import { startTestApp } from '../../../test/app.ts';
import { act, majorFinding, seedHazardWorld, step } from '../../../test/hazard-kit.ts';
import { runHazardSweep } from './hazard-sweep.ts';

/** The text of a .docx body, tags stripped. */
function docxText(bytes: Buffer): string {
  const xml = unzipSync(new Uint8Array(bytes))['word/document.xml'];
  if (!xml) throw new Error('not a .docx');
  return new TextDecoder().decode(xml).replace(/<[^>]+>/g, '');
}

let t: TestApp;
let enterpriseId: number;
let s: Record<'office' | 'inspector' | 'regulator' | 'owner' | 'clerk' | 'admin', Session>;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  const world = await seedHazardWorld(t);
  enterpriseId = world.enterpriseId;
  s = world.s;
});
afterAll(() => t.close());

describe('16号令 第十四条第二款: a major hazard’s report carries 现状及其产生原因, 危害程度, 整改难易程度', () => {
  it('refuses 认定 until the report has them, takes them at 认定, and shows them on the detail and the ledger export', async () => {
    const bare = { cause: null, harm: null, difficulty: null };
    const h = (await s.inspector.post('/api/v1/hazards', majorFinding(enterpriseId, bare))).json();
    const refused = await act(s.regulator, h.id, 'confirm', { version: h.version, criteriaCodes: ['huagong-2017/1'], harm: '可能中毒' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.map((d: { path: string }) => d.path)).toEqual(['cause', 'difficulty']);
    expect(refused.json().message).toContain('现状及其产生原因');
    const confirmed = await step(s.regulator, h.id, 'confirm', {
      version: h.version,
      criteriaCodes: ['huagong-2017/1'],
      cause: '建设时未安装切断阀',
      harm: '可能造成人员中毒',
      difficulty: '需局部停产改造',
    });
    expect(confirmed).toMatchObject({ cause: '建设时未安装切断阀', harm: '可能造成人员中毒', difficulty: '需局部停产改造' });

    const res = await s.office.get('/api/v1/hazards/export?grade=major');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(res.rawPayload).buffer);
    const ws = wb.getWorksheet('隐患台账');
    if (!ws) throw new Error('no 隐患台账 sheet');
    const header = (ws.getRow(2).values as unknown[]).map(String);
    expect(header).toEqual(expect.arrayContaining(['现状及其产生原因', '危害程度', '整改难易程度']));
    const col = header.indexOf('危害程度');
    const values: string[] = [];
    ws.eachRow((row) => values.push(String(row.getCell(col).value ?? '')));
    expect(values).toContain('可能造成人员中毒');
  });
});

describe('16号令 第十四条: only the enterprise’s 主要负责人 signs its 季报/年报', () => {
  it('refuses an enterprise account not registered as the principal, with a clear Chinese 403', async () => {
    const refused = await s.clerk.post('/api/v1/hazard-reports/2025Q4/sign');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'hazard.report_sign_forbidden', message: expect.stringContaining('主要负责人') });
    const signed = await s.owner.post('/api/v1/hazard-reports/2025Q4/sign');
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().signerName).toBe('owner');
  });

  it('lets an administrator register the principal account (audited), and only an enterprise account', async () => {
    const users = (await s.admin.get('/api/v1/users?pageSize=100')).json().items as Array<{ id: number; username: string }>;
    const clerk = users.find((u) => u.username === 'clerk');
    const office = users.find((u) => u.username === 'office');
    const notEnterprise = await s.admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${office?.id}`,
      payload: { enterprisePrincipal: true },
    });
    expect(notEnterprise.statusCode).toBe(400);
    expect(notEnterprise.json().details[0].path).toBe('enterprisePrincipal');
    const made = await s.admin.request({ method: 'PATCH', url: `/api/v1/users/${clerk?.id}`, payload: { enterprisePrincipal: true } });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json().enterprisePrincipal).toBe(true);
    expect((await s.clerk.post('/api/v1/hazard-reports/2025Q3/sign')).statusCode).toBe(200);
  });
});

describe('letters cite criteria the way a clerk writes them, never internal codes', () => {
  it('shows 《工贸企业重大事故隐患判定标准》第十一条第（八）项 on the detail page and in the 督办函', async () => {
    let h = (await s.inspector.post('/api/v1/hazards', majorFinding(enterpriseId))).json();
    h = await step(s.regulator, h.id, 'confirm', { version: h.version, criteriaCodes: ['gongmao-2023/11.8'], deadline: '2026-03-05' });
    expect(h.citations).toEqual(['《工贸企业重大事故隐患判定标准》第十一条第（八）项']);
    await runHazardSweep(t.database.db, new Date('2026-03-07T02:00:00Z'));
    const letter = await s.office.get(`/api/v1/hazards/${h.id}/escalations/letter/document`);
    expect(letter.statusCode, letter.body).toBe(200);
    const text = docxText(letter.rawPayload);
    expect(text).toContain('判定依据：《工贸企业重大事故隐患判定标准》第十一条第（八）项');
    expect(text).not.toContain('gongmao-2023');
  });
});

describe('发文字号: a per-office yearly sequence, allocated once and kept with the escalation', () => {
  const overdueMajor = async () => {
    const h = (await s.inspector.post('/api/v1/hazards', majorFinding(enterpriseId))).json();
    await step(s.regulator, h.id, 'confirm', { version: h.version, criteriaCodes: ['huagong-2017/1'], deadline: '2026-03-05' });
    await runHazardSweep(t.database.db, new Date('2026-03-07T02:00:00Z'));
    return h.id as number;
  };
  const numberOf = async (id: number) => {
    const res = await s.office.get(`/api/v1/hazards/${id}/escalations/letter/document`);
    expect(res.statusCode, res.body).toBe(200);
    return /示例镇安委办督〔2026〕(\d+)号/.exec(docxText(res.rawPayload))?.[1];
  };

  it('numbers letters 示例镇安委办督〔2026〕n号 in order, the same on every download, distinct under parallel first downloads', async () => {
    const [a, b, c] = [await overdueMajor(), await overdueMajor(), await overdueMajor()];
    const first = Number(await numberOf(a));
    expect(first).toBeGreaterThanOrEqual(1);
    expect(Number(await numberOf(a))).toBe(first);
    const parallel = (await Promise.all([numberOf(b), numberOf(c)])).map(Number).sort();
    expect(parallel).toEqual([first + 1, first + 2]);
    const again = await Promise.all([numberOf(b), numberOf(c)]);
    expect(again.map(Number).sort()).toEqual(parallel);
  });

  it('uses the township’s configured 发文机关代字 for letters issued after it is set', async () => {
    const set = await s.admin.request({ method: 'PATCH', url: '/api/v1/regions/330110101000', payload: { docPrefix: '示镇安办' } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().docPrefix).toBe('示镇安办');
    const id = await overdueMajor();
    const res = await s.office.get(`/api/v1/hazards/${id}/escalations/letter/document`);
    expect(docxText(res.rawPayload)).toMatch(/示镇安办督〔2026〕\d+号/);
  });
});
