import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRiskChain } from '../../../test/dual-kit.ts';
import {
  codes,
  countRows,
  login,
  makeEnterprise,
  makeEnterpriseAccount,
  type Session,
  seedOrg,
  startTestApp,
  type TestApp,
  uploadFile,
} from '../../../test/factories.ts';
import type { EnterpriseRow } from '../enterprises/enterprise.repo.ts';
import { controlMeasures } from './dual.table.ts';

const docText = (payload: Buffer) => strFromU8(unzipSync(new Uint8Array(payload))['word/document.xml'] as Uint8Array);
const photo = fs.readFileSync(path.join(import.meta.dirname, '../../../test/fixtures/files/screenshot.png'));

let t: TestApp;
let own: EnterpriseRow;
let other: EnterpriseRow;
let qiye: Session;
let office: Session;

beforeAll(async () => {
  t = await startTestApp();
  const org = await seedOrg(t.database);
  own = await makeEnterprise(t.database, {
    name: '岗位卡测试厂',
    regionCode: codes.village1,
    supervisingUnitId: org.units.market.id,
    principal: '王厂长',
    principalPhone: '13900001111',
  });
  other = await makeEnterprise(t.database, { name: '别家厂', regionCode: codes.village2 });
  await makeEnterpriseAccount(t.database, own.id);
  qiye = await login(t.app, 'qiye');
  office = await login(t.app, 'office');
});
afterAll(() => t?.close());

const post = {
  name: '冲压工',
  department: '冲压车间',
  cards: {
    riskList: ['机械伤害：手部进入模具区'],
    dutyList: ['班前检查光电保护装置'],
    operationCard: ['启动前确认防护罩完好', '双手按钮操作'],
    emergencyCard: ['立即按下急停按钮', '拨打 120 并报告班组长'],
  },
  quiz: [
    { question: '光电保护失灵时应当？', options: ['继续作业', '停机报告'], answer: 1 },
    { question: '急停按钮的颜色？', options: ['红色', '绿色', '蓝色'], answer: 0 },
  ],
};

