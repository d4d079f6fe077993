import { addDays } from '../hazard/hazard-time.rules.ts';
import type { CheckCycle } from './dual.dict.ts';

/**
 * The periods of a check cycle (issue 16): a day, an ISO week (Monday–Sunday), a calendar month, a calendar quarter;
 * 每班 is a day split into `shiftsPerDay` slots. A period is due by its last day. The sweep generates one due check per
 * task and period with SQL built from `checkCycleSpans`; check-cycle.sql.test.ts proves the SQL and these functions
 * give the same periods across month, quarter and year ends.
 */
export interface CheckPeriod {
  /** First day (ISO date). */
  start: string;
  /** Last day, inclusive: the check is due by it. */
  end: string;
  /** 1 for every cycle but 每班 (1…shiftsPerDay). */
  slot: number;
}

/** How SQL steps through a cycle: PostgreSQL's date_trunc unit and the interval to the next period. */
export const checkCycleSpans: Record<CheckCycle, { trunc: 'day' | 'week' | 'month' | 'quarter'; step: string }> = {
  shift: { trunc: 'day', step: '1 day' },
  day: { trunc: 'day', step: '1 day' },
  week: { trunc: 'week', step: '7 days' },
  month: { trunc: 'month', step: '1 month' },
  quarter: { trunc: 'quarter', step: '3 months' },
};

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The first day of the period containing `date`. */
export function periodStartOf(cycle: CheckCycle, date: string): string {
  const [y, m] = parts(date);
  switch (checkCycleSpans[cycle].trunc) {
    case 'day':
      return date;
    case 'week': {
      const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
      return addDays(date, -weekday);
    }
    case 'month':
      return iso(y, m, 1);
    case 'quarter':
      return iso(y, m - ((m - 1) % 3), 1);
  }
}

/** The last day of the period starting on `start`. */
export function periodEndOf(cycle: CheckCycle, start: string): string {
  const [y, m] = parts(start);
  switch (checkCycleSpans[cycle].trunc) {
    case 'day':
      return start;
    case 'week':
      return addDays(start, 6);
    case 'month':
      return iso(y, m, lastDayOfMonth(y, m));
    case 'quarter':
      return iso(y, m + 2, lastDayOfMonth(y, m + 2));
  }
}

function nextStart(cycle: CheckCycle, start: string): string {
  return addDays(periodEndOf(cycle, start), 1);
}

/**
 * Every period of a cycle from the one containing `from` to the one containing `to`, in order, each slot of a 每班
 * day separately. `from` after `to` gives none.
 */
export function checkPeriodsBetween(cycle: CheckCycle, from: string, to: string, shiftsPerDay = 1): CheckPeriod[] {
  const out: CheckPeriod[] = [];
  if (from > to) return out;
  const slots = cycle === 'shift' ? Math.max(1, shiftsPerDay) : 1;
  for (let start = periodStartOf(cycle, from); start <= to; start = nextStart(cycle, start)) {
    const end = periodEndOf(cycle, start);
    for (let slot = 1; slot <= slots; slot++) out.push({ start, end, slot });
  }
  return out;
}

/** The principal's check (seeds: 每季度, 高危行业每月): the cycle from the township's setting of months. */
export function principalCheckCycle(
  highRisk: boolean,
  config: { principalCheckMonths: number; principalCheckMonthsHighRisk: number },
): CheckCycle {
  const months = highRisk ? config.principalCheckMonthsHighRisk : config.principalCheckMonths;
  return months <= 1 ? 'month' : 'quarter';
}
