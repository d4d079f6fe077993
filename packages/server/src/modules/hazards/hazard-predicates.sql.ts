import {
  awaitingActionStatuses,
  clearedHazardStatuses,
  dismissedHazardStatuses,
  endedHazardStatuses,
  enterpriseStepStatuses,
  escalatingGrades,
  finderStepStatuses,
  type HazardActor,
  type HazardChannel,
  type HazardGrade,
  type HazardParty,
  openHazardStatuses,
  regulatorStepStatuses,
} from '@anzhi/core';
import { type AnyColumn, and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { literalList } from '../../lib/sql-array.ts';
import { hazards } from './hazard.table.ts';

/**
 * Core's hazard predicates (hazard-predicates.rules.ts) as SQL over the hazards table, built from core's sets: the
 * ledger, sweep, statistics, 动态清零, 季报/年报 and dashboard all take their conditions from here, and
 * hazard-predicates.sql.test.ts runs each against core's function on the same rows. Every fragment is
 * parenthesised and NULL-safe (true or false, never NULL), so `NOT (…)` is the complement as in core.
 */

/** `column IN ('a', 'b')` with core's constants as literals. */
export function inSet(column: AnyColumn | SQL, values: readonly string[]): SQL {
  return sql`(${column} IN ${sql.raw(literalList(values))})`;
}

const h = hazards;
const day = (d: string) => sql`${d}::date`;
const hasDeadline = sql`${h.deadline} IS NOT NULL`;

export const hazardSql = {
  isOpen: (): SQL => inSet(h.status, openHazardStatuses),
  isEnded: (): SQL => inSet(h.status, endedHazardStatuses),
  isCleared: (): SQL => inSet(h.status, clearedHazardStatuses),
  isDismissed: (): SQL => inSet(h.status, dismissedHazardStatuses),
  isAwaitingAction: (): SQL => inSet(h.status, awaitingActionStatuses),

  hasEndedBy: (date: string): SQL =>
    sql`(${inSet(h.status, endedHazardStatuses)} AND ${h.closedOn} IS NOT NULL AND ${h.closedOn} <= ${day(date)})`,

  countsAsStockAt: (cutoff: string): SQL => sql`(${h.foundOn} <= ${day(cutoff)} AND NOT ${hazardSql.hasEndedBy(cutoff)})`,

  isOverdue: (today: string): SQL => sql`(${hazardSql.isAwaitingAction()} AND ${hasDeadline} AND ${h.deadline} < ${day(today)})`,

  isDueSoon: (today: string, dueSoonDays: number): SQL =>
    sql`(${hazardSql.isAwaitingAction()} AND ${hasDeadline}
      AND ${h.deadline} BETWEEN ${day(today)} AND ${day(today)} + ${dueSoonDays}::int)`,

  isEscalationDue: (today: string, days: number): SQL =>
    sql`(${inSet(h.grade, escalatingGrades)} AND ${hazardSql.isAwaitingAction()} AND ${hasDeadline}
      AND ${h.deadline} <= ${day(today)} - ${days}::int)`,

  wasOverdueAt: (date: string): SQL =>
    sql`(${hazardSql.countsAsStockAt(date)} AND ${hasDeadline} AND ${h.deadline} < ${day(date)}
      AND ${inSet(h.status, [...awaitingActionStatuses, ...endedHazardStatuses])})`,

  isFoundIn: (from: string, to: string): SQL => sql`(${h.foundOn} BETWEEN ${day(from)} AND ${day(to)})`,

  isClearedIn: (from: string, to: string): SQL =>
    sql`(${hazardSql.isCleared()} AND ${h.closedOn} IS NOT NULL AND ${h.closedOn} BETWEEN ${day(from)} AND ${day(to)})`,
};

const grade = (g: HazardGrade) => sql`${h.grade} = ${g}`;
const channel = (c: HazardChannel) => sql`${h.channel} = ${c}`;
const pending = sql`${h.pendingExtension} IS NOT NULL`;
const notPending = sql`${h.pendingExtension} IS NULL`;
const inFinderStep = inSet(h.status, finderStepStatuses);

/** Core's awaitedParty (hazard.rules.ts) as SQL: the hazards waiting for a step of that party. */
export function awaitsPartySql(party: HazardParty): SQL {
  const open = hazardSql.isOpen();
  switch (party) {
    case 'enterprise':
      return sql`(${open} AND ${notPending} AND (${inSet(h.status, enterpriseStepStatuses)}
        OR (${inFinderStep} AND ${grade('general')} AND ${channel('selfCheck')})))`;
    case 'regulator':
      return sql`(${open} AND ((${pending} AND ${grade('major')})
        OR (${notPending} AND (${inSet(h.status, regulatorStepStatuses)} OR (${inFinderStep} AND ${grade('major')})))))`;
    case 'finder':
      return sql`(${open} AND ((${pending} AND ${grade('general')})
        OR (${notPending} AND ${inFinderStep} AND ${grade('general')} AND NOT ${channel('selfCheck')})))`;
  }
}

/** Core's isAwaitingActor as SQL: the ledger's 待我处理 and the 待办's hazard steps. */
export function awaitingActorSql(a: Pick<HazardActor, 'userId' | 'office' | 'unitId' | 'enterpriseId'>): SQL {
  const parts = [
    a.enterpriseId != null ? and(awaitsPartySql('enterprise'), eq(h.enterpriseId, a.enterpriseId)) : undefined,
    a.unitId != null ? and(awaitsPartySql('regulator'), eq(h.supervisingUnitId, a.unitId)) : undefined,
    a.office ? and(awaitsPartySql('regulator'), isNull(h.supervisingUnitId)) : undefined,
    and(awaitsPartySql('finder'), or(eq(h.foundBy, a.userId), a.unitId != null ? eq(h.finderUnitId, a.unitId) : undefined)),
  ].filter((p): p is SQL => p !== undefined);
  return sql`(${or(...parts)})`;
}
