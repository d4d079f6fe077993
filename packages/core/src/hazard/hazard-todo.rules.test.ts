import { describe, expect, it } from 'vitest';
import { hazardGrades, hazardStatuses } from './hazard.dict.ts';
import { type HazardActor, type HazardFacts, isAwaitingActor } from './hazard.rules.ts';
import { hazardTodoStep } from './hazard-todo.rules.ts';

const enterpriseUser: HazardActor = { userId: 50, office: false, unitId: null, enterpriseId: 7, supervisor: false };
const otherEnterprise: HazardActor = { ...enterpriseUser, userId: 51, enterpriseId: 8 };
const inspector: HazardActor = { userId: 10, office: false, unitId: null, enterpriseId: null, supervisor: true };
const regulator: HazardActor = { userId: 11, office: false, unitId: 4, enterpriseId: null, supervisor: true };
const otherUnit: HazardActor = { userId: 12, office: false, unitId: 9, enterpriseId: null, supervisor: true };
const office: HazardActor = { userId: 1, office: true, unitId: null, enterpriseId: null, supervisor: true };

const general: HazardFacts = {
  grade: 'general',
  status: 'rectifying',
  channel: 'inspection',
  enterpriseId: 7,
  foundBy: 10,
  finderUnitId: null,
  supervisingUnitId: 4,
  hasPendingExtension: false,
  stoppage: null,
  supervised: false,
};
const major: HazardFacts = { ...general, grade: 'major', status: 'found' };
const open = { overdue: false };

describe('hazard to-dos: the step each party owes (16号令 第十五、十八条)', () => {
  it('a general hazard being fixed waits for its enterprise only; once reported fixed, for its finder (who signs it off)', () => {
    expect(hazardTodoStep(general, enterpriseUser, open)).toBe('rectify');
    for (const a of [otherEnterprise, inspector, regulator, otherUnit, office]) expect(hazardTodoStep(general, a, open)).toBeNull();
    const rectified = { ...general, status: 'rectified' as const };
    expect(hazardTodoStep(rectified, inspector, open)).toBe('accept');
    // The supervising unit may also accept it (hazard.rules), but the sign-off is the finder's duty, not the unit's.
    expect(hazardTodoStep(rectified, regulator, open)).toBeNull();
    expect(hazardTodoStep(rectified, enterpriseUser, open)).toBeNull();
    expect(hazardTodoStep(rectified, otherUnit, open)).toBeNull();
  });

  it('the office stands in for the enterprise only by choice (代录): it is not the office’s to-do', () => {
    expect(hazardTodoStep({ ...general, supervisingUnitId: null }, office, open)).toBeNull();
  });

  it('the office answers for the government’s steps of a hazard no member unit supervises', () => {
    expect(hazardTodoStep(major, office, open)).toBeNull();
    expect(hazardTodoStep({ ...major, supervisingUnitId: null }, office, open)).toBe('confirm');
    expect(hazardTodoStep(major, regulator, open)).toBe('confirm');
  });

  it('walks a major hazard between the enterprise and the supervising unit (第十八条 evaluation, resume, review)', () => {
    expect(hazardTodoStep({ ...major, status: 'confirmed' }, enterpriseUser, open)).toBe('submitPlan');
    expect(hazardTodoStep({ ...major, status: 'planSubmitted' }, regulator, open)).toBe('approvePlan');
    expect(hazardTodoStep({ ...major, status: 'evaluating' }, enterpriseUser, open)).toBe('evaluate');
    expect(hazardTodoStep({ ...major, status: 'evaluated' }, enterpriseUser, open)).toBe('applyResume');
    expect(hazardTodoStep({ ...major, status: 'reviewing' }, regulator, open)).toBe('review');
    expect(hazardTodoStep({ ...major, status: 'reviewing' }, enterpriseUser, open)).toBeNull();
  });

  it('an extension request waits for whoever set the deadline; an overdue unlisted major hazard waits for 督办', () => {
    expect(hazardTodoStep({ ...general, hasPendingExtension: true }, inspector, open)).toBe('approveExtension');
    expect(hazardTodoStep({ ...general, hasPendingExtension: true }, enterpriseUser, open)).toBeNull();
    expect(hazardTodoStep({ ...major, status: 'rectifying', hasPendingExtension: true }, regulator, open)).toBe('approveExtension');
    const overdue = { ...major, status: 'rectifying' as const };
    expect(hazardTodoStep(overdue, regulator, { overdue: true })).toBe('supervise');
    expect(hazardTodoStep(overdue, regulator, open)).toBeNull();
    expect(hazardTodoStep({ ...overdue, supervised: true }, regulator, { overdue: true })).toBeNull();
    expect(hazardTodoStep(overdue, otherUnit, { overdue: true })).toBeNull();
  });
});

describe('the 待办 and the ledger’s 待我处理 answer from one rule (isAwaitingActor)', () => {
  // The states the loop can reach (hazard.rules transitions): a general hazard is fixed and signed off, a major one
  // goes through 认定, 方案, 整改, 评估, 恢复生产, 审核; an extension can be pending only before the fix is reported.
  const reachable: Record<string, readonly string[]> = {
    general: ['rectifying', 'rectified'],
    major: ['found', 'confirmed', 'planSubmitted', 'rectifying', 'evaluating', 'evaluated', 'reviewing'],
  };
  const extensionStatuses = ['confirmed', 'planSubmitted', 'rectifying'];
  const actors = [enterpriseUser, otherEnterprise, inspector, regulator, otherUnit, office, { ...office, userId: 10 }];
  it('every hazard waiting for an actor names a step that actor may take, and no other hazard does (督办 aside)', () => {
    for (const status of hazardStatuses)
      for (const grade of hazardGrades)
        for (const channel of ['inspection', 'selfCheck'] as const)
          for (const hasPendingExtension of [false, true])
            for (const supervisingUnitId of [4, null]) {
              if (!reachable[grade]?.includes(status)) continue;
              if (hasPendingExtension && !extensionStatuses.includes(status)) continue;
              const h: HazardFacts = { ...general, status, grade, channel, hasPendingExtension, supervisingUnitId };
              for (const a of actors) {
                const step = hazardTodoStep(h, a, open);
                const label = `${grade}/${status}/${channel}/ext=${hasPendingExtension}/unit=${supervisingUnitId} for ${JSON.stringify(a)}`;
                expect(step !== null, label).toBe(isAwaitingActor(h, a));
              }
            }
  });
});
