import { describe, expect, it } from 'vitest';
import { openHazardStatuses } from './hazard.dict.ts';
import { hazardTimeSettings } from './hazard.settings.ts';
import { defaultMajorDeadline, hazardClockProblem, hazardDueAsOf, hazardReportState } from './hazard-time.rules.ts';

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

describe('季报/年报 state (16号令 第十四条: a statistical report every quarter and year, by the 15th / 31 January)', () => {
  const ctx = { today: '2026-05-20', enterpriseSince: '2025-06-01' };
  it('a period without hazards still needs its zero report, and says so', () => {
    const r = hazardReportState({ period: '2026Q1', dueOn: '2026-04-15', signed: false, found: 0, openAtEnd: 0 }, ctx);
    expect(r.state).toBe('late');
    expect(r.reason).toContain('本期无隐患，但零报告也须在 2026-04-15 前签署报送');
    const open = hazardReportState({ period: '2026Q1', dueOn: '2026-06-15', signed: false, found: 0, openAtEnd: 0 }, ctx);
    expect(open).toEqual({ state: 'pending', reason: '本期无隐患，签署零报告即可（2026-06-15 前）' });
  });
  it('is signed once signed, and not asked for periods before the enterprise came onto the platform', () => {
    expect(hazardReportState({ period: '2026Q1', dueOn: '2026-04-15', signed: true, found: 3, openAtEnd: 1 }, ctx).state).toBe('signed');
    expect(hazardReportState({ period: '2025Q1', dueOn: '2025-04-15', signed: false, found: 0, openAtEnd: 0 }, ctx)).toMatchObject({
      state: 'notRequired',
      reason: expect.stringContaining('2025-06-01'),
    });
    // The quarter in which it joined is asked for.
    expect(hazardReportState({ period: '2025Q2', dueOn: '2025-07-15', signed: false, found: 1, openAtEnd: 0 }, ctx).state).toBe('late');
  });
});
