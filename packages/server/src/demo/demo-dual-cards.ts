import crypto from 'node:crypto';
import { assessRisk, dualSettings, type MeasureKind, type RiskPointKind, scorePostQuiz } from '@anzhi/core';
import { and, asc, eq, ne } from 'drizzle-orm';
import sharp from 'sharp';
import type { Tx } from '../db/client.ts';
import { newStorageKey, type Storage } from '../lib/storage.ts';
import { controlMeasures, postQuizAttempts, posts, riskEvents, riskMaps, riskPoints, riskUnits } from '../modules/dual/dual.table.ts';
import { RISK_MAP_FILE_OWNER } from '../modules/dual/map.service.ts';
import { enterprises } from '../modules/enterprises/enterprise.table.ts';
import { processPhoto } from '../modules/files/file.images.ts';
import { fileRepo } from '../modules/files/file.repo.ts';

/**
 * 双重预防 part F (posts and cards): posts with full 两单两卡 and 应知应会 quizzes for qiye's enterprise and two others,
 * quiz attempts over the last weeks, and qiye's 四色分布图 — a site plan drawn from an SVG at seeding time, with a zone
 * on each of its risk points. The risk points are part A's; when that demo has not made any for qiye's enterprise,
 * four are made here (so this demo runs after part A's and never duplicates them). Deterministic from `now`.
 */

type DemoPost = {
  name: string;
  department: string;
  cards: Record<'riskList' | 'dutyList' | 'operationCard' | 'emergencyCard', string[]>;
  quiz: Array<{ question: string; options: string[]; answer: number }>;
};

const demoPosts: DemoPost[] = [
  {
    name: '冲压工',
    department: '冲压车间',
    cards: {
      riskList: [
        '机械伤害：手部进入模具区被压伤（较大风险）',
        '噪声：长期暴露导致听力损伤（一般风险）',
        '物体打击：工件飞出伤人（一般风险）',
      ],
      dutyList: [
        '班前检查双手按钮、光电保护装置是否有效',
        '按规定佩戴耳塞、防护手套',
        '发现设备异常立即停机并报告班组长',
        '参加班组日排查并如实记录',
      ],
      operationCard: [
        '开机前确认防护罩完好、光电保护有效',
        '使用专用工具送料取件，严禁手伸入模具区',
        '调模、清理时必须停机断电并挂牌上锁',
        '下班前清理工作台并关闭总电源',
      ],
      emergencyCard: ['发生压手事故：立即按下急停按钮，切断电源', '不得强行拉出受伤部位，拨打 120 并报告班组长', '保护现场，配合事故调查'],
    },
    quiz: [
      { question: '光电保护装置失灵时应当？', options: ['继续作业，小心一点', '立即停机并报告', '自己拆下来修'], answer: 1 },
      { question: '调整模具前必须？', options: ['停机断电并挂牌上锁', '降低速度', '告诉旁边的同事'], answer: 0 },
      { question: '手被压伤后第一步应？', options: ['强行拉出', '按下急停按钮', '先拍照'], answer: 1 },
    ],
  },
  {
    name: '叉车司机',
    department: '仓储部',
    cards: {
      riskList: ['车辆伤害：倒车或转弯时撞人（较大风险）', '物体打击：货物坠落（一般风险）'],
      dutyList: ['持证上岗，班前检查制动、转向、喇叭', '严格限速，厂区内不超过 5 km/h', '不载人、不超载'],
      operationCard: ['起步前鸣笛并观察四周', '货叉离地 10–20 cm 行驶', '视线受阻时倒车行驶或有人指挥', '停车时货叉落地、拉手刹、取钥匙'],
      emergencyCard: ['发生碰撞：立即停车，拉手刹', '有人受伤拨打 120，报告部门负责人', '车辆起火用干粉灭火器扑救'],
    },
    quiz: [
      { question: '厂区内叉车限速是多少？', options: ['5 km/h', '15 km/h', '30 km/h'], answer: 0 },
      { question: '叉车能否载人？', options: ['可以，少量', '严禁载人'], answer: 1 },
    ],
  },
  {
    name: '配电房值班电工',
    department: '设备部',
    cards: {
      riskList: ['触电：带电作业或误操作（较大风险）', '火灾：电缆过热（一般风险）'],
      dutyList: ['持特种作业操作证上岗', '每班巡视配电柜温度、声音、指示', '执行工作票、操作票制度'],
      operationCard: ['停电、验电、挂接地线、悬挂标示牌后方可作业', '使用合格的绝缘工具和防护用品', '一人操作一人监护'],
      emergencyCard: [
        '发现有人触电：先切断电源或用绝缘物使其脱离',
        '脱离电源后立即心肺复苏并拨打 120',
        '电气火灾用干粉或二氧化碳灭火器，不得用水',
      ],
    },
    quiz: [
      { question: '电气火灾不能用什么灭火？', options: ['干粉灭火器', '二氧化碳灭火器', '水'], answer: 2 },
      { question: '停电作业的正确顺序？', options: ['停电→验电→挂接地线→挂牌', '挂牌→停电', '验电→停电'], answer: 0 },
      { question: '发现有人触电首先应？', options: ['用手拉开', '切断电源', '打电话'], answer: 1 },
    ],
  },
];

