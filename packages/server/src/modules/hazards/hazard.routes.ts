import {
  escalationSteps,
  hazardActionBody,
  hazardActionParams,
  hazardCreate,
  hazardDetail,
  hazardDynamicZero,
  hazardDynamicZeroQuery,
  hazardFilter,
  hazardListQuery,
  hazardPage,
  hazardRemindResult,
  hazardStats,
  hazardStatsQuery,
  idParam,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../plugins/auth.ts';
import { attachment } from '../enterprises/enterprise-export.ts';
import type { HazardService } from './hazard.service.ts';
import type { HazardFiles } from './hazard-files.service.ts';

const tags = ['隐患排查治理'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function registerHazardModule(app: FastifyInstance, deps: { hazards: HazardService; files: HazardFiles }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { hazards } = deps;

  r.get(
    '/api/v1/hazards',
    {
      config: { access: 'hazard.read' },
      schema: {
        tags,
        summary: '隐患台账（筛选；page/pageSize 或 keyset 游标 cursor）',
        querystring: hazardListQuery,
        response: { 200: hazardPage },
      },
    },
    async (request) => hazards.list(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/hazards',
    {
      config: { access: 'hazard.report' },
      schema: { tags, summary: '登记隐患（含立行立改）', body: hazardCreate, response: { 201: hazardDetail } },
    },
    async (request, reply) => reply.status(201).send(await hazards.create(requireActor(request), request.body)),
  );
  r.get(
    '/api/v1/hazards/stats',
    {
      config: { access: 'hazard.read' },
      schema: {
        tags,
        summary: '隐患统计：按区域/行业/来源/状态/等级分组（与台账同样的筛选，各组之和等于总数）',
        querystring: hazardStatsQuery,
        response: { 200: hazardStats },
      },
    },
    async (request) => hazards.stats(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/hazards/dynamic-zero',
    {
      config: { access: 'hazard.read' },
      schema: {
        tags,
        summary: '动态清零：存量（截止日仍未销号）与增量、销号率、逾期率、平均整改天数，分区域/分行业',
        querystring: hazardDynamicZeroQuery,
        response: { 200: hazardDynamicZero },
      },
    },
    async (request) => hazards.dynamicZero(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/hazards/export',
    {
      config: { access: 'hazard.export' },
      schema: { tags, summary: '导出隐患台账 .xlsx（与列表相同的筛选）', querystring: hazardFilter },
    },
    async (request, reply) => {
      const { buffer, date } = await deps.files.ledger(requireActor(request), request.query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`隐患台账-${date}.xlsx`, `hazards-${date}.xlsx`))
        .send(buffer);
    },
  );
  r.get(
    '/api/v1/hazards/:id',
    {
      config: { access: 'hazard.read' },
      schema: { tags, summary: '隐患详情（含全过程记录）', params: idParam, response: { 200: hazardDetail } },
    },
    async (request) => hazards.get(requireActor(request), request.params.id),
  );
  r.post(
    '/api/v1/hazards/:id/actions/:action',
    {
      config: { access: 'hazard.act' },
      schema: {
        tags,
        summary:
          '隐患处理步骤：confirm 认定 / submitPlan 报送方案 / approvePlan / returnPlan / supervise 挂牌督办 / rectify 整改 / accept 验收销号 / reject / requestExtension / approveExtension / denyExtension / dismiss / upgrade',
        description: '请求体含 version（乐观锁）与该步骤的字段，见 core 的 hazardActionBodies。',
        params: hazardActionParams,
        body: hazardActionBody,
        response: { 200: hazardDetail },
      },
    },
    async (request) => hazards.act(requireActor(request), request.params.id, request.params.action, request.body),
  );
  r.post(
    '/api/v1/hazards/:id/remind',
    {
      config: { access: 'hazard.act' },
      schema: {
        tags,
        summary: '催办：提醒该隐患当前步骤的办理方（已逾期或即将到期；安委办或监管单位；每个隐患每天一次）',
        params: idParam,
        response: { 200: hazardRemindResult },
      },
    },
    async (request) => hazards.remind(requireActor(request), request.params.id),
  );
  r.get(
    '/api/v1/hazards/:id/escalations/:step/document',
    {
      config: { access: 'hazard.read' },
      schema: {
        tags,
        summary: '问责文书 .docx（督办函 / 通报 / 约谈通知书 / 曝光）',
        params: idParam.extend({ step: z.enum(escalationSteps) }),
      },
    },
    async (request, reply) => {
      const { buffer, name } = await deps.files.escalationDocument(requireActor(request), request.params.id, request.params.step);
      return reply.header('content-type', DOCX).header('content-disposition', attachment(name, name)).send(buffer);
    },
  );
}
