import { describe, expect, it } from 'vitest';
import {
  availableHazardActions,
  awaitedAction,
  awaitedParty,
  type HazardActor,
  type HazardFacts,
  hazardActionRefusal,
  hazardRemindRefusal,
  initialHazardStatus,
  isAwaitingActor,
  nextHazardStatus,
} from './hazard.rules.ts';
import { hazardReportSettings, hazardTimeSettings } from './hazard.settings.ts';
import { dueSoonHorizon, endedReportPeriods, hazardDueAsOf, hazardReportDeadline, reportPeriodRange } from './hazard-time.rules.ts';

const enterpriseUser: HazardActor = { userId: 50, office: false, unitId: null, enterpriseId: 7, supervisor: false };
const finder: HazardActor = { userId: 10, office: false, unitId: 3, enterpriseId: null, supervisor: true };
const regulator: HazardActor = { userId: 11, office: false, unitId: 4, enterpriseId: null, supervisor: true };
const otherUnit: HazardActor = { userId: 12, office: false, unitId: 9, enterpriseId: null, supervisor: true };
const office: HazardActor = { userId: 1, office: true, unitId: null, enterpriseId: null, supervisor: true };

const general: HazardFacts = {
  grade: 'general',
  status: 'rectifying',
  channel: 'inspection',
  enterpriseId: 7,
  foundBy: 10,
  finderUnitId: 3,
  supervisingUnitId: 4,
  hasPendingExtension: false,
  stoppage: null,
  supervised: false,
};
const major: HazardFacts = { ...general, grade: 'major', status: 'found' };

describe('hazard loop (16号令 第十五、十八条; regulations.md §1.4)', () => {
  it('starts a general hazard in rectification, a major one waiting for 认定, 立行立改 closed at once', () => {
    expect(initialHazardStatus('general', false)).toBe('rectifying');
    expect(initialHazardStatus('major', false)).toBe('found');
    expect(initialHazardStatus('general', true)).toBe('closed');
  });

  it('lets the enterprise rectify and the finder side accept a general hazard', () => {
    expect(availableHazardActions(general, enterpriseUser)).toEqual(['rectify', 'requestExtension']);
    expect(hazardActionRefusal(general, otherUnit, 'rectify')?.message).toBe('您无权对该隐患进行这一操作');
    const rectified = { ...general, status: nextHazardStatus(general, 'rectify') };
    expect(rectified.status).toBe('rectified');
    expect(hazardActionRefusal(rectified, finder, 'accept')).toBeNull();
    expect(hazardActionRefusal(rectified, regulator, 'accept')).toBeNull();
    expect(hazardActionRefusal(rectified, otherUnit, 'accept')).not.toBeNull();
    expect(hazardActionRefusal(rectified, enterpriseUser, 'accept')).not.toBeNull();
    expect(nextHazardStatus(rectified, 'reject')).toBe('rectifying');
  });

  it('lets an enterprise accept its own self-check finding (自查自改)', () => {
    const self = { ...general, channel: 'selfCheck' as const, status: 'rectified' as const, foundBy: 50, finderUnitId: null };
    expect(hazardActionRefusal(self, enterpriseUser, 'accept')).toBeNull();
  });

  it('walks a major hazard: 认定 by the unit with legal duty, plan with six contents, 五落实, 销号', () => {
    expect(hazardActionRefusal(major, finder, 'confirm')?.message).toBe('您无权对该隐患进行这一操作');
    expect(hazardActionRefusal(major, regulator, 'confirm')).toBeNull();
    expect(hazardActionRefusal(major, enterpriseUser, 'rectify')?.message).toBe('隐患当前状态不允许这一操作');
    const confirmed = { ...major, status: nextHazardStatus(major, 'confirm') };
    expect(availableHazardActions(confirmed, enterpriseUser)).toEqual(['submitPlan', 'requestExtension']);
    const planned = { ...confirmed, status: nextHazardStatus(confirmed, 'submitPlan') };
    expect(nextHazardStatus(planned, 'returnPlan')).toBe('confirmed');
    expect(nextHazardStatus(planned, 'approvePlan')).toBe('rectifying');
    const rectifying = { ...planned, status: 'rectifying' as const };
    expect(nextHazardStatus(rectifying, 'rectify')).toBe('evaluating');
    expect(nextHazardStatus(rectifying, 'supervise')).toBe('rectifying');
    // A major hazard is not 验收销号 like a general one: 第十八条's evaluation and on-site review close it.
    expect(hazardActionRefusal({ ...planned, status: 'rectified' }, office, 'accept')?.message).toBe('重大隐患没有这一步');
  });

  it('refuses steps a grade does not have, and a second extension request while one is pending', () => {
    expect(hazardActionRefusal(general, regulator, 'confirm')?.message).toBe('一般隐患没有这一步');
    expect(hazardActionRefusal({ ...general, hasPendingExtension: true }, enterpriseUser, 'requestExtension')?.message).toBe(
      '已有延期申请待审批',
    );
    expect(hazardActionRefusal(general, finder, 'approveExtension')?.message).toBe('没有待审批的延期申请');
  });

  it('never reopens a closed or dismissed hazard', () => {
    for (const status of ['closed', 'dismissed'] as const) {
      expect(availableHazardActions({ ...general, status }, office)).toEqual([]);
    }
  });
});

