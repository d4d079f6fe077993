import {
  ceasedEnterpriseStatuses,
  type DataScope,
  type EnterpriseListQuery,
  type HazardGrade,
  industrySections,
  openMajorHazardRiskFloor,
  type RiskLevel,
  riskLevels,
} from '@anzhi/core';
import { type AnyColumn, and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { regionSubtree, scopeOn } from '../../db/data-scope.ts';
import { likeContains } from '../../lib/scope-sql.ts';
import { literalList, textArray } from '../../lib/sql-array.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { hazardSql } from '../hazards/hazard-predicates.sql.ts';
import { regions } from '../regions/region.table.ts';
import { units } from '../units/unit.table.ts';
import { users } from '../users/user.table.ts';
import { enterprises } from './enterprise.table.ts';
import { DERIVED_VERSION, derivedColumns, derivedDiffers, withDerived } from './enterprise-derived.ts';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type EnterpriseListRow = EnterpriseRow & {
  regionName: string | null;
  supervisingUnitName: string | null;
  landlordName: string | null;
  riskLevelSetByName: string | null;
  assessedRiskByName: string | null;
  tenantCount: number;
  /** Open 重大事故隐患 of the enterprise, whoever asks: they raise the risk it is shown with (ADR 0013). */
  openMajorHazards: number;
};
export type EnterpriseFilter = Omit<EnterpriseListQuery, 'page' | 'pageSize' | 'sort'>;

/** Core's isActiveEnterprise: not in its ceased set. */
export function activeEnterpriseCondition(): SQL {
  return sql`(${enterprises.status} NOT IN ${sql.raw(literalList(ceasedEnterpriseStatuses))})`;
}

export function missingInsuranceCondition(today: string): SQL {
  return sql`(${enterprises.requiresInsurance} AND ${activeEnterpriseCondition()} AND (${enterprises.insuranceExpiry} IS NULL OR ${enterprises.insuranceExpiry} < ${today}))`;
}

export function standardisationExpiringCondition(today: string, days = 90): SQL {
  return sql`(${enterprises.standardisationExpiry} IS NOT NULL AND ${enterprises.standardisationExpiry} <= (${today}::date + ${days}::int))`;
}

// The same conditions as the list filters highRisk=true&missingResponsibles=true, so the count opens its own list.
export const highRiskMissingResponsiblesCondition = sql`(${enterprises.highRisk} AND ${enterprises.missingResponsibles})`;

/** Search in name, credit code, address, principal and pinyin initials. */
function searchCondition(q: string): SQL | undefined {
  // Two characters: one exact lookup in the bigram index of migration 0005; three or more: the trigram indexes.
  if (Array.from(q).length === 2 && !/\s/.test(q)) {
    return sql`anzhi_search_bigrams(${enterprises.name}, ${enterprises.creditCode}, ${enterprises.address}, ${enterprises.principal}, ${enterprises.nameInitials}) @> ARRAY[${q.toLowerCase()}]::text[]`;
  }
  const like = likeContains(q);
  // Chinese text has no case: plain LIKE is several times cheaper than ILIKE when the query has no Latin letters.
  const match = /[a-zA-Z]/.test(q) ? ilike : (col: AnyColumn, p: string) => sql`${col} LIKE ${p}`;
  // Initials first: the trigram index finds the rows by them, and the recheck stops at the first true term.
  return or(
    /^[a-zA-Z]+$/.test(q) ? sql`${enterprises.nameInitials} LIKE ${likeContains(q.toLowerCase())}` : undefined,
    match(enterprises.name, like),
    match(enterprises.creditCode, like),
    match(enterprises.address, like),
    match(enterprises.principal, like),
  );
}

/** A level's rank in SQL, from core's order (重大 0 … 低 3; none ranks below every level). */
const rankOf = (level: SQL | AnyColumn) =>
  sql`CASE ${level} ${sql.join(
    riskLevels.map((l, i) => sql`WHEN ${l} THEN ${sql.raw(String(i))}`),
    sql` `,
  )} ELSE ${sql.raw(String(riskLevels.length))} END`;
const openMajorHazardExists = () =>
  sql`EXISTS (SELECT 1 FROM ${hazards} WHERE ${hazards.enterpriseId} = ${enterprises.id} AND ${hazards.grade} = ${'major' satisfies HazardGrade} AND ${hazardSql.isOpen()})`;

/**
 * Core's effectiveRiskLevel in SQL: the highest of the registered level, the self-assessed level and the floor while a
 * 重大事故隐患 is open — so the list filtered by a level shows exactly the rows the presenter shows with that level.
 */
export function effectiveRiskIs(level: RiskLevel): SQL {
  const floorRank = riskLevels.indexOf(openMajorHazardRiskFloor);
  const target = riskLevels.indexOf(level);
  return sql`LEAST(${rankOf(enterprises.riskLevel)}, ${rankOf(enterprises.assessedRiskLevel)}, CASE WHEN ${openMajorHazardExists()} THEN ${sql.raw(String(floorRank))} ELSE ${sql.raw(String(riskLevels.length))} END) = ${sql.raw(String(target))}`;
}

/** The SQL for a list filter, shared by the list, the export and the statistics' click-through. */
export function enterpriseWhere(scope: DataScope, f: EnterpriseFilter, today: string): SQL | undefined {
  const c: (SQL | undefined)[] = [scopeOn.enterprises(scope)];
  if (f.q) c.push(searchCondition(f.q));
  if (f.regionCode) c.push(regionSubtree(enterprises.regionCode, f.regionCode));
  if (f.industryCode) c.push(eq(enterprises.industryCode, f.industryCode));
  if (f.industrySection) c.push(sql`${enterprises.industryCode} IN (SELECT unnest(${textArray(sectionDivisions(f.industrySection))}))`);
  // Array containment, so the GIN index on domains (migration 0004) serves it.
  if (f.domain) c.push(sql`${enterprises.domains} @> ${textArray([f.domain])}`);
  if (f.flags?.length) c.push(sql`${enterprises.flags} @> ${textArray(f.flags)}`);
  if (f.supervisingUnitId) c.push(eq(enterprises.supervisingUnitId, f.supervisingUnitId));
  if (f.riskLevel) c.push(effectiveRiskIs(f.riskLevel));
  if (f.status) c.push(eq(enterprises.status, f.status));
  if (f.smallVenue) c.push(sql`${enterprises.smallVenueType} IS NOT NULL`);
  if (f.missingInsurance) c.push(missingInsuranceCondition(today));
  if (f.standardisationExpiring) c.push(standardisationExpiringCondition(today));
  if (f.missingResponsibles) c.push(eq(enterprises.missingResponsibles, true));
  if (f.highRisk) c.push(eq(enterprises.highRisk, true));
  return and(...c);
}

function sectionDivisions(section: string): string[] {
  return industrySections.find(([s]) => s === section)?.[2].map(([code]) => code) ?? [];
}

const landlord = alias(enterprises, 'landlord');
const assessor = alias(users, 'assessor');
const listColumns = {
  e: enterprises,
  regionName: regions.name,
  supervisingUnitName: units.name,
  landlordName: landlord.name,
  riskLevelSetByName: users.displayName,
  assessedRiskByName: assessor.displayName,
  tenantCount: sql<number>`(SELECT count(*)::int FROM ${enterprises} t WHERE t.landlord_id = ${enterprises.id})`,
  // Core's open set (hazardSql), served by hazards_enterprise_found_idx: a page of 20 rows costs 20 index probes.
  openMajorHazards: sql<number>`(SELECT count(*)::int FROM ${hazards} WHERE ${hazards.enterpriseId} = ${enterprises.id} AND ${hazards.grade} = ${'major' satisfies HazardGrade} AND ${hazardSql.isOpen()})`,
};

function flatten(rows: Array<Omit<EnterpriseListRow, keyof EnterpriseRow> & { e: EnterpriseRow }>): EnterpriseListRow[] {
  return rows.map(({ e, ...rest }) => ({
    ...e,
    ...rest,
    tenantCount: Number(rest.tenantCount),
    openMajorHazards: Number(rest.openMajorHazards),
  }));
}

const riskOrder = sql`CASE ${enterprises.riskLevel} WHEN 'major' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END`;

/** Enterprises with the names a list shows: village, supervising unit, landlord, who graded the risk. */
function withNames(ex: Executor) {
  return ex
    .select(listColumns)
    .from(enterprises)
    .leftJoin(regions, eq(regions.code, enterprises.regionCode))
    .leftJoin(units, eq(units.id, enterprises.supervisingUnitId))
    .leftJoin(landlord, eq(landlord.id, enterprises.landlordId))
    .leftJoin(users, eq(users.id, enterprises.riskLevelSetBy))
    .leftJoin(assessor, eq(assessor.id, enterprises.assessedRiskBy));
}

export const enterpriseRepo = {
  async list(ex: Executor, where: SQL | undefined, sort: string, page: number, pageSize: number) {
    const order =
      sort === 'name'
        ? [asc(enterprises.name), asc(enterprises.id)]
        : sort === 'riskLevel'
          ? [riskOrder, desc(enterprises.id)]
          : [desc(enterprises.updatedAt), desc(enterprises.id)];
    const rows = await withNames(ex)
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [count] = await ex.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(where);
    return { items: flatten(rows), total: Number(count?.n ?? 0) };
  },

  async findById(ex: Executor, id: number, scope: DataScope): Promise<EnterpriseListRow | undefined> {
    const rows = await withNames(ex)
      .where(and(eq(enterprises.id, id), scopeOn.enterprises(scope)))
      .limit(1);
    return flatten(rows)[0];
  },

  async findByPublicCode(ex: Executor, publicCode: string): Promise<EnterpriseRow | undefined> {
    const [row] = await ex.select().from(enterprises).where(eq(enterprises.publicCode, publicCode)).limit(1);
    return row;
  },

  async findByCreditCodes(ex: Executor, codes: string[]): Promise<EnterpriseRow[]> {
    if (codes.length === 0) return [];
    return ex.select().from(enterprises).where(inArray(enterprises.creditCode, codes));
  },

  /** Enterprises without a credit code, keyed by name: the import matches them by name + address. */
  async findWithoutCreditCodeByNameKeys(ex: Executor, nameKeys: string[]): Promise<EnterpriseRow[]> {
    if (nameKeys.length === 0) return [];
    return ex
      .select()
      .from(enterprises)
      .where(and(isNull(enterprises.creditCode), inArray(enterprises.nameKey, nameKeys)));
  },

  async tenants(ex: Executor, landlordId: number, scope: DataScope) {
    return ex
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(and(eq(enterprises.landlordId, landlordId), scopeOn.enterprises(scope)))
      .orderBy(asc(enterprises.name));
  },

  async insert(ex: Executor, values: typeof enterprises.$inferInsert): Promise<EnterpriseRow> {
    const [row] = await ex.insert(enterprises).values(withDerived(values)).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  },

  /** Updates only when the version still matches; undefined means someone else saved first. */
  async update(
    ex: Executor,
    id: number,
    version: number,
    values: Partial<typeof enterprises.$inferInsert>,
  ): Promise<EnterpriseRow | undefined> {
    const [row] = await ex
      .update(enterprises)
      .set({ ...values, version: version + 1 })
      .where(and(eq(enterprises.id, id), eq(enterprises.version, version)))
      .returning();
    return row && (await this.syncDerived(ex, [row]))[0];
  },

  /** Recomputes the derived columns of these rows where they are out of date (after updates of other columns). */
  async syncDerived(ex: Executor, rows: EnterpriseRow[]): Promise<EnterpriseRow[]> {
    const out: EnterpriseRow[] = [];
    for (const row of rows) {
      if (!derivedDiffers(row)) {
        out.push(row);
        continue;
      }
      const [updated] = await ex.update(enterprises).set(derivedColumns(row)).where(eq(enterprises.id, row.id)).returning();
      out.push(updated ?? row);
    }
    return out;
  },

  async syncDerivedById(ex: Executor, ids: number[]): Promise<void> {
    if (ids.length) await this.syncDerived(ex, await ex.select().from(enterprises).where(inArray(enterprises.id, ids)));
  },

  /** Rows written under an older rule version (start-up, restore, SQL bulk loads): recomputed in batches. */
  async syncStaleDerived(ex: Executor, batch = 5000): Promise<number> {
    let done = 0;
    for (;;) {
      const rows = await ex.select().from(enterprises).where(sql`${enterprises.derivedVersion} <> ${DERIVED_VERSION}`).limit(batch);
      if (rows.length === 0) return done;
      const values = rows.map((r) => ({ id: r.id, ...derivedColumns(r) }));
      await ex.execute(sql`
        UPDATE ${enterprises} SET high_risk = v."highRisk", requires_insurance = v."requiresInsurance",
          missing_responsibles = v."missingResponsibles", derived_version = v."derivedVersion"
        FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
          AS v(id int, "highRisk" boolean, "requiresInsurance" boolean, "missingResponsibles" boolean, "derivedVersion" smallint)
        WHERE ${enterprises.id} = v.id`);
      done += rows.length;
    }
  },

  async count(ex: Executor, where: SQL | undefined): Promise<number> {
    const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(where);
    return Number(row?.n ?? 0);
  },

  async countByRegionDomain(ex: Executor, where: SQL | undefined, regionLevelLength: number) {
    // A literal length (not a parameter), so SELECT and GROUP BY are the same expression.
    const regionKey = sql<string>`rpad(left(${enterprises.regionCode}, ${sql.raw(String(Math.trunc(regionLevelLength)))}), 12, '0')`;
    const domain = sql<string>`coalesce(d.domain, '')`;
    return ex
      .select({ regionCode: regionKey, domain, count: sql<number>`count(*)::int` })
      .from(enterprises)
      .leftJoin(
        sql`LATERAL unnest(CASE WHEN cardinality(${enterprises.domains}) = 0 THEN ARRAY[NULL::text] ELSE ${enterprises.domains} END) AS d(domain)`,
        sql`true`,
      )
      .where(where)
      .groupBy(regionKey, domain);
  },

  async countByRiskLevel(ex: Executor, where: SQL | undefined) {
    return ex
      .select({ riskLevel: enterprises.riskLevel, count: sql<number>`count(*)::int` })
      .from(enterprises)
      .where(where)
      .groupBy(enterprises.riskLevel);
  },
};
