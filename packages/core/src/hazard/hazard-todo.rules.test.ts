import { describe, expect, it } from 'vitest';
import type { HazardActor, HazardFacts } from './hazard.rules.ts';
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
  it('a general hazard being fixed waits for its enterprise only; once reported fixed, for the finder and the supervising unit', () => {
    expect(hazardTodoStep(general, enterpriseUser, open)).toBe('rectify');
    for (const a of [otherEnterprise, inspector, regulator, otherUnit, office]) expect(hazardTodoStep(general, a, open)).toBeNull();
    const rectified = { ...general, status: 'rectified' as const };
    expect(hazardTodoStep(rectified, inspector, open)).toBe('accept');
    expect(hazardTodoStep(rectified, regulator, open)).toBe('accept');
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

  it('an extension request waits for the government side; an overdue unlisted major hazard waits for 督办', () => {
    expect(hazardTodoStep({ ...general, hasPendingExtension: true }, regulator, open)).toBe('approveExtension');
    const overdue = { ...major, status: 'rectifying' as const };
    expect(hazardTodoStep(overdue, regulator, { overdue: true })).toBe('supervise');
    expect(hazardTodoStep(overdue, regulator, open)).toBeNull();
    expect(hazardTodoStep({ ...overdue, supervised: true }, regulator, { overdue: true })).toBeNull();
    expect(hazardTodoStep(overdue, otherUnit, { overdue: true })).toBeNull();
  });
});
