import {
  controlMeasureCreateBody,
  controlMeasureUpdateBody,
  idParam,
  riskAssessmentPreviewBody,
  riskAssessmentView,
  riskEventCreateBody,
  riskEventUpdateBody,
  riskPointCreateBody,
  riskPointList,
  riskPointListQuery,
  riskPointReviewBody,
  riskPointUpdateBody,
  riskTree,
  riskUnitCreateBody,
  riskUnitUpdateBody,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { RiskChainService } from './risk-chain.service.ts';

/** 风险分级管控: the chain of an enterprise; every write answers with the enterprise's whole tree. */
export function registerRiskChainRoutes(app: FastifyInstance, risks: RiskChainService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['双重预防'];
  const read = { access: 'dual.read' } as const;
  const manage = { access: 'dual.manage' } as const;
  const tree = { 200: riskTree };

  r.get(
    '/api/v1/risk-points',
    {
      config: read,
      schema: {
        tags,
        summary: '企业的风险点（含最高风险等级与各级数量）',
        querystring: riskPointListQuery,
        response: { 200: riskPointList },
      },
    },
    async (request) => risks.list(requireActor(request), request.query.enterpriseId),
  );
  r.get(
    '/api/v1/enterprises/:id/risk-tree',
    { config: read, schema: { tags, summary: '企业风险分级管控清单（风险点→单元→事件→措施→排查任务）', params: idParam, response: tree } },
    async (request) => risks.tree(requireActor(request), request.params.id),
  );
  r.post(
    '/api/v1/risk-assessments/preview',
    {
      config: read,
      schema: {
        tags,
        summary: '按本镇分级界限计算 LEC/LS 评估结果',
        body: riskAssessmentPreviewBody,
        response: { 200: riskAssessmentView },
      },
    },
    async (request) => risks.preview(requireActor(request), request.body),
  );
  r.post(
    '/api/v1/risk-points',
    { config: manage, schema: { tags, summary: '新增风险点（风险分析对象）', body: riskPointCreateBody, response: tree } },
    async (request) => risks.createPoint(requireActor(request), request.body),
  );
  r.patch(
    '/api/v1/risk-points/:id',
    { config: manage, schema: { tags, summary: '修改风险点', params: idParam, body: riskPointUpdateBody, response: tree } },
    async (request) => risks.updatePoint(requireActor(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/risk-points/:id',
    { config: manage, schema: { tags, summary: '删除风险点及其单元、事件、措施', params: idParam, response: tree } },
    async (request) => risks.deletePoint(requireActor(request), request.params.id),
  );
  r.post(
    '/api/v1/risk-points/:id/review',
    { config: manage, schema: { tags, summary: '风险点复评', params: idParam, body: riskPointReviewBody, response: tree } },
    async (request) => risks.reviewPoint(requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/risk-units',
    { config: manage, schema: { tags, summary: '新增风险分析单元', body: riskUnitCreateBody, response: tree } },
    async (request) => risks.createUnit(requireActor(request), request.body),
  );
  r.patch(
    '/api/v1/risk-units/:id',
    { config: manage, schema: { tags, summary: '修改风险分析单元', params: idParam, body: riskUnitUpdateBody, response: tree } },
    async (request) => risks.updateUnit(requireActor(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/risk-units/:id',
    { config: manage, schema: { tags, summary: '删除风险分析单元', params: idParam, response: tree } },
    async (request) => risks.deleteUnit(requireActor(request), request.params.id),
  );
  r.post(
    '/api/v1/risk-events',
    { config: manage, schema: { tags, summary: '新增风险事件并评估（LEC/LS）', body: riskEventCreateBody, response: tree } },
    async (request) => risks.createEvent(requireActor(request), request.body),
  );
  r.patch(
    '/api/v1/risk-events/:id',
    { config: manage, schema: { tags, summary: '修改风险事件或重新评估', params: idParam, body: riskEventUpdateBody, response: tree } },
    async (request) => risks.updateEvent(requireActor(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/risk-events/:id',
    { config: manage, schema: { tags, summary: '删除风险事件', params: idParam, response: tree } },
    async (request) => risks.deleteEvent(requireActor(request), request.params.id),
  );
  r.post(
    '/api/v1/control-measures',
    { config: manage, schema: { tags, summary: '新增管控措施', body: controlMeasureCreateBody, response: tree } },
    async (request) => risks.createMeasure(requireActor(request), request.body),
  );
  r.patch(
    '/api/v1/control-measures/:id',
    { config: manage, schema: { tags, summary: '修改管控措施', params: idParam, body: controlMeasureUpdateBody, response: tree } },
    async (request) => risks.updateMeasure(requireActor(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/control-measures/:id',
    { config: manage, schema: { tags, summary: '删除管控措施', params: idParam, response: tree } },
    async (request) => risks.deleteMeasure(requireActor(request), request.params.id),
  );
}
