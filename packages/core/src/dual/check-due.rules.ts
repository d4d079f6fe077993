import type { TaskPeriodStatus } from './dual.dict.ts';

/**
 * A due check's state as of a day (issue 16): done once a record fulfils it, missed when its last day has passed
 * without one, open otherwise. A period not yet started is not due at all (`null`). The server's SQL is built from
 * the same definition (check-due.sql.ts; check-due.sql.test.ts proves they agree).
 */
export interface DuePeriodFacts {
  periodStart: string;
  periodEnd: string;
  recordId: number | null;
}

export const taskPeriodStatusRule = {
  /** A record fulfils it. */
  done: 'done',
  /** No record and `periodEnd < today`. */
  missed: 'missed',
  /** No record and the period has not ended. */
  open: 'open',
} as const satisfies Record<TaskPeriodStatus, TaskPeriodStatus>;

export function taskPeriodStatusOf(p: DuePeriodFacts, today: string): TaskPeriodStatus | null {
  if (p.periodStart > today) return null;
  if (p.recordId !== null) return taskPeriodStatusRule.done;
  return p.periodEnd < today ? taskPeriodStatusRule.missed : taskPeriodStatusRule.open;
}

/** A check listed on the phone today: its period has started and not ended (done ones stay listed, marked done). */
export function isListedToday(p: Pick<DuePeriodFacts, 'periodStart' | 'periodEnd'>, today: string): boolean {
  return p.periodStart <= today && today <= p.periodEnd;
}

/** A record may fulfil a due check from its first day on (late is allowed: it is shown as late, never refused). */
export function isDue(p: Pick<DuePeriodFacts, 'periodStart'>, day: string): boolean {
  return p.periodStart <= day;
}

/** Done on time (by the period's last day) or late. */
export function doneOnTime(p: Pick<DuePeriodFacts, 'periodEnd'>, doneOn: string): boolean {
  return doneOn <= p.periodEnd;
}
