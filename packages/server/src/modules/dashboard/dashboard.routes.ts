import { can, dashboardSummary } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { regionRepo } from '../regions/region.repo.ts';
import { unitRepo } from '../units/unit.repo.ts';
import { userRepo } from '../users/user.repo.ts';

export async function registerDashboardModule(app: FastifyInstance, deps: { db: Db; audit: AuditService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/dashboard/summary',
    {
      config: { access: 'dashboard.read' },
      schema: { tags: ['工作台'], summary: '工作台概况（数据范围内）', response: { 200: dashboardSummary } },
    },
    async (request) => {
      const actor = requireActor(request);
      const levels = await regionRepo.countByLevel(deps.db, actor.scope);
      const regionCount = Object.values(levels).reduce((a, b) => a + b, 0);
      return {
        regionCount,
        villageCount: levels.village ?? 0,
        unitCount: await unitRepo.count(deps.db, actor.scope),
        userCount: can(actor.roles, 'user.read') ? await userRepo.count(deps.db, actor.scope) : null,
        recentEvents: can(actor.roles, 'audit.read') ? (await deps.audit.list({}, 1, 10)).items : [],
      };
    },
  );
}
