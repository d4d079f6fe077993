import { can, clearedHazardStatuses, type DataScope, dashboardSummary, type HazardFilter } from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { countHazardsTogether } from '../hazards/hazard-stats.repo.ts';
import { regionRepo } from '../regions/region.repo.ts';
import { unitRepo } from '../units/unit.repo.ts';
import { userRepo } from '../users/user.repo.ts';

/** The five numbers in one statement; each is answered by the cube or an index (ADR 0018). */
async function hazardNumbers(db: Db, scope: DataScope, today: string) {
  const monthStart = `${today.slice(0, 8)}01`;
  const counts = await countHazardsTogether(
    db,
    scope,
    {
      open: { open: true },
      openMajor: { open: true, grade: 'major' },
      overdue: { overdue: true },
      foundThisMonth: { foundFrom: monthStart },
      closedThisMonth: { status: clearedHazardStatuses, closedFrom: monthStart },
    } satisfies Record<string, HazardFilter>,
    today,
  );
  return { ...counts, monthStart };
}

export async function registerDashboardModule(app: FastifyInstance, deps: { db: Db; audit: AuditService; clock: Clock }) {
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
        hazards: can(actor.roles, 'hazard.read') ? await hazardNumbers(deps.db, actor.scope, chinaToday(deps.clock.now())) : null,
      };
    },
  );
}
