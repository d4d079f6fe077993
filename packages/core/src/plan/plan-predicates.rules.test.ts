import { describe, expect, it } from 'vitest';
import {
  finishingReportStatuses,
  isDispatchOverdue,
  isDispatchReminderDue,
  isPublishedBy,
  isTrackedNode,
  isTrackedPlan,
  planCoversPeriod,
  trackedPlanStatuses,
} from './plan-predicates.rules.ts';
import { dispatchCalendar } from './plan-tracking.rules.ts';

describe('月调度 predicates (seed 003: 镇安委办实行月调度、季通报、年总结制度)', () => {
  it('dispatches published plans and their tasks only; a done report finishes a task', () => {
    expect(trackedPlanStatuses).toEqual(['published']);
    expect(isTrackedPlan('draft')).toBe(false);
    expect(isTrackedNode('group')).toBe(false);
    expect(isTrackedNode('task')).toBe(true);
    expect(finishingReportStatuses).toEqual(['done']);
  });

  it('reminds from reminderDays before the report day to the report day, and is overdue the day after', () => {
    expect(isDispatchReminderDue('2026-03-21', '2026-03-25', 3)).toBe(false);
    expect(isDispatchReminderDue('2026-03-22', '2026-03-25', 3)).toBe(true);
    expect(isDispatchReminderDue('2026-03-25', '2026-03-25', 3)).toBe(true);
    expect(isDispatchOverdue('2026-03-25', '2026-03-25')).toBe(false);
    expect(isDispatchOverdue('2026-03-26', '2026-03-25')).toBe(true);
    expect(dispatchCalendar('2026-03-22', { reportDay: 25, reminderDays: 3 }).window).toBe('open');
    expect(dispatchCalendar('2026-03-26', { reportDay: 25, reminderDays: 3 }).window).toBe('overdue');
  });

  it('owes a month only if published by the end of its report day (China time) and the plan runs that year', () => {
    expect(isPublishedBy(new Date('2026-03-25T15:59:59Z'), '2026-03-25')).toBe(true);
    expect(isPublishedBy(new Date('2026-03-25T16:00:00Z'), '2026-03-25')).toBe(false);
    expect(planCoversPeriod(null, '2030-01')).toBe(true);
    expect(planCoversPeriod(2026, '2026-12')).toBe(true);
    expect(planCoversPeriod(2026, '2027-01')).toBe(false);
  });
});
