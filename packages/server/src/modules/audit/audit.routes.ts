import { auditEvent, auditListQuery, auditVerifyResult, pageOf } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuditService } from './audit.service.ts';

const tags = ['审计'];

export async function registerAuditModule(app: FastifyInstance, deps: { audit: AuditService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { audit } = deps;

  r.get(
    '/api/v1/audit-events',
    {
      config: { access: 'audit.read' },
      schema: { tags, summary: '审计日志查询', querystring: auditListQuery, response: { 200: pageOf(auditEvent) } },
    },
    async (request) => {
      const { page, pageSize, from, to, ...rest } = request.query;
      return audit.list({ ...rest, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined }, page, pageSize);
    },
  );
  r.get(
    '/api/v1/audit-events/verify',
    { config: { access: 'audit.read' }, schema: { tags, summary: '校验审计哈希链（SM3）', response: { 200: auditVerifyResult } } },
    async () => audit.verify(),
  );
}
