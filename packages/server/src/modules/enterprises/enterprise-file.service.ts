import { type EnterpriseFile, enterpriseFileListLimit } from '@anzhi/core';
import type { Actor } from '../../lib/actor.ts';
import type { HazardService } from '../hazards/hazard.service.ts';
import type { createHazardChecks } from '../hazards/hazard-checks.ts';
import type { HazardReports } from '../hazards/hazard-reports.ts';
import type { EnterpriseService } from './enterprise.service.ts';

type HazardChecks = ReturnType<typeof createHazardChecks>;

/**
 * 一企一档: what the platform holds on one enterprise, each part read through its own module's service with the
 * caller's scope (an enterprise account its own file, a unit those it supervises). The enterprise is loaded first, so
 * a file out of scope is a 404 like the enterprise itself.
 */
export function createEnterpriseFile(deps: {
  enterprises: Pick<EnterpriseService, 'get'>;
  hazards: Pick<HazardService, 'list'>;
  checks: Pick<HazardChecks, 'list'>;
  reports: Pick<HazardReports, 'list'>;
}) {
  return {
    async get(actor: Actor, id: number): Promise<EnterpriseFile> {
      const e = await deps.enterprises.get(actor, id);
      const page = { page: 1, pageSize: enterpriseFileListLimit };
      const [open, ended, checks, reports] = await Promise.all([
        deps.hazards.list(actor, { ...page, enterpriseId: e.id, open: true }),
        deps.hazards.list(actor, { ...page, enterpriseId: e.id, open: false }),
        deps.checks.list(actor, { ...page, enterpriseId: e.id }),
        deps.reports.list(actor, e.id),
      ]);
      return {
        enterpriseId: e.id,
        // Counted over all its hazards whoever asks (enterprise.repo): the risk must not depend on the viewer.
        risk: e.risk,
        openHazards: { total: open.total, items: open.items },
        endedHazards: { total: ended.total, items: ended.items },
        checks,
        reports: reports.items,
      };
    },
  };
}

export type EnterpriseFileService = ReturnType<typeof createEnterpriseFile>;
