import {
  dispatchCalendar,
  type PlanAssignee,
  type PlanColour,
  type PlanReportStatus,
  type PlanSettings,
  type PlanTarget,
  type PlanTaskStatus,
} from '@anzhi/core';
import dayjs from 'dayjs';

/** antd tag colours per task status: done green, in progress blue, lagging orange, overdue red. */
export const taskStatusColours: Record<PlanTaskStatus, string> = {
  notStarted: 'default',
  inProgress: 'processing',
  done: 'success',
  lagging: 'warning',
  overdue: 'error',
};

/** The same statuses as solid colours, for bars and dots. */
export const taskStatusHex: Record<PlanTaskStatus, string> = {
  notStarted: '#bfbfbf',
  inProgress: '#1677ff',
  done: '#52c41a',
  lagging: '#fa8c16',
  overdue: '#cf1322',
};

/** The five bands as printed on a township's wall chart. */
export const colourHex: Record<PlanColour, string> = {
  red: '#d9363e',
  orange: '#f5822a',
  yellow: '#f2c230',
  blue: '#2f7ae5',
  green: '#2fa84f',
};

/** Dark text on the light bands, white on the dark ones. */
export const colourInk: Record<PlanColour, string> = {
  red: '#fff',
  orange: '#fff',
  yellow: '#3d2e00',
  blue: '#fff',
  green: '#fff',
};

export const reportStatusOrder: PlanReportStatus[] = ['notStarted', 'inProgress', 'done', 'lagging'];

/** The month a unit reports for by default: the current one. */
export function currentPeriod(): string {
  return dayjs().format('YYYY-MM');
}

export function previousPeriod(period: string): string {
  return dayjs(`${period}-01`).subtract(1, 'month').format('YYYY-MM');
}

export function periodLabel(period: string): string {
  const [y, m] = period.split('-');
  return `${y}年${Number(m)}月`;
}

/** The quarter a period falls in, e.g. 2026-07 → 2026Q3. */
export function quarterOf(period: string): string {
  const [y, m] = period.split('-');
  return `${y}Q${Math.ceil(Number(m) / 3)}`;
}

export function quarterLabel(quarter: string): string {
  return `${quarter.slice(0, 4)}年第${'一二三四'[Number(quarter.slice(5)) - 1]}季度`;
}

/** The last few quarters up to the one containing `period`, newest first. */
export function recentQuarters(period: string, count = 8): string[] {
  const out: string[] = [];
  let d = dayjs(`${period}-01`);
  for (let i = 0; i < count; i++) {
    out.push(quarterOf(d.format('YYYY-MM')));
    d = d.subtract(3, 'month');
  }
  return out;
}

/** A target as printed: `达标率 ≥ 100%`. */
export function targetText(t: Pick<PlanTarget, 'metric' | 'value' | 'unit' | 'op' | 'year'>): string {
  const op = t.op === '>=' ? '≥ ' : t.op === '<=' ? '≤ ' : '';
  return `${t.year ? `${t.year}年 ` : ''}${t.metric} ${op}${t.value}${t.unit}`;
}

/** 逾期 3 天 / 今天到期 / 还剩 12 天. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `逾期 ${-daysLeft} 天`;
  if (daysLeft === 0) return '今天到期';
  return `还剩 ${daysLeft} 天`;
}

/** One key per assignee, a unit or a village, to match reports to the tasks' assignee lists. */
export function assigneeKey(a: Pick<PlanAssignee, 'unitId' | 'villageCode'>): string {
  return a.unitId != null ? `u${a.unitId}` : a.villageCode ? `v${a.villageCode}` : '';
}

/** Suggestion scores may come as 0–1 or 0–100; shown as a whole percentage. */
export function scorePercent(score: number): number {
  return Math.round(score <= 1 ? score * 100 : score);
}

/** Past the month's report day (or a month gone by): a unit that has not reported is now silent. */
export function isPastDue(period: string, settings: Pick<PlanSettings, 'reportDay' | 'reminderDays'>): boolean {
  return dispatchCalendar(dayjs().format('YYYY-MM-DD'), settings, period).window === 'overdue';
}