describe('posts, 两单两卡 and the quiz', () => {
  it('an enterprise keeps its posts: create (validated), change with its version, list; refused for another enterprise', async () => {
    const bad = await qiye.request({
      method: 'POST',
      url: '/api/v1/posts',
      payload: { ...post, enterpriseId: own.id, quiz: [{ question: 'q', options: ['a', 'b'], answer: 3 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('正确答案应为本题的一个选项');
    const foreign = await qiye.request({ method: 'POST', url: '/api/v1/posts', payload: { ...post, enterpriseId: other.id } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('dual.post_bad_enterprise');

    const created = await qiye.request({ method: 'POST', url: '/api/v1/posts', payload: { ...post, enterpriseId: own.id } });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ enterpriseName: '岗位卡测试厂', version: 1, cards: post.cards });
    const changed = await qiye.request({
      method: 'PUT',
      url: `/api/v1/posts/${p.id}`,
      payload: { ...post, version: 1, cards: { ...post.cards, dutyList: ['班前检查光电保护装置', '交接班记录'] } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().cards.dutyList).toHaveLength(2);
    const stale = await qiye.request({ method: 'PUT', url: `/api/v1/posts/${p.id}`, payload: { ...post, version: 1 } });
    expect(stale.statusCode).toBe(409);
    const listed = await office.request({ method: 'GET', url: `/api/v1/posts?enterpriseId=${own.id}` });
    expect(listed.json().items.map((i: { name: string }) => i.name)).toEqual(['冲压工']);
    expect(await countRows(t.database, 'audit_events', (await import('drizzle-orm')).sql`entity_type = 'post'`)).toBe(2);

    // The four cards print one a page with a QR that opens the public page.
    for (const size of ['A4', 'A5']) {
      const res = await office.request({
        method: 'GET',
        url: `/api/v1/posts/${p.id}/cards.docx?size=${size}`,
        headers: { host: 'anzhi.example' },
      });
      expect(res.statusCode).toBe(200);
      const xml = docText(res.rawPayload);
      for (const text of [
        '岗位风险清单',
        '岗位职责清单',
        '岗位操作卡',
        '岗位应急处置卡',
        '冲压车间',
        '2. 交接班记录',
        '立即按下急停按钮',
        `/card/p/${p.publicCode}`,
      ])
        expect(xml).toContain(text);
    }
    expect((await office.request({ method: 'GET', url: `/api/v1/posts/${p.id}/cards.docx?size=B5` })).statusCode).toBe(400);

    // The phone: the cards and the questions without answers, then a taking of the quiz.
    const anon = await t.app.inject({ method: 'GET', url: `/api/v1/public/post-cards/${p.publicCode}` });
    expect(anon.statusCode).toBe(200);
    expect(anon.json().quiz).toEqual(post.quiz.map(({ question, options }) => ({ question, options })));
    expect(anon.body).not.toContain('"id"');
    expect(anon.body).not.toContain('answer');
    const wrongCount = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/post-cards/${p.publicCode}/quiz`,
      payload: { takerName: '李工', answers: [1] },
    });
    expect(wrongCount.statusCode).toBe(400);
    const taken = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/post-cards/${p.publicCode}/quiz`,
      payload: { takerName: '李工', answers: [1, 2] },
    });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ score: 1, total: 2, items: [{ correct: true }, { answer: 0, chosen: 2, correct: false }] });
    const attempts = await qiye.request({ method: 'GET', url: `/api/v1/posts/${p.id}/quiz-attempts` });
    expect(attempts.json().items).toMatchObject([{ takerName: '李工', score: 1, total: 2 }]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/post-cards/NOSUCHCODE1' })).statusCode).toBe(404);

    // Delete (with its results) once nothing names it.
    expect((await qiye.request({ method: 'DELETE', url: `/api/v1/posts/${p.id}?version=2` })).statusCode).toBe(200);
    expect(await countRows(t.database, 'post_quiz_attempts')).toBe(0);
  });
});

describe('the 风险告知卡 and the four-colour map', () => {
  it('prints a point’s card and shows it on the phone; the map colours each zone by its point’s highest level', async () => {
    const red = await makeRiskChain(t.database.db, own, { name: '液氨储罐区', lec: { l: 6, e: 6, c: 15 } }); // 540 红
    const blue = await makeRiskChain(t.database.db, own, { name: '办公区', lec: { l: 1, e: 2, c: 1 } }); // 2 蓝
    const foreign = await makeRiskChain(t.database.db, other, { name: '别家储罐' });
    await t.database.db
      .insert(controlMeasures)
      .values({ enterpriseId: own.id, eventId: red.event.id, kind: 'emergency', content: '泄漏时佩戴空气呼吸器撤离' });

    const card = await t.app.inject({ method: 'GET', url: `/api/v1/public/risk-cards/${red.point.publicCode}` });
    expect(card.statusCode).toBe(200);
    expect(card.json()).toMatchObject({
      enterpriseName: '岗位卡测试厂',
      pointName: '液氨储罐区',
      level: 'major',
      emergencyPhone: '13900001111',
      reportHotline: '12350',
      events: [
        {
          level: 'major',
          controlLevel: 'company',
          measures: ['双手按钮与光电保护装置完好有效'],
          emergencyMeasures: ['泄漏时佩戴空气呼吸器撤离'],
        },
      ],
    });
    const docx = await qiye.request({ method: 'GET', url: `/api/v1/risk-points/${red.point.id}/card.docx?size=A5` });
    expect(docx.statusCode).toBe(200);
    const xml = docText(docx.rawPayload);
    for (const text of [
      '安全风险告知卡',
      '液氨储罐区',
      '红（重大风险）',
      '机械伤害',
      '公司级',
      '泄漏时佩戴空气呼吸器撤离',
      '13900001111',
      '王厂长',
      '12350',
      `/card/r/${red.point.publicCode}`,
    ])
      expect(xml).toContain(text);
    expect((await qiye.request({ method: 'GET', url: `/api/v1/risk-points/${foreign.point.id}/card.docx` })).statusCode).toBe(404);

    const fileId = await uploadFile(qiye, photo, 'plan.png', 'image/png');
    const square = (x: number, y: number): Array<[number, number]> => [
      [x, y],
      [x + 0.2, y],
      [x + 0.2, y + 0.2],
      [x, y + 0.2],
    ];
    const badPoint = await qiye.request({
      method: 'PUT',
      url: `/api/v1/risk-maps/${own.id}`,
      payload: {
        fileId,
        zones: [
          { pointId: red.point.id, polygon: square(0.1, 0.1) },
          { pointId: foreign.point.id, polygon: square(0.5, 0.5) },
        ],
      },
    });
    expect(badPoint.statusCode).toBe(400);
    expect(badPoint.json().details).toEqual([{ path: 'zones.1.pointId', message: '风险点不存在或不属于本企业' }]);
    const outOfRange = await qiye.request({
      method: 'PUT',
      url: `/api/v1/risk-maps/${own.id}`,
      payload: {
        fileId,
        zones: [
          {
            pointId: red.point.id,
            polygon: [
              [0, 0],
              [1.5, 0],
              [1, 1],
            ],
          },
        ],
      },
    });
    expect(outOfRange.statusCode).toBe(400);
    const saved = await qiye.request({
      method: 'PUT',
      url: `/api/v1/risk-maps/${own.id}`,
      payload: {
        fileId,
        zones: [
          { pointId: red.point.id, polygon: square(0.1, 0.1) },
          { pointId: blue.point.id, polygon: square(0.5, 0.5) },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const seen = await office.request({ method: 'GET', url: `/api/v1/risk-maps/${own.id}` });
    expect(seen.json()).toMatchObject({
      fileId,
      imageUrl: `/api/v1/files/${fileId}`,
      zones: [
        { pointName: '液氨储罐区', level: 'major' },
        { pointName: '办公区', level: 'low' },
      ],
    });
    // The site plan is attached to the map: the office (who did not upload it) may open it.
    expect((await office.request({ method: 'GET', url: `/api/v1/files/${fileId}` })).statusCode).toBe(200);
    expect((await qiye.request({ method: 'GET', url: `/api/v1/risk-maps/${other.id}` })).statusCode).toBe(404);
  });
});
