import { describe, expect, it } from 'vitest';
import { type HazardStatus, hazardActionLabels, hazardStatusLabels, openHazardStatuses } from './hazard.dict.ts';
import {
  availableHazardActions,
  type HazardActor,
  type HazardFacts,
  hazardActionRefusal,
  missingMajorReportItems,
  nextHazardStatus,
} from './hazard.rules.ts';
import { awaitingActionStatuses } from './hazard-predicates.rules.ts';

const enterpriseUser: HazardActor = { userId: 50, office: false, unitId: null, enterpriseId: 7, supervisor: false };
const finder: HazardActor = { userId: 10, office: false, unitId: 3, enterpriseId: null, supervisor: true };
const regulator: HazardActor = { userId: 11, office: false, unitId: 4, enterpriseId: null, supervisor: true };

const major = (status: HazardStatus, stoppage: HazardFacts['stoppage'] = 'partial'): HazardFacts => ({
  grade: 'major',
  status,
  channel: 'inspection',
  enterpriseId: 7,
  foundBy: 10,
  finderUnitId: 3,
  supervisingUnitId: 4,
  hasPendingExtension: false,
  stoppage,
  supervised: false,
});

describe('16号令 第十八条: evaluation → application to resume production → on-site review → 销号', () => {
  it('sends a rectified major hazard to evaluation, which the enterprise records (its own experts or an institution)', () => {
    expect(nextHazardStatus(major('rectifying'), 'rectify')).toBe('evaluating');
    expect(availableHazardActions(major('evaluating'), enterpriseUser)).toEqual(['evaluate']);
    expect(hazardActionRefusal(major('evaluating'), regulator, 'evaluate')?.reason).toBe('role');
  });

  it('after a passed evaluation asks for the written application when production had stopped, else goes to review', () => {
    expect(nextHazardStatus(major('evaluating', 'partial'), 'evaluate', { verdict: 'passed' })).toBe('evaluated');
    expect(nextHazardStatus(major('evaluating', 'complete'), 'evaluate', { verdict: 'passed' })).toBe('evaluated');
    expect(nextHazardStatus(major('evaluating', 'none'), 'evaluate', { verdict: 'passed' })).toBe('reviewing');
    expect(nextHazardStatus(major('evaluating'), 'evaluate', { verdict: 'failed' })).toBe('rectifying');
    expect(availableHazardActions(major('evaluated'), enterpriseUser)).toEqual(['applyResume']);
    expect(nextHazardStatus(major('evaluated'), 'applyResume')).toBe('reviewing');
  });

  it('lets only the supervising unit review on site: passed closes (销号), failed orders correction', () => {
    expect(availableHazardActions(major('reviewing'), regulator)).toEqual(['supervise', 'review', 'dismiss']);
    expect(hazardActionRefusal(major('reviewing'), finder, 'review')?.reason).toBe('role');
    expect(hazardActionRefusal(major('reviewing'), enterpriseUser, 'review')?.reason).toBe('role');
    expect(nextHazardStatus(major('reviewing'), 'review', { verdict: 'passed' })).toBe('closed');
    expect(nextHazardStatus(major('reviewing'), 'review', { verdict: 'failed' })).toBe('rectifying');
  });

  it('keeps a general hazard on its short path: no evaluation, no review', () => {
    const general = { ...major('rectifying'), grade: 'general' as const };
    expect(nextHazardStatus(general, 'rectify')).toBe('rectified');
    for (const action of ['evaluate', 'applyResume', 'review'] as const) {
      expect(hazardActionRefusal({ ...general, status: 'evaluating' }, regulator, action)?.message).toBe('一般隐患没有这一步');
    }
  });

  it('counts the new steps as open, with the 治理 clock stopped: the rectification was reported done in time', () => {
    for (const s of ['evaluating', 'evaluated', 'reviewing'] as const) {
      expect(openHazardStatuses).toContain(s);
      expect(awaitingActionStatuses).not.toContain(s);
    }
  });
});

describe('16号令 第十四条第二款: the report of a major hazard', () => {
  it('names each missing item: 现状及其产生原因, 危害程度, 整改难易程度', () => {
    expect(missingMajorReportItems({ cause: '阀门缺失', harm: '泄漏中毒', difficulty: '需停产改造' })).toEqual([]);
    expect(missingMajorReportItems({ cause: '  ', harm: null })).toEqual([
      { item: 'cause', message: '重大事故隐患报告须写明现状及其产生原因' },
      { item: 'harm', message: '重大事故隐患报告须写明危害程度' },
      { item: 'difficulty', message: '重大事故隐患报告须写明整改难易程度' },
    ]);
  });
});

describe('labels: 核销 in 16号令 第十八条 means closing after review, never "not a hazard"', () => {
  it('declines (不予认定) a reported major hazard before 认定, withdraws (撤销) an unfounded one after', () => {
    expect(availableHazardActions(major('found'), regulator)).toEqual(['confirm', 'decline']);
    expect(hazardActionRefusal(major('found'), regulator, 'dismiss')?.reason).toBe('state');
    expect(hazardActionRefusal(major('confirmed'), regulator, 'decline')?.reason).toBe('state');
    expect(nextHazardStatus(major('found'), 'decline')).toBe('dismissed');
    expect(nextHazardStatus(major('rectifying'), 'dismiss')).toBe('dismissed');
    expect(hazardActionLabels.decline).toBe('不予认定');
    expect(hazardActionLabels.dismiss).toBe('撤销（隐患不成立）');
    const words = [...Object.values(hazardActionLabels), ...Object.values(hazardStatusLabels)];
    expect(words.filter((w) => w.includes('核销'))).toEqual([]);
  });
});

describe('挂牌督办 摘牌 (regulations.md §1.2: public notice at listing and at 摘牌销号)', () => {
  it('lets the responsible unit take a listing down after 销号, or earlier by decision; never an unlisted hazard', () => {
    const listed = { ...major('rectifying'), supervised: true };
    expect(hazardActionRefusal(listed, regulator, 'unsupervise')).toBeNull();
    expect(hazardActionRefusal({ ...listed, status: 'closed' }, regulator, 'unsupervise')).toBeNull();
    expect(availableHazardActions({ ...listed, status: 'closed' }, regulator)).toEqual(['unsupervise']);
    expect(hazardActionRefusal(listed, finder, 'unsupervise')?.reason).toBe('role');
    expect(hazardActionRefusal(listed, enterpriseUser, 'unsupervise')?.reason).toBe('role');
    expect(hazardActionRefusal(major('rectifying'), regulator, 'unsupervise')?.message).toBe('该隐患未挂牌督办，无需摘牌');
    expect(hazardActionRefusal({ ...listed, status: 'dismissed' }, regulator, 'unsupervise')).toBeNull();
    expect(nextHazardStatus(listed, 'unsupervise')).toBe('rectifying');
  });
});
