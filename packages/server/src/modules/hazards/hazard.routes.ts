import {
  escalationSteps,
  hazardActionParams,
  hazardCreate,
  hazardDetail,
  hazardFilter,
  hazardGroupBys,
  hazardListQuery,
  hazardPage,
  hazardStats,
  hazardStatsQuery,
  idParam,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { errors } from '../../lib/errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { attachment } from '../enterprises/enterprise-export.ts';
import { regionRepo } from '../regions/region.repo.ts';
import { toHazardSummary } from './hazard.presenter.ts';
import { hazardRepo, hazardWhere } from './hazard.repo.ts';
import type { HazardService } from './hazard.service.ts';
import { escalationDocx } from './hazard-documents.ts';
import { hazardLedgerXlsx } from './hazard-export.ts';

const tags = ['隐患排查治理'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const EXPORT_MAX_ROWS = 200_000;

const dynamicZeroQuery = hazardFilter.extend({
  cutoff: z.iso.date({ error: '应为日期，如 2023-12-31' }).default('2023-12-31'),
  groupBy: z.enum(hazardGroupBys).default('region'),
});
const dynamicZeroBody = z.object({
  cutoff: z.string(),
  today: z.string(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      stock: z.number(),
      stockClosed: z.number(),
      increment: z.number(),
      incrementClosed: z.number(),
      open: z.number(),
      overdue: z.number(),
      closed: z.number(),
      avgDaysToClose: z.number().nullable(),
      stockClearedRate: z.number().nullable(),
      incrementClosedRate: z.number().nullable(),
      overdueRate: z.number().nullable(),
    }),
  ),
});

export async function registerHazardModule(app: FastifyInstance, deps: { hazards: HazardService; db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { hazards, db } = deps;

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
        querystring: dynamicZeroQuery,
        response: { 200: dynamicZeroBody },
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
      const actor = requireActor(request);
      const where = hazardWhere(actor.scope, request.query, hazards.today());
      const total = await hazardRepo.count(db, where);
      if (total > EXPORT_MAX_ROWS) {
        throw errors.badRequest(
          'hazard.export_too_large',
          `符合条件的隐患有 ${total} 条，超过单次导出上限 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围`,
        );
      }
      async function* batches() {
        let cursor: { foundOn: string; id: number } | undefined;
        for (;;) {
          const rows = await hazardRepo.page(db, where, { cursor, offset: 0, limit: 2000 });
          if (rows.length === 0) return;
          yield rows.map((h) => ({ ...toHazardSummary(h, hazards.today()), description: h.description, criteriaCodes: h.criteriaCodes }));
          const last = rows[rows.length - 1] as (typeof rows)[number];
          cursor = { foundOn: last.foundOn, id: last.id };
          if (rows.length < 2000) return;
        }
      }
      const date = hazards.today();
      const buffer = await hazardLedgerXlsx(`隐患排查治理台账（截至 ${date}）`, batches());
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
        body: z.object({ version: z.number().int().positive() }).passthrough(),
        response: { 200: hazardDetail },
      },
    },
    async (request) => hazards.act(requireActor(request), request.params.id, request.params.action, request.body),
  );
  r.get(
    '/api/v1/hazards/:id/escalations/:step/document',
    {
      config: { access: 'hazard.read' },
      schema: {
        tags,
        summary: '问责文书 .docx（督办函 / 通报 / 约谈通知书 / 曝光）',
        params: z.object({ id: z.coerce.number().int().positive(), step: z.enum(escalationSteps) }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const h = await hazards.get(actor, request.params.id);
      if (!h.escalations.some((x) => x.step === request.params.step)) throw errors.notFound('该问责记录', 'hazard.escalation_not_found');
      const township = await regionRepo.findByCode(db, `${h.regionCode.slice(0, 9)}000`);
      const issuer = `${township?.name ?? ''}安全生产委员会办公室`;
      const buffer = await escalationDocx(h, request.params.step, issuer, hazards.today());
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', attachment(`${h.code}-${request.params.step}.docx`, `${h.code}-${request.params.step}.docx`))
        .send(buffer);
    },
  );
}
