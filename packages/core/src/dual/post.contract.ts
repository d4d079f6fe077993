import { z } from 'zod';
import { maxRecordId } from '../common/common.contract.ts';
import { riskLevels } from '../enterprise/enterprise.dict.ts';
import { controlLevels } from './dual.dict.ts';

/**
 * 岗位 and their 两单两卡 (岗位风险清单、岗位职责清单、岗位操作卡、岗位应急处置卡) with the 应知应会 quiz; the public views
 * of a post's cards and of a risk point's 风险告知卡 (what the QR opens: only what is printed, no ids, no personal data);
 * the 四色分布图 (a site plan with zones drawn on it).
 */

const id = z.number().int('应为正整数编号').positive('应为正整数编号').max(maxRecordId, '编号超出范围');

export const postQuizLimits = { minOptions: 2, maxOptions: 6, maxQuestions: 20 } as const;
export const postCardMaxLines = 50;

const cardLines = z
  .array(z.string().trim().min(1, '每行内容不能为空').max(300, '每行不超过 300 字'))
  .max(postCardMaxLines, `每张卡不超过 ${postCardMaxLines} 行`);

export const postCards = z.object({
  riskList: cardLines.default([]),
  dutyList: cardLines.default([]),
  operationCard: cardLines.default([]),
  emergencyCard: cardLines.default([]),
});
export type PostCards = z.infer<typeof postCards>;

export const quizItem = z
  .object({
    question: z.string().trim().min(1, '请填写题目').max(300, '题目不超过 300 字'),
    options: z
      .array(z.string().trim().min(1, '选项不能为空').max(200, '选项不超过 200 字'))
      .min(postQuizLimits.minOptions, `每题至少 ${postQuizLimits.minOptions} 个选项`)
      .max(postQuizLimits.maxOptions, `每题最多 ${postQuizLimits.maxOptions} 个选项`),
    answer: z.number().int('正确答案应为选项序号'),
  })
  .superRefine((q, ctx) => {
    if (q.answer < 0 || q.answer >= q.options.length)
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '正确答案应为本题的一个选项' });
  });
export type QuizItem = z.infer<typeof quizItem>;

export const postQuiz = z.array(quizItem).max(postQuizLimits.maxQuestions, `应知应会题目不超过 ${postQuizLimits.maxQuestions} 道`);

export const postInput = z.object({
  name: z.string().trim().min(1, '请填写岗位名称').max(50, '岗位名称不超过 50 字'),
  department: z
    .string()
    .trim()
    .max(50, '所属部门不超过 50 字')
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  cards: postCards.default({ riskList: [], dutyList: [], operationCard: [], emergencyCard: [] }),
  quiz: postQuiz.default([]),
});
export const postCreateBody = postInput.extend({ enterpriseId: id });
export type PostCreateBody = z.infer<typeof postCreateBody>;
export const postUpdateBody = postInput.extend({ version: z.number().int().min(1) });
export type PostUpdateBody = z.infer<typeof postUpdateBody>;

export const postListQuery = z.object({ enterpriseId: z.coerce.number().int().positive().max(maxRecordId).optional() });
export type PostListQuery = z.infer<typeof postListQuery>;

export const postView = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  cards: postCards,
  quiz: z.array(z.object({ question: z.string(), options: z.array(z.string()), answer: z.number().int() })),
  publicCode: z.string(),
  attemptCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PostView = z.infer<typeof postView>;
export const postList = z.object({ items: z.array(postView) });

export const cardSizes = ['A4', 'A5'] as const;
export type CardSize = (typeof cardSizes)[number];
export const cardSizeQuery = z.object({ size: z.enum(cardSizes, { error: '纸张大小应为 A4 或 A5' }).default('A4') });

/** One taking of a quiz on the phone: who took it and the option index chosen for each question (-1: none). */
export const quizAttemptBody = z.object({
  takerName: z.string().trim().min(1, '请填写姓名').max(30, '姓名不超过 30 字'),
  answers: z.array(z.number().int('答案应为选项序号').min(-1).max(postQuizLimits.maxOptions)).max(postQuizLimits.maxQuestions),
});
export type QuizAttemptBody = z.infer<typeof quizAttemptBody>;

