// Tracking: the plan ledger, its timeline, the monthly dispatch, the 五色图, and the generated documents.
import {
  idParam,
  planBulletinQuery,
  planDispatch,
  planDispatchQuery,
  planDispatchSave,
  planDispatchSaved,
  planListQuery,
  planPage,
  planProgress,
  planProgressQuery,
  planRankings,
  planRankingsQuery,
  planRemindResult,
  planTimeline,
} from '@anzhi/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import { attachment } from '../enterprises/enterprise-export.ts';
import type { PlanDispatchService } from './plan-dispatch.service.ts';
import type { PlanOutputs } from './plan-outputs.service.ts';
import type { PlanRemind } from './plan-remind.service.ts';
import type { PlanTrackingService } from './plan-tracking.service.ts';

const tags = ['方案任务'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function sendFile(reply: FastifyReply, mime: string, file: { buffer: Buffer; fileName: string; ascii: string }) {
  return reply.header('content-type', mime).header('content-disposition', attachment(file.fileName, file.ascii)).send(file.buffer);
}

export async function registerPlanTrackingRoutes(
  app: FastifyInstance,
  deps: { tracking: PlanTrackingService; dispatch: PlanDispatchService; outputs: PlanOutputs; remind: PlanRemind },
) {
  const { tracking, dispatch, outputs, remind } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/plans',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: '方案列表（含任务进展统计；成员单位只统计本单位的任务）',
        querystring: planListQuery,
        response: { 200: planPage },
      },
    },
    async (request) => tracking.list(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/plans/:id',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: '方案任务台账：任务树、各任务状态、各责任单位最近一次报送（period：截至该月）',
        description: '安委办、领导看全部任务；成员单位只看本单位牵头或配合的任务；村（社区）看“各村”承担的任务。',
        params: idParam,
        querystring: planProgressQuery,
        response: { 200: planProgress },
      },
    },
    async (request) => tracking.progress(requireActor(request), request.params.id, request.query.period),
  );
  r.get(
    '/api/v1/plans/:id/timeline',
    {
      config: { access: 'plan.read' },
      schema: { tags, summary: '时间节点：逾期在前，再按日期', params: idParam, response: { 200: planTimeline } },
    },
    async (request) => tracking.timeline(requireActor(request), request.params.id),
  );
  r.get(
    '/api/v1/plans/:id/rankings',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: '五色图：各单位、各村（社区）得分与颜色（按期完成、按时报送、逾期未完成）',
        params: idParam,
        querystring: planRankingsQuery,
        response: { 200: planRankings },
      },
    },
    async (request) => tracking.rankings(requireActor(request), request.params.id, request.query.period),
  );
  r.post(
    '/api/v1/plans/:id/remind',
    {
      config: { access: 'plan.manage' },
      schema: {
        tags,
        summary: '一键催报：通知本月尚未报送月调度的各成员单位（每单位每天一次）',
        description: 'count 为本次通知到的单位数；同一天再次催报不再重复通知。',
        params: idParam,
        response: { 200: planRemindResult },
      },
    },
    async (request) => remind.remind(requireActor(request), request.params.id),
  );
  r.get(
    '/api/v1/plans/:id/wall-table.xlsx',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: '挂图作战责任表 .xlsx（序号、一级/二级指标、工作措施、责任单位、责任人、责任领导、时限、进展）',
        params: idParam,
      },
    },
    async (request, reply) => sendFile(reply, XLSX, await outputs.wallTable(requireActor(request), request.params.id)),
  );
  r.get(
    '/api/v1/plans/:id/bulletin.docx',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: '季通报 .docx（总体进展、各单位完成和逾期情况、五色图排名、存在问题），quarter 如 2026Q3，默认本季度',
        params: idParam,
        querystring: planBulletinQuery,
      },
    },
    async (request, reply) =>
      sendFile(reply, DOCX, await outputs.bulletin(requireActor(request), request.params.id, request.query.quarter)),
  );

  r.get(
    '/api/v1/plan-dispatch',
    {
      config: { access: 'plan.report' },
      schema: {
        tags,
        summary: '月调度：本单位本月待报送的任务（按上月报送预填）',
        description: '成员单位填本单位；安委办可代填某单位（unitId）或某村（villageCode）。',
        querystring: planDispatchQuery,
        response: { 200: planDispatch },
      },
    },
    async (request) => dispatch.get(requireActor(request), request.query),
  );
  r.put(
    '/api/v1/plan-dispatch',
    {
      config: { access: 'plan.report' },
      schema: {
        tags,
        summary: '报送月调度：一次提交多项任务的进展（同一事务；修改已报送的须带 version）',
        description:
          '只有改动过的任务（状态、进展、问题、数据或佐证与预填不同）或勾选“本月无新进展”的任务计为已报送；原样提交的任务不保存，在 untouched 中列出。',
        body: planDispatchSave,
        response: { 200: planDispatchSaved },
      },
    },
    async (request) => dispatch.save(requireActor(request), request.body),
  );
}
