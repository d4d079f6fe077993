import { describe, expect, it } from 'vitest';
import { reportSettings } from './report.settings.ts';
import { acceptLate, chinaDayOf, feedbackLate, rewardLapsed, verifyDueSoon, verifyOverdue } from './report-sweep.rules.ts';

const config = reportSettings.defaults;
const row = { status: 'verifying' as const, receivedAt: '2026-03-01T02:00:00Z', dueOn: '2026-03-20', decidedOn: null, feedbackAt: null };

describe('report sweep predicates (regulations.md §4: 60-day verification, feedback, claim window)', () => {
  it('a received instant counts on its China day', () => {
    expect(chinaDayOf('2026-03-03T15:59:59Z')).toBe('2026-03-03');
    expect(chinaDayOf('2026-03-03T16:00:00Z')).toBe('2026-03-04');
  });
  it('reminds from remindBeforeDays before the due day through the due day; overdue the day after', () => {
    expect(verifyDueSoon(row, '2026-03-09', config)).toBe(false);
    expect(verifyDueSoon(row, '2026-03-10', config)).toBe(true);
    expect(verifyDueSoon(row, '2026-03-20', config)).toBe(true);
    expect(verifyOverdue(row, '2026-03-20')).toBe(false);
    expect(verifyOverdue(row, '2026-03-21')).toBe(true);
    expect(verifyOverdue({ ...row, status: 'founded' }, '2026-03-21')).toBe(false);
  });
  it('accept is late after acceptDays from the China day received; feedback after feedbackDays unless given', () => {
    const received = { ...row, status: 'received' as const, dueOn: null };
    expect(acceptLate(received, '2026-03-06', config)).toBe(false);
    expect(acceptLate(received, '2026-03-07', config)).toBe(true);
    const decided = { ...row, status: 'unfounded' as const, decidedOn: '2026-03-01' };
    expect(feedbackLate(decided, '2026-03-11', config)).toBe(false);
    expect(feedbackLate(decided, '2026-03-12', config)).toBe(true);
    expect(feedbackLate({ ...decided, feedbackAt: '2026-03-05T00:00:00Z' }, '2026-03-12', config)).toBe(false);
  });
  it('an approved reward lapses the day after its claim due day', () => {
    expect(rewardLapsed({ status: 'approved', claimDueOn: '2026-05-01' }, '2026-05-01')).toBe(false);
    expect(rewardLapsed({ status: 'approved', claimDueOn: '2026-05-01' }, '2026-05-02')).toBe(true);
    expect(rewardLapsed({ status: 'paid', claimDueOn: '2026-05-01' }, '2026-05-02')).toBe(false);
  });
});
