import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../test/app.ts';
import { startTestApp } from '../../../test/app.ts';
import { act, majorFinding, seedHazardWorld, step, uploadPhoto } from '../../../test/hazard-kit.ts';

let t: TestApp;
let enterpriseId: number;
let s: Record<'office' | 'inspector' | 'regulator' | 'owner', Session>;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
  const world = await seedHazardWorld(t);
  enterpriseId = world.enterpriseId;
  s = world.s;
});
afterAll(() => t.close());

const plan = {
  goal: '消除隐患',
  measures: '加装紧急切断阀',
  funds: '12万元',
  organisation: '设备部',
  timeLimit: '4月底前',
  safetyMeasures: '限量储存，专人值守',
};

/** A major hazard taken through 认定, plan and 治理 to "治理完成待评估", with the given stoppage. */
async function rectifiedMajor(stoppage: 'none' | 'partial') {
  let h = (await s.inspector.post('/api/v1/hazards', majorFinding(enterpriseId))).json();
  h = await step(s.regulator, h.id, 'confirm', { version: h.version, criteriaCodes: ['huagong-2017/1'] });
  h = await step(s.owner, h.id, 'submitPlan', { version: h.version, plan, interimMeasures: '降低液位', stoppage, deadline: '2026-04-30' });
  const checks = { measures: true, responsibility: true, funds: true, timeLimit: true, contingency: true };
  h = await step(s.regulator, h.id, 'approvePlan', { version: h.version, checks });
  return step(s.owner, h.id, 'rectify', { version: h.version, note: '紧急切断阀已安装', photos: [await uploadPhoto(s.owner)] });
}

