import { describe, expect, it } from 'vitest';
import { reportSettings } from './report.settings.ts';
import { extensionProblem, reportAcceptDueOn, reportDueOn, reportFeedbackDueOn, rewardClaimDueOn } from './report-clock.rules.ts';

const config = reportSettings.defaults;

describe('report clocks (regulations.md §4: verify within 60 days of acceptance, extension ≤ 30 days, feedback within 10)', () => {
  it('verification is due 60 days after acceptance, plus the extension', () => {
    expect(reportDueOn('2026-01-01', 0, config)).toBe('2026-03-02');
    expect(reportDueOn('2026-01-01', 30, config)).toBe('2026-04-01');
  });
  it('an extension may bring the total to 30 days and no further, and the message names the numbers', () => {
    expect(extensionProblem(0, 30, config)).toBeNull();
    expect(extensionProblem(20, 10, config)).toBeNull();
    expect(extensionProblem(20, 11, config)).toBe('核查延期累计不能超过 30 天（已延期 20 天，最多还可延期 10 天）');
    expect(extensionProblem(0, 0, config)).toBe('延期天数至少为 1 天');
  });
  it('feedback 10 days after the outcome; acceptance and the reward claim window from the settings', () => {
    expect(reportFeedbackDueOn('2026-02-25', config)).toBe('2026-03-07');
    expect(reportAcceptDueOn('2026-02-25', config)).toBe('2026-03-02');
    expect(rewardClaimDueOn('2026-01-01', config)).toBe('2026-03-02');
    expect(rewardClaimDueOn('2026-01-01', { claimDays: 90 })).toBe('2026-04-01');
  });
});
