import fs from 'node:fs';
import path from 'node:path';
import { recheckState, recheckStates } from '@anzhi/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInspector, makeSignedCheck } from '../../../test/enforcement-kit.ts';
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
import { units } from '../units/unit.table.ts';
import { enforcementChecks, enforcementOrders } from './enforcement.table.ts';
import { recheckStateSql } from './enforcement-triad.repo.ts';

/** The text of a .docx as Word stores it (word/document.xml), tags stripped. */
function docxText(body: Buffer): string {
  const xml = strFromU8(unzipSync(new Uint8Array(body))['word/document.xml'] as Uint8Array);
  return xml.replace(/<[^>]+>/g, '');
}

describe('执法三部曲: orders, 复查, penalty cases and documents', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  let unit: Session;
  let office: Session;
  let inspector: Session;
  let ent: Awaited<ReturnType<typeof makeEnterprise>>;
  let inspectors: number[];

  beforeAll(async () => {
    t = await startTestApp(new Date('2026-03-02T01:00:00Z'));
    org = await seedOrg(t.database);
    await t.database.db.update(units).set({ shortName: '示例市监' }).where(eq(units.id, org.units.market.id));
    ent = await makeEnterprise(t.database, {
      name: '东村五金厂',
      regionCode: codes.village1,
      address: '示例镇东村工业路 8 号',
      legalRepresentative: '赵法人',
      principal: '钱厂长',
      supervisingUnitId: org.units.market.id,
    });
    inspectors = [
      (await makeInspector(t.database, org.units.market.id, { name: '孙执法' })).id,
      (await makeInspector(t.database, org.units.market.id, { name: '李执法' })).id,
    ];
    unit = await loginAs(t.app, 'unit');
    office = await loginAs(t.app, 'office');
    inspector = await loginAs(t.app, 'inspector');
  });
  afterAll(() => t.close());

  const check = (over: Partial<Parameters<typeof makeSignedCheck>[1]> = {}) =>
    makeSignedCheck(t.database, { unitId: org.units.market.id, enterprise: ent, inspectorIds: inspectors, ...over });

  it('issues a numbered order from a signed check: the failed items not fixed on the spot, 复查 due deadline + 10 days', async () => {
    const { check: c, items } = await check({
      items: [{ result: 'fail', text: '配电箱无防护' }, { result: 'fail', text: '灭火器过期', fixedOnSpot: true }, { result: 'pass' }],
    });
    const res = await unit.request({
      method: 'POST',
      url: '/api/v1/enforcement-orders',
      payload: { checkId: c.id, deadline: '2026-03-20' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    expect(o.items.map((i: { id: number }) => i.id)).toEqual([items[0]?.id]);
    expect(o.recheckDueOn).toBe('2026-03-30');
    expect(o.state).toBe('notYetDue');
    expect(o.orderNo).toBe('示例市监责改〔2026〕1号');
    expect(o.enterpriseName).toBe('东村五金厂');
    expect(await countRows(t.database, 'audit_events', sql`entity_type = 'enforcementOrder' AND entity_id = ${String(o.id)}`)).toBe(1);
    // One order per check.
    const again = await unit.request({
      method: 'POST',
      url: '/api/v1/enforcement-orders',
      payload: { checkId: c.id, deadline: '2026-03-20' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses an order for an unsigned check, a past deadline or an item that did not fail — in Chinese, changing nothing', async () => {
    const before = await countRows(t.database, 'enforcement_orders');
    const { check: open } = await check({ status: 'inProgress' });
    const r1 = await unit.request({
      method: 'POST',
      url: '/api/v1/enforcement-orders',
      payload: { checkId: open.id, deadline: '2026-03-20' },
    });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().message).toContain('签字');
    const { check: c, items } = await check();
    const r2 = await unit.request({
      method: 'POST',
      url: '/api/v1/enforcement-orders',
      payload: { checkId: c.id, deadline: '2026-03-01' },
    });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().details[0].path).toBe('deadline');
    const passed = items.find((i) => i.result === 'pass');
    const r3 = await unit.request({
      method: 'POST',
      url: '/api/v1/enforcement-orders',
      payload: { checkId: c.id, itemIds: [passed?.id], deadline: '2026-03-20' },
    });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().details[0].path).toBe('itemIds.0');
    expect(await countRows(t.database, 'enforcement_orders')).toBe(before);
  });

  it('a 复查 before the deadline without a reason is refused; with one it is recorded and numbered; notFixed suggests a case', async () => {
    const { check: c, items } = await check();
    const o = (
      await unit.request({ method: 'POST', url: '/api/v1/enforcement-orders', payload: { checkId: c.id, deadline: '2026-03-25' } })
    ).json();
    const results = o.items.map((i: { id: number }, k: number) => ({
      itemId: i.id,
      result: k === 0 ? 'fixed' : 'notFixed',
      note: k === 0 ? null : '仍未清理',
    }));
    const early = await inspector.request({
      method: 'POST',
      url: `/api/v1/enforcement-orders/${o.id}/recheck`,
      payload: { version: 1, on: '2026-03-02', results },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe('enforcement.early_recheck_reason');
    expect(early.json().message).toContain('理由');
    expect((await unit.request({ method: 'GET', url: `/api/v1/enforcement-orders/${o.id}` })).json().status).toBe('open');

    const ok = await inspector.request({
      method: 'POST',
      url: `/api/v1/enforcement-orders/${o.id}/recheck`,
      payload: { version: 1, on: '2026-03-02', results, earlyReason: '企业书面报告已提前整改' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const v = ok.json();
    expect(v.status).toBe('rechecked');
    expect(v.state).toBe('closed');
    expect(v.recheckNo).toBe('示例市监复查〔2026〕1号');
    expect(v.suggestPenalty).toBe(true);
    expect(v.items.map((i: { recheckResult: string }) => i.recheckResult)).toEqual(['fixed', 'notFixed']);
    expect(items.length).toBe(3);

    // The suggested case, linked to the order; then the suggestion goes away.
    const p = await unit.request({
      method: 'POST',
      url: '/api/v1/penalties',
      payload: {
        enterpriseId: ent.id,
        orderId: o.id,
        legalBasis: ['aqsf-2021:102'],
        facts: '逾期未消除事故隐患（安全出口被堵塞）',
        amount: 5000,
      },
    });
    expect(p.statusCode, p.body).toBe(201);
    const after = (await unit.request({ method: 'GET', url: `/api/v1/enforcement-orders/${o.id}` })).json();
    expect(after.suggestPenalty).toBe(false);
    expect(after.penaltyIds).toEqual([p.json().id]);

    // The 整改复查意见书 carries both numbers, the date, the results and the further measure.
    const doc = await unit.request({ method: 'GET', url: `/api/v1/enforcement-orders/${o.id}/recheck.docx` });
    expect(doc.statusCode).toBe(200);
    const text = docxText(doc.rawPayload);
    for (const s of [
      '整改复查意见书',
      '示例市监复查〔2026〕1号',
      '示例市监责改〔2026〕',
      '东村五金厂',
      '2026年3月2日',
      '已整改',
      '未整改',
      '仍未清理',
      '企业书面报告已提前整改',
      '第一百零二条',
    ])
      expect(text).toContain(s);
  });

  it('the 责令限期整改指令书 and 现场检查记录 carry the record: names, inspectors with 执法证号, items, deadline, hash; a second download keeps the number', async () => {
    const { check: c } = await check({
      items: [
        { result: 'fail', text: '消防通道堆放杂物', note: '北侧通道' },
        { result: 'pass', text: '安全培训记录齐全' },
      ],
    });
    const o = (
      await unit.request({ method: 'POST', url: '/api/v1/enforcement-orders', payload: { checkId: c.id, deadline: '2026-03-16' } })
    ).json();
    const od = await unit.request({ method: 'GET', url: `/api/v1/enforcement-orders/${o.id}/order.docx` });
    expect(od.headers['content-type']).toContain('wordprocessingml');
    const ot = docxText(od.rawPayload);
    for (const s of [
      '责令限期整改指令书',
      o.orderNo,
      '东村五金厂',
      '消防通道堆放杂物',
      '2026年3月16日',
      '孙执法',
      'ZF-TRIAD-',
      '示例镇市场监管所',
    ])
      expect(ot).toContain(s);

    const r1 = await unit.request({ method: 'GET', url: `/api/v1/enforcement-checks/${c.id}/record.docx` });
    expect(r1.statusCode, r1.body).toBe(200);
    const rt = docxText(r1.rawPayload);
    for (const s of [
      '现场检查记录',
      '东村五金厂',
      '示例镇东村工业路 8 号',
      '赵法人',
      '钱厂长',
      '生产车间及仓库',
      '孙执法',
      '李执法',
      '执法证号',
      '消防通道堆放杂物',
      '北侧通道',
      '责令限期整改',
      'a'.repeat(64),
      '签字',
    ])
      expect(rt).toContain(s);
    const n1 = decodeURIComponent(String(r1.headers['x-document-number']));
    expect(n1).toMatch(/^示例市监检记〔2026〕\d+号$/);
    const r2 = await office.request({ method: 'GET', url: `/api/v1/enforcement-checks/${c.id}/record.docx` });
    expect(decodeURIComponent(String(r2.headers['x-document-number']))).toBe(n1);
    expect(await countRows(t.database, 'enforcement_documents', sql`entity_type = 'check' AND entity_id = ${c.id}`)).toBe(1);
  });

  it('the 现场检查记录 embeds the signature images it can read, and keeps a 签字 line for the others', async () => {
    const { check: c } = await check({ items: [{ result: 'pass' }] });
    const png = fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/files/screenshot.png'));
    const fileId = await uploadFile(unit, png, 'sign.png', 'image/png');
    const at = '2026-03-01T02:00:00.000Z';
    await t.database.db
      .update(enforcementChecks)
      .set({
        signatures: [
          { role: 'inspector', name: '孙执法', inspectorId: inspectors[0] ?? null, fileId, recordHash: 'a'.repeat(64), at },
          { role: 'enterprise', name: '王负责人', inspectorId: null, fileId: 999_999, recordHash: 'a'.repeat(64), at },
        ],
      })
      .where(eq(enforcementChecks.id, c.id));
    const res = await unit.request({ method: 'GET', url: `/api/v1/enforcement-checks/${c.id}/record.docx` });
    expect(res.statusCode).toBe(200);
    const zip = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(zip).filter((k) => k.startsWith('word/media/')).length).toBe(1);
    const text = docxText(res.rawPayload);
    expect(text).toContain('王负责人（电子签名）');
    expect(text).toContain('未发现问题');
  });

  it('two first downloads of one record at once get one number, and the sequence moves by one', async () => {
    const { check: c } = await check();
    const seq = async () =>
      Number(
        (
          await t.database.rows<{ last: number }>(
            sql`SELECT last FROM document_sequences WHERE issuer = ${`enforcement:${org.units.market.id}:checkRecord`} AND year = 2026`,
          )
        )[0]?.last ?? 0,
      );
    const before = await seq();
    const [a, b] = await Promise.all([
      unit.request({ method: 'GET', url: `/api/v1/enforcement-checks/${c.id}/record.docx` }),
      office.request({ method: 'GET', url: `/api/v1/enforcement-checks/${c.id}/record.docx` }),
    ]);
    expect(a.statusCode).toBe(200);
    expect(a.headers['x-document-number']).toBe(b.headers['x-document-number']);
    expect(await seq()).toBe(before + 1);
    expect(
      await countRows(t.database, 'audit_events', sql`entity_type = 'enforcementDocument' AND after->>'entityId' = ${String(c.id)}`),
    ).toBe(1);
  });

  it('numbers per unit and kind: two units count independently, and a new year starts again at 1', async () => {
    const other = await makeEnterprise(t.database, { regionCode: codes.village1, supervisingUnitId: org.units.emergency.id });
    const emIns = [
      (await makeInspector(t.database, org.units.emergency.id)).id,
      (await makeInspector(t.database, org.units.emergency.id)).id,
    ];
    const { check: c } = await makeSignedCheck(t.database, { unitId: org.units.emergency.id, enterprise: other, inspectorIds: emIns });
    const o = (
      await office.request({ method: 'POST', url: '/api/v1/enforcement-orders', payload: { checkId: c.id, deadline: '2026-04-01' } })
    ).json();
    // 应急办 has no short name: its full name is the prefix, and its own sequence starts at 1.
    expect(o.orderNo).toBe('示例镇应急管理办公室责改〔2026〕1号');

    t.clock.set(new Date('2027-01-05T02:00:00Z'));
    try {
      unit = await loginAs(t.app, 'unit');
      const { check: c2 } = await check({ signedAt: new Date('2027-01-04T02:00:00Z') });
      const o2 = (
        await unit.request({ method: 'POST', url: '/api/v1/enforcement-orders', payload: { checkId: c2.id, deadline: '2027-01-20' } })
      ).json();
      expect(o2.orderNo).toBe('示例市监责改〔2027〕1号');
    } finally {
      t.clock.set(new Date('2026-03-02T01:00:00Z'));
      // Sessions made a year ago have expired on the way.
      unit = await loginAs(t.app, 'unit');
      office = await loginAs(t.app, 'office');
    }
  });

  it('penalty cases: unknown article or negative amount → Chinese 400; 告知 → 决定 numbers the decision; the .docx carries it', async () => {
    const before = await countRows(t.database, 'enforcement_penalties');
    const bad = await unit.request({
      method: 'POST',
      url: '/api/v1/penalties',
      payload: { enterpriseId: ent.id, legalBasis: ['aqsf-2021:999'], facts: '未采取措施消除事故隐患', amount: 1000 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('安全生产法');
    expect(bad.json().details[0].path).toBe('legalBasis.0');
    const neg = await unit.request({
      method: 'POST',
      url: '/api/v1/penalties',
      payload: { enterpriseId: ent.id, legalBasis: ['aqsf-2021:102'], facts: '未采取措施消除事故隐患', amount: -5 },
    });
    expect(neg.statusCode).toBe(400);
    expect(JSON.stringify(neg.json())).toContain('罚款金额不能为负');
    expect(await countRows(t.database, 'enforcement_penalties')).toBe(before);

    const created = await unit.request({
      method: 'POST',
      url: '/api/v1/penalties',
      payload: {
        enterpriseId: ent.id,
        legalBasis: ['aqsf-2021:102', 'aqsf-2021:99'],
        facts: '未采取措施消除事故隐患，安全出口被堵塞',
        amount: 8000,
        majorHazard: true,
        dualInquiry: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({
      status: 'filed',
      unitId: org.units.market.id,
      majorHazard: true,
      dualInquiry: true,
      amount: 8000,
      decisionNo: null,
    });
    const skip = await unit.request({ method: 'PATCH', url: `/api/v1/penalties/${p.id}`, payload: { version: 1, to: 'decided' } });
    expect(skip.statusCode).toBe(400);
    expect((await unit.request({ method: 'GET', url: `/api/v1/penalties/${p.id}/decision.docx` })).statusCode).toBe(400);
    const noticed = await unit.request({ method: 'PATCH', url: `/api/v1/penalties/${p.id}`, payload: { version: 1, to: 'noticed' } });
    expect(noticed.json().status).toBe('noticed');
    const decided = (
      await unit.request({ method: 'PATCH', url: `/api/v1/penalties/${p.id}`, payload: { version: 2, to: 'decided', amount: 6000 } })
    ).json();
    expect(decided).toMatchObject({ status: 'decided', amount: 6000, decidedOn: '2026-03-02' });
    expect(decided.decisionNo).toMatch(/^示例市监罚〔2026〕\d+号$/);
    const doc = docxText((await office.request({ method: 'GET', url: `/api/v1/penalties/${p.id}/decision.docx` })).rawPayload);
    for (const s of [
      '行政处罚决定书',
      decided.decisionNo,
      '东村五金厂',
      '赵法人',
      '第一百零二条',
      '第九十九条',
      '6,000.00元',
      '2026年3月2日',
      '安全出口被堵塞',
    ])
      expect(doc).toContain(s);

    const list = (await unit.request({ method: 'GET', url: '/api/v1/penalties?year=2026&majorHazard=true' })).json();
    expect(list.items.map((x: { id: number }) => x.id)).toContain(p.id);
    expect(
      (await unit.request({ method: 'GET', url: '/api/v1/penalties?status=filed' })).json().items.map((x: { id: number }) => x.id),
    ).not.toContain(p.id);

    // Withdrawal needs a reason and is only before a decision.
    const p2 = (
      await unit.request({
        method: 'POST',
        url: '/api/v1/penalties',
        payload: { enterpriseId: ent.id, legalBasis: ['aqsf-2021:97'], facts: '特种作业人员未持证上岗', amount: 2000 },
      })
    ).json();
    const noReason = await unit.request({ method: 'PATCH', url: `/api/v1/penalties/${p2.id}`, payload: { version: 1, to: 'withdrawn' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].path).toBe('reason');
    const w = (
      await unit.request({
        method: 'PATCH',
        url: `/api/v1/penalties/${p2.id}`,
        payload: { version: 1, to: 'withdrawn', reason: '证据不足' },
      })
    ).json();
    expect(w).toMatchObject({ status: 'withdrawn', withdrawnReason: '证据不足' });
  });

  it('scope: the unit sees only its own orders and cases, 邻镇 sees nothing (404), the enterprise sees its own', async () => {
    const sibling = await makeEnterprise(t.database, { regionCode: codes.village2, supervisingUnitId: org.units.emergency.id });
    const emIns = [
      (await makeInspector(t.database, org.units.emergency.id)).id,
      (await makeInspector(t.database, org.units.emergency.id)).id,
    ];
    const { check: sc } = await makeSignedCheck(t.database, { unitId: org.units.emergency.id, enterprise: sibling, inspectorIds: emIns });
    const so = (
      await office.request({ method: 'POST', url: '/api/v1/enforcement-orders', payload: { checkId: sc.id, deadline: '2026-04-01' } })
    ).json();
    expect((await unit.request({ method: 'GET', url: `/api/v1/enforcement-orders/${so.id}` })).statusCode).toBe(404);
    expect((await unit.request({ method: 'GET', url: `/api/v1/enforcement-orders/${so.id}/order.docx` })).statusCode).toBe(404);
    expect(
      (await unit.request({ method: 'GET', url: '/api/v1/enforcement-orders' })).json().items.map((x: { id: number }) => x.id),
    ).not.toContain(so.id);
    // The unit cannot issue an order on another unit's check, nor open a case for an enterprise it does not see.
    const { check: sc2 } = await makeSignedCheck(t.database, { unitId: org.units.emergency.id, enterprise: sibling, inspectorIds: emIns });
    expect(
      (await unit.request({ method: 'POST', url: '/api/v1/enforcement-orders', payload: { checkId: sc2.id, deadline: '2026-04-01' } }))
        .statusCode,
    ).toBe(404);

    const other = await login(t.app, 'otheroffice');
    expect((await other.request({ method: 'GET', url: `/api/v1/enforcement-orders/${so.id}` })).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: '/api/v1/enforcement-orders' })).json().total).toBe(0);
    expect((await other.request({ method: 'GET', url: '/api/v1/penalties' })).json().total).toBe(0);
    expect((await other.request({ method: 'GET', url: `/api/v1/enforcement-checks/${sc.id}/record.docx` })).statusCode).toBe(404);

    await makeEnterpriseAccount(t.database, ent.id);
    const qiye = await loginAs(t.app, 'enterprise');
    const mine = (await qiye.request({ method: 'GET', url: '/api/v1/enforcement-orders' })).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((x: { enterpriseId: number }) => x.enterpriseId === ent.id)).toBe(true);
    expect(
      (
        await qiye.request({
          method: 'POST',
          url: '/api/v1/penalties',
          payload: { enterpriseId: ent.id, legalBasis: ['aqsf-2021:102'], facts: '自己给自己立案', amount: 1 },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('core recheckState and the SQL filter agree on the same orders', async () => {
    const today = '2026-03-25';
    const rows = await t.database.db.select().from(enforcementOrders);
    expect(rows.length).toBeGreaterThan(3);
    for (const state of recheckStates) {
      const sqlIds = (await t.database.db.select({ id: enforcementOrders.id }).from(enforcementOrders).where(recheckStateSql(state, today)))
        .map((r) => r.id)
        .sort();
      const coreIds = rows
        .filter((r) => recheckState(r, today) === state)
        .map((r) => r.id)
        .sort();
      expect(sqlIds, state).toEqual(coreIds);
    }
    const overdue = rows.filter((r) => recheckState(r, '2026-04-20') === 'overdue').map((r) => r.id);
    expect(overdue.length).toBeGreaterThan(0);
    const viaSql = await t.database.db
      .select({ id: enforcementOrders.id })
      .from(enforcementOrders)
      .where(and(recheckStateSql('overdue', '2026-04-20'), inArray(enforcementOrders.id, overdue)));
    expect(viaSql.length).toBe(overdue.length);
  });
});
