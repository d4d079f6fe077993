import { idParam, pageOf, unit, unitCreateBody, unitListQuery, unitUpdateBody } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { UnitService } from './unit.service.ts';

const tags = ['成员单位'];

export async function registerUnitModule(app: FastifyInstance, deps: { units: UnitService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { units } = deps;

  r.get(
    '/api/v1/units',
    {
      config: { access: 'unit.read' },
      schema: { tags, summary: '成员单位列表', querystring: unitListQuery, response: { 200: pageOf(unit) } },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return units.list(requireActor(request), filter, page, pageSize);
    },
  );
  r.get(
    '/api/v1/units/:id',
    { config: { access: 'unit.read' }, schema: { tags, summary: '成员单位详情', params: idParam, response: { 200: unit } } },
    async (request) => units.get(requireActor(request), request.params.id),
  );
  r.post(
    '/api/v1/units',
    { config: { access: 'unit.write' }, schema: { tags, summary: '新建成员单位', body: unitCreateBody, response: { 201: unit } } },
    async (request, reply) => reply.status(201).send(await units.create(requireActor(request), request.body)),
  );
  r.patch(
    '/api/v1/units/:id',
    {
      config: { access: 'unit.write' },
      schema: { tags, summary: '修改成员单位', params: idParam, body: unitUpdateBody, response: { 200: unit } },
    },
    async (request) => units.update(requireActor(request), request.params.id, request.body),
  );
}
