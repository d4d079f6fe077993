import {
  auditEvent,
  enterprise,
  enterpriseCreateBody,
  enterpriseListQuery,
  enterpriseReportPath,
  enterpriseStats,
  enterpriseTenants,
  enterpriseUpdateBody,
  idParam,
  pageOf,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../plugins/auth.ts';
import type { EnterpriseService } from './enterprise.service.ts';
import { responsibilityCardDocx } from './responsibility-card.ts';

const tags = ['企业台账'];

export async function registerEnterpriseModule(app: FastifyInstance, deps: { enterprises: EnterpriseService; publicUrl?: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { enterprises } = deps;

  r.get(
    '/api/v1/enterprises',
    {
      config: { access: 'enterprise.read' },
      schema: {
        tags,
        summary: '企业列表（筛选、分页，按数据范围）',
        querystring: enterpriseListQuery,
        response: { 200: pageOf(enterprise) },
      },
    },
    async (request) => enterprises.list(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/enterprises/stats',
    {
      config: { access: 'enterprise.read' },
      schema: {
        tags,
        summary: '企业统计：区域×行业领域、风险等级、缺安责险、标准化到期、高危缺三个责任人',
        querystring: enterpriseListQuery,
        response: { 200: enterpriseStats },
      },
    },
    async (request) => {
      const { page: _p, pageSize: _s, sort: _o, ...filter } = request.query;
      return enterprises.stats(requireActor(request), filter);
    },
  );
  r.get(
    '/api/v1/enterprises/:id',
    { config: { access: 'enterprise.read' }, schema: { tags, summary: '企业详情', params: idParam, response: { 200: enterprise } } },
    async (request) => enterprises.get(requireActor(request), request.params.id),
  );
  r.get(
    '/api/v1/enterprises/:id/history',
    {
      config: { access: 'enterprise.read' },
      schema: {
        tags,
        summary: '企业变更记录（来自审计日志）',
        params: idParam,
        response: { 200: z.object({ items: z.array(auditEvent) }) },
      },
    },
    async (request) => ({ items: await enterprises.history(requireActor(request), request.params.id) }),
  );
  r.get(
    '/api/v1/enterprises/:id/tenants',
    {
      config: { access: 'enterprise.read' },
      schema: {
        tags,
        summary: '厂中厂：承租企业',
        params: idParam,
        response: { 200: enterpriseTenants },
      },
    },
    async (request) => ({ items: await enterprises.tenants(requireActor(request), request.params.id) }),
  );
  r.get(
    '/api/v1/enterprises/:id/card.docx',
    { config: { access: 'enterprise.read' }, schema: { tags, summary: '三个责任人挂牌公示牌（Word，含举报二维码）', params: idParam } },
    async (request, reply) => {
      const e = await enterprises.get(requireActor(request), request.params.id);
      const origin = deps.publicUrl ?? `${request.protocol}://${request.headers.host}`;
      const docx = await responsibilityCardDocx(e, `${origin}${enterpriseReportPath(e.publicCode)}`);
      const name = encodeURIComponent(`${e.name}-三个责任人公示牌.docx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="card.docx"; filename*=UTF-8''${name}`)
        .send(docx);
    },
  );
  r.post(
    '/api/v1/enterprises',
    {
      config: { access: 'enterprise.write' },
      schema: { tags, summary: '新增企业', body: enterpriseCreateBody, response: { 201: enterprise } },
    },
    async (request, reply) => reply.status(201).send(await enterprises.create(requireActor(request), request.body)),
  );
  r.patch(
    '/api/v1/enterprises/:id',
    {
      config: { access: 'enterprise.write' },
      schema: {
        tags,
        summary: '修改企业（带版本号，防止覆盖他人修改）',
        params: idParam,
        body: enterpriseUpdateBody,
        response: { 200: enterprise },
      },
    },
    async (request) => enterprises.update(requireActor(request), request.params.id, request.body),
  );
}
