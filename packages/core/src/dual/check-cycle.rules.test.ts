import { describe, expect, it } from 'vitest';
import { checkPeriodsBetween, periodEndOf, periodStartOf, principalCheckCycle } from './check-cycle.rules.ts';
import { doneOnTime, isListedToday, taskPeriodStatusOf } from './check-due.rules.ts';
import { dualSettings } from './dual.settings.ts';

const spans = (ps: Array<{ start: string; end: string; slot: number }>) => ps.map((p) => `${p.start}~${p.end}#${p.slot}`);

describe('check periods (issue 16): day, ISO week, month, quarter, 每班 slots', () => {
  it('days across the year end, one per day, none missing', () => {
    const ps = checkPeriodsBetween('day', '2026-12-28', '2027-01-04');
    expect(ps.map((p) => p.start)).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-01-04',
    ]);
    expect(ps.every((p) => p.start === p.end && p.slot === 1)).toBe(true);
  });

  it('ISO weeks (Monday–Sunday) spanning the year end', () => {
    expect(spans(checkPeriodsBetween('week', '2026-12-30', '2027-01-04'))).toEqual(['2026-12-28~2027-01-03#1', '2027-01-04~2027-01-10#1']);
    expect(periodStartOf('week', '2027-01-01')).toBe('2026-12-28');
    expect(periodStartOf('week', '2026-01-01')).toBe('2025-12-29');
    expect(periodStartOf('week', '2027-01-03')).toBe('2026-12-28'); // a Sunday belongs to the week before
  });

  it('months through a leap February and a common one', () => {
    expect(spans(checkPeriodsBetween('month', '2028-01-31', '2028-03-01'))).toEqual([
      '2028-01-01~2028-01-31#1',
      '2028-02-01~2028-02-29#1',
      '2028-03-01~2028-03-31#1',
    ]);
    expect(periodEndOf('month', '2027-02-01')).toBe('2027-02-28');
    expect(periodEndOf('month', '2026-12-01')).toBe('2026-12-31');
  });

  it('quarters: a start mid-quarter gets the quarter containing it; ends on 3-31, 6-30, 9-30, 12-31', () => {
    expect(spans(checkPeriodsBetween('quarter', '2026-11-15', '2027-07-01'))).toEqual([
      '2026-10-01~2026-12-31#1',
      '2027-01-01~2027-03-31#1',
      '2027-04-01~2027-06-30#1',
      '2027-07-01~2027-09-30#1',
    ]);
    expect(periodStartOf('quarter', '2026-03-31')).toBe('2026-01-01');
    expect(periodStartOf('quarter', '2026-04-01')).toBe('2026-04-01');
  });

  it('每班: each day in shiftsPerDay slots; other cycles ignore the shifts', () => {
    expect(spans(checkPeriodsBetween('shift', '2026-12-31', '2027-01-01', 3))).toEqual([
      '2026-12-31~2026-12-31#1',
      '2026-12-31~2026-12-31#2',
      '2026-12-31~2026-12-31#3',
      '2027-01-01~2027-01-01#1',
      '2027-01-01~2027-01-01#2',
      '2027-01-01~2027-01-01#3',
    ]);
    expect(checkPeriodsBetween('day', '2026-12-31', '2026-12-31', 3)).toHaveLength(1);
    expect(checkPeriodsBetween('day', '2027-01-02', '2027-01-01')).toEqual([]);
  });

  it('the principal checks quarterly, monthly in high-risk industries (township settings)', () => {
    expect(principalCheckCycle(false, dualSettings.defaults)).toBe('quarter');
    expect(principalCheckCycle(true, dualSettings.defaults)).toBe('month');
  });
});

describe('a due check as of a day: open, done, missed', () => {
  const p = { periodStart: '2026-03-02', periodEnd: '2026-03-08', recordId: null };
  it('is not due before its first day, open through its last, missed after it, done once recorded', () => {
    expect(taskPeriodStatusOf(p, '2026-03-01')).toBeNull();
    expect(taskPeriodStatusOf(p, '2026-03-02')).toBe('open');
    expect(taskPeriodStatusOf(p, '2026-03-08')).toBe('open');
    expect(taskPeriodStatusOf(p, '2026-03-09')).toBe('missed');
    expect(taskPeriodStatusOf({ ...p, recordId: 7 }, '2026-03-09')).toBe('done');
    expect(isListedToday(p, '2026-03-08')).toBe(true);
    expect(isListedToday(p, '2026-03-09')).toBe(false);
    expect(doneOnTime(p, '2026-03-08')).toBe(true);
    expect(doneOnTime(p, '2026-03-09')).toBe(false);
  });
});