const otherPosts: DemoPost[] = [
  {
    name: '仓库保管员',
    department: '仓库',
    cards: {
      riskList: ['火灾：易燃物品堆放不当（一般风险）'],
      dutyList: ['保持消防通道畅通', '每日检查灭火器压力'],
      operationCard: ['物品分类分区存放，保持“五距”', '严禁在仓库内吸烟和使用明火'],
      emergencyCard: ['发现火情立即报警 119 并报告负责人', '初起火灾用灭火器扑救，火势扩大立即撤离'],
    },
    quiz: [{ question: '仓库内能否吸烟？', options: ['严禁', '通风时可以'], answer: 0 }],
  },
];

type DemoPoint = {
  name: string;
  kind: RiskPointKind;
  location: string;
  event: string;
  consequence: string;
  lec: { l: number; e: number; c: number };
  measures: Array<[MeasureKind, string]>;
  zone: Array<[number, number]>;
};

/** Zones follow the buildings drawn in the site plan below (in 0–1 of the 1200 × 800 image). */
const demoPoints: DemoPoint[] = [
  {
    name: '液氨制冷机房',
    kind: 'place',
    location: '厂区东北角',
    event: '液氨泄漏',
    consequence: '中毒和窒息、火灾爆炸',
    lec: { l: 3, e: 6, c: 40 },
    measures: [
      ['engineering', '氨气泄漏报警仪与事故风机联锁有效'],
      ['emergency', '泄漏时佩戴正压式空气呼吸器，从上风向撤离'],
    ],
    zone: [
      [0.7, 0.08],
      [0.93, 0.08],
      [0.93, 0.36],
      [0.7, 0.36],
    ],
  },
  {
    name: '冲压车间',
    kind: 'place',
    location: '1 号厂房',
    event: '手部进入模具区',
    consequence: '机械伤害',
    lec: { l: 6, e: 6, c: 7 },
    measures: [
      ['engineering', '双手按钮与光电保护装置完好有效'],
      ['emergency', '立即按下急停按钮，切断电源'],
    ],
    zone: [
      [0.07, 0.1],
      [0.45, 0.1],
      [0.45, 0.45],
      [0.07, 0.45],
    ],
  },
  {
    name: '成品仓库',
    kind: 'place',
    location: '2 号厂房',
    event: '叉车作业碰撞',
    consequence: '车辆伤害',
    lec: { l: 3, e: 6, c: 7 },
    measures: [['management', '叉车限速 5 km/h，人车分流']],
    zone: [
      [0.07, 0.55],
      [0.45, 0.55],
      [0.45, 0.9],
      [0.07, 0.9],
    ],
  },
  {
    name: '办公楼',
    kind: 'place',
    location: '厂区南门',
    event: '电气线路老化',
    consequence: '火灾',
    lec: { l: 1, e: 6, c: 7 },
    measures: [['maintenance', '每年检测电气线路，及时更换老化线路']],
    zone: [
      [0.6, 0.6],
      [0.9, 0.6],
      [0.9, 0.9],
      [0.6, 0.9],
    ],
  },
];

const sitePlanSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
  <rect width="1200" height="800" fill="#f4f1ea"/>
  <rect x="20" y="20" width="1160" height="760" fill="none" stroke="#555" stroke-width="6" stroke-dasharray="24 12"/>
  <rect x="500" y="20" width="90" height="760" fill="#d9d9d9"/>
  <rect x="20" y="470" width="1160" height="60" fill="#d9d9d9"/>
  <rect x="84" y="80" width="456" height="280" fill="#fff" stroke="#333" stroke-width="4"/>
  <rect x="84" y="440" width="456" height="280" fill="#fff" stroke="#333" stroke-width="4"/>
  <rect x="840" y="64" width="276" height="224" fill="#fff" stroke="#333" stroke-width="4"/>
  <rect x="720" y="480" width="360" height="240" fill="#fff" stroke="#333" stroke-width="4"/>
  <rect x="660" y="340" width="120" height="80" fill="#b7eb8f" stroke="#333" stroke-width="2"/>
  <path d="M1140 60 l0 -30 l10 20 m-10 -20 l-10 20" stroke="#333" stroke-width="4" fill="none"/>
  <rect x="560" y="760" width="120" height="20" fill="#8c8c8c"/>
