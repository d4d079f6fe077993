import { checkPeriodListQuery, checkPeriodPage } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { CheckPeriodService } from './check-period.service.ts';

/** GET /check-periods: the due checks the oversight figures count (按时、逾期完成、漏查、待排查), with the same filters. */
export function registerCheckPeriodRoutes(app: FastifyInstance, periods: CheckPeriodService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/check-periods',
    {
      config: { access: 'dual.read' },
      schema: {
        tags: ['双重预防'],
        summary: '应排查清单：按企业、区划、行业领域、期末日期、结果（按时、逾期完成、漏查、待排查）、周期、模板筛选',
        querystring: checkPeriodListQuery,
        response: { 200: checkPeriodPage },
      },
    },
    async (request) => periods.list(requireActor(request), request.query),
  );
}
