import {
  idParam,
  reportAcceptBody,
  reportAssignBody,
  reportDetail,
  reportExtendBody,
  reportIdentity,
  reportListQuery,
  reportMergeBody,
  reportMessageBody,
  reportOutcomeBody,
  reportPage,
  reportRegisterBody,
  reportRegistered,
  reportRejectBody,
  reportUnmergeBody,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { ReportHandling } from './report-handling.service.ts';
import type { ReportOutcome } from './report-outcome.service.ts';
import type { ReportSteps } from './report-steps.service.ts';

/** 举报办理: the office triages and assigns, the unit verifies; the reporter's identity only through its audited route. */
export async function registerReportHandlingRoutes(
  app: FastifyInstance,
  deps: { handling: ReportHandling; steps: ReportSteps; outcome: ReportOutcome },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['举报'];
  const { handling, steps, outcome } = deps;

  r.get(
    '/api/v1/reports',
    {
      config: { access: 'report.read' },
      schema: {
        tags,
        summary: '举报列表（待受理在前；可按状态、渠道、来源、类别、区划、承办单位、企业、逾期、月份等筛选）',
        querystring: reportListQuery,
        response: { 200: reportPage },
      },
    },
    async (request) => handling.list(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/reports',
    {
      config: { access: 'report.triage' },
      schema: {
        tags,
        summary: '登记 12350 热线、来信、来访、电子邮件举报（返回查询码和查询密码，密码只显示一次）',
        body: reportRegisterBody,
        response: { 201: reportRegistered },
      },
    },
    async (request, reply) => reply.status(201).send(await handling.register(requireActor(request), request.body)),
  );
  r.get(
    '/api/v1/reports/:id',
    {
      config: { access: 'report.read' },
      schema: { tags, summary: '举报详情（不含举报人姓名和电话）', params: idParam, response: { 200: reportDetail } },
    },
    async (request) => handling.get(requireActor(request), request.params.id),
  );
  r.get(
    '/api/v1/reports/:id/identity',
    {
      config: { access: 'report.identity' },
      schema: { tags, summary: '查看举报人姓名和电话（每次查看均记录）', params: idParam, response: { 200: reportIdentity } },
    },
    async (request, reply) => {
      const body = await handling.identity(requireActor(request), request.params.id);
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(body);
    },
  );
  const post = <B>(
    path: string,
    access: 'report.triage' | 'report.verify',
    summary: string,
    body: B,
    fn: (actor: ReturnType<typeof requireActor>, id: number, body: never) => Promise<unknown>,
    status = 200,
  ) =>
    r.post(
      `/api/v1/reports/:id/${path}`,
      { config: { access }, schema: { tags, summary, params: idParam, body: body as never, response: { [status]: reportDetail } } },
      async (request, reply) =>
        reply.status(status).send((await fn(requireActor(request), request.params.id, request.body as never)) as never),
    );
  post('accept', 'report.triage', '受理并交办承办单位（核查期限自受理之日起计算）', reportAcceptBody, steps.accept);
  post('reject', 'report.triage', '不予受理（理由告知举报人）', reportRejectBody, steps.reject);
  post('assign', 'report.triage', '改派承办单位', reportAssignBody, steps.assign);
  post('extend', 'report.verify', '核查延期（累计不超过设置的上限，理由告知举报人）', reportExtendBody, steps.extend);
  post('messages', 'report.verify', '向举报人补充询问或发送通知', reportMessageBody, steps.message, 201);
  post(
    'outcome',
    'report.verify',
    '核查办结：属实（新建隐患、关联已有隐患或执法案件）或不属实，并反馈举报人',
    reportOutcomeBody,
    outcome.decide,
  );
  post('merge', 'report.triage', '作为重复举报合并到最初的举报办理', reportMergeBody, steps.merge);
  post('unmerge', 'report.triage', '取消合并', reportUnmergeBody, steps.unmerge);
}
