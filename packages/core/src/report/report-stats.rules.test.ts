import { describe, expect, it } from 'vitest';
import { percentile, reportIsOverdue, verifyDays } from './report-stats.rules.ts';

describe('举报统计 rules', () => {
  it('overdue: open and past the verification deadline (the due day itself is not late)', () => {
    expect(reportIsOverdue({ status: 'verifying', dueOn: '2026-06-14' }, '2026-06-15')).toBe(true);
    expect(reportIsOverdue({ status: 'verifying', dueOn: '2026-06-15' }, '2026-06-15')).toBe(false);
    expect(reportIsOverdue({ status: 'received', dueOn: null }, '2026-06-15')).toBe(false);
    expect(reportIsOverdue({ status: 'founded', dueOn: '2026-01-01' }, '2026-06-15')).toBe(false);
  });

  it('核查用时 in days from acceptance to the outcome', () => {
    expect(verifyDays({ acceptedOn: '2026-02-21', decidedOn: '2026-03-03' })).toBe(10);
    expect(verifyDays({ acceptedOn: '2026-02-21', decidedOn: null })).toBeNull();
  });

  it('percentiles interpolate between ranks, as percentile_cont', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([60, 10, 20], 50)).toBe(20);
    expect(percentile([10, 20, 60], 90)).toBe(52);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
  });
});
