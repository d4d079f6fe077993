// 执法检查人员名录库 and 检查对象名录库 (issue 14, part A).
import {
  idParam,
  inspectorCreateBody,
  inspectorDeactivateBody,
  inspectorItem,
  inspectorListQuery,
  inspectorPage,
  inspectorUpdateBody,
  targetCreateBody,
  targetDeriveBody,
  targetDeriveResult,
  targetExclusionBody,
  targetItem,
  targetListQuery,
  targetPage,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { InspectorService } from './enforcement-inspector.service.ts';
import type { TargetService } from './enforcement-target.service.ts';

const tags = ['执法检查'];

export async function registerDirectoryRoutes(app: FastifyInstance, deps: { inspectors: InspectorService; targets: TargetService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { inspectors, targets } = deps;

  r.get(
    '/api/v1/enforcement-inspectors',
    {
      config: { access: 'enforcement.read' },
      schema: {
        tags,
        summary: '执法检查人员名录库（按单位、执法证有效/过期筛选）',
        querystring: inspectorListQuery,
        response: { 200: inspectorPage },
      },
    },
    async (request) => inspectors.list(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/enforcement-inspectors',
    {
      config: { access: 'enforcement.manage' },
      schema: { tags, summary: '登记执法人员（执法证号全国唯一）', body: inspectorCreateBody, response: { 201: inspectorItem } },
    },
    async (request, reply) => reply.status(201).send(await inspectors.create(requireActor(request), request.body)),
  );
  r.get(
    '/api/v1/enforcement-inspectors/:id',
    {
      config: { access: 'enforcement.read' },
      schema: { tags, summary: '执法人员详情', params: idParam, response: { 200: inspectorItem } },
    },
    async (request) => inspectors.get(requireActor(request), request.params.id),
  );
  r.patch(
    '/api/v1/enforcement-inspectors/:id',
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '修改执法人员信息（带 version）',
        params: idParam,
        body: inspectorUpdateBody,
        response: { 200: inspectorItem },
      },
    },
    async (request) => inspectors.update(requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/enforcement-inspectors/:id/deactivate',
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '停用执法人员（调离、退休等；带 version 和原因），不再参加抽取',
        params: idParam,
        body: inspectorDeactivateBody,
        response: { 200: inspectorItem },
      },
    },
    async (request) => inspectors.deactivate(requireActor(request), request.params.id, request.body),
  );

  r.get(
    '/api/v1/enforcement-targets',
    {
      config: { access: 'enforcement.read' },
      schema: { tags, summary: '检查对象名录库（按名称、村、是否移出筛选）', querystring: targetListQuery, response: { 200: targetPage } },
    },
    async (request) => targets.list(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/enforcement-targets/derive',
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '从企业台账生成检查对象名录库（按监管单位；列出已迁出或关闭、待复核的对象）',
        body: targetDeriveBody,
        response: { 200: targetDeriveResult },
      },
    },
    async (request) => targets.derive(requireActor(request), request.body.unitId),
  );
  r.post(
    '/api/v1/enforcement-targets',
    {
      config: { access: 'enforcement.manage' },
      schema: { tags, summary: '手工添加检查对象', body: targetCreateBody, response: { 201: targetItem } },
    },
    async (request, reply) => reply.status(201).send(await targets.create(requireActor(request), request.body)),
  );
  r.get(
    '/api/v1/enforcement-targets/:id',
    { config: { access: 'enforcement.read' }, schema: { tags, summary: '检查对象详情', params: idParam, response: { 200: targetItem } } },
    async (request) => targets.get(requireActor(request), request.params.id),
  );
  r.post(
    '/api/v1/enforcement-targets/:id/exclusion',
    {
      config: { access: 'enforcement.manage' },
      schema: {
        tags,
        summary: '移出或重新列入检查对象名录库（须说明原因）',
        params: idParam,
        body: targetExclusionBody,
        response: { 200: targetItem },
      },
    },
    async (request) => targets.setExclusion(requireActor(request), request.params.id, request.body),
  );
}
