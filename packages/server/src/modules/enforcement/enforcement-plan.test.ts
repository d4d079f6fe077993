import type { EnforcementPlanDetail } from '@anzhi/core';
import { and, eq, sql } from 'drizzle-orm';
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
import { loadExcelJS } from '../../lib/exceljs.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';
import { enforcementChecks, enforcementInspectors, enforcementPlanAmendments, enforcementTargets } from './enforcement.table.ts';

/**
 * 年度监督检查计划 through the API (安监总政法〔2017〕150号; issue 14 "The yearly plan"). The clock stands at
 * 2026-03-02, so a 2026 plan covers March–December (10 months).
 */
describe('the yearly enforcement plan (年度监督检查计划)', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  let office: Session;
  let red: EnterpriseRow;
  let openMajor: EnterpriseRow;
  let dust: EnterpriseRow;
  let reported: EnterpriseRow;
  let plan: EnforcementPlanDetail;
  const url = '/api/v1/enforcement-plans';

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrg(t.database);
    const unit = org.units.emergency.id;
    const at = (over: Parameters<typeof makeEnterprise>[1]) => makeEnterprise(t.database, { supervisingUnitId: unit, ...over });
    red = await at({ regionCode: codes.village1, name: '红色重大危险源厂', riskLevel: 'major', flags: ['majorHazardSource'] });
    openMajor = await at({ regionCode: codes.village1, name: '有重大隐患厂' });
    dust = await at({ regionCode: codes.village2, name: '粉尘厂', flags: ['dustExplosion'], riskLevel: 'medium' });
    reported = await at({ regionCode: codes.village2, name: '被举报厂' });
    for (let k = 0; k < 20; k++) await at({ regionCode: codes.village2, name: `一般企业${k}`, riskLevel: 'low' });
    await makeEnterprise(t.database, { regionCode: codes.otherVillage, supervisingUnitId: org.units.otherEmergency.id });
    await makeHazard(t.database, { enterprise: openMajor, foundBy: org.users.office.id, grade: 'major', status: 'rectifying' });
    await makeHazard(t.database, { enterprise: reported, foundBy: org.users.office.id, channel: 'publicReport', status: 'closed' });
    // A closed major hazard and an old report make nobody 重点.
    const old = await at({ regionCode: codes.village1, name: '旧举报厂', riskLevel: 'low' });
    await makeHazard(t.database, {
      enterprise: old,
      foundBy: org.users.office.id,
      channel: 'publicReport',
      foundOn: '2024-12-01',
      status: 'closed',
    });
    await makeHazard(t.database, { enterprise: old, foundBy: org.users.office.id, grade: 'major', status: 'closed' });
    await t.database.db.insert(enforcementInspectors).values(
      [
        ['张三', 'ZF001', '2027-12-31'],
        ['李四', 'ZF002', '2028-06-30'],
        ['王五', 'ZF003', '2025-12-31'],
      ].map(([name, certificateNo, certificateValidUntil]) => ({
        unitId: unit,
        name: name as string,
        certificateNo: certificateNo as string,
        certificateValidUntil: certificateValidUntil as string,
      })),
    );
    office = await loginAs(t.app, 'office');
  });
  afterAll(() => t.close());

  it('gives the form its default capacity: settings, inspectors with a valid 执法证, the months left', async () => {
    const res = await office.get(`${url}/defaults?unitId=${org.units.emergency.id}&year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ inspectors: 2, inspectionDaysPerMonth: 8, personDaysPerCheck: 2, months: 10 });
    expect((await office.get(`${url}/defaults?unitId=${org.units.market.id}&year=2027`)).json()).toMatchObject({
      inspectors: 0,
      months: 12,
    });
    expect((await office.get(`${url}/defaults?unitId=${org.units.otherEmergency.id}&year=2026`)).statusCode).toBe(404);
  });

  it('proposes from the 名录库 (derived first): 重点 with reasons at their frequency, 一般 sampled, within capacity', async () => {
    const res = await office.post(url, { unitId: org.units.emergency.id, year: 2026 });
    expect(res.statusCode, res.body).toBe(201);
    plan = res.json();
    expect(await countRows(t.database, 'enforcement_targets', eq(enforcementTargets.unitId, org.units.emergency.id))).toBe(25);
    // 2 inspectors with a valid 执法证 (the expired one is not counted) × 8 days × 10 months ÷ 2 person-days.
    expect(plan.capacity).toMatchObject({ inspectors: 2, months: 10, capacityChecks: 80, planMonths: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
    expect(plan.status).toBe('draft');
    const byName = new Map(plan.items.map((i) => [i.enterpriseName, i]));
    expect(byName.get('红色重大危险源厂')).toMatchObject({ kind: 'key', checksPerYear: 4, reasons: ['重大危险源', '红色（重大风险）'] });
    expect(byName.get('有重大隐患厂')).toMatchObject({ kind: 'key', checksPerYear: 1, reasons: ['有未销号的重大事故隐患'] });
    expect(byName.get('粉尘厂')?.reasons).toEqual(['涉爆粉尘']);
    expect(byName.get('被举报厂')?.reasons).toEqual(['近 12 个月发生事故或举报属实']);
    expect(byName.get('旧举报厂')?.kind ?? 'general').toBe('general');
    expect(plan.keyTargets).toBe(4);
    expect(plan.generalPool).toBe(21);
    expect(plan.generalTargets).toBe(2); // ceil(5% × 21)
    expect(plan.plannedChecks).toBe(4 + 1 + 1 + 1 + 2);
    for (const i of plan.items) for (const m of i.months) expect(m).toBeGreaterThanOrEqual(3);
    expect(plan.items.every((i) => i.months.length === i.checksPerYear)).toBe(true);
    expect(plan.leftOut).toEqual([]);
    expect(plan.items.some((i) => i.enterpriseName.includes('测试企业'))).toBe(false);
  });

  it('refuses bad input in Chinese and changes nothing', async () => {
    const dup = await office.post(url, { unitId: org.units.emergency.id, year: 2026 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toContain('年度计划已存在');
    const past = await office.post(url, { unitId: org.units.emergency.id, year: 2025 });
    expect(past.statusCode).toBe(400);
    expect(past.json().details).toEqual([{ path: 'year', message: '年度应不早于 2026 年' }]);
    const bad = await office.post(url, { unitId: '应急办', year: 2026 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const none = await office.post(url, { unitId: org.units.market.id, year: 2026 });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('enforcement_plan.no_inspectors');
    expect(await countRows(t.database, 'enforcement_plans')).toBe(1);
  });

  it('a new capacity makes the proposal again, cutting the general sample, then lowering frequencies', async () => {
    const res = await office.patch(`${url}/${plan.id}`, {
      version: plan.version,
      capacity: { inspectors: 1, inspectionDaysPerMonth: 1, personDaysPerCheck: 1.5 },
    });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json();
    expect(plan.capacity.capacityChecks).toBe(6); // 1 × 1 × 10 ÷ 1.5
    expect(plan.plannedChecks).toBe(6);
    expect(plan.generalTargets).toBe(0);
    expect(plan.leftOut).toHaveLength(2);
    expect(plan.leftOut[0]?.reason).toContain('一般检查抽中 2 家');
    expect(plan.reduced).toEqual([{ enterpriseId: red.id, enterpriseName: '红色重大危险源厂', from: 4, to: 3 }]);
    expect(plan.monthlyLoad.every((m) => m.planned <= m.capacity)).toBe(true);
  });

  it('refuses an edit over capacity with the numbers, and keeps the plan as it was', async () => {
    const dustItem = plan.items.find((i) => i.enterpriseId === dust.id);
    const res = await office.patch(`${url}/${plan.id}`, {
      version: plan.version,
      update: [{ id: dustItem?.id, checksPerYear: 2, months: [4, 9] }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('enforcement_plan.over_capacity');
    expect(res.json().message).toContain('计划检查 7 次，超过检查能力 6 次（执法人员 1 人 × 每月 1 天 × 10 个月 ÷ 每次 1.5 人日）');
    const mismatch = await office.patch(`${url}/${plan.id}`, { version: plan.version, update: [{ id: dustItem?.id, checksPerYear: 2 }] });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().details[0]).toMatchObject({ path: 'update.0.months' });
    const foreign = await office.patch(`${url}/${plan.id}`, {
      version: plan.version,
      add: [{ enterpriseId: 999_999, kind: 'key', checksPerYear: 1, months: [5] }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('不在本单位检查对象名录库中');
    const again: EnforcementPlanDetail = (await office.get(`${url}/${plan.id}`)).json();
    expect(again.version).toBe(plan.version);
    expect(again.items).toEqual(plan.items);
  });

  it('edits the draft within capacity (move months, remove, add) and audits it', async () => {
    const restored = await office.patch(`${url}/${plan.id}`, {
      version: plan.version,
      capacity: { inspectors: 2, inspectionDaysPerMonth: 8, personDaysPerCheck: 2 },
    });
    expect(restored.statusCode, restored.body).toBe(200);
    plan = restored.json();
    expect(plan.capacity.capacityChecks).toBe(80);
    const dustItem = plan.items.find((i) => i.enterpriseId === dust.id);
    const general = (
      await t.database.rows<{ enterprise_id: number }>(
        sql`SELECT enterprise_id FROM enforcement_targets WHERE unit_id = ${org.units.emergency.id} AND enterprise_id NOT IN (${sql.join(
          plan.items.map((i) => sql`${i.enterpriseId}`),
          sql`, `,
        )}) ORDER BY enterprise_id LIMIT 1`,
      )
    )[0]?.enterprise_id as number;
    const res = await office.patch(`${url}/${plan.id}`, {
      version: plan.version,
      update: [{ id: dustItem?.id, months: [11] }],
      remove: [plan.items.find((i) => i.enterpriseId === reported.id)?.id],
      add: [{ enterpriseId: general, kind: 'general', checksPerYear: 1, months: [12], reason: '群众反映' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited: EnforcementPlanDetail = res.json();
    expect(edited.items.find((i) => i.enterpriseId === dust.id)?.months).toEqual([11]);
    expect(edited.items.some((i) => i.enterpriseId === reported.id)).toBe(false);
    expect(edited.items.find((i) => i.enterpriseId === general)?.reasons).toEqual(['人工添加：群众反映']);
    const [event] = await t.database.rows<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE entity_type = 'enforcementPlan' ORDER BY id DESC LIMIT 1`,
    );
    expect(event?.action).toBe('edit');
    plan = edited;
  });

  it('approves; afterwards only an amendment with a reason changes it, recorded and audited', async () => {
    const res = await office.post(`${url}/${plan.id}/approve`, { version: plan.version });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json();
    expect(plan.status).toBe('approved');
    expect(plan.approvedAt).not.toBeNull();
    const edit = await office.patch(`${url}/${plan.id}`, { version: plan.version, remove: [plan.items[0]?.id] });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toContain('请提交计划变更并说明理由');
    const noReason = await office.post(`${url}/${plan.id}/amendments`, { version: plan.version, changes: { remove: [plan.items[0]?.id] } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('变更理由');
    const dustItem = plan.items.find((i) => i.enterpriseId === dust.id);
    const ok = await office.post(`${url}/${plan.id}/amendments`, {
      version: plan.version,
      reason: '企业停产检修，检查改到十月',
      changes: { update: [{ id: dustItem?.id, months: [10] }] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    plan = ok.json();
    expect(plan.amendments).toHaveLength(1);
    expect(plan.amendments[0]).toMatchObject({ reason: '企业停产检修，检查改到十月', actorName: 'office' });
    expect(plan.items.find((i) => i.enterpriseId === dust.id)?.months).toEqual([10]);
    expect(await countRows(t.database, 'enforcement_plan_amendments', eq(enforcementPlanAmendments.planId, plan.id))).toBe(1);
    const [event] = await t.database.rows<{ action: string; after: { reason: string } }>(
      sql`SELECT action, after FROM audit_events WHERE entity_type = 'enforcementPlan' ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toMatchObject({ action: 'amend', after: { reason: '企业停产检修，检查改到十月' } });
  });

  it('the monthly plan lists the month’s targets; scheduling its key checks is idempotent', async () => {
    const month = plan.items.find((i) => i.enterpriseId === red.id)?.months[0] as number;
    const before = (await office.get(`${url}/${plan.id}/month?month=${month}`)).json();
    expect(before.items.some((i: { enterpriseId: number }) => i.enterpriseId === red.id)).toBe(true);
    expect(before.items.every((i: { checkId: number | null }) => i.checkId === null)).toBe(true);
    const first = await office.post(`${url}/${plan.id}/schedule`, { month });
    expect(first.statusCode, first.body).toBe(200);
    const keyThatMonth = plan.items.filter((i) => i.kind === 'key' && i.months.includes(month)).length;
    expect(first.json()).toMatchObject({ created: keyThatMonth, skipped: 0 });
    const second = await office.post(`${url}/${plan.id}/schedule`, { month });
    expect(second.json()).toMatchObject({ created: 0, skipped: keyThatMonth });
    const checks = await t.database.db
      .select()
      .from(enforcementChecks)
      .where(and(eq(enforcementChecks.unitId, org.units.emergency.id), eq(enforcementChecks.enterpriseId, red.id)));
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ kind: 'key', status: 'planned', scheduledOn: `2026-${String(month).padStart(2, '0')}-01` });
    // Each check gets a team by the draw's rule: the two inspectors whose 执法证 is valid on the day, not the expired one.
    const valid = (await t.database.db.select().from(enforcementInspectors).where(eq(enforcementInspectors.unitId, org.units.emergency.id)))
      .filter((i) => i.certificateValidUntil >= (checks[0]?.scheduledOn ?? ''))
      .map((i) => i.id)
      .sort((a, b) => a - b);
    expect(valid).toHaveLength(2);
    expect(checks[0]?.inspectorIds).toEqual(valid);
    expect(first.json().unassigned).toEqual([]);
    const after = (await office.get(`${url}/${plan.id}/month?month=${month}`)).json();
    expect(after.items.find((i: { enterpriseId: number }) => i.enterpriseId === red.id)).toMatchObject({
      checkId: checks[0]?.id,
      checkStatus: 'planned',
      done: false,
    });
    const outside = await office.post(`${url}/${plan.id}/schedule`, { month: 13 });
    expect(outside.statusCode).toBe(400);
  });

  it('exports the plan as the 年度监督检查计划 table', async () => {
    const res = await office.get(`${url}/${plan.id}/export`);
    expect(res.statusCode).toBe(200);
    const Excel = await loadExcelJS();
    const wb = new Excel.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws?.getCell(1, 1).value)).toBe('示例镇应急管理办公室 2026 年度安全生产监督检查计划（已批准）');
    expect(String(ws?.getCell(3, 1).value)).toContain(`= ${plan.capacity.capacityChecks} 次`);
    const names: string[] = [];
    ws?.eachRow((row, n) => {
      if (n > 5) names.push(String(row.getCell(2).value));
    });
    expect(names).toContain('红色重大危险源厂');
  });

  it('keeps to data scope: a unit sees its own, 邻镇 and another unit get 404, lists hide', async () => {
    const unit = await loginAs(t.app, 'unit');
    expect((await unit.get(`${url}/${plan.id}`)).statusCode).toBe(404);
    expect((await unit.get(url)).json()).toEqual({ items: [], total: 0 });
    expect((await unit.post(url, { unitId: org.units.emergency.id, year: 2027 })).statusCode).toBe(404);
    const otherOffice = await login(t.app, 'otheroffice');
    expect((await otherOffice.get(`${url}/${plan.id}`)).statusCode).toBe(404);
    expect((await otherOffice.get(`${url}/${plan.id}/month?month=3`)).statusCode).toBe(404);
    expect((await otherOffice.post(`${url}/${plan.id}/schedule`, { month: 3 })).statusCode).toBe(404);
    expect((await otherOffice.get(url)).json().total).toBe(0);
    await makeEnterpriseAccount(t.database, red.id);
    const enterprise = await loginAs(t.app, 'enterprise');
    expect((await enterprise.get(url)).json().total).toBe(0);
    const leader = await loginAs(t.app, 'leader');
    expect((await leader.get(url)).json().items.map((p: { id: number }) => p.id)).toEqual([plan.id]);
    expect((await leader.post(`${url}/${plan.id}/approve`, { version: plan.version })).statusCode).toBe(403);
  });
});
