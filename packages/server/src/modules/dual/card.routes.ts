import { cardSizeQuery, idParam, publicCodeParam, publicPostCard, publicRiskCard, quizAttemptBody, quizResult } from '@anzhi/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { CardService } from './card.service.ts';

const tags = ['双重预防'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The public card pages are opened by a QR on a wall: generous for a workshop behind one address, still a limit. */
const publicRate = { max: 120, timeWindow: '1 minute' };

function sendDocx(reply: FastifyReply, file: { name: string; bytes: Buffer }) {
  return reply
    .header('content-type', DOCX)
    .header('content-disposition', `attachment; filename="card.docx"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .send(file.bytes);
}

/** 两单两卡 and 风险告知卡 as .docx; what their QR opens (no login); the quiz on the phone. */
export async function registerCardRoutes(app: FastifyInstance, deps: { cards: CardService; publicUrl?: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { cards } = deps;
  const origin = (request: FastifyRequest) => deps.publicUrl ?? `${request.protocol}://${request.headers.host}`;

  r.get(
    '/api/v1/posts/:id/cards.docx',
    {
      config: { access: 'dual.read' },
      schema: { tags, summary: '两单两卡（Word，每张卡一页，含二维码）', params: idParam, querystring: cardSizeQuery },
    },
    async (request, reply) =>
      sendDocx(reply, await cards.postCardsDocx(requireActor(request), request.params.id, request.query.size, origin(request))),
  );
  r.get(
    '/api/v1/risk-points/:id/card.docx',
    {
      config: { access: 'dual.read' },
      schema: { tags, summary: '风险告知卡（Word，含二维码）', params: idParam, querystring: cardSizeQuery },
    },
    async (request, reply) =>
      sendDocx(reply, await cards.riskCardDocx(requireActor(request), request.params.id, request.query.size, origin(request))),
  );
  r.get(
    '/api/v1/public/post-cards/:publicCode',
    {
      config: { access: 'public', rateLimit: publicRate },
      schema: {
        tags,
        summary: '岗位两单两卡（扫码查看，无需登录；题目不含答案）',
        params: publicCodeParam,
        response: { 200: publicPostCard },
      },
    },
    async (request) => cards.publicPost(request.params.publicCode),
  );
  r.post(
    '/api/v1/public/post-cards/:publicCode/quiz',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '应知应会答题（无需登录；返回得分和正确答案）',
        params: publicCodeParam,
        body: quizAttemptBody,
        response: { 200: quizResult },
      },
    },
    async (request) => cards.takeQuiz(request.params.publicCode, request.body, request.ip),
  );
  r.get(
    '/api/v1/public/risk-cards/:publicCode',
    {
      config: { access: 'public', rateLimit: publicRate },
      schema: { tags, summary: '风险告知卡（扫码查看，无需登录）', params: publicCodeParam, response: { 200: publicRiskCard } },
    },
    async (request) => cards.publicRisk(request.params.publicCode),
  );
}