</svg>`;

let serial = 0;
const codeOf = (prefix: string, seed: string) =>
  `${prefix}${crypto.createHash('sha256').update(`${seed}:${serial++}`).digest('hex').slice(0, 10)}`;

async function insertPost(tx: Tx, enterpriseId: number, p: DemoPost, now: Date) {
  const [row] = await tx
    .insert(posts)
    .values({
      enterpriseId,
      name: p.name,
      department: p.department,
      cards: p.cards,
      quiz: p.quiz,
      publicCode: codeOf('GW', `${enterpriseId}${p.name}`),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('demo post missing');
  return row;
}

/** qiye's risk points: part A's when it made them, else four made here (points, units, events, measures). */
async function ensurePoints(tx: Tx, enterpriseId: number, postId: number | null, now: Date) {
  const existing = await tx
    .select({ id: riskPoints.id })
    .from(riskPoints)
    .where(eq(riskPoints.enterpriseId, enterpriseId))
    .orderBy(asc(riskPoints.id));
  if (existing.length) return existing.map((p) => p.id);
  const ids: number[] = [];
  for (const p of demoPoints) {
    const [point] = await tx
      .insert(riskPoints)
      .values({
        enterpriseId,
        kind: p.kind,
        name: p.name,
        location: p.location,
        postId: p.name === '冲压车间' ? postId : null,
        publicCode: codeOf('FX', p.name),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!point) throw new Error('demo point missing');
    const [unit] = await tx.insert(riskUnits).values({ enterpriseId, pointId: point.id, name: p.name, createdAt: now }).returning();
    if (!unit) throw new Error('demo unit missing');
    const a = assessRisk({ method: 'lec', ...p.lec }, dualSettings.defaults);
    const [event] = await tx
      .insert(riskEvents)
      .values({
        enterpriseId,
        unitId: unit.id,
        name: p.event,
        consequence: p.consequence,
        method: 'lec',
        ...p.lec,
        score: a.score,
        level: a.level,
        controlLevel: a.controlLevel,
        assessedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!event) throw new Error('demo event missing');
    await tx
      .insert(controlMeasures)
      .values(p.measures.map(([kind, content]) => ({ enterpriseId, eventId: event.id, kind, content, createdAt: now, updatedAt: now })));
    ids.push(point.id);
  }
  return ids;
}

export async function seedDemoDualCards(tx: Tx, opts: { now: Date; boundEnterpriseId: number; storage?: Storage }) {
  const { now, boundEnterpriseId } = opts;
  const day = 24 * 3600 * 1000;
  const qiyePosts = [];
  for (const p of demoPosts) qiyePosts.push(await insertPost(tx, boundEnterpriseId, p, now));
  const others = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(ne(enterprises.id, boundEnterpriseId), eq(enterprises.status, 'operating')))
    .orderBy(asc(enterprises.id))
    .limit(2);
  for (const e of others) for (const p of otherPosts) await insertPost(tx, e.id, p, now);

  // Attempts over the last three weeks: most right, a few wrong.
  const takers = ['李明', '王芳', '张伟', '刘洋', '陈静', '赵磊'];
  const attempts = qiyePosts.flatMap((post, pi) =>
    takers.slice(0, 4 + pi).map((takerName, ti) => {
      const answers = post.quiz.map((q, qi) => ((ti + qi + pi) % 4 === 3 ? (q.answer + 1) % q.options.length : q.answer));
      const r = scorePostQuiz(post.quiz, answers);
      return {
        postId: post.id,
        enterpriseId: boundEnterpriseId,
        takerName,
        score: r.score,
        total: r.total,
        answers,
        takenAt: new Date(now.getTime() - (3 + ti * 4 + pi) * day),
      };
    }),
  );
  await tx.insert(postQuizAttempts).values(attempts);

  const pointIds = await ensurePoints(tx, boundEnterpriseId, qiyePosts[0]?.id ?? null, now);
  if (!opts.storage) return { posts: qiyePosts.length + others.length * otherPosts.length, attempts: attempts.length, map: false };

  const png = await sharp(Buffer.from(sitePlanSvg)).png().toBuffer();
  const photo = await processPhoto(png);
  if (!photo.ok) throw new Error('demo site plan unreadable');
  const key = newStorageKey('.jpg');
  const thumbKey = newStorageKey('.jpg');
  await opts.storage.put(key, photo.main);
  await opts.storage.put(thumbKey, photo.thumb);
  const file = await fileRepo.insert(tx, {
    key,
    thumbKey,
    mime: 'image/jpeg',
    size: photo.main.length,
    sha256: crypto.createHash('sha256').update(photo.main).digest('hex'),
    originalName: '厂区平面图.jpg',
    ownerType: RISK_MAP_FILE_OWNER,
    ownerId: boundEnterpriseId,
    uploadedBy: null,
    createdAt: now,
  });
  const zones = pointIds.slice(0, demoPoints.length).map((pointId, i) => ({ pointId, polygon: (demoPoints[i] as DemoPoint).zone }));
  await tx.insert(riskMaps).values({ enterpriseId: boundEnterpriseId, fileId: file.id, zones, updatedAt: now });
  return { posts: qiyePosts.length + others.length * otherPosts.length, attempts: attempts.length, map: true };
}
