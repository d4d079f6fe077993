// 年度监督检查计划 (分级分类): propose, edit the draft, approve, amend with a reason, the monthly plan, export.
import {
  enforcementPlanAmendmentBody,
  enforcementPlanCreate,
  enforcementPlanDefaults,
  enforcementPlanDefaultsQuery,
  enforcementPlanDetail,
  enforcementPlanListQuery,
  enforcementPlanMonth,
  enforcementPlanMonthQuery,
  enforcementPlanPage,
  enforcementPlanPatch,
  enforcementPlanScheduleBody,
  enforcementPlanScheduleResult,
  enforcementPlanVersionBody,
  idParam,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { EnforcementPlanService } from './enforcement-plan.service.ts';
import { enforcementPlanXlsx } from './enforcement-plan-xlsx.ts';

const tags = ['执法检查'];
const base = '/api/v1/enforcement-plans';

export function registerEnforcementPlanRoutes(app: FastifyInstance, plans: EnforcementPlanService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    base,
    {
      config: { access: 'enforcement.read' },
      schema: {
        tags,
        summary: '年度监督检查计划列表（按单位、年度）',
        querystring: enforcementPlanListQuery,
        response: { 200: enforcementPlanPage },
      },
    },
    async (request) => plans.list(requireActor(request), request.query),
  );
  r.post(
    base,
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '生成年度监督检查计划建议（分级分类：重点检查按风险频次，一般检查按比例随机抽取，不超过检查能力）',
        description:
          '从本单位检查对象名录库（为空时先从企业库派生）和企业、隐患信息生成草稿；能力未填写的项取本镇设置和执法证有效的执法人员数。',
        body: enforcementPlanCreate,
        response: { 201: enforcementPlanDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await plans.propose(requireActor(request), request.body)),
  );
  r.get(
    `${base}/defaults`,
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '生成计划建议的默认检查能力（本镇设置、本单位执法证有效的在职执法人员数、计划期月数）',
        querystring: enforcementPlanDefaultsQuery,
        response: { 200: enforcementPlanDefaults },
      },
    },
    async (request) => plans.defaults(requireActor(request), request.query.unitId, request.query.year),
  );
  r.get(
    `${base}/:id`,
    {
      config: { access: 'enforcement.read' },
      schema: {
        tags,
        summary: '计划详情：能力测算、检查对象（类别、理由、频次、月份）、未列入对象、变更记录',
        params: idParam,
        response: { 200: enforcementPlanDetail },
      },
    },
    async (request) => plans.get(requireActor(request), request.params.id),
  );
  r.patch(
    `${base}/:id`,
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '修改计划草稿：改能力（重新生成建议），或调整检查对象（类别、频次、月份、移除、添加）；超出能力时拒绝',
        params: idParam,
        body: enforcementPlanPatch,
        response: { 200: enforcementPlanDetail },
      },
    },
    async (request) => plans.patch(requireActor(request), request.params.id, request.body),
  );
  r.post(
    `${base}/:id/approve`,
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '批准计划（此后只能提交变更）',
        params: idParam,
        body: enforcementPlanVersionBody,
        response: { 200: enforcementPlanDetail },
      },
    },
    async (request) => plans.approve(requireActor(request), request.params.id, request.body.version),
  );
  r.post(
    `${base}/:id/amendments`,
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '变更已批准的计划（须说明理由，记入审计）',
        params: idParam,
        body: enforcementPlanAmendmentBody,
        response: { 200: enforcementPlanDetail },
      },
    },
    async (request) => plans.amend(requireActor(request), request.params.id, request.body),
  );
  r.get(
    `${base}/:id/month`,
    {
      config: { access: 'enforcement.read' },
      schema: {
        tags,
        summary: '月度计划：当月计划检查的对象及其检查情况',
        params: idParam,
        querystring: enforcementPlanMonthQuery,
        response: { 200: enforcementPlanMonth },
      },
    },
    async (request) => plans.month(requireActor(request), request.params.id, request.query.month),
  );
  r.post(
    `${base}/:id/schedule`,
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '生成当月重点检查（已生成的跳过）；一般检查由双随机抽取',
        params: idParam,
        body: enforcementPlanScheduleBody,
        response: { 200: enforcementPlanScheduleResult },
      },
    },
    async (request) => plans.schedule(requireActor(request), request.params.id, request.body.month),
  );
  r.get(
    `${base}/:id/export`,
    { config: { access: 'enforcement.read' }, schema: { tags, summary: '导出年度监督检查计划表（Excel）', params: idParam } },
    async (request, reply) => {
      const plan = await plans.get(requireActor(request), request.params.id);
      const name = encodeURIComponent(`${plan.unitName}${plan.year}年度监督检查计划.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="plan.xlsx"; filename*=UTF-8''${name}`)
        .send(await enforcementPlanXlsx(plan));
    },
  );
}
