import { describe, expect, it } from 'vitest';
import {
  jobDoneRetentionDays,
  jobIsExhausted,
  jobPruneBefore,
  jobRetryBaseMs,
  jobRetryCapMs,
  jobRetryDelayMs,
  jobRetryStepMs,
} from './job.rules.ts';

describe('job retry back-off (exponential with equal jitter)', () => {
  it('doubles the step per failed attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(jobRetryStepMs)).toEqual([
      jobRetryBaseMs,
      2 * jobRetryBaseMs,
      4 * jobRetryBaseMs,
      8 * jobRetryBaseMs,
      16 * jobRetryBaseMs,
      32 * jobRetryBaseMs,
      jobRetryCapMs,
      jobRetryCapMs,
    ]);
  });

  it('waits between half the step and the step, spread by the random draw', () => {
    for (const attempt of [1, 2, 3, 8]) {
      const step = jobRetryStepMs(attempt);
      expect(jobRetryDelayMs(attempt, 0)).toBe(step / 2);
      expect(jobRetryDelayMs(attempt, 0.5)).toBe((3 * step) / 4);
      expect(jobRetryDelayMs(attempt, 0.999_999)).toBeLessThanOrEqual(step);
    }
    expect(jobRetryDelayMs(1, 0.2)).not.toBe(jobRetryDelayMs(1, 0.7));
  });

  it('gives up at the last attempt', () => {
    expect(jobIsExhausted(4, 5)).toBe(false);
    expect(jobIsExhausted(5, 5)).toBe(true);
    expect(jobIsExhausted(6, 5)).toBe(true);
  });
});

describe('retention of delivered jobs', () => {
  it('prunes what finished more than 90 days ago (ADR 0016: the notice stays, its transport row goes)', () => {
    expect(jobDoneRetentionDays).toBe(90);
    expect(jobPruneBefore(new Date('2026-12-06T00:00:00Z')).toISOString()).toBe('2026-09-07T00:00:00.000Z');
  });
});
