import { describe, expect, it } from 'vitest';
import { planRankingSettings, planTrackingSettings } from './plan.settings.ts';
import {
  assigneeFacts,
  colourOf,
  countsAsDeadline,
  deriveTaskStatus,
  dispatchCalendar,
  dispatchDueAsOf,
  isLateReport,
  nextDeadline,
  periodsBetween,
  planSettingsOf,
  rankByScore,
  type ScoreReport,
  scoreOf,
  scoresTimelyReporting,
  shiftPeriod,
  townshipPlanSettings,
} from './plan-tracking.rules.ts';

const defaultPlanSettings = townshipPlanSettings({
  planTracking: planTrackingSettings.defaults,
  planRanking: planRankingSettings.defaults,
});

const settings = { reportDay: 25, reminderDays: 3 };

describe('the dispatch calendar (seed 003: 镇安委办实行月调度、季通报、年总结制度)', () => {
  it('reports by the 25th by default, reminded 3 days before', () => {
    expect(defaultPlanSettings.reportDay).toBe(25);
    expect(dispatchCalendar('2026-07-10', settings)).toEqual({
      period: '2026-07',
      dueDate: '2026-07-25',
      remindFrom: '2026-07-22',
      window: 'upcoming',
    });
    expect(dispatchCalendar('2026-07-22', settings).window).toBe('open');
    expect(dispatchCalendar('2026-07-25', settings).window).toBe('open');
    expect(dispatchCalendar('2026-07-26', settings).window).toBe('overdue');
  });
  it('takes another report day and an explicit period', () => {
    expect(dispatchCalendar('2026-07-01', { reportDay: 5, reminderDays: 2 }, '2026-06')).toMatchObject({
      dueDate: '2026-06-05',
      remindFrom: '2026-06-03',
      window: 'overdue',
    });
    // A reminder window reaching back into the previous month.
    expect(dispatchCalendar('2026-03-01', { reportDay: 2, reminderDays: 5 }).remindFrom).toBe('2026-02-25');
  });
  it('tells the sweep what is due: reminders inside the window, overdue after the day and for last month', () => {
    expect(dispatchDueAsOf('2026-07-23', settings)).toMatchObject({
      remind: [{ period: '2026-07' }],
      overdue: [{ period: '2026-06' }],
    });
    const after = dispatchDueAsOf('2026-07-28', settings);
    expect(after.remind).toEqual([]);
    expect(after.overdue.map((c) => c.period)).toEqual(['2026-06', '2026-07']);
    expect(dispatchDueAsOf('2026-01-05', settings).overdue.map((c) => c.period)).toEqual(['2025-12']);
  });
  it('marks a report after the report day late', () => {
    expect(isLateReport('2026-07-25', '2026-07', 25)).toBe(false);
    expect(isLateReport('2026-07-26', '2026-07', 25)).toBe(true);
    expect(isLateReport('2026-08-02', '2026-07', 25)).toBe(true);
  });
  it('walks months across years', () => {
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2025-12', 2)).toBe('2026-02');
    expect(periodsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2026-03', '2026-02')).toEqual([]);
  });
  it("lays a plan's own values over the township's settings", () => {
    expect(planSettingsOf({ reportDay: 20 }, defaultPlanSettings)).toEqual({ ...defaultPlanSettings, reportDay: 20 });
    expect(planSettingsOf(null, defaultPlanSettings)).toEqual(defaultPlanSettings);
    const township = { ...defaultPlanSettings, reminderDays: 7 };
    expect(planSettingsOf({ reportDay: 20 }, township)).toMatchObject({ reportDay: 20, reminderDays: 7 });
  });
});

describe('task status (seed 003: 2024年底前 … 完成 — past the deadline and not done is overdue)', () => {
  it('is done only when every responsible assignee reported it done', () => {
    expect(deriveTaskStatus({ deadlines: ['2024-12-31'], latest: ['done', 'done'], today: '2026-03-01' })).toBe('done');
    expect(deriveTaskStatus({ deadlines: ['2024-12-31'], latest: ['done', 'inProgress'], today: '2026-03-01' })).toBe('overdue');
    expect(deriveTaskStatus({ deadlines: ['2024-12-31'], latest: ['done', null], today: '2026-03-01' })).toBe('overdue');
  });
  it('is overdue the day after a deadline', () => {
    expect(deriveTaskStatus({ deadlines: ['2026-03-01'], latest: [null], today: '2026-03-01' })).toBe('notStarted');
    expect(deriveTaskStatus({ deadlines: ['2026-03-01'], latest: [null], today: '2026-03-02' })).toBe('overdue');
  });
  it('otherwise shows the worst progress reported', () => {
    const today = '2026-03-01';
    expect(deriveTaskStatus({ deadlines: [], latest: ['inProgress', 'lagging'], today })).toBe('lagging');
    expect(deriveTaskStatus({ deadlines: [], latest: ['inProgress', null], today })).toBe('inProgress');
    expect(deriveTaskStatus({ deadlines: [], latest: ['done', null], today })).toBe('inProgress');
    expect(deriveTaskStatus({ deadlines: [], latest: [null], today })).toBe('notStarted');
    expect(deriveTaskStatus({ deadlines: [], latest: [], today })).toBe('notStarted');
  });
  it('names the next deadline, or the last one once all passed', () => {
    expect(nextDeadline(['2025-12-31', '2024-12-31'], '2025-03-01')).toBe('2025-12-31');
    expect(nextDeadline(['2025-12-31', '2024-12-31'], '2026-03-01')).toBe('2025-12-31');
    expect(nextDeadline([], '2026-03-01')).toBeNull();
  });
});

describe('五色图 scoring (seed 001: 建立“五色图”评比晾晒机制)', () => {
  const tasks = [
    { id: 1, deadlines: ['2026-02-24'], assignees: ['unit:1', 'unit:2'] },
    { id: 2, deadlines: [], assignees: ['unit:1'] },
  ];
  const r = (taskId: number, assignee: string, period: string, status: ScoreReport['status'], reportedOn: string): ScoreReport => ({
    taskId,
    assignee,
    period,
    status,
    reportedOn,
    late: isLateReport(reportedOn, period, 25),
  });
  const reports = [
    r(1, 'unit:1', '2026-01', 'inProgress', '2026-01-20'),
    r(2, 'unit:1', '2026-01', 'inProgress', '2026-01-20'),
    r(1, 'unit:1', '2026-02', 'done', '2026-02-24'),
    r(2, 'unit:1', '2026-02', 'inProgress', '2026-02-24'),
    r(1, 'unit:2', '2026-01', 'inProgress', '2026-01-28'),
  ];
  const opts = { firstPeriod: '2026-01', period: '2026-02', today: '2026-03-10', reportDay: 25 };

  it('counts completion by the deadline, reports owed and sent on time, and open overdue tasks', () => {
    expect(assigneeFacts('unit:1', tasks, reports, opts)).toEqual({
      tasks: 2,
      done: 1,
      doneOnTime: 1,
      due: 1,
      reportsDue: 4,
      reportsOnTime: 4,
      overdueOpen: 0,
    });
    // unit:2 reported January late and February not at all, and let the deadline pass.
    expect(assigneeFacts('unit:2', tasks, reports, opts)).toEqual({
      tasks: 1,
      done: 0,
      doneOnTime: 0,
      due: 1,
      reportsDue: 2,
      reportsOnTime: 0,
      overdueOpen: 1,
    });
  });
  it('does not owe a month whose report day has not come', () => {
    const early = assigneeFacts('unit:2', tasks, reports, { ...opts, today: '2026-02-20' });
    expect(early.reportsDue).toBe(1);
    expect(early.due).toBe(0);
  });
  it('weighs the parts into 0–100 and bands them 红/橙/黄/蓝/绿', () => {
    const scoring = defaultPlanSettings.scoring;
    expect(scoreOf(assigneeFacts('unit:1', tasks, reports, opts), scoring)).toEqual({ score: 100, colour: 'green' });
    expect(scoreOf(assigneeFacts('unit:2', tasks, reports, opts), scoring)).toEqual({ score: 0, colour: 'red' });
    const half = { tasks: 2, done: 1, doneOnTime: 1, due: 2, reportsDue: 4, reportsOnTime: 3, overdueOpen: 1 };
    // 40·0.5 + 40·0.75 + 20·0.5 = 60 → orange at the default thresholds.
    expect(scoreOf(half, scoring)).toEqual({ score: 60, colour: 'orange' });
    expect(scoreOf(half, { ...scoring, weights: { onTimeCompletion: 0, timelyReporting: 100, noOverdue: 0 } }).score).toBe(75);
  });
  it('leaves out a part with nothing to measure: a silent unit on tasks without deadlines is red, not carried', () => {
    const silent = { tasks: 1, done: 0, doneOnTime: 0, due: 0, reportsDue: 3, reportsOnTime: 0, overdueOpen: 0 };
    expect(scoreOf(silent, defaultPlanSettings.scoring)).toEqual({ score: 0, colour: 'red' });
    const diligent = { ...silent, reportsOnTime: 3 };
    expect(scoreOf(diligent, defaultPlanSettings.scoring)).toEqual({ score: 100, colour: 'green' });
    const nothingYet = { tasks: 1, done: 0, doneOnTime: 0, due: 0, reportsDue: 0, reportsOnTime: 0, overdueOpen: 0 };
    expect(scoreOf(nothingYet, defaultPlanSettings.scoring).score).toBe(100);
  });
  it('uses configurable thresholds', () => {
    const t = { green: 95, blue: 85, yellow: 75, orange: 65 };
    expect([96, 90, 80, 70, 10].map((s) => colourOf(s, t))).toEqual(['green', 'blue', 'yellow', 'orange', 'red']);
  });
  it('ranks best first, ties sharing a rank', () => {
    const ranked = rankByScore([
      { name: '乙', score: 80 },
      { name: '甲', score: 90 },
      { name: '丙', score: 80 },
    ]);
    expect(ranked.map((x) => [x.name, x.rank])).toEqual([
      ['甲', 1],
      ['丙', 2],
      ['乙', 2],
    ]);
  });
});

describe('villages are scored only on what they can do (ADR 0014, issue 10)', () => {
  const scoring = planRankingSettings.defaults;
  const silent = { tasks: 2, done: 0, doneOnTime: 0, due: 0, reportsDue: 4, reportsOnTime: 0, overdueOpen: 0 };
  it('scores member units on 按时报送, not villages (they cannot file the dispatch)', () => {
    expect(scoresTimelyReporting('unit:12')).toBe(true);
    expect(scoresTimelyReporting('village:339901100201')).toBe(false);
  });
  it('leaves 按时报送 out of a village score and re-weighs the other parts', () => {
    expect(scoreOf(silent, scoring).score).toBe(0);
    expect(scoreOf(silent, scoring, { timelyReporting: false })).toEqual({ score: 100, colour: 'green' });
    const late = { ...silent, due: 2, overdueOpen: 1 };
    // Completion 0/2 (weight 40) and no-overdue 1/2 (weight 20): 10/60.
    expect(scoreOf(late, scoring, { timelyReporting: false }).score).toBe(16.7);
  });
});

describe("last year's plan: completed at import, and deadlines before the baseline (issue 10: 逾期 919 天)", () => {
  it('is done, never overdue, when the clerk marked it completed at import', () => {
    expect(deriveTaskStatus({ deadlines: ['2024-06-30'], latest: [null], today: '2026-12-06', completedOn: '2024-06-20' })).toBe('done');
  });
  it('does not count deadlines before the baseline as overdue', () => {
    const today = '2026-12-06';
    expect(countsAsDeadline('2024-06-30', '2026-01-01')).toBe(false);
    expect(countsAsDeadline('2026-01-01', '2026-01-01')).toBe(true);
    expect(deriveTaskStatus({ deadlines: ['2024-06-30'], latest: [null], today, baselineDate: '2026-01-01' })).toBe('notStarted');
    expect(deriveTaskStatus({ deadlines: ['2024-06-30', '2026-06-30'], latest: [null], today, baselineDate: '2026-01-01' })).toBe(
      'overdue',
    );
    expect(deriveTaskStatus({ deadlines: ['2024-06-30'], latest: [null], today })).toBe('overdue');
  });
  it('scores a task completed at import as done on time, with no reports owed', () => {
    const facts = assigneeFacts('unit:1', [{ id: 1, deadlines: ['2024-06-30'], assignees: ['unit:1'], completedOn: '2024-06-20' }], [], {
      firstPeriod: '2026-01',
      period: '2026-03',
      today: '2026-03-30',
      reportDay: 25,
    });
    expect(facts).toEqual({ tasks: 1, done: 1, doneOnTime: 1, due: 0, reportsDue: 0, reportsOnTime: 0, overdueOpen: 0 });
  });
});
