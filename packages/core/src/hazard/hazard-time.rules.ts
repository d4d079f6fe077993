import { type EscalationStep, escalationSteps, type HazardGrade, type HazardStatus } from './hazard.dict.ts';
import { isDueSoon, isEscalationDue, isOverdue } from './hazard-predicates.rules.ts';

/** Time-driven settings; the township can change them (the ladder is local practice, not national law). */
export interface HazardTimeConfig {
  /** Remind this many days before the deadline. */
  dueSoonDays: number;
  /** Days past the deadline at which each escalation step falls due, for overdue major hazards. */
  ladderDays: Record<EscalationStep, number>;
}

export const defaultHazardTimeConfig: HazardTimeConfig = {
  dueSoonDays: 3,
  ladderDays: { letter: 1, bulletin: 15, summons: 30, exposure: 60 },
};

const DAY = 86_400_000;

/** Whole days from date a to date b (ISO dates, calendar days). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export interface HazardClock {
  grade: HazardGrade;
  status: HazardStatus;
  deadline: string | null;
}

export interface HazardDue {
  dueSoon: boolean;
  overdue: boolean;
  daysOverdue: number;
  /** Every escalation step due by today, in ladder order (a sweep creates the missing ones). */
  escalations: EscalationStep[];
}

/**
 * What is due for one hazard as of `today` (a pure function; the sweep turns it into records with unique keys, so
 * running it twice creates nothing new). A deadline is the last day allowed: overdue starts the day after.
 */
export function hazardDueAsOf(h: HazardClock, today: string, config: HazardTimeConfig = defaultHazardTimeConfig): HazardDue {
  const none: HazardDue = { dueSoon: false, overdue: false, daysOverdue: 0, escalations: [] };
  if (!h.deadline || !isOverdue(h, today)) return { ...none, dueSoon: isDueSoon(h, today, config.dueSoonDays) };
  const escalations = escalationSteps.filter((s) => isEscalationDue(h, today, config.ladderDays[s]));
  return { dueSoon: false, overdue: true, daysOverdue: daysBetween(h.deadline, today), escalations };
}

/** The latest deadline a sweep must look at to find every hazard due soon as of `today`. */
export function dueSoonHorizon(today: string, config: HazardTimeConfig = defaultHazardTimeConfig): string {
  return addDays(today, config.dueSoonDays);
}

/** 16号令 第十四条: the quarterly report is due by the 15th day of the next quarter, the annual one by 31 January. */
export function hazardReportDeadline(period: string): string {
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    return q === 4 ? `${year + 1}-01-15` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-15`;
  }
  if (/^\d{4}$/.test(period)) return `${Number(period) + 1}-01-31`;
  throw new Error(`不是报告期：${period}`);
}

/** The report periods (quarters and years) that have ended by `today`, most recent first, within the last `years`. */
export function endedReportPeriods(today: string, years = 1): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let y = year; y >= year - years; y--) {
    for (let q = 4; q >= 1; q--) {
      const endMonth = q * 3;
      if (y < year || endMonth < month) out.push(`${y}Q${q}`);
    }
    if (y < year) out.push(String(y));
  }
  return out;
}

/** The range of a report period, inclusive. */
export function reportPeriodRange(period: string): { from: string; to: string } {
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  if (quarter) {
    const y = quarter[1] as string;
    const q = Number(quarter[2]);
    const from = `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
    const to = addDays(q === 4 ? `${Number(y) + 1}-01-01` : `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, -1);
    return { from, to };
  }
  return { from: `${period}-01-01`, to: `${period}-12-31` };
}
