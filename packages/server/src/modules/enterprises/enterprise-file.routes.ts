import { enterpriseFile, idParam } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { EnterpriseFileService } from './enterprise-file.service.ts';

export async function registerEnterpriseFileModule(app: FastifyInstance, deps: { file: EnterpriseFileService }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/enterprises/:id/file',
    {
      config: { access: 'enterprise.read' },
      schema: {
        tags: ['企业台账'],
        summary: '一企一档：隐患（未销号/已结束）、举一反三、季报年报与显示的风险等级（含上调原因）',
        params: idParam,
        response: { 200: enterpriseFile },
      },
    },
    async (request) => deps.file.get(requireActor(request), request.params.id),
  );
}
