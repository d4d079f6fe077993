import {
  type CheckRecordKind,
  ceasedEnterpriseStatuses,
  type DataScope,
  type HazardGrade,
  type RiskLevel,
  type VenuePatrolFilter,
} from '@anzhi/core';
import { and, eq, inArray, isNotNull, notInArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { regionSubtree, scopeOn } from '../../db/data-scope.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { hazardSql } from '../hazards/hazard-predicates.sql.ts';
import { regions } from '../regions/region.table.ts';
import { checkRecordItems, checkRecords } from './dual.table.ts';

const patrol: CheckRecordKind = 'patrol';
const landlord = alias(enterprises, 'landlord');

/** The small venues (registry rows with a 九小场所 type, not closed down) in a scope, optionally under a region. */
export function venueWhere(scope: DataScope, regionCode?: string): SQL | undefined {
  return and(
    scopeOn.enterprises(scope),
    isNotNull(enterprises.smallVenueType),
    notInArray(enterprises.status, ceasedEnterpriseStatuses),
    regionCode ? regionSubtree(enterprises.regionCode, regionCode) : undefined,
  );
}

/** Patrol records (of a scope) counting for one of the months. */
function patrolsIn(scope: DataScope, months: string[]): SQL | undefined {
  return and(eq(checkRecords.kind, patrol), inArray(checkRecords.patrolMonth, months), scopeOn.check_records(scope));
}

export interface VenuePatrolRow {
  id: number;
  name: string;
  address: string | null;
  regionCode: string;
  regionName: string | null;
  smallVenueType: string;
  riskLevel: RiskLevel | null;
  openMajorHazards: number;
  landlordId: number | null;
  landlordName: string | null;
  principal: string | null;
  principalPhone: string | null;
  patrolCount: number;
  lastPatrolAt: Date | string | null;
  lastAbnormalCount: number | null;
  findings: number;
  openHazards: number;
}

export const venuePatrolRepo = {
  /** The venues with their patrols of the month (count, last, findings, hazards still open). */
  async list(
    ex: Executor,
    scope: DataScope,
    q: { month: string; regionCode?: string; filter?: VenuePatrolFilter },
  ): Promise<VenuePatrolRow[]> {
    const p = ex
      .select({
        enterpriseId: sql<number>`${checkRecords.enterpriseId}`.as('p_enterprise_id'),
        n: sql<number>`count(*)::int`.as('p_n'),
        lastAt: sql<Date>`max(${checkRecords.checkedAt})`.as('p_last_at'),
        lastAbnormal:
          sql<number>`(array_agg(${checkRecords.abnormalCount} ORDER BY ${checkRecords.checkedAt} DESC, ${checkRecords.id} DESC))[1]`.as(
            'p_last_abnormal',
          ),
        findings: sql<number>`sum(${checkRecords.abnormalCount})::int`.as('p_findings'),
      })
      .from(checkRecords)
      .where(patrolsIn(scope, [q.month]))
      .groupBy(checkRecords.enterpriseId)
      .as('p');
    const oh = ex
      .select({ enterpriseId: sql<number>`${checkRecords.enterpriseId}`.as('oh_enterprise_id'), n: sql<number>`count(*)::int`.as('oh_n') })
      .from(checkRecordItems)
      .innerJoin(checkRecords, eq(checkRecords.id, checkRecordItems.recordId))
      .innerJoin(hazards, eq(hazards.id, checkRecordItems.hazardId))
      .where(and(patrolsIn(scope, [q.month]), hazardSql.isOpen()))
      .groupBy(checkRecords.enterpriseId)
      .as('oh');
    const filterSql: Record<VenuePatrolFilter, SQL> = {
      patrolled: sql`coalesce(${p.n}, 0) > 0`,
      unpatrolled: sql`coalesce(${p.n}, 0) = 0`,
      abnormal: sql`coalesce(${p.findings}, 0) > 0`,
      openHazards: sql`coalesce(${oh.n}, 0) > 0`,
    };
    const rows = await ex
      .select({
        id: enterprises.id,
        name: enterprises.name,
        address: enterprises.address,
        regionCode: enterprises.regionCode,
        regionName: regions.name,
        smallVenueType: sql<string>`${enterprises.smallVenueType}`,
        riskLevel: enterprises.riskLevel,
        openMajorHazards: sql<number>`(SELECT count(*)::int FROM ${hazards} WHERE ${hazards.enterpriseId} = ${enterprises.id} AND ${hazards.grade} = ${'major' satisfies HazardGrade} AND ${hazardSql.isOpen()})`,
        landlordId: enterprises.landlordId,
        landlordName: landlord.name,
        principal: enterprises.principal,
        principalPhone: enterprises.principalPhone,
        patrolCount: sql<number>`coalesce(${p.n}, 0)`,
        lastPatrolAt: p.lastAt,
        lastAbnormalCount: p.lastAbnormal,
        findings: sql<number>`coalesce(${p.findings}, 0)`,
        openHazards: sql<number>`coalesce(${oh.n}, 0)`,
      })
      .from(enterprises)
      .leftJoin(regions, eq(regions.code, enterprises.regionCode))
      .leftJoin(landlord, eq(landlord.id, enterprises.landlordId))
      .leftJoin(p, eq(p.enterpriseId, enterprises.id))
      .leftJoin(oh, eq(oh.enterpriseId, enterprises.id))
      .where(and(venueWhere(scope, q.regionCode), q.filter ? filterSql[q.filter] : undefined))
      .orderBy(enterprises.regionCode, enterprises.name, enterprises.id);
    return rows.map((r) => ({
      ...r,
      openMajorHazards: Number(r.openMajorHazards),
      patrolCount: Number(r.patrolCount),
      lastAbnormalCount: r.lastAbnormalCount == null ? null : Number(r.lastAbnormalCount),
      findings: Number(r.findings),
      openHazards: Number(r.openHazards),
    }));
  },

  /** Venues per region (the venue's own village or grid). */
  async venuesByRegion(ex: Executor, scope: DataScope, regionCode?: string) {
    const rows = await ex
      .select({ regionCode: enterprises.regionCode, regionName: regions.name, venues: sql<number>`count(*)::int` })
      .from(enterprises)
      .leftJoin(regions, eq(regions.code, enterprises.regionCode))
      .where(venueWhere(scope, regionCode))
      .groupBy(enterprises.regionCode, regions.name);
    return rows.map((r) => ({ ...r, venues: Number(r.venues) }));
  },

  /** Per region and month: venues patrolled at least once, and the 异常 items found. */
  async patrolsByRegionMonth(ex: Executor, scope: DataScope, months: string[], regionCode?: string) {
    const rows = await ex
      .select({
        regionCode: enterprises.regionCode,
        month: sql<string>`${checkRecords.patrolMonth}`,
        patrolled: sql<number>`count(DISTINCT ${checkRecords.enterpriseId})::int`,
        findings: sql<number>`sum(${checkRecords.abnormalCount})::int`,
      })
      .from(checkRecords)
      .innerJoin(enterprises, eq(enterprises.id, checkRecords.enterpriseId))
      .where(and(patrolsIn(scope, months), venueWhere(scope, regionCode)))
      .groupBy(enterprises.regionCode, checkRecords.patrolMonth);
    return rows.map((r) => ({ ...r, patrolled: Number(r.patrolled), findings: Number(r.findings) }));
  },

  /** Per region and month: hazards the month's patrols became that are still open. */
  async openHazardsByRegionMonth(ex: Executor, scope: DataScope, months: string[], regionCode?: string) {
    const rows = await ex
      .select({
        regionCode: enterprises.regionCode,
        month: sql<string>`${checkRecords.patrolMonth}`,
        openHazards: sql<number>`count(*)::int`,
      })
      .from(checkRecordItems)
      .innerJoin(checkRecords, eq(checkRecords.id, checkRecordItems.recordId))
      .innerJoin(enterprises, eq(enterprises.id, checkRecords.enterpriseId))
      .innerJoin(hazards, eq(hazards.id, checkRecordItems.hazardId))
      .where(and(patrolsIn(scope, months), venueWhere(scope, regionCode), hazardSql.isOpen()))
      .groupBy(enterprises.regionCode, checkRecords.patrolMonth);
    return rows.map((r) => ({ ...r, openHazards: Number(r.openHazards) }));
  },

  /** A venue of the same name (its name key) in the same village, for the duplicate warning. */
  async sameNameInVillage(ex: Executor, scope: DataScope, nameKey: string, villageCode: string) {
    const [row] = await ex
      .select({ id: enterprises.id, name: enterprises.name, address: enterprises.address, regionCode: enterprises.regionCode })
      .from(enterprises)
      .where(and(scopeOn.enterprises(scope), eq(enterprises.nameKey, nameKey), regionSubtree(enterprises.regionCode, villageCode)))
      .limit(1);
    return row;
  },
};
