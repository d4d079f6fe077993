import {
  idParam,
  labelCodeParam,
  ledgerObject,
  ledgerObjectFilter,
  ledgerObjectInput,
  ledgerObjectPage,
  ledgerObjectRemove,
  ledgerObjectUpdate,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { LedgerObjectService } from './ledger-object.service.ts';

const tags = ['专项台账'];

/** 专项台账 objects: listed, registered, edited and 注销 in the caller's scope; what a QR label opens. */
export function registerLedgerObjectRoutes(app: FastifyInstance, objects: LedgerObjectService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/ledger-objects',
    {
      config: { access: 'ledger.read' },
      schema: {
        tags,
        summary: '台账对象列表（按类型、村、企业、关键词、状态筛选，分页）',
        querystring: ledgerObjectFilter,
        response: { 200: ledgerObjectPage },
      },
    },
    async (request) => objects.list(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/ledger-objects',
    {
      config: { access: 'ledger.manage' },
      schema: { tags, summary: '登记台账对象（信息按类型的字段校验）', body: ledgerObjectInput, response: { 201: ledgerObject } },
    },
    async (request, reply) => reply.status(201).send(await objects.create(requireActor(request), request.body)),
  );
  r.get(
    '/api/v1/ledger-labels/:code',
    {
      config: { access: 'ledger.read' },
      schema: { tags, summary: '按标签码打开台账对象（扫描二维码标签）', params: labelCodeParam, response: { 200: ledgerObject } },
    },
    async (request) => objects.byLabel(requireActor(request), request.params.code),
  );
  r.get(
    '/api/v1/ledger-objects/:id',
    { config: { access: 'ledger.read' }, schema: { tags, summary: '台账对象详情', params: idParam, response: { 200: ledgerObject } } },
    async (request) => objects.get(requireActor(request), request.params.id),
  );
  r.put(
    '/api/v1/ledger-objects/:id',
    {
      config: { access: 'ledger.manage' },
      schema: { tags, summary: '修改台账对象（带版本号）', params: idParam, body: ledgerObjectUpdate, response: { 200: ledgerObject } },
    },
    async (request) => objects.update(requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/ledger-objects/:id/remove',
    {
      config: { access: 'ledger.manage' },
      schema: {
        tags,
        summary: '注销台账对象（填写原因；记录保留）',
        params: idParam,
        body: ledgerObjectRemove,
        response: { 200: ledgerObject },
      },
    },
    async (request) => objects.remove(requireActor(request), request.params.id, request.body.reason),
  );
}
