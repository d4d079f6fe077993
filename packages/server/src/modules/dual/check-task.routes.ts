import {
  checkTaskCreateBody,
  checkTaskFromMeasureBody,
  checkTaskList,
  checkTaskListQuery,
  checkTaskUpdateBody,
  checkTaskView,
  checkTemplatesBody,
  checkTemplatesResult,
  idParam,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { CheckTaskService } from './check-task.service.ts';

const tags = ['双重预防'];
const response = { 200: checkTaskView };

/** 排查任务: list, create, edit, deactivate; from a control measure; the standard templates. */
export function registerCheckTaskRoutes(app: FastifyInstance, tasks: CheckTaskService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/check-tasks',
    {
      config: { access: 'dual.read' },
      schema: { tags, summary: '排查任务', querystring: checkTaskListQuery, response: { 200: checkTaskList } },
    },
    async (request) => tasks.list(requireActor(request), request.query),
  );
  r.post(
    '/api/v1/check-tasks',
    {
      config: { access: 'dual.manage' },
      schema: { tags, summary: '新建排查任务（须有责任岗位或责任人）', body: checkTaskCreateBody, response },
    },
    async (request) => tasks.create(requireActor(request), request.body),
  );
  r.put(
    '/api/v1/check-tasks/:id',
    { config: { access: 'dual.manage' }, schema: { tags, summary: '修改排查任务', params: idParam, body: checkTaskUpdateBody, response } },
    async (request) => tasks.update(requireActor(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/check-tasks/:id/deactivate',
    { config: { access: 'dual.manage' }, schema: { tags, summary: '停用排查任务（不再生成新的排查）', params: idParam, response } },
    async (request) => tasks.deactivate(requireActor(request), request.params.id),
  );
  r.post(
    '/api/v1/check-tasks/from-measure',
    {
      config: { access: 'dual.manage' },
      schema: { tags, summary: '由管控措施生成排查任务（检查内容为措施内容）', body: checkTaskFromMeasureBody, response },
    },
    async (request) => tasks.fromMeasure(requireActor(request), request.body),
  );
  r.post(
    '/api/v1/check-tasks/templates',
    {
      config: { access: 'dual.manage' },
      schema: {
        tags,
        summary: '采用标准排查模板（班组日排查、部门周排查、厂长月排查、主要负责人排查；已采用的不重复添加）',
        body: checkTemplatesBody,
        response: { 200: checkTemplatesResult },
      },
    },
    async (request) => tasks.adoptTemplates(requireActor(request), request.body),
  );
}
