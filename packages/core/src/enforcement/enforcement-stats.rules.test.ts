import { describe, expect, it } from 'vitest';
import { daysBetween } from '../hazard/hazard-time.rules.ts';
import { enforcementSettings } from './enforcement.settings.ts';
import { enforcementStatsQuery } from './enforcement-stats.contract.ts';
import { closureFlag, countsForClosure, filedPenaltyStatuses, percent, ratio, unitSignals } from './enforcement-stats.rules.ts';

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const D = '2026-01-10';

describe('安全生产法 第一百一十三条(一): 180日内三次或者一年内四次 (regulations.md §1.3)', () => {
  it('three decisions 180 days apart fill the 180-day window (the first day is not counted: D+1 … D+180)', () => {
    expect(closureFlag([D, addDays(D, 90), addDays(D, 180)], '2026-12-31')).toEqual({
      windowDays: 180,
      dates: [D, addDays(D, 90), addDays(D, 180)],
    });
  });
  it('181 days apart is outside the 180-day window', () => {
    expect(closureFlag([D, addDays(D, 90), addDays(D, 181)], '2026-12-31')).toBeNull();
  });
  it('four decisions 365 days apart fill the one-year window; 366 days do not', () => {
    const four = [D, addDays(D, 100), addDays(D, 200), addDays(D, 365)];
    expect(closureFlag(four, '2027-12-31')).toEqual({ windowDays: 365, dates: four });
    expect(closureFlag([D, addDays(D, 100), addDays(D, 200), addDays(D, 366)], '2027-12-31')).toBeNull();
  });
  it('two decisions are never enough, however close; three within a year but not 180 days are not either', () => {
    expect(closureFlag([D, D], '2026-12-31')).toBeNull();
    expect(closureFlag([D, addDays(D, 100), addDays(D, 200)], '2026-12-31')).toBeNull();
  });
  it('the windows slide: an early lone case does not hide three later ones', () => {
    const later = ['2026-05-01', '2026-06-01', '2026-10-27'];
    expect(closureFlag(['2025-01-01', ...later], '2026-12-31')).toEqual({ windowDays: 180, dates: later });
  });
  it('several cases decided on one day count several times', () => {
    expect(closureFlag([D, D, D], D)?.windowDays).toBe(180);
  });
  it('decisions after today are not yet counted', () => {
    expect(closureFlag([D, addDays(D, 10), addDays(D, 20)], addDays(D, 19))).toBeNull();
    expect(closureFlag([D, addDays(D, 10), addDays(D, 20)], addDays(D, 20))).not.toBeNull();
  });
  it('reports the latest filled window, the 180-day one when both end the same day', () => {
    const dates = [D, addDays(D, 200), addDays(D, 300), addDays(D, 350)];
    // D..D+350 is four within a year; D+200..D+350 three within 180 days: both end at D+350.
    expect(closureFlag(dates, '2027-12-31')).toEqual({ windowDays: 180, dates: dates.slice(1) });
  });
  it('counts only decided (imposed) cases concerning a 重大事故隐患: withdrawn, merely filed or non-major cases are ignored', () => {
    expect(countsForClosure({ status: 'decided', majorHazard: true, decidedOn: D })).toBe(true);
    expect(countsForClosure({ status: 'closed', majorHazard: true, decidedOn: D })).toBe(true);
    expect(countsForClosure({ status: 'withdrawn', majorHazard: true, decidedOn: D })).toBe(false);
    expect(countsForClosure({ status: 'filed', majorHazard: true, decidedOn: null })).toBe(false);
    expect(countsForClosure({ status: 'decided', majorHazard: false, decidedOn: D })).toBe(false);
  });
  it('daysBetween counts calendar days across a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});

describe('unit signals for 约谈 (示范材料 001: 每个单位每年至少 1 件、不少于 500 元)', () => {
  const s = enforcementSettings.defaults;
  const base = { penaltyCases: 1, penaltyAmount: 500, failedChecks: 3, unfixedOrdersWithoutCase: 0 };
  it('one case of 500 元 is enough; 499 元 or no case is 零处罚', () => {
    expect(unitSignals(base, s)).toEqual([]);
    expect(unitSignals({ ...base, penaltyAmount: 499 }, s).map((x) => x.kind)).toEqual(['zeroPenalty']);
    const none = unitSignals({ ...base, penaltyCases: 0, penaltyAmount: 0 }, s);
    expect(none.map((x) => x.kind)).toEqual(['zeroPenalty', 'checkOnly']);
    expect(none[0]?.reason).toContain('本年处罚 0 件、0 元');
    expect(none[1]?.reason).toContain('3 次检查发现不符合项但本年无处罚');
  });
  it('只检查不处罚: an order not fixed at its 复查 with no case, even when the unit penalised elsewhere (第一百零二条)', () => {
    const r = unitSignals({ ...base, unfixedOrdersWithoutCase: 2 }, s);
    expect(r.map((x) => x.kind)).toEqual(['checkOnly']);
    expect(r[0]?.reason).toBe('2 份整改指令复查未整改且未立案');
  });
  it('a unit that found nothing and checked nothing is only 零处罚', () => {
    expect(unitSignals({ penaltyCases: 0, penaltyAmount: 0, failedChecks: 0, unfixedOrdersWithoutCase: 0 }, s).map((x) => x.kind)).toEqual([
      'zeroPenalty',
    ]);
  });
  it('follows the township settings', () => {
    expect(unitSignals({ ...base, penaltyCases: 1 }, { minPenaltyCases: 2, minPenaltyAmount: 0 })[0]?.kind).toBe('zeroPenalty');
  });
});

describe('rates', () => {
  it('立案率 of major hazards (示范材料 002 expects 100 %): per cent with one decimal, null without a denominator', () => {
    expect(percent(2, 2)).toBe(100);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 0)).toBeNull();
  });
  it('a withdrawn case is not 立案', () => {
    expect(filedPenaltyStatuses).not.toContain('withdrawn');
    expect(filedPenaltyStatuses).toContain('filed');
  });
  it('the query refuses a bad year in Chinese', () => {
    const r = enforcementStatsQuery.safeParse({ year: '1999' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('年份不早于 2000');
    expect(enforcementStatsQuery.parse({ year: '2026', unitId: '3' })).toEqual({ year: 2026, unitId: 3 });
  });
});