export const quizResult = z.object({
  score: z.number().int(),
  total: z.number().int(),
  /** Per question: the right option and whether the taker chose it. */
  items: z.array(z.object({ answer: z.number().int(), chosen: z.number().int(), correct: z.boolean() })),
});
export type QuizResult = z.infer<typeof quizResult>;

/** A quiz's score: one point per question answered with its right option; missing answers count as wrong. */
export function scorePostQuiz(quiz: ReadonlyArray<Pick<QuizItem, 'answer'>>, answers: readonly number[]): QuizResult {
  const items = quiz.map((q, i) => {
    const chosen = answers[i] ?? -1;
    return { answer: q.answer, chosen, correct: chosen === q.answer };
  });
  return { score: items.filter((i) => i.correct).length, total: quiz.length, items };
}

export const quizAttemptView = z.object({
  id: z.number().int(),
  takerName: z.string(),
  score: z.number().int(),
  total: z.number().int(),
  takenAt: z.string(),
});
export const quizAttemptList = z.object({ items: z.array(quizAttemptView) });

/** What a post card's QR opens: the enterprise's name, the post, its four cards and the quiz without answers. */
export const publicPostCard = z.object({
  enterpriseName: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  cards: postCards,
  quiz: z.array(z.object({ question: z.string(), options: z.array(z.string()) })),
});
export type PublicPostCard = z.infer<typeof publicPostCard>;

export const publicCodeParam = z.object({ publicCode: z.string().regex(/^[A-Za-z0-9]{4,40}$/, '公示码格式不正确') });

/** 风险告知卡: the point, its events with levels, consequences, measures, the enterprise's emergency contact. */
export const riskCardEvent = z.object({
  name: z.string(),
  level: z.enum(riskLevels),
  consequence: z.string().nullable(),
  controlLevel: z.enum(controlLevels),
  measures: z.array(z.string()),
  emergencyMeasures: z.array(z.string()),
});
export const publicRiskCard = z.object({
  enterpriseName: z.string(),
  pointName: z.string(),
  location: z.string().nullable(),
  /** The highest level of its events (the card's colour), or null before any assessment. */
  level: z.enum(riskLevels).nullable(),
  events: z.array(riskCardEvent),
  emergencyPhone: z.string().nullable(),
  principal: z.string().nullable(),
  reportHotline: z.string(),
});
export type PublicRiskCard = z.infer<typeof publicRiskCard>;

/** 四色分布图: zones are polygons in 0–1 coordinates of the image, each linked to one of the enterprise's risk points. */
export const riskMapMaxVertices = 200;
export const riskMapMaxZones = 200;
const coordinate = z.number().min(0, '坐标应在 0–1 之间').max(1, '坐标应在 0–1 之间');
export const riskMapZoneInput = z.object({
  pointId: id,
  polygon: z
    .array(
      z
        .array(coordinate)
        .length(2, '每个顶点应为 [x, y] 两个坐标')
        .transform((p) => p as [number, number]),
    )
    .min(3, '区域至少 3 个顶点')
    .max(riskMapMaxVertices, `区域最多 ${riskMapMaxVertices} 个顶点`),
});
export const riskMapBody = z.object({
  fileId: id,
  zones: z.array(riskMapZoneInput).max(riskMapMaxZones, `区域不超过 ${riskMapMaxZones} 个`),
});
export type RiskMapBody = z.infer<typeof riskMapBody>;

export const riskMapView = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  /** null before a site plan is uploaded. */
  fileId: z.number().int().nullable(),
  imageUrl: z.string().nullable(),
  zones: z.array(
    z.object({
      pointId: z.number().int(),
      pointName: z.string(),
      level: z.enum(riskLevels).nullable(),
      /** Vertices as [x, y] in 0–1 of the image. */
      polygon: z.array(z.array(z.number())),
    }),
  ),
  /** The enterprise's risk points to link a zone to (with their levels). */
  points: z.array(z.object({ id: z.number().int(), name: z.string(), level: z.enum(riskLevels).nullable() })),
  version: z.number().int(),
});
export type RiskMapView = z.infer<typeof riskMapView>;

/** The web pages a card's QR opens (no login). */
export const postCardPath = (publicCode: string) => `/card/p/${publicCode}`;
export const riskCardPath = (publicCode: string) => `/card/r/${publicCode}`;

export const postDeleteQuery = z.object({ version: z.coerce.number().int().min(1, '应为版本号') });
