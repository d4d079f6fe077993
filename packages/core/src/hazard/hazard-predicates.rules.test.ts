import { describe, expect, it } from 'vitest';
import { hazardStatuses, openHazardStatuses } from './hazard.dict.ts';
import {
  awaitingActionStatuses,
  clearedHazardStatuses,
  countsAsStockAt,
  endedHazardStatuses,
  type HazardDated,
  isAwaitingAction,
  isClearedIn,
  isDueSoon,
  isEnded,
  isEscalationDue,
  isFoundIn,
  isOpen,
  isOverdue,
  rectificationReportedStatuses,
  wasOverdueAt,
} from './hazard-predicates.rules.ts';

const h: HazardDated = { status: 'rectifying', grade: 'major', foundOn: '2023-10-01', closedOn: null, deadline: '2026-03-31' };

describe('hazard status sets (16号令 第十条 台账, 第十五条 治理时限, 第十八条 核销/销号)', () => {
  it('splits every status into open or ended, and open into awaiting action or awaiting acceptance', () => {
    expect([...openHazardStatuses, ...endedHazardStatuses].sort()).toEqual([...hazardStatuses].sort());
    expect(openHazardStatuses.filter(isEnded)).toEqual([]);
    expect([...awaitingActionStatuses, ...rectificationReportedStatuses].sort()).toEqual([...openHazardStatuses].sort());
    expect(endedHazardStatuses.sort()).toEqual(['closed', 'dismissed']);
  });

  it('clears (销号) only on acceptance: a dismissed hazard ended but was not cleared (16号令 第十八条)', () => {
    expect(clearedHazardStatuses).toEqual(['closed']);
    expect(isEnded('dismissed')).toBe(true);
    expect(isClearedIn({ status: 'dismissed', closedOn: '2026-02-01' }, '2026-01-01', '2026-03-31')).toBe(false);
    expect(isClearedIn({ status: 'closed', closedOn: '2026-02-01' }, '2026-01-01', '2026-03-31')).toBe(true);
    expect(isClearedIn({ status: 'closed', closedOn: '2026-04-01' }, '2026-01-01', '2026-03-31')).toBe(false);
  });

  it('stops the rectification clock once the enterprise reports the fix (16号令 第十五条 治理的时限): awaiting acceptance only', () => {
    expect(isOpen('rectified')).toBe(true);
    expect(isAwaitingAction('rectified')).toBe(false);
    expect(isAwaitingAction('found')).toBe(true);
    expect(isOverdue({ status: 'rectified', deadline: '2026-01-01' }, '2026-03-01')).toBe(false);
    expect(isDueSoon({ status: 'rectified', deadline: '2026-03-02' }, '2026-03-01', 3)).toBe(false);
  });
});

describe('hazard time predicates (16号令 第十五条: the deadline is the last day allowed)', () => {
  it('is overdue from the day after the deadline, and due soon from today to dueSoonDays ahead', () => {
    expect(isOverdue(h, '2026-03-31')).toBe(false);
    expect(isOverdue(h, '2026-04-01')).toBe(true);
    expect(isOverdue({ ...h, deadline: null }, '2030-01-01')).toBe(false);
    expect(isDueSoon(h, '2026-03-27', 3)).toBe(false);
    expect(isDueSoon(h, '2026-03-28', 3)).toBe(true);
    expect(isDueSoon(h, '2026-03-31', 3)).toBe(true);
    expect(isDueSoon(h, '2026-04-01', 3)).toBe(false);
  });

  it('escalates overdue 重大事故隐患 only, `days` after the deadline', () => {
    expect(isEscalationDue(h, '2026-04-15', 15)).toBe(true);
    expect(isEscalationDue(h, '2026-04-14', 15)).toBe(false);
    expect(isEscalationDue({ ...h, grade: 'general' }, '2026-06-01', 15)).toBe(false);
  });
});

describe('存量 and the periodic report (治本攻坚 动态清零; 16号令 第十四条 季报/年报)', () => {
  it('counts 存量 at a cut-off: found by then and not ended (closed or dismissed) by then', () => {
    expect(countsAsStockAt({ ...h, closedOn: null }, '2023-12-31')).toBe(true);
    expect(countsAsStockAt({ ...h, status: 'closed', closedOn: '2024-02-01' }, '2023-12-31')).toBe(true);
    expect(countsAsStockAt({ ...h, status: 'closed', closedOn: '2023-11-01' }, '2023-12-31')).toBe(false);
    expect(countsAsStockAt({ ...h, status: 'dismissed', closedOn: '2023-11-01' }, '2023-12-31')).toBe(false);
    expect(countsAsStockAt({ ...h, foundOn: '2024-01-05' }, '2023-12-31')).toBe(false);
  });

  it('keeps a hazard dismissed after the cut-off in the stock, but not as cleared', () => {
    const dismissedLater = { ...h, status: 'dismissed' as const, closedOn: '2024-03-01' };
    expect(countsAsStockAt(dismissedLater, '2023-12-31')).toBe(true);
    expect(isClearedIn(dismissedLater, '2024-01-01', '2024-12-31')).toBe(false);
  });

  it('counts overdue at a period end like the ledger on that day: not a hazard waiting only for acceptance', () => {
    expect(wasOverdueAt({ ...h, deadline: '2026-03-01' }, '2026-03-31')).toBe(true);
    expect(wasOverdueAt({ ...h, status: 'rectified', deadline: '2026-03-01' }, '2026-03-31')).toBe(false);
    expect(wasOverdueAt({ ...h, status: 'closed', closedOn: '2026-04-05', deadline: '2026-03-01' }, '2026-03-31')).toBe(true);
    expect(wasOverdueAt({ ...h, status: 'closed', closedOn: '2026-03-20', deadline: '2026-03-01' }, '2026-03-31')).toBe(false);
    expect(wasOverdueAt({ ...h, deadline: '2026-03-31' }, '2026-03-31')).toBe(false);
    // On today it is the ledger's overdue.
    for (const status of openHazardStatuses) {
      const x = { ...h, status, deadline: '2026-03-01' };
      expect(wasOverdueAt(x, '2026-03-31')).toBe(isOverdue(x, '2026-03-31'));
    }
  });

  it('finds within a period, both ends included', () => {
    expect(isFoundIn({ foundOn: '2026-01-01' }, '2026-01-01', '2026-03-31')).toBe(true);
    expect(isFoundIn({ foundOn: '2026-04-01' }, '2026-01-01', '2026-03-31')).toBe(false);
  });
});
