import { idParam, riskMapBody, riskMapView } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { MapService } from './map.service.ts';

const tags = ['双重预防'];

/** 四色分布图 of an enterprise (the path id is the enterprise's). */
export async function registerMapRoutes(app: FastifyInstance, deps: { maps: MapService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { maps } = deps;
  r.get(
    '/api/v1/risk-maps/:id',
    {
      config: { access: 'dual.read' },
      schema: {
        tags,
        summary: '企业四色分布图（平面图、区域及其风险等级颜色）；编号为企业编号',
        params: idParam,
        response: { 200: riskMapView },
      },
    },
    async (request) => maps.get(requireActor(request), request.params.id),
  );
  r.put(
    '/api/v1/risk-maps/:id',
    {
      config: { access: 'dual.manage' },
      schema: {
        tags,
        summary: '保存企业四色分布图（上传的平面图 fileId，区域为 0–1 坐标的多边形，各关联本企业一个风险点）',
        params: idParam,
        body: riskMapBody,
        response: { 200: riskMapView },
      },
    },
    async (request) => maps.put(requireActor(request), request.params.id, request.body),
  );
}
