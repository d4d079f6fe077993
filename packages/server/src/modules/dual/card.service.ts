import {
  type CardSize,
  highestRiskLevel,
  type PublicPostCard,
  type PublicRiskCard,
  postCardPath,
  type QuizAttemptBody,
  type QuizResult,
  riskCardPath,
  scorePostQuiz,
} from '@anzhi/core';
import type { Db, Executor } from '../../db/client.ts';
import { scopeOn } from '../../db/data-scope.ts';
import { type Actor, auditActorOf } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedTransaction } from '../audit/audited-transaction.ts';
import { cardRepo, type RiskPointRow } from './card.repo.ts';
import { postCardsDocx, REPORT_HOTLINE, riskCardDocx } from './card-docx.ts';
import { postRepo } from './post.repo.ts';
import type { PostService } from './post.service.ts';
import { postView } from './post.service.ts';

export const cardErrors = {
  postNotFound: () => errors.notFound('岗位卡片', 'dual.card_not_found'),
  pointNotFound: () => errors.notFound('风险点', 'dual.risk_point_not_found'),
  tooManyAnswers: (n: number) =>
    errors.badRequest('dual.quiz_answers', `本岗位共 ${n} 道题，答案数量不符`, [{ path: 'answers', message: `应为 ${n} 个答案` }]),
  noQuiz: () => errors.badRequest('dual.quiz_empty', '本岗位尚未设置应知应会题目', [{ path: 'answers', message: '没有题目' }]),
};

/** 两单两卡 and 风险告知卡: the printed .docx (signed-in) and what their QR opens (public), and the quiz on the phone. */
export function createCardService(deps: { db: Db; clock: Clock; audit: AuditService; posts: PostService }) {
  const { db, clock, audit, posts } = deps;

  async function riskCard(ex: Executor, point: RiskPointRow): Promise<PublicRiskCard> {
    const [contact, events] = [await cardRepo.enterpriseContact(ex, point.enterpriseId), await cardRepo.events(ex, point.id)];
    return {
      enterpriseName: contact.name,
      pointName: point.name,
      location: point.location,
      level: highestRiskLevel(events.map((e) => e.level)),
      events: events.map((e) => ({
        name: e.name,
        level: e.level,
        consequence: e.consequence,
        controlLevel: e.controlLevel,
        measures: e.measures.filter((m) => m.kind !== 'emergency').map((m) => m.content),
        emergencyMeasures: e.measures.filter((m) => m.kind === 'emergency').map((m) => m.content),
      })),
      emergencyPhone: contact.principalPhone,
      principal: contact.principal,
      reportHotline: REPORT_HOTLINE,
    };
  }

  return {
    async postCardsDocx(actor: Actor, id: number, size: CardSize, origin: string) {
      const p = postView(await posts.load(db, actor, id));
      return {
        name: `${p.enterpriseName}-${p.name}-两单两卡.docx`,
        bytes: await postCardsDocx(p, `${origin}${postCardPath(p.publicCode)}`, size),
      };
    },

    async riskCardDocx(actor: Actor, pointId: number, size: CardSize, origin: string) {
      const point = await cardRepo.point(db, scopeOn.risk_points(actor.scope), pointId);
      if (!point) throw cardErrors.pointNotFound();
      const card = await riskCard(db, point);
      return {
        name: `${card.enterpriseName}-${card.pointName}-风险告知卡.docx`,
        bytes: await riskCardDocx(card, `${origin}${riskCardPath(point.publicCode)}`, size),
      };
    },

    async publicPost(publicCode: string): Promise<PublicPostCard> {
      const p = await postRepo.byPublicCode(db, publicCode);
      if (!p) throw cardErrors.postNotFound();
      const v = postView({ ...p, attemptCount: 0 });
      return {
        enterpriseName: v.enterpriseName,
        name: v.name,
        department: v.department,
        cards: v.cards,
        quiz: v.quiz.map((q) => ({ question: q.question, options: q.options })),
      };
    },

    async publicRisk(publicCode: string): Promise<PublicRiskCard> {
      const point = await cardRepo.pointByPublicCode(db, publicCode);
      if (!point) throw cardErrors.pointNotFound();
      return riskCard(db, point);
    },

    /** A taking of the quiz on the phone: scored by core, kept with the taker's name, the right answers returned. */
    async takeQuiz(publicCode: string, body: QuizAttemptBody, ip: string | null): Promise<QuizResult> {
      return auditedTransaction(db, async (tx) => {
        const p = await postRepo.byPublicCode(tx, publicCode);
        if (!p) throw cardErrors.postNotFound();
        if (!p.quiz.length) throw cardErrors.noQuiz();
        if (body.answers.length !== p.quiz.length) throw cardErrors.tooManyAnswers(p.quiz.length);
        const result = scorePostQuiz(p.quiz, body.answers);
        const row = await postRepo.insertAttempt(tx, {
          postId: p.id,
          enterpriseId: p.enterpriseId,
          takerName: body.takerName,
          score: result.score,
          total: result.total,
          answers: body.answers,
          takenAt: clock.now(),
        });
        await audit.record(tx, auditActorOf(null, ip), {
          entityType: 'postQuizAttempt',
          entityId: row.id,
          action: 'create',
          after: { postId: p.id, score: result.score, total: result.total },
        });
        return result;
      });
    },
  };
}

export type CardService = ReturnType<typeof createCardService>;
