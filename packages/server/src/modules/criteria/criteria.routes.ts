import {
  criteriaLibraryItems,
  criteriaRetireBody,
  criteriaSetDetail,
  criteriaSetIdParam,
  criteriaSetList,
  criteriaSetListItem,
  criteriaSuggestParams,
  criteriaSuggestResult,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { CriteriaService } from './criteria.service.ts';
import { registerCriteriaImportRoute } from './criteria-import.routes.ts';

const tags = ['判定标准'];

/** The 重大事故隐患判定标准 library: read by everyone signed in, imported and retired by admins. */
export async function registerCriteriaModule(app: FastifyInstance, deps: { criteria: CriteriaService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { criteria } = deps;

  r.get(
    '/api/v1/criteria-sets',
    {
      config: { access: 'criteria.read' },
      schema: { tags, summary: '判定标准列表（含已停用的；条款数及 V/P/U 可信度统计）', response: { 200: criteriaSetList } },
    },
    async () => ({ items: await criteria.list() }),
  );
  r.get(
    '/api/v1/criteria-sets/:id',
    {
      config: { access: 'criteria.read' },
      schema: { tags, summary: '判定标准详情及全部条款', params: criteriaSetIdParam, response: { 200: criteriaSetDetail } },
    },
    async (request) => criteria.get(request.params.id),
  );
  r.post(
    '/api/v1/criteria-sets/:id/retire',
    {
      config: { access: 'criteria.manage' },
      schema: {
        tags,
        summary: '停用判定标准（退出标准库：不再用于建议和引用核验）',
        params: criteriaSetIdParam,
        body: criteriaRetireBody,
        response: { 200: criteriaSetListItem },
      },
    },
    async (request) => criteria.retire(requireActor(request), request.params.id, request.body.reason),
  );
  r.post(
    '/api/v1/criteria-sets/:id/restore',
    {
      config: { access: 'criteria.manage' },
      schema: { tags, summary: '恢复已停用的判定标准', params: criteriaSetIdParam, response: { 200: criteriaSetListItem } },
    },
    async (request) => criteria.restore(requireActor(request), request.params.id),
  );
  r.get(
    '/api/v1/criteria/suggest',
    {
      config: { access: 'criteria.read' },
      schema: {
        tags,
        summary: '按隐患描述建议判定标准条款（排序；待核对条款带提示）',
        description:
          '给出企业编号时按其行业领域和重点标签优先，并只在适用于该企业的标准中查找；`foundOn` 为隐患发现日期，只查当日施行的标准（默认今天）。仅为建议，是否构成重大事故隐患由检查人员判定。',
        querystring: criteriaSuggestParams,
        response: { 200: criteriaSuggestResult },
      },
    },
    async (request) => criteria.suggest(requireActor(request), request.query),
  );
  r.get(
    '/api/v1/criteria/items',
    {
      config: { access: 'criteria.read' },
      schema: { tags, summary: '标准库中在用的全部条款（供选择判定依据）', response: { 200: criteriaLibraryItems } },
    },
    async () => ({ items: await criteria.items() }),
  );

  await registerCriteriaImportRoute(app, deps);
}
