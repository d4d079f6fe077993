import { idParam, jobItem, jobListQuery, jobPage } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { JobService } from './job.service.ts';

const tags = ['外发队列'];

export async function registerJobModule(app: FastifyInstance, deps: { jobs: JobService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { jobs } = deps;

  r.get(
    '/api/v1/jobs',
    {
      config: { access: 'job.manage' },
      schema: { tags, summary: '外发队列任务（待发送、已放弃）', querystring: jobListQuery, response: { 200: jobPage } },
    },
    async (request) => jobs.list(request.query),
  );
  r.post(
    '/api/v1/jobs/:id/retry',
    {
      config: { access: 'job.manage' },
      schema: { tags, summary: '重试已放弃的外发任务', params: idParam, response: { 200: jobItem } },
    },
    async (request) => jobs.retry(requireActor(request), request.params.id),
  );
}
