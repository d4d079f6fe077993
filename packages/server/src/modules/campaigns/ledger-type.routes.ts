import { idParam, objectType, objectTypeInput, objectTypeList, objectTypeUpdate } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { LedgerTypeService } from './ledger-type.service.ts';

const tags = ['专项台账'];

/** 专项台账 object types: everyone reading ledgers lists them; the administrator edits them. */
export function registerLedgerTypeRoutes(app: FastifyInstance, types: LedgerTypeService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/ledger-object-types',
    {
      config: { access: 'ledger.read' },
      schema: { tags, summary: '台账类型列表（字段、默认检查内容、管辖范围内的对象数）', response: { 200: objectTypeList } },
    },
    async (request) => types.list(requireActor(request)),
  );
  r.post(
    '/api/v1/ledger-object-types',
    {
      config: { access: 'ledger.types' },
      schema: { tags, summary: '新增台账类型', body: objectTypeInput, response: { 201: objectType } },
    },
    async (request, reply) => reply.status(201).send(await types.create(requireActor(request), request.body)),
  );
  r.put(
    '/api/v1/ledger-object-types/:id',
    {
      config: { access: 'ledger.types' },
      schema: {
        tags,
        summary: '修改台账类型（名称、计量单位、字段、默认检查内容、停用；带版本号）',
        params: idParam,
        body: objectTypeUpdate,
        response: { 200: objectType },
      },
    },
    async (request) => types.update(requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/ledger-object-types/:id/restore',
    {
      config: { access: 'ledger.types' },
      schema: { tags, summary: '恢复系统预置类型的默认字段和检查内容', params: idParam, response: { 200: objectType } },
    },
    async (request) => types.restore(requireActor(request), request.params.id),
  );
}
