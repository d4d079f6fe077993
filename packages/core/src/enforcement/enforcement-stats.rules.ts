import { daysBetween } from '../hazard/hazard-time.rules.ts';
import { checkStatuses, imposedPenaltyStatuses, type PenaltyStatus, penaltyStatuses } from './enforcement.dict.ts';
import type { EnforcementConfig } from './enforcement.settings.ts';

/**
 * 执法统计 rules (issue 14 "Statistics and signals"; regulations.md §1.3). Pure: the server builds its SQL from the
 * sets and constants here, and a test feeds the same rows to both (enforcement-stats.sql.test.ts).
 */

/**
 * 安全生产法 第一百一十三条(一): 存在重大事故隐患，180日内三次或者一年内四次受到本法规定的行政处罚 → 予以关闭.
 *
 * Window edges: a period counted in days does not count its first day (民法典 第二百零一条: 开始的当日不计入，自下一日开始
 * 计算), so "180日内" of a decision on day D runs D+1 … D+180 and a third decision on D+180 is inside, on D+181 outside:
 * the first and last of the counted decisions are at most 180 days apart. "一年内" is taken as 365 days (the same rule:
 * at most 365 days apart), so that the window is the same length whatever the year; across a 29 February this is one
 * day shorter than a calendar year (recorded in ADR 0023).
 */
export const closureWindows = [
  { days: 180, count: 3 },
  { days: 365, count: 4 },
] as const;
export type ClosureWindowDays = (typeof closureWindows)[number]['days'];

/** A penalty case counts towards 第一百一十三条 when a decision was made (not withdrawn) and it concerns a 重大事故隐患. */
export function countsForClosure(c: { status: PenaltyStatus; majorHazard: boolean; decidedOn: string | null }): boolean {
  return c.majorHazard && c.decidedOn !== null && (imposedPenaltyStatuses as readonly string[]).includes(c.status);
}

export interface ClosureFlag {
  /** The window that was filled: 180 (three decisions) or 365 (four). */
  windowDays: ClosureWindowDays;
  /** The decisions that filled it, oldest first; the last one is the day the enterprise became liable to closure. */
  dates: string[];
}

/**
 * Whether the decision dates of an enterprise's counted cases (countsForClosure) fill a 第一百一十三条 window, as of
 * `today` (later dates are ignored). Several cases on one day count several times. When windows are filled more than
 * once, the latest is reported (the one that ends last; on the same day the 180-day window, the article's first case).
 */
export function closureFlag(penaltyDates: readonly string[], today: string): ClosureFlag | null {
  const dates = penaltyDates.filter((d) => d <= today).sort();
  for (let end = dates.length - 1; end >= 0; end--) {
    for (const w of closureWindows) {
      const start = end - (w.count - 1);
      if (start < 0) continue;
      if (daysBetween(dates[start] as string, dates[end] as string) <= w.days)
        return { windowDays: w.days, dates: dates.slice(start, end + 1) };
    }
  }
  return null;
}

/** Checks made for a period and still meant to happen or done: every check but a cancelled one. */
export const scheduledCheckStatuses = checkStatuses.filter((s) => s !== 'cancelled');

/** Cases counted as 立案 (filed) for the 立案率: every case but one withdrawn (撤销). */
export const filedPenaltyStatuses = penaltyStatuses.filter((s) => s !== 'withdrawn') as readonly PenaltyStatus[];

/** A share in per cent with one decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** A ratio with two decimals (hazards per check); null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) / 100 : null;
}

export const unitSignalKinds = ['zeroPenalty', 'checkOnly'] as const;
export type UnitSignalKind = (typeof unitSignalKinds)[number];
export const unitSignalLabels: Record<UnitSignalKind, string> = { zeroPenalty: '零处罚', checkOnly: '只检查不处罚' };

export interface UnitYearFigures {
  /** Imposed cases (imposedPenaltyStatuses) decided in the year, and their amount in 元. */
  penaltyCases: number;
  penaltyAmount: number;
  /** Signed checks of the year with at least one 不符合 item. */
  failedChecks: number;
  /** Orders re-checked in the year with an item 未整改, and no case (not withdrawn) filed on the order or its check. */
  unfixedOrdersWithoutCase: number;
}

export interface UnitSignal {
  kind: UnitSignalKind;
  label: string;
  /** The numbers behind it, in words. */
  reason: string;
}

/**
 * Signals for 约谈 (示范材料 001/002):
 * - 零处罚: fewer imposed cases than settings.minPenaltyCases, or less money than settings.minPenaltyAmount, in the year;
 * - 只检查不处罚: an order not fixed at its 复查 without a case (安全生产法 第一百零二条: 拒不执行的 → 处罚), or checks
 *   that found failures while the unit imposed no penalty at all in the year.
 */
export function unitSignals(f: UnitYearFigures, settings: Pick<EnforcementConfig, 'minPenaltyCases' | 'minPenaltyAmount'>): UnitSignal[] {
  const signals: UnitSignal[] = [];
  if (f.penaltyCases < settings.minPenaltyCases || f.penaltyAmount < settings.minPenaltyAmount) {
    signals.push({
      kind: 'zeroPenalty',
      label: unitSignalLabels.zeroPenalty,
      reason: `本年处罚 ${f.penaltyCases} 件、${f.penaltyAmount} 元，低于每年至少 ${settings.minPenaltyCases} 件、${settings.minPenaltyAmount} 元`,
    });
  }
  if (f.unfixedOrdersWithoutCase > 0 || (f.failedChecks > 0 && f.penaltyCases === 0)) {
    const parts = [
      f.failedChecks > 0 && f.penaltyCases === 0 ? `${f.failedChecks} 次检查发现不符合项但本年无处罚` : null,
      f.unfixedOrdersWithoutCase > 0 ? `${f.unfixedOrdersWithoutCase} 份整改指令复查未整改且未立案` : null,
    ].filter(Boolean);
    signals.push({ kind: 'checkOnly', label: unitSignalLabels.checkOnly, reason: parts.join('；') });
  }
  return signals;
}