describe('16号令 第十八条: 评估 → 恢复生产申请 → 现场审核 → 销号', () => {
  it('walks a stopped major hazard through evaluation by an institution, the application and the on-site review', async () => {
    let h = await rectifiedMajor('partial');
    expect(h.status).toBe('evaluating');
    expect((await s.owner.get(`/api/v1/hazards/${h.id}`)).json().actions).toEqual(['evaluate']);

    const noName = await act(s.owner, h.id, 'evaluate', {
      version: h.version,
      evaluator: 'institution',
      reportFiles: [await uploadPhoto(s.owner)],
      verdict: 'passed',
      conclusion: '符合安全生产条件',
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().details[0]).toMatchObject({ path: 'institution', message: expect.stringContaining('安全评价机构名称') });
    const noReport = await act(s.owner, h.id, 'evaluate', {
      version: h.version,
      evaluator: 'self',
      reportFiles: [],
      verdict: 'passed',
      conclusion: '合格',
    });
    expect(noReport.json().message).toContain('请上传评估报告');
    expect(
      (
        await act(s.regulator, h.id, 'evaluate', {
          version: h.version,
          evaluator: 'self',
          reportFiles: [1],
          verdict: 'passed',
          conclusion: '合格',
        })
      ).statusCode,
    ).toBe(403);

    const report = await uploadPhoto(s.owner);
    h = await step(s.owner, h.id, 'evaluate', {
      version: h.version,
      evaluator: 'institution',
      institution: '示例安全评价有限公司',
      reportFiles: [report],
      verdict: 'passed',
      conclusion: '治理措施已落实，符合安全生产条件',
    });
    expect(h).toMatchObject({
      status: 'evaluated',
      evaluation: { evaluator: 'institution', institution: '示例安全评价有限公司', reportFiles: [report], verdict: 'passed', by: 'owner' },
    });
    h = await step(s.owner, h.id, 'applyResume', { version: h.version, applicant: '张厂长', content: '申请恢复2号罐区生产' });
    expect(h).toMatchObject({ status: 'reviewing', resumeApplication: { applicant: '张厂长', by: 'owner' } });
    expect((await s.regulator.get(`/api/v1/hazards/${h.id}`)).json().actions).toEqual(['supervise', 'review', 'dismiss']);

    const future = await act(s.regulator, h.id, 'review', {
      version: h.version,
      verdict: 'passed',
      reviewedOn: '2026-03-09',
      opinion: '合格',
    });
    expect(future.json().details[0].path).toBe('reviewedOn');
    h = await step(s.regulator, h.id, 'review', {
      version: h.version,
      verdict: 'passed',
      reviewedOn: '2026-03-02',
      opinion: '经现场审查，同意销号',
    });
    expect(h).toMatchObject({
      status: 'closed',
      closedOn: '2026-03-02',
      accepterName: 'regulator',
      review: { verdict: 'passed', reviewer: 'regulator' },
    });
    expect(h.events.map((e: { action: string }) => e.action).slice(-4)).toEqual(['rectify', 'evaluate', 'applyResume', 'review']);
    expect(h.events.at(-1).actionLabel).toBe('现场审核');
    const audited = await t.database.rows<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE entity_type = 'hazard' AND entity_id = ${String(h.id)} ORDER BY id`,
    );
    expect(audited.map((a) => a.action).slice(-3)).toEqual(['evaluate', 'applyResume', 'review']);
  });

  it('goes straight to review when production never stopped; a failed evaluation or review sends it back to 治理', async () => {
    let h = await rectifiedMajor('none');
    h = await step(s.owner, h.id, 'evaluate', {
      version: h.version,
      evaluator: 'self',
      reportFiles: [await uploadPhoto(s.owner)],
      verdict: 'failed',
      conclusion: '切断阀未联锁',
    });
    expect(h.status).toBe('rectifying');
    h = await step(s.owner, h.id, 'rectify', { version: h.version, note: '已联锁', photos: [await uploadPhoto(s.owner)] });
    h = await step(s.owner, h.id, 'evaluate', {
      version: h.version,
      evaluator: 'self',
      reportFiles: [await uploadPhoto(s.owner)],
      verdict: 'passed',
      conclusion: '合格',
    });
    expect(h.status).toBe('reviewing');
    expect((await act(s.owner, h.id, 'applyResume', { version: h.version, applicant: '张厂长', content: '申请' })).statusCode).toBe(409);
    h = await step(s.regulator, h.id, 'review', {
      version: h.version,
      verdict: 'failed',
      reviewedOn: '2026-03-02',
      opinion: '现场仍有泄漏点，责令改正',
    });
    expect(h).toMatchObject({ status: 'rectifying', closedOn: null });
  });
});

describe('不予认定 / 撤销 (never 核销, which in 16号令 means closing after review)', () => {
  it('declines a reported major hazard before 认定 and refuses 撤销 there; the timeline says 不予认定', async () => {
    const h = (await s.inspector.post('/api/v1/hazards', majorFinding(enterpriseId))).json();
    expect((await s.regulator.get(`/api/v1/hazards/${h.id}`)).json().actions).toEqual(['confirm', 'decline']);
    expect((await act(s.regulator, h.id, 'dismiss', { version: h.version, reason: '不构成隐患' })).statusCode).toBe(409);
    const declined = await step(s.regulator, h.id, 'decline', { version: h.version, reason: '经核查不构成重大事故隐患' });
    expect(declined).toMatchObject({ status: 'dismissed', closedOn: '2026-03-02' });
    expect(declined.events.at(-1)).toMatchObject({ action: 'decline', actionLabel: '不予认定', note: '经核查不构成重大事故隐患' });
  });
});

describe('挂牌督办 摘牌', () => {
  it('takes the listing down by decision with a reason on the timeline and in the audit, and the ledger filter follows', async () => {
    let h = (await s.inspector.post('/api/v1/hazards', majorFinding(enterpriseId))).json();
    h = await step(s.regulator, h.id, 'confirm', { version: h.version, criteriaCodes: ['huagong-2017/1'] });
    expect((await act(s.office, h.id, 'unsupervise', { version: h.version, reason: '未挂牌' })).statusCode).toBe(409);
    h = await step(s.office, h.id, 'supervise', { version: h.version, level: 'county' });
    const listed = (await s.office.get('/api/v1/hazards?supervised=true&pageSize=200')).json().items.map((x: { id: number }) => x.id);
    expect(listed).toContain(h.id);
    expect((await act(s.inspector, h.id, 'unsupervise', { version: h.version, reason: '撤牌' })).statusCode).toBe(403);
    expect((await act(s.office, h.id, 'unsupervise', { version: h.version, reason: '' })).json().details[0].path).toBe('reason');
    h = await step(s.office, h.id, 'unsupervise', { version: h.version, reason: '经研究由县级转为乡镇跟踪督办' });
    expect(h).toMatchObject({ supervisionLevel: null, status: 'confirmed' });
    expect(h.events.at(-1)).toMatchObject({ action: 'unsupervise', actionLabel: '摘牌', data: { level: 'county', closed: false } });
    const after = (await s.office.get('/api/v1/hazards?supervised=true&pageSize=200')).json().items.map((x: { id: number }) => x.id);
    expect(after).not.toContain(h.id);
    const [audited] = await t.database.rows<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE entity_type = 'hazard' AND entity_id = ${String(h.id)} ORDER BY id DESC LIMIT 1`,
    );
    expect(audited?.action).toBe('unsupervise');
  });
});
