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

/** The five numbers in one statement; each is answered by the cube or an index (ADR 0020). */
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
      // Independent reads: in parallel on a pool (six round trips one after another cost more than any one of them).
      const [levels, unitCount, userCount, recentEvents, hazards] = await Promise.all([
        regionRepo.countByLevel(deps.db, actor.scope),
        unitRepo.count(deps.db, actor.scope),
        can(actor.roles, 'user.read') ? userRepo.count(deps.db, actor.scope) : null,
        can(actor.roles, 'audit.read') ? deps.audit.list({}, 1, 10).then((r) => r.items) : [],
        can(actor.roles, 'hazard.read') ? hazardNumbers(deps.db, actor.scope, chinaToday(deps.clock.now())) : null,
      ]);
      return {
        regionCount: Object.values(levels).reduce((a, b) => a + b, 0),
        villageCount: levels.village ?? 0,
        unitCount,
        userCount,
        recentEvents,
        hazards,
      };
    },
  );
}
