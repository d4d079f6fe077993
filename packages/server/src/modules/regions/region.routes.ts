import { region, regionCodeParam, regionCreateBody, regionList, regionUpdateBody } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { RegionService } from './region.service.ts';

const tags = ['行政区划'];

export async function registerRegionModule(app: FastifyInstance, deps: { regions: RegionService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { regions } = deps;

  r.get(
    '/api/v1/regions',
    {
      config: { access: 'region.read' },
      schema: { tags, summary: '行政区划（数据范围内，含上级）', response: { 200: regionList } },
    },
    async (request) => ({ items: await regions.list(requireActor(request)) }),
  );
  r.post(
    '/api/v1/regions',
    { config: { access: 'region.write' }, schema: { tags, summary: '新增区划', body: regionCreateBody, response: { 201: region } } },
    async (request, reply) => reply.status(201).send(await regions.create(requireActor(request), request.body)),
  );
  r.patch(
    '/api/v1/regions/:code',
    {
      config: { access: 'region.write' },
      schema: { tags, summary: '修改区划（改名、撤销）', params: regionCodeParam, body: regionUpdateBody, response: { 200: region } },
    },
    async (request) => regions.update(requireActor(request), request.params.code, request.body),
  );
}
