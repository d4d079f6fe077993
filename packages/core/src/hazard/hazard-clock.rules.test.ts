import { describe, expect, it } from 'vitest';
import { openHazardStatuses } from './hazard.dict.ts';
import { hazardTimeSettings } from './hazard.settings.ts';
import { defaultMajorDeadline, hazardClockProblem, hazardDueAsOf } from './hazard-time.rules.ts';

const defaults = hazardTimeSettings.defaults;

describe('every open hazard is on a clock (16号令 第十五条: 治理的时限和要求)', () => {
  it('gives a major hazard without a plan the configured default days from the day it is found, confirmed or upgraded', () => {
    expect(defaults.majorPlanDays).toBe(15);
    expect(defaultMajorDeadline('2026-03-02', defaults)).toBe('2026-03-17');
    expect(defaultMajorDeadline('2026-03-02', { ...defaults, majorPlanDays: 7 })).toBe('2026-03-09');
  });

  it('refuses an open hazard without a deadline, whatever its status', () => {
    for (const status of openHazardStatuses) {
      expect(hazardClockProblem({ status, deadline: null })).toBe('在办隐患必须有整改期限');
      expect(hazardClockProblem({ status, deadline: '2026-03-31' })).toBeNull();
    }
    expect(hazardClockProblem({ status: 'closed', deadline: null })).toBeNull();
    expect(hazardClockProblem({ status: 'dismissed', deadline: null })).toBeNull();
  });

  it('escalates a major hazard still waiting for 认定 once its default deadline has passed', () => {
    const found = { grade: 'major' as const, status: 'found' as const, deadline: defaultMajorDeadline('2026-03-02', defaults) };
    expect(hazardDueAsOf(found, '2026-03-18', defaults)).toMatchObject({ overdue: true, daysOverdue: 1, escalations: ['letter'] });
    expect(hazardDueAsOf({ ...found, status: 'confirmed' }, '2026-03-18', defaults).overdue).toBe(true);
  });
});
