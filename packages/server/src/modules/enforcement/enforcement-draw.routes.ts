// 双随机 draws (ADR 0022): commit, run, list, detail, and the public record (no login).
import { drawCreateBody, drawDetail, drawListQuery, drawPage, idParam, publicDraw } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { DrawService } from './enforcement-draw.service.ts';

const tags = ['执法检查'];

export async function registerDrawRoutes(app: FastifyInstance, deps: { draws: DrawService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { draws } = deps;

  r.get(
    '/api/v1/draws',
    {
      config: { access: 'enforcement.read' },
      schema: { tags, summary: '双随机抽查列表', querystring: drawListQuery, response: { 200: drawPage } },
    },
    async (request) => draws.list(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/draws',
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '新建抽查：冻结名录库快照，生成随机种子并公示其哈希（种子在抽取后才公开）',
        body: drawCreateBody,
        response: { 201: drawDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await draws.commit(requireActor(request), request.body)),
  );
  r.get(
    '/api/v1/draws/:id',
    {
      config: { access: 'enforcement.read' },
      schema: { tags, summary: '抽查详情（抽取后含种子和结果）', params: idParam, response: { 200: drawDetail } },
    },
    async (request) => draws.get(requireActor(request), request.params.id),
  );
  r.post(
    '/api/v1/draws/:id/run',
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '开始抽取：按公示的种子计算结果，生成检查任务，公开种子（只能一次）',
        params: idParam,
        response: { 200: drawDetail },
      },
    },
    async (request) => draws.run(requireActor(request), request.params.id),
  );
  r.get(
    '/api/v1/public/draws/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '公开的抽查记录（无需登录）：抽取时的名录、种子哈希、种子、算法版本和结果，可用 anzhi draw verify 复核',
        params: idParam,
        response: { 200: publicDraw },
      },
    },
    async (request) => draws.publicRecord(request.params.id),
  );
}
