import {
  type CheckItemResult,
  type CheckKind,
  closureWindows,
  type DataScope,
  doneCheckStatuses,
  type EnforcementPlanStatus,
  filedPenaltyStatuses,
  type HazardGrade,
  imposedPenaltyStatuses,
  type RecheckItemResult,
  scheduledCheckStatuses,
} from '@anzhi/core';
import { type AnyColumn, and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { regionSubtree, scopeOn } from '../../db/data-scope.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { hazards } from '../hazards/hazard.table.ts';
import { units } from '../units/unit.table.ts';
import {
  enforcementChecks as checks,
  enforcementInspectors,
  enforcementCheckItems as items,
  enforcementOrders as orders,
  enforcementPenalties as penalties,
  enforcementPlanItems as planItems,
  enforcementPlans as plans,
} from './enforcement.table.ts';

/**
 * 执法统计: a few set-based statements over the year, each filtered by the caller's scope (scopeOn) and the request's
 * unit and region. Every status condition comes from core's sets (enforcement-stats.rules.ts, enforcement.dict.ts).
 */
export interface StatsWindow {
  scope: DataScope;
  /** First and last day of the year; `asOf` ≤ `to` for 第一百一十三条. */
  from: string;
  to: string;
  asOf: string;
  year: number;
  unitId?: number;
  regionCode?: string;
}

const FAIL: CheckItemResult = 'fail';
const NOT_FIXED: RecheckItemResult = 'notFixed';
const MAJOR: HazardGrade = 'major';
const KEY: CheckKind = 'key';
const APPROVED: EnforcementPlanStatus = 'approved';

/** The scope, unit and region conditions of a table with the enforcement columns. */
function filtered(w: StatsWindow, scoped: SQL | undefined, cols: { unitId: AnyColumn; regionCode: AnyColumn }): SQL | undefined {
  return and(
    scoped,
    w.unitId === undefined ? undefined : eq(cols.unitId, w.unitId),
    w.regionCode === undefined ? undefined : regionSubtree(cols.regionCode, w.regionCode),
  );
}

const rowsOf = async <T>(ex: Executor, q: SQL) => ((await ex.execute(q)) as unknown as { rows: T[] }).rows;
const n = (v: unknown) => Number(v ?? 0);

export interface CheckMonthRow {
  unitId: number;
  month: number;
  scheduled: number;
  done: number;
  failedChecks: number;
  majorFailedChecks: number;
  majorCases: number;
  hazardsFound: number;
  majorHazardsFound: number;
}

export interface PlanMonthRow {
  unitId: number;
  month: number;
  planned: number;
}

export interface UnitYearRow {
  unitId: number;
  keyTargets: number;
  keyCovered: number;
  penaltyCases: number;
  penaltyAmount: number;
  unfixedOrdersWithoutCase: number;
}

export interface ClosureRow {
  enterpriseId: number;
  enterpriseName: string;
  regionCode: string;
  windowDays: number;
  dates: string[];
}

/**
 * A case filed (not withdrawn) on this check, on its order, or on a hazard one of its items became: three EXISTS (each
 * on an index of enforcement_penalties) rather than one OR, which PostgreSQL can only answer by scanning the cases.
 */
const caseOnCheck = (majorOnly: boolean) => {
  const filed = sql`p.status IN (${sql.join(
    filedPenaltyStatuses.map((s) => sql`${s}`),
    sql`, `,
  )})${majorOnly ? sql` AND p.major_hazard` : sql``}`;
  return sql`(EXISTS (SELECT 1 FROM ${penalties} p WHERE p.check_id = ${checks.id} AND ${filed})
    OR EXISTS (SELECT 1 FROM ${orders} o JOIN ${penalties} p ON p.order_id = o.id WHERE o.check_id = ${checks.id} AND ${filed})
    OR EXISTS (SELECT 1 FROM ${items} i2 JOIN ${penalties} p ON p.hazard_id = i2.hazard_id
      WHERE i2.check_id = ${checks.id} AND i2.hazard_id IS NOT NULL AND ${filed}))`;
};

/**
 * 只检查不处罚 evidence: an order whose 复查 found an item not fixed, with no penalty case filed on the order or its check.
 * The statistics count these and the orders list filters by the same condition (`notFixed=true`).
 */
export function notFixedWithoutCase(): SQL {
  return sql`(EXISTS (SELECT 1 FROM jsonb_array_elements(${orders.recheckResults}) r WHERE r->>'result' = ${NOT_FIXED})
    AND NOT EXISTS (SELECT 1 FROM ${penalties} p WHERE p.order_id = ${orders.id} AND ${inSet(sql`p.status`, filedPenaltyStatuses)})
    AND NOT EXISTS (SELECT 1 FROM ${penalties} p WHERE p.check_id = ${orders.checkId} AND ${inSet(sql`p.status`, filedPenaltyStatuses)}))`;
}

const inSet = (col: SQL, set: readonly string[]) =>
  sql`${col} IN (${sql.join(
    set.map((s) => sql`${s}`),
    sql`, `,
  )})`;

export const enforcementStatsRepo = {
  /** Checks of the year by unit and planned month (scheduledOn): made, signed, what the signed ones found. */
  async checksByMonth(ex: Executor, w: StatsWindow): Promise<CheckMonthRow[]> {
    const where = and(
      sql`${checks.scheduledOn} BETWEEN ${w.from}::date AND ${w.to}::date`,
      filtered(w, scopeOn.enforcement_checks(w.scope), checks),
    );
    const done = inArray(checks.status, [...doneCheckStatuses]);
    const rows = await rowsOf<Record<string, unknown>>(
      ex,
      sql`SELECT ${checks.unitId} AS unit_id, extract(month FROM ${checks.scheduledOn})::int AS month,
        count(*) FILTER (WHERE ${inArray(checks.status, [...scheduledCheckStatuses])})::int AS scheduled,
        count(*) FILTER (WHERE ${done})::int AS done,
        count(*) FILTER (WHERE ${done} AND f.failed)::int AS failed_checks,
        count(*) FILTER (WHERE ${done} AND f.major_failed)::int AS major_failed,
        count(*) FILTER (WHERE ${done} AND f.major_failed AND ${caseOnCheck(true)})::int AS major_cases,
        coalesce(sum(f.hazards) FILTER (WHERE ${done}), 0)::int AS hazards,
        coalesce(sum(f.major_hazards) FILTER (WHERE ${done}), 0)::int AS major_hazards
      FROM ${checks}
      CROSS JOIN LATERAL (
        SELECT coalesce(bool_or(i.result = ${FAIL}), false) AS failed,
          coalesce(bool_or(i.result = ${FAIL} AND i.major), false) AS major_failed,
          count(i.hazard_id) AS hazards,
          count(h.id) FILTER (WHERE h.grade = ${MAJOR}) AS major_hazards
        FROM ${items} i LEFT JOIN ${hazards} h ON h.id = i.hazard_id
        WHERE i.check_id = ${checks.id}
      ) f
      WHERE ${where}
      GROUP BY 1, 2`,
    );
    return rows.map((r) => ({
      unitId: n(r.unit_id),
      month: n(r.month),
      scheduled: n(r.scheduled),
      done: n(r.done),
      failedChecks: n(r.failed_checks),
      majorFailedChecks: n(r.major_failed),
      majorCases: n(r.major_cases),
      hazardsFound: n(r.hazards),
      majorHazardsFound: n(r.major_hazards),
    }));
  },

  /** Checks planned by the approved yearly plans: one per planned month of each line. */
  async plannedByMonth(ex: Executor, w: StatsWindow): Promise<PlanMonthRow[]> {
    const rows = await rowsOf<Record<string, unknown>>(
      ex,
      sql`SELECT ${plans.unitId} AS unit_id, m.month::int AS month, count(*)::int AS planned
      FROM ${planItems} JOIN ${plans} ON ${plans.id} = ${planItems.planId}
      CROSS JOIN LATERAL unnest(${planItems.months}) AS m(month)
      WHERE ${and(
        eq(plans.year, w.year),
        eq(plans.status, APPROVED),
        scopeOn.enforcement_plans(w.scope),
        w.unitId === undefined ? undefined : eq(plans.unitId, w.unitId),
        w.regionCode === undefined ? undefined : regionSubtree(planItems.regionCode, w.regionCode),
      )}
      GROUP BY 1, 2`,
    );
    return rows.map((r) => ({ unitId: n(r.unit_id), month: n(r.month), planned: n(r.planned) }));
  },

  /**
   * Per unit: 重点检查 lines of the approved plan and those covered (a signed check of the unit at the enterprise this
   * year); imposed cases decided in the year and their amount; orders re-checked in the year with an item not fixed
   * and no case filed on them or their check.
   */
  async unitYear(ex: Executor, w: StatsWindow): Promise<UnitYearRow[]> {
    const keyLines = sql`SELECT ${plans.unitId} AS unit_id, count(*)::int AS key_targets,
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM ${checks} c WHERE c.enterprise_id = ${planItems.enterpriseId} AND c.unit_id = ${plans.unitId}
            AND c.scheduled_on BETWEEN ${w.from}::date AND ${w.to}::date AND ${inSet(sql`c.status`, doneCheckStatuses)}
        ))::int AS key_covered,
        0 AS cases, 0::numeric AS amount, 0 AS unfixed
      FROM ${planItems} JOIN ${plans} ON ${plans.id} = ${planItems.planId}
      WHERE ${and(
        eq(plans.year, w.year),
        eq(plans.status, APPROVED),
        eq(planItems.kind, KEY),
        scopeOn.enforcement_plans(w.scope),
        w.unitId === undefined ? undefined : eq(plans.unitId, w.unitId),
        w.regionCode === undefined ? undefined : regionSubtree(planItems.regionCode, w.regionCode),
      )}
      GROUP BY 1`;
    const cases = sql`SELECT ${penalties.unitId} AS unit_id, 0, 0, count(*)::int, coalesce(sum(${penalties.amount}), 0), 0
      FROM ${penalties}
      WHERE ${and(
        inArray(penalties.status, [...imposedPenaltyStatuses]),
        sql`${penalties.decidedOn} BETWEEN ${w.from}::date AND ${w.to}::date`,
        filtered(w, scopeOn.enforcement_penalties(w.scope), penalties),
      )}
      GROUP BY 1`;
    const unfixed = sql`SELECT ${orders.unitId} AS unit_id, 0, 0, 0, 0, count(*)::int
      FROM ${orders}
      WHERE ${and(
        sql`${orders.recheckedOn} BETWEEN ${w.from}::date AND ${w.to}::date`,
        notFixedWithoutCase(),
        filtered(w, scopeOn.enforcement_orders(w.scope), orders),
      )}
      GROUP BY 1`;
    const rows = await rowsOf<Record<string, unknown>>(
      ex,
      sql`SELECT unit_id, sum(key_targets)::int AS key_targets, sum(key_covered)::int AS key_covered,
        sum(cases)::int AS cases, sum(amount)::float8 AS amount, sum(unfixed)::int AS unfixed
      FROM (${keyLines} UNION ALL ${cases} UNION ALL ${unfixed}) u GROUP BY 1`,
    );
    return rows.map((r) => ({
      unitId: n(r.unit_id),
      keyTargets: n(r.key_targets),
      keyCovered: n(r.key_covered),
      penaltyCases: n(r.cases),
      penaltyAmount: Math.round(n(r.amount) * 100) / 100,
      unfixedOrdersWithoutCase: n(r.unfixed),
    }));
  },

  /** Enforcing units in view that have inspectors (so a unit that did nothing is still listed, as 零处罚). */
  async unitsWithInspectors(ex: Executor, w: StatsWindow): Promise<number[]> {
    const rows = await ex
      .selectDistinct({ unitId: enforcementInspectors.unitId })
      .from(enforcementInspectors)
      .where(
        and(
          eq(enforcementInspectors.active, true),
          scopeOn.enforcement_inspectors(w.scope),
          w.unitId === undefined ? undefined : eq(enforcementInspectors.unitId, w.unitId),
          w.regionCode === undefined
            ? undefined
            : sql`${enforcementInspectors.unitId} IN (SELECT ${units.id} FROM ${units} WHERE ${regionSubtree(units.regionCode, w.regionCode)})`,
        ),
      );
    return rows.map((r) => r.unitId);
  },

  async unitNames(ex: Executor, ids: number[]): Promise<Array<{ id: number; name: string; regionCode: string }>> {
    if (!ids.length) return [];
    return ex.select({ id: units.id, name: units.name, regionCode: units.regionCode }).from(units).where(inArray(units.id, ids));
  },

  /**
   * 第一百一十三条(一) in SQL, the same rule as core's closureFlag: over each enterprise's counted cases (countsForClosure:
   * imposed, 重大事故隐患, decided by asOf) in decision order, a row fills the 180-day window when the case two before it
   * was decided at most 180 days earlier, the 365-day one when the case three before it was at most 365 days earlier.
   * The latest such row is reported (180 before 365), when it falls in the year.
   */
  async closureFlags(ex: Executor, w: StatsWindow): Promise<ClosureRow[]> {
    const [short, long] = closureWindows;
    const where = and(
      eq(penalties.majorHazard, true),
      inArray(penalties.status, [...imposedPenaltyStatuses]),
      sql`${penalties.decidedOn} IS NOT NULL AND ${penalties.decidedOn} <= ${w.asOf}::date`,
      filtered(w, scopeOn.enforcement_penalties(w.scope), penalties),
    );
    const rows = await rowsOf<Record<string, unknown>>(
      ex,
      sql`WITH counted AS (
        SELECT ${penalties.enterpriseId} AS enterprise_id, ${penalties.decidedOn} AS decided_on,
          row_number() OVER w AS rn,
          lag(${penalties.decidedOn}, ${sql.raw(String(short.count - 1))}) OVER w AS start_short,
          lag(${penalties.decidedOn}, ${sql.raw(String(long.count - 1))}) OVER w AS start_long,
          array_agg(${penalties.decidedOn}::text) OVER (w ROWS BETWEEN ${sql.raw(String(short.count - 1))} PRECEDING AND CURRENT ROW) AS dates_short,
          array_agg(${penalties.decidedOn}::text) OVER (w ROWS BETWEEN ${sql.raw(String(long.count - 1))} PRECEDING AND CURRENT ROW) AS dates_long
        FROM ${penalties}
        WHERE ${where}
        WINDOW w AS (PARTITION BY ${penalties.enterpriseId} ORDER BY ${penalties.decidedOn})
      ), hits AS (
        SELECT DISTINCT ON (enterprise_id) enterprise_id, decided_on,
          CASE WHEN decided_on - start_short <= ${sql.raw(String(short.days))} THEN ${sql.raw(String(short.days))} ELSE ${sql.raw(String(long.days))} END AS window_days,
          CASE WHEN decided_on - start_short <= ${sql.raw(String(short.days))} THEN dates_short ELSE dates_long END AS dates
        FROM counted
        WHERE decided_on - start_short <= ${sql.raw(String(short.days))} OR decided_on - start_long <= ${sql.raw(String(long.days))}
        ORDER BY enterprise_id, rn DESC
      )
      SELECT hits.enterprise_id, e.name, e.region_code, hits.window_days, hits.dates
      FROM hits JOIN ${enterprises} e ON e.id = hits.enterprise_id
      WHERE hits.decided_on >= ${w.from}::date
      ORDER BY hits.decided_on DESC, hits.enterprise_id`,
    );
    return rows.map((r) => ({
      enterpriseId: n(r.enterprise_id),
      enterpriseName: String(r.name),
      regionCode: String(r.region_code),
      windowDays: n(r.window_days),
      dates: (r.dates as string[]).map(String),
    }));
  },
};