describe('time-driven rules', () => {
  const config = hazardTimeSettings.defaults;
  const reports = hazardReportSettings.defaults;
  const h = { grade: 'major' as const, status: 'rectifying' as const, deadline: '2026-03-31' };

  it('reminds within the due-soon window and marks overdue from the day after the deadline', () => {
    expect(hazardDueAsOf(h, '2026-03-27', config).dueSoon).toBe(false);
    expect(hazardDueAsOf(h, '2026-03-28', config).dueSoon).toBe(true);
    expect(hazardDueAsOf(h, '2026-03-31', config)).toMatchObject({ dueSoon: true, overdue: false });
    expect(hazardDueAsOf(h, '2026-04-01', config)).toMatchObject({ overdue: true, daysOverdue: 1, escalations: ['letter'] });
    expect(dueSoonHorizon('2026-03-28', config)).toBe('2026-03-31');
  });

  it('climbs the ladder 函告 → 通报 → 约谈 → 曝光 for overdue major hazards only', () => {
    expect(hazardDueAsOf(h, '2026-04-15', config).escalations).toEqual(['letter', 'bulletin']);
    expect(hazardDueAsOf(h, '2026-05-30', config).escalations).toEqual(['letter', 'bulletin', 'summons', 'exposure']);
    expect(hazardDueAsOf({ ...h, grade: 'general' }, '2026-05-30', config)).toMatchObject({ overdue: true, escalations: [] });
    expect(hazardDueAsOf({ ...h, status: 'rectified' }, '2026-05-30', config).overdue).toBe(false);
    expect(hazardDueAsOf({ ...h, status: 'closed' }, '2026-05-30', config).overdue).toBe(false);
  });

  it('dates the periodic report by the 15th day after the quarter and 31 January after the year (16号令 第十四条)', () => {
    expect(hazardReportDeadline('2026Q1', reports)).toBe('2026-04-15');
    expect(hazardReportDeadline('2026Q4', reports)).toBe('2027-01-15');
    expect(hazardReportDeadline('2026', reports)).toBe('2027-01-31');
    expect(reportPeriodRange('2026Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(endedReportPeriods('2026-12-02', reports).slice(0, 3)).toEqual(['2026Q3', '2026Q2', '2026Q1']);
  });

  it('adds the monthly report where the township requires one, and moves due days as configured (16号令 第十四条 defaults)', () => {
    const use = { ...reports, periods: ['month' as const, 'quarter' as const, 'year' as const], monthDueDay: 5, quarterDueDay: 10 };
    expect(endedReportPeriods('2026-04-02', use).slice(0, 3)).toEqual(['2026-03', '2026Q1', '2026-02']);
    expect(hazardReportDeadline('2026-12', use)).toBe('2027-01-05');
    expect(hazardReportDeadline('2026Q2', use)).toBe('2026-07-10');
    expect(reportPeriodRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(endedReportPeriods('2026-04-02', { periods: ['year'] })).toEqual(['2025']);
  });

  it('follows a township that changed its ladder: 函告 after 5 days instead of 1', () => {
    const slow = { ...config, ladderDays: { ...config.ladderDays, letter: 5 } };
    expect(hazardDueAsOf(h, '2026-04-04', slow).escalations).toEqual([]);
    expect(hazardDueAsOf(h, '2026-04-05', slow).escalations).toEqual(['letter']);
  });
});

describe('whose step a hazard waits for (16号令 第十五、十六、十八条: who does each step)', () => {
  const base = { grade: 'general' as const, channel: 'inspection' as const, hasPendingExtension: false };
  const who = { enterpriseId: 7, foundBy: 3, finderUnitId: 20, supervisingUnitId: 10 };
  const enterprise = { userId: 1, office: false, unitId: null, enterpriseId: 7 };
  const regulator = { userId: 2, office: false, unitId: 10, enterpriseId: null };
  const finder = { userId: 3, office: false, unitId: null, enterpriseId: null };
  const office = { userId: 4, office: true, unitId: null, enterpriseId: null };

  it('follows the loop: the enterprise rectifies, the finder signs off a general hazard, the regulator steps in a major one', () => {
    expect(awaitedParty({ ...base, status: 'rectifying' })).toBe('enterprise');
    expect(awaitedParty({ ...base, status: 'rectified' })).toBe('finder');
    expect(awaitedParty({ ...base, channel: 'selfCheck', status: 'rectified' })).toBe('enterprise');
    expect(awaitedParty({ ...base, grade: 'major', status: 'found' })).toBe('regulator');
    expect(awaitedParty({ ...base, grade: 'major', status: 'confirmed' })).toBe('enterprise');
    expect(awaitedParty({ ...base, grade: 'major', status: 'planSubmitted' })).toBe('regulator');
    expect(awaitedParty({ ...base, grade: 'major', status: 'evaluated' })).toBe('enterprise');
    expect(awaitedParty({ ...base, grade: 'major', status: 'reviewing' })).toBe('regulator');
    expect(awaitedParty({ ...base, status: 'rectifying', hasPendingExtension: true })).toBe('finder');
    expect(awaitedParty({ ...base, grade: 'major', status: 'rectifying', hasPendingExtension: true })).toBe('regulator');
    expect(awaitedParty({ ...base, status: 'closed' })).toBeNull();
  });

  it('names the actor: the enterprise, the supervising unit (the office without one), the finder or their unit', () => {
    const rectifying = { ...base, ...who, status: 'rectifying' as const };
    expect(isAwaitingActor(rectifying, enterprise)).toBe(true);
    expect(isAwaitingActor(rectifying, regulator)).toBe(false);
    const rectified = { ...base, ...who, status: 'rectified' as const };
    expect(isAwaitingActor(rectified, finder)).toBe(true);
    expect(isAwaitingActor(rectified, { ...regulator, unitId: 20 })).toBe(true);
    expect(isAwaitingActor(rectified, enterprise)).toBe(false);
    const found = { ...base, ...who, grade: 'major' as const, status: 'found' as const };
    expect(isAwaitingActor(found, regulator)).toBe(true);
    expect(isAwaitingActor(found, office)).toBe(false);
    expect(isAwaitingActor({ ...found, supervisingUnitId: null }, office)).toBe(true);
  });
});

describe('催办: the office or the supervising unit presses the party whose step is awaited', () => {
  const h = {
    grade: 'general' as const,
    channel: 'inspection' as const,
    hasPendingExtension: false,
    status: 'rectifying' as const,
    enterpriseId: 7,
    foundBy: 3,
    finderUnitId: null,
    supervisingUnitId: 10,
    deadline: '2026-03-01',
  };
  const unit: HazardActor = { userId: 2, office: false, unitId: 10, enterpriseId: null, supervisor: true };
  const office: HazardActor = { userId: 4, office: true, unitId: null, enterpriseId: null, supervisor: true };
  const inspector: HazardActor = { userId: 5, office: false, unitId: null, enterpriseId: null, supervisor: true };
  const ctx = { today: '2026-03-10', dueSoonDays: 3, lastRemindedOn: null };

  it('allows an overdue or due-soon open hazard, once a day', () => {
    expect(hazardRemindRefusal(h, unit, ctx)).toBeNull();
    expect(hazardRemindRefusal(h, office, ctx)).toBeNull();
    expect(hazardRemindRefusal({ ...h, deadline: '2026-03-12' }, office, ctx)).toBeNull();
    expect(hazardRemindRefusal(h, office, { ...ctx, lastRemindedOn: '2026-03-10' })?.reason).toBe('tooSoon');
    expect(hazardRemindRefusal(h, office, { ...ctx, lastRemindedOn: '2026-03-09' })).toBeNull();
    expect(awaitedAction(h)).toBe('rectify');
  });

  it('refuses others, hazards not yet due, ended ones, and a hazard waiting for the caller', () => {
    expect(hazardRemindRefusal(h, inspector, ctx)?.reason).toBe('role');
    expect(hazardRemindRefusal({ ...h, deadline: '2026-04-30' }, office, ctx)?.message).toContain('3 天内到期');
    expect(hazardRemindRefusal({ ...h, status: 'closed' }, office, ctx)?.message).toBe('该隐患已办结，无需催办');
    expect(hazardRemindRefusal({ ...h, grade: 'major', status: 'found' }, unit, ctx)?.message).toBe('该隐患正等待您办理，无需催办');
  });
});
