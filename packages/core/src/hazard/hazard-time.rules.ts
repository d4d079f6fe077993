import { type EscalationStep, escalationSteps, type HazardGrade, type HazardStatus } from './hazard.dict.ts';
import type { HazardReportConfig, HazardTimeConfig } from './hazard.settings.ts';
import { isDueSoon, isEscalationDue, isOpen, isOverdue } from './hazard-predicates.rules.ts';

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
export function hazardDueAsOf(h: HazardClock, today: string, config: HazardTimeConfig): HazardDue {
  const none: HazardDue = { dueSoon: false, overdue: false, daysOverdue: 0, escalations: [] };
  if (!h.deadline || !isOverdue(h, today)) return { ...none, dueSoon: isDueSoon(h, today, config.dueSoonDays) };
  const escalations = escalationSteps.filter((s) => isEscalationDue(h, today, config.ladderDays[s]));
  return { dueSoon: false, overdue: true, daysOverdue: daysBetween(h.deadline, today), escalations };
}

/** The deadline a major hazard gets from `from` (found, confirmed or upgraded on) when nobody names one. */
export function defaultMajorDeadline(from: string, config: Pick<HazardTimeConfig, 'majorPlanDays'>): string {
  return addDays(from, config.majorPlanDays);
}

/** Every open hazard is on a clock: an open one without a deadline can never be due, overdue or escalated. */
export function hazardClockProblem(h: { status: HazardStatus; deadline: string | null }): string | null {
  return isOpen(h.status) && !h.deadline ? '在办隐患必须有整改期限' : null;
}

/** The latest deadline a sweep must look at to find every hazard due soon as of `today`. */
export function dueSoonHorizon(today: string, config: HazardTimeConfig): string {
  return addDays(today, config.dueSoonDays);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The kind of a report period: 'YYYY-MM' a month, 'YYYYQn' a quarter, 'YYYY' a year. */
export function reportPeriodKind(period: string): 'month' | 'quarter' | 'year' {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'month';
  if (/^\d{4}Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}$/.test(period)) return 'year';
  throw new Error(`不是报告期：${period}`);
}

/**
 * When a period's report is due, with the township's due days. 16号令 第十四条 (defaults): the quarterly report by the 15th
 * day of the next quarter, the annual one by 31 January; a monthly one (where required) by a day of the next month.
 */
export function hazardReportDeadline(period: string, config: HazardReportConfig): string {
  const kind = reportPeriodKind(period);
  const year = Number(period.slice(0, 4));
  if (kind === 'year') return `${year + 1}-01-${pad2(config.yearDueDay)}`;
  const lastMonth = kind === 'month' ? Number(period.slice(5, 7)) : Number(period.slice(5)) * 3;
  const day = kind === 'month' ? config.monthDueDay : config.quarterDueDay;
  return lastMonth === 12 ? `${year + 1}-01-${pad2(day)}` : `${year}-${pad2(lastMonth + 1)}-${pad2(day)}`;
}

/** The report periods of the kinds the township uses that have ended by `today`, most recent first, within `years`. */
export function endedReportPeriods(today: string, config: Pick<HazardReportConfig, 'periods'>, years = 1): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const use = new Set(config.periods);
  const out: string[] = [];
  for (let y = year; y >= year - years; y--) {
    for (let m = 12; m >= 1; m--) {
      const ended = y < year || m < month;
      if (!ended) continue;
      if (use.has('month')) out.push(`${y}-${pad2(m)}`);
      if (use.has('quarter') && m % 3 === 0) out.push(`${y}Q${m / 3}`);
    }
    if (y < year && use.has('year')) out.push(String(y));
  }
  return out;
}

/** The range of a report period, inclusive. */
export function reportPeriodRange(period: string): { from: string; to: string } {
  const kind = reportPeriodKind(period);
  const y = Number(period.slice(0, 4));
  if (kind === 'year') return { from: `${y}-01-01`, to: `${y}-12-31` };
  const [first, last] =
    kind === 'month'
      ? [Number(period.slice(5, 7)), Number(period.slice(5, 7))]
      : [Number(period.slice(5)) * 3 - 2, Number(period.slice(5)) * 3];
  const next = last === 12 ? `${y + 1}-01-01` : `${y}-${pad2(last + 1)}-01`;
  return { from: `${y}-${pad2(first)}-01`, to: addDays(next, -1) };
}

export const hazardReportStates = ['signed', 'pending', 'late', 'notRequired'] as const;
export type HazardReportState = (typeof hazardReportStates)[number];

/**
 * Where a period's report stands, with the reason shown beside it. 16号令 第十四条 asks for the 统计分析表 every quarter
 * and every year, so a period without hazards still needs its (zero) report signed — the reason says so instead of a
 * bare 逾期未签. Periods whose report was due before the enterprise was on the platform (registered, or its first
 * recorded hazard) are not asked for here.
 */
export function hazardReportState(
  r: { period: string; dueOn: string; signed: boolean; found: number; openAtEnd: number },
  ctx: { today: string; enterpriseSince: string },
): { state: HazardReportState; reason: string | null } {
  if (r.signed) return { state: 'signed', reason: null };
  if (r.dueOn < ctx.enterpriseSince) {
    return { state: 'notRequired', reason: `报送期限早于企业纳入平台（${ctx.enterpriseSince}），无需在平台签署` };
  }
  const empty = r.found === 0 && r.openAtEnd === 0;
  if (ctx.today > r.dueOn) {
    return {
      state: 'late',
      reason: empty
        ? `本期无隐患，但零报告也须在 ${r.dueOn} 前签署报送（16号令 第十四条）`
        : `应于 ${r.dueOn} 前签署报送（16号令 第十四条）`,
    };
  }
  return { state: 'pending', reason: empty ? `本期无隐患，签署零报告即可（${r.dueOn} 前）` : `请于 ${r.dueOn} 前签署` };
}
