import {
  hazardCheckAnswer,
  hazardCheckPage,
  hazardCheckQuery,
  hazardPropagateBody,
  hazardPropagateResult,
  hazardReportList,
  hazardReportPeriodParam,
  hazardReportQuery,
  hazardReportSigned,
  idParam,
  okBody,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { createHazardChecks } from './hazard-checks.ts';
import type { HazardReports } from './hazard-reports.ts';

/** 举一反三 check requests and the enterprise's signed periodic reports. */
export async function registerHazardFollowupModule(
  app: FastifyInstance,
  deps: { checks: ReturnType<typeof createHazardChecks>; reports: HazardReports },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['隐患排查治理'];

  r.post(
    '/api/v1/hazards/:id/propagate',
    {
      config: { access: 'hazard.propagate' },
      schema: {
        tags,
        summary: '举一反三：对同类企业下发同一判定标准条款的排查要求',
        params: idParam,
        body: hazardPropagateBody,
        response: { 200: hazardPropagateResult },
      },
    },
    async (request) => deps.checks.propagate(requireActor(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/hazard-checks',
    {
      config: { access: 'hazard.read' },
      schema: {
        tags,
        summary: '举一反三排查要求（企业看自己的）',
        querystring: hazardCheckQuery,
        response: { 200: hazardCheckPage },
      },
    },
    async (request) => deps.checks.list(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/hazard-checks/:id/answer',
    {
      config: { access: 'hazard.act' },
      schema: {
        tags,
        summary: '反馈举一反三排查结果',
        params: idParam,
        body: hazardCheckAnswer,
        response: { 200: okBody },
      },
    },
    async (request) => deps.checks.answer(requireActor(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/hazard-reports',
    {
      config: { access: 'hazard.read' },
      schema: {
        tags,
        summary: '企业隐患排查治理季报、年报（由记录生成）',
        querystring: hazardReportQuery,
        response: { 200: hazardReportList },
      },
    },
    async (request) => deps.reports.list(requireActor(request), request.query.enterpriseId),
  );
  r.post(
    '/api/v1/hazard-reports/:period/sign',
    {
      config: { access: 'hazard.act' },
      schema: {
        tags,
        summary: '企业主要负责人签署季报/年报',
        params: hazardReportPeriodParam,
        response: { 200: hazardReportSigned },
      },
    },
    async (request) => deps.reports.sign(requireActor(request), request.params.period),
  );
}
