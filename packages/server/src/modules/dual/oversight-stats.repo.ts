import { type CheckTemplate, type DataScope, type DualSignalStatus, dueOutcomeRule, noDomain } from '@anzhi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { regionSubtree, scopeOn } from '../../db/data-scope.ts';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { regions } from '../regions/region.table.ts';
import { checkTaskPeriods, dualSignals, riskPoints } from './dual.table.ts';

/**
 * 双重预防 statistics (GET /dual-oversight), read from the read database: per enterprise, the due checks by cycle and
 * outcome (core `dueOutcome`, SQL `dueOutcomeSql`), the principal's checks, risk points and those past review, open
 * signals. The service adds enterprises up into domains and villages.
 */
const PRINCIPAL: CheckTemplate = 'principal';
const OPEN: DualSignalStatus = 'open';

const rowsOf = async <T>(ex: Executor, q: SQL) => ((await ex.execute(q)) as unknown as { rows: T[] }).rows;

/** core `dueOutcome` in SQL over check_task_periods: onTime, late, missed or open as of `today`. */
export function dueOutcomeSql(today: string): SQL {
  const p = checkTaskPeriods;
  // The outcome names are core's constants written as SQL literals (no parameters: the CASE is grouped and compared).
  const o = (k: keyof typeof dueOutcomeRule) => sql.raw(`'${dueOutcomeRule[k]}'`);
  return sql`CASE WHEN ${p.doneOn} IS NOT NULL THEN CASE WHEN ${p.doneOn} <= ${p.periodEnd} THEN ${o('onTime')} ELSE ${o('late')} END
    WHEN ${p.periodEnd} < ${today}::date THEN ${o('missed')} ELSE ${o('open')} END`;
}

export interface OversightFilter {
  scope: DataScope;
  from: string;
  to: string;
  today: string;
  regionCode?: string;
  domain?: string;
}

/**
 * The enterprise filters (region subtree, 行业领域; `noDomain` = an enterprise of none) on `enterprises`, shared with
 * the due-check list (GET /check-periods) the figures link to.
 */
export function enterpriseFilter(f: Pick<OversightFilter, 'regionCode' | 'domain'>): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.regionCode) parts.push(regionSubtree(enterprises.regionCode, f.regionCode) ?? sql`true`);
  if (f.domain === noDomain) parts.push(sql`coalesce(cardinality(${enterprises.domains}), 0) = 0`);
  else if (f.domain) parts.push(sql`${f.domain} = ANY(${enterprises.domains})`);
  return sql.join(parts, sql` AND `);
}

export interface DueCell {
  enterpriseId: number;
  cycle: string;
  principal: boolean;
  outcome: 'onTime' | 'late' | 'missed' | 'open';
  count: number;
}

export const oversightStatsRepo = {
  /** Due checks whose period ends in the window, by enterprise, cycle, principal or not, and outcome. */
  async due(ex: Executor, f: OversightFilter): Promise<DueCell[]> {
    const p = checkTaskPeriods;
    const rows = await rowsOf<Record<string, unknown>>(
      ex,
      sql`SELECT ${p.enterpriseId} AS enterprise_id, ${p.cycle} AS cycle, coalesce(t.template = ${PRINCIPAL}, false) AS principal,
          ${dueOutcomeSql(f.today)} AS outcome, count(*)::int AS n
        FROM ${p} JOIN check_tasks t ON t.id = ${p.taskId} JOIN ${enterprises} ON ${enterprises.id} = ${p.enterpriseId}
        WHERE ${scopeOn.check_task_periods(f.scope) ?? sql`true`} AND ${enterpriseFilter(f)}
          AND ${p.periodEnd} BETWEEN ${f.from}::date AND ${f.to}::date
        GROUP BY 1, 2, 3, 4`,
    );
    return rows.map((r) => ({
      enterpriseId: Number(r.enterprise_id),
      cycle: String(r.cycle),
      principal: Boolean(r.principal),
      outcome: String(r.outcome) as DueCell['outcome'],
      count: Number(r.n),
    }));
  },

  /** Risk points per enterprise, and those never reviewed or reviewed before the enterprise's township's cutoff. */
  async points(ex: Executor, f: OversightFilter, cutoff: SQL): Promise<Array<{ enterpriseId: number; points: number; overdue: number }>> {
    const rows = await rowsOf<Record<string, unknown>>(
      ex,
      sql`SELECT ${riskPoints.enterpriseId} AS enterprise_id, count(*)::int AS n,
          count(*) FILTER (WHERE ${riskPoints.reviewedOn} IS NULL OR ${riskPoints.reviewedOn} < ${cutoff})::int AS overdue
        FROM ${riskPoints} JOIN ${enterprises} ON ${enterprises.id} = ${riskPoints.enterpriseId}
        WHERE ${scopeOn.risk_points(f.scope) ?? sql`true`} AND ${enterpriseFilter(f)}
        GROUP BY 1`,
    );
    return rows.map((r) => ({ enterpriseId: Number(r.enterprise_id), points: Number(r.n), overdue: Number(r.overdue) }));
  },

  async openSignals(ex: Executor, f: OversightFilter): Promise<Array<{ enterpriseId: number; count: number }>> {
    const rows = await rowsOf<Record<string, unknown>>(
      ex,
      sql`SELECT ${dualSignals.enterpriseId} AS enterprise_id, count(*)::int AS n
        FROM ${dualSignals} JOIN ${enterprises} ON ${enterprises.id} = ${dualSignals.enterpriseId}
        WHERE ${scopeOn.dual_signals(f.scope) ?? sql`true`} AND ${enterpriseFilter(f)} AND ${dualSignals.status} = ${OPEN}
        GROUP BY 1`,
    );
    return rows.map((r) => ({ enterpriseId: Number(r.enterprise_id), count: Number(r.n) }));
  },

  async enterprises(ex: Executor, ids: number[]) {
    if (!ids.length) return [];
    return rowsOf<{ id: number; name: string; region_code: string; domains: string[] }>(
      ex,
      sql`SELECT id, name, region_code, domains FROM ${enterprises} WHERE id = ANY(${sql`ARRAY[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::int[]`})`,
    );
  },

  async regionNames(ex: Executor, codes: string[]) {
    if (!codes.length) return [];
    return rowsOf<{ code: string; name: string }>(
      ex,
      sql`SELECT code, name FROM ${regions} WHERE code = ANY(${sql`ARRAY[${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )}]::text[]`})`,
    );
  },
};
