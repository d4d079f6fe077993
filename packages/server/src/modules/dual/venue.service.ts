import {
  coveragePercent,
  type DataScope,
  effectiveRiskLevel,
  enterpriseNameKey,
  isSmallVenueType,
  scopeCoversRegion,
  smallVenueTypeLabels,
  type VenueCoverage,
  type VenueCoverageQuery,
  type VenueCreateBody,
  type VenueCreated,
  type VenuePatrolList,
  type VenuePatrolQuery,
  venueChecklist,
  venueRiskColour,
} from '@anzhi/core';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { type Clock, chinaToday } from '../../lib/clock.ts';
import { errors } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { createEnterpriseService } from '../enterprises/enterprise.service.ts';
import { venuePatrolRepo } from './venue-patrol.repo.ts';

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

/** The months ending with `last`, oldest first. */
function monthsEndingWith(last: string, count: number): string[] {
  const out = [last];
  let [y, m] = last.split('-').map(Number) as [number, number];
  while (out.length < count) {
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** A region filter must lie inside the caller's regions (an enterprise account's filter only narrows its own row). */
function checkRegion(scope: DataScope, regionCode: string | undefined) {
  if (!regionCode || scope.kind === 'all' || scope.kind === 'enterprise') return;
  if (!scopeCoversRegion(scope, regionCode))
    throw errors.badRequest('dual.venue_region_out_of_scope', `所属区划：${regionCode} 不在您的管辖范围内`, [
      { path: 'regionCode', message: '不在管辖范围内' },
    ]);
}

/**
 * 九小场所: the grid's patrol list of a month, coverage per grid/village and month, and the grid worker's quick
 * registration (a registry row created by the enterprise service: the same checks and audit; ADR 0026).
 */
export function createVenueService(deps: { db: Db; readDb: Db; clock: Clock; audit: AuditService }) {
  const { db, readDb, clock } = deps;
  const enterpriseService = createEnterpriseService({ db, clock, audit: deps.audit });
  const thisMonth = () => chinaToday(clock.now()).slice(0, 7);

  return {
    async patrolList(actor: Actor, q: VenuePatrolQuery): Promise<VenuePatrolList> {
      checkRegion(actor.scope, q.regionCode);
      const month = q.month ?? thisMonth();
      const rows = await venuePatrolRepo.list(db, actor.scope, { month, regionCode: q.regionCode, filter: q.filter });
      const items = rows.flatMap((r) => {
        const type = r.smallVenueType;
        if (!isSmallVenueType(type)) return [];
        return [
          {
            enterpriseId: r.id,
            name: r.name,
            address: r.address,
            regionCode: r.regionCode,
            regionName: r.regionName,
            smallVenueType: type,
            smallVenueTypeLabel: smallVenueTypeLabels[type],
            riskColour: venueRiskColour(type, effectiveRiskLevel(r.riskLevel, r.openMajorHazards).effective),
            checklist: venueChecklist(type),
            patrolCount: r.patrolCount,
            lastPatrolAt: iso(r.lastPatrolAt),
            lastAbnormalCount: r.lastAbnormalCount,
            findings: r.findings,
            openHazards: r.openHazards,
            landlordId: r.landlordId,
            landlordName: r.landlordName,
            principal: r.principal,
            principalPhone: r.principalPhone,
          },
        ];
      });
      return { month, items, total: items.length, patrolled: items.filter((i) => i.patrolCount > 0).length };
    },

    async coverage(actor: Actor, q: VenueCoverageQuery): Promise<VenueCoverage> {
      checkRegion(actor.scope, q.regionCode);
      const months = monthsEndingWith(q.month ?? thisMonth(), q.months);
      const [venues, patrols, open] = await Promise.all([
        venuePatrolRepo.venuesByRegion(readDb, actor.scope, q.regionCode),
        venuePatrolRepo.patrolsByRegionMonth(readDb, actor.scope, months, q.regionCode),
        venuePatrolRepo.openHazardsByRegionMonth(readDb, actor.scope, months, q.regionCode),
      ]);
      const key = (region: string, month: string) => `${region}|${month}`;
      const patrolled = new Map(patrols.map((p) => [key(p.regionCode, p.month), p]));
      const hazards = new Map(open.map((h) => [key(h.regionCode, h.month), h.openHazards]));
      const rows = venues
        .sort((a, b) => a.regionCode.localeCompare(b.regionCode))
        .flatMap((v) =>
          months.map((month) => {
            const p = patrolled.get(key(v.regionCode, month));
            return {
              regionCode: v.regionCode,
              regionName: v.regionName,
              month,
              venues: v.venues,
              patrolled: p?.patrolled ?? 0,
              coveragePercent: coveragePercent(p?.patrolled ?? 0, v.venues),
              findings: p?.findings ?? 0,
              openHazards: hazards.get(key(v.regionCode, month)) ?? 0,
            };
          }),
        );
      return { months, rows };
    },

    async register(actor: Actor, body: VenueCreateBody): Promise<VenueCreated> {
      const village = body.regionCode.slice(0, 12);
      const same = await venuePatrolRepo.sameNameInVillage(db, actor.scope, enterpriseNameKey(body.name), village);
      if (same)
        throw errors.conflict('dual.venue_duplicate_name', `场所名称：本村已登记同名场所“${same.name}”（编号 ${same.id}），请勿重复登记`, {
          existing: same,
          fields: [{ path: 'name', message: '本村已有同名场所' }],
        });
      const created = await enterpriseService.create(actor, {
        name: body.name,
        address: body.address,
        regionCode: body.regionCode,
        smallVenueType: body.smallVenueType,
        principal: body.principal,
        principalPhone: body.principalPhone,
        landlordId: body.landlordId ?? null,
        status: 'operating',
        domains: ['smallVenue'],
        flags: [],
      });
      return { id: created.id, name: created.name, regionCode: created.regionCode, smallVenueType: body.smallVenueType };
    },
  };
}
export type VenueService = ReturnType<typeof createVenueService>;
