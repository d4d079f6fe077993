import {
  idParam,
  orderCreateBody,
  orderListQuery,
  orderPage,
  orderView,
  penaltyCreateBody,
  penaltyListQuery,
  penaltyPage,
  penaltyPatchBody,
  penaltyView,
  recheckBody,
} from '@anzhi/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { EnforcementOrders } from './enforcement-orders.service.ts';
import type { EnforcementPenalties } from './enforcement-penalties.service.ts';
import type { DocxFile, EnforcementDocuments } from './enforcement-triad-documents.service.ts';

function sendDocx(reply: FastifyReply, file: DocxFile) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('content-disposition', `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-document-number', encodeURIComponent(file.number))
    .send(file.buffer);
}

/** 执法三部曲: 责令限期整改指令书 and 复查, 行政处罚案件, and their documents (.docx). */
export async function registerEnforcementTriadRoutes(
  app: FastifyInstance,
  deps: { orders: EnforcementOrders; penalties: EnforcementPenalties; documents: EnforcementDocuments },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['执法检查'];

  r.get(
    '/api/v1/enforcement-orders',
    {
      config: { access: 'enforcement.read' },
      schema: {
        tags,
        summary: '责令限期整改指令书列表（可按待复查、复查逾期筛选）',
        querystring: orderListQuery,
        response: { 200: orderPage },
      },
    },
    async (request) => deps.orders.list(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/enforcement-orders',
    {
      config: { access: 'enforcement.inspect' },
      schema: { tags, summary: '由已签字的检查下达责令限期整改指令书', body: orderCreateBody, response: { 201: orderView } },
    },
    async (request, reply) => reply.status(201).send(await deps.orders.create(requireActor(request), request.body)),
  );
  r.get(
    '/api/v1/enforcement-orders/:id',
    { config: { access: 'enforcement.read' }, schema: { tags, summary: '整改指令书详情', params: idParam, response: { 200: orderView } } },
    async (request) => deps.orders.get(requireActor(request), request.params.id),
  );
  r.post(
    '/api/v1/enforcement-orders/:id/recheck',
    {
      config: { access: 'enforcement.inspect' },
      schema: { tags, summary: '整改复查（期限届满前复查须说明理由）', params: idParam, body: recheckBody, response: { 200: orderView } },
    },
    async (request) => deps.orders.recheck(requireActor(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/enforcement-orders/:id/order.docx',
    { config: { access: 'enforcement.read' }, schema: { tags, summary: '责令限期整改指令书（Word）', params: idParam } },
    async (request, reply) => sendDocx(reply, await deps.documents.order(requireActor(request), request.params.id)),
  );
  r.get(
    '/api/v1/enforcement-orders/:id/recheck.docx',
    { config: { access: 'enforcement.read' }, schema: { tags, summary: '整改复查意见书（Word）', params: idParam } },
    async (request, reply) => sendDocx(reply, await deps.documents.recheck(requireActor(request), request.params.id)),
  );
  r.get(
    '/api/v1/enforcement-checks/:id/record.docx',
    { config: { access: 'enforcement.read' }, schema: { tags, summary: '现场检查记录（Word，含签名与记录摘要）', params: idParam } },
    async (request, reply) => sendDocx(reply, await deps.documents.checkRecord(requireActor(request), request.params.id)),
  );

  r.get(
    '/api/v1/penalties',
    {
      config: { access: 'enforcement.read' },
      schema: { tags, summary: '行政处罚案件列表', querystring: penaltyListQuery, response: { 200: penaltyPage } },
    },
    async (request) => deps.penalties.list(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/penalties',
    {
      config: { access: 'enforcement.penalize' },
      schema: { tags, summary: '行政处罚立案（依据安全生产法条款清单）', body: penaltyCreateBody, response: { 201: penaltyView } },
    },
    async (request, reply) => reply.status(201).send(await deps.penalties.create(requireActor(request), request.body)),
  );
  r.get(
    '/api/v1/penalties/:id',
    { config: { access: 'enforcement.read' }, schema: { tags, summary: '处罚案件详情', params: idParam, response: { 200: penaltyView } } },
    async (request) => deps.penalties.get(requireActor(request), request.params.id),
  );
  r.patch(
    '/api/v1/penalties/:id',
    {
      config: { access: 'enforcement.penalize' },
      schema: {
        tags,
        summary: '处罚案件办理：告知、决定（自动编号）、执行、结案或撤销',
        params: idParam,
        body: penaltyPatchBody,
        response: { 200: penaltyView },
      },
    },
    async (request) => deps.penalties.move(requireActor(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/penalties/:id/decision.docx',
    { config: { access: 'enforcement.read' }, schema: { tags, summary: '行政处罚决定书（Word）', params: idParam } },
    async (request, reply) => sendDocx(reply, await deps.documents.decision(requireActor(request), request.params.id)),
  );
}
