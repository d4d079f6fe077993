import { venueCoverage, venueCoverageQuery, venueCreateBody, venueCreated, venuePatrolList, venuePatrolQuery } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { VenueService } from './venue.service.ts';

const tags = ['双重预防'];

export function registerVenueRoutes(app: FastifyInstance, venues: VenueService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/venue-patrols',
    {
      config: { access: 'dual.read' },
      schema: {
        tags,
        summary: '网格小场所巡查清单：本人范围内的九小场所及其类型、风险颜色、巡查清单，本月巡查次数、最近巡查和发现问题',
        querystring: venuePatrolQuery,
        response: { 200: venuePatrolList },
      },
    },
    async (request) => venues.patrolList(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/venue-patrols/coverage',
    {
      config: { access: 'dual.read' },
      schema: {
        tags,
        summary: '小场所巡查覆盖率：按网格（村）和月份的场所数、已巡查数、覆盖率、发现问题数和未销号隐患数',
        querystring: venueCoverageQuery,
        response: { 200: venueCoverage },
      },
    },
    async (request) => venues.coverage(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/venues',
    {
      config: { access: 'enterprise.write' },
      schema: {
        tags,
        summary: '小场所快速登记（网格员）：建立九小场所的名录库记录，可关联出租方或经营者企业；本村同名场所提示重复',
        body: venueCreateBody,
        response: { 201: venueCreated },
      },
    },
    async (request, reply) => reply.status(201).send(await venues.register(requireActor(request), request.body)),
  );
}
