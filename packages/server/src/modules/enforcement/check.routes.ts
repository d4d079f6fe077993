import {
  checkAmendmentBody,
  checkCreateBody,
  checkDetail,
  checkListQuery,
  checklistBody,
  checklistView,
  checkPage,
  checkQuizView,
  checkRecordBody,
  checkSignBody,
  checkTeamBody,
  idParam,
  quizBody,
  quizQuestionList,
  quizQuestionQuery,
  quizStats,
  quizStatsQuery,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { CheckService } from './check.service.ts';
import type { createCheckQuizService } from './check-quiz.service.ts';
import type { createCheckSignService } from './check-sign.service.ts';
import type { createCheckTeamService } from './check-team.ts';

const tags = ['执法检查'];

/** 现场检查 (五现场), 逢查必考 and the units' own checklist items. */
export async function registerCheckRoutes(
  app: FastifyInstance,
  deps: {
    checks: CheckService;
    signing: ReturnType<typeof createCheckSignService>;
    quiz: ReturnType<typeof createCheckQuizService>;
    team: ReturnType<typeof createCheckTeamService>;
  },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { checks, signing, quiz, team } = deps;
  const base = '/api/v1/enforcement-checks';

  r.get(
    base,
    {
      config: { access: 'enforcement.read' },
      schema: {
        tags,
        summary: '执法检查列表（筛选：单位、状态、类型、企业、月份；mine=我的检查）',
        querystring: checkListQuery,
        response: { 200: checkPage },
      },
    },
    async (request) => checks.list(requireActor(request), request.query),
  );
  r.post(
    base,
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '新建专项/临时检查（两名以上持有效执法证的执法人员）',
        body: checkCreateBody,
        response: { 201: checkDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await checks.create(requireActor(request), request.body)),
  );
  r.get(
    `${base}/quiz-stats`,
    {
      config: { access: 'enforcement.read' },
      schema: { tags, summary: '逢查必考：企业的考试次数与平均正确率', querystring: quizStatsQuery, response: { 200: quizStats } },
    },
    async (request) => quiz.stats(requireActor(request), request.query.enterpriseId),
  );
  r.get(
    `${base}/:id`,
    {
      config: { access: 'enforcement.read' },
      schema: {
        tags,
        summary: '检查详情（企业、执法人员及执法证号、检查项、签字、考试、更正）',
        params: idParam,
        response: { 200: checkDetail },
      },
    },
    async (request) => checks.get(requireActor(request), request.params.id),
  );
  r.post(
    `${base}/:id/start`,
    {
      config: { access: 'enforcement.inspect' },
      schema: {
        tags,
        summary: '开始检查（生成检查表：行业重大事故隐患判定标准 + 本单位自定检查项）',
        params: idParam,
        response: { 200: checkDetail },
      },
    },
    async (request) => checks.start(requireActor(request), request.params.id),
  );
  r.put(
    `${base}/:id/inspectors`,
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '指派或更换执法人员（开始检查前；两名以上持有效执法证的本单位执法人员；带版本号）',
        params: idParam,
        body: checkTeamBody,
        response: { 200: checkDetail },
      },
    },
    async (request) => team.assign(requireActor(request), request.params.id, request.body),
  );
  r.put(
    `${base}/:id/items`,
    {
      config: { access: 'enforcement.inspect' },
      schema: {
        tags,
        summary: '记录检查结果（现场查、现场讲、现场交办、现场验收；带版本号）',
        params: idParam,
        body: checkRecordBody,
        response: { 200: checkDetail },
      },
    },
    async (request) => checks.record(requireActor(request), request.params.id, request.body),
  );
  r.post(
    `${base}/:id/sign`,
    {
      config: { access: 'enforcement.inspect' },
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary: '现场签字（两名执法人员与被检查单位负责人，或记录拒签）；不符合项转为隐患',
        params: idParam,
        body: checkSignBody,
        response: { 200: checkDetail },
      },
    },
    async (request) => signing.sign(requireActor(request), request.params.id, request.body),
  );
  r.post(
    `${base}/:id/amendments`,
    {
      config: { access: 'enforcement.inspect' },
      schema: {
        tags,
        summary: '更正已签字的检查记录（须写明原因，留痕）',
        params: idParam,
        body: checkAmendmentBody,
        response: { 200: checkDetail },
      },
    },
    async (request) => signing.amend(requireActor(request), request.params.id, request.body),
  );
  r.get(
    `${base}/:id/quiz-questions`,
    {
      config: { access: 'enforcement.inspect' },
      schema: {
        tags,
        summary: '逢查必考：从判定标准题库抽题',
        params: idParam,
        querystring: quizQuestionQuery,
        response: { 200: quizQuestionList },
      },
    },
    async (request) => quiz.questions(requireActor(request), request.params.id, request.query.count),
  );
  r.post(
    `${base}/:id/quizzes`,
    {
      config: { access: 'enforcement.inspect' },
      schema: {
        tags,
        summary: '逢查必考：记录一名从业人员的答题与得分',
        params: idParam,
        body: quizBody,
        response: { 201: checkQuizView },
      },
    },
    async (request, reply) => reply.status(201).send(await quiz.record(requireActor(request), request.params.id, request.body)),
  );
  r.get(
    '/api/v1/enforcement-checklists/:id',
    {
      config: { access: 'enforcement.read' },
      schema: { tags, summary: '执法单位的自定检查项', params: idParam, response: { 200: checklistView } },
    },
    async (request) => quiz.checklist(requireActor(request), request.params.id),
  );
  r.put(
    '/api/v1/enforcement-checklists/:id',
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '保存执法单位的自定检查项（带版本号）',
        params: idParam,
        body: checklistBody,
        response: { 200: checklistView },
      },
    },
    async (request) => quiz.saveChecklist(requireActor(request), request.params.id, request.body),
  );
}
