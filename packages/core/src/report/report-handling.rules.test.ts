import { describe, expect, it } from 'vitest';
import { outcomeIssues, reportActions, reportIsOverdue } from './report-handling.rules.ts';

describe('report handling rules', () => {
  it('offers the office 受理/不予受理/合并 on a received report, and the unit only messages', () => {
    expect(reportActions('received', ['report.read', 'report.triage', 'report.verify'])).toEqual(['accept', 'reject', 'message', 'merge']);
    expect(reportActions('received', ['report.read', 'report.verify'])).toEqual(['message']);
    expect(reportActions('verifying', ['report.read', 'report.verify'])).toEqual(['extend', 'message', 'outcome']);
    expect(reportActions('merged', ['report.triage', 'report.verify'])).toEqual(['unmerge']);
    expect(reportActions('verifying', ['report.read'])).toEqual([]);
  });

  it('is overdue only while open and past its deadline (not on the due day itself)', () => {
    expect(reportIsOverdue({ status: 'verifying', dueOn: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(reportIsOverdue({ status: 'verifying', dueOn: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(reportIsOverdue({ status: 'founded', dueOn: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(reportIsOverdue({ status: 'received', dueOn: null }, '2026-03-02')).toBe(false);
  });

  it('requires a founded report to name what it became; 瞒报 needs deaths and grade', () => {
    const ent = { enterpriseId: 1, matter: 'hazard' as const };
    expect(outcomeIssues({ outcome: 'founded' }, ent).map((i) => i.path)).toEqual(['createHazard']);
    expect(outcomeIssues({ outcome: 'founded', linkHazardId: 3 }, ent)).toEqual([]);
    expect(outcomeIssues({ outcome: 'founded', linkHazardId: 3, createHazard: {} }, ent).map((i) => i.path)).toEqual(['linkHazardId']);
    expect(outcomeIssues({ outcome: 'founded', linkHazardId: 3 }, { enterpriseId: null, matter: 'hazard' }).map((i) => i.path)).toEqual([
      'linkHazardId',
    ]);
    expect(outcomeIssues({ outcome: 'founded' }, { enterpriseId: null, matter: 'concealedAccident' }).map((i) => i.path)).toEqual([
      'concealedDeaths',
      'accidentGrade',
    ]);
    expect(
      outcomeIssues(
        { outcome: 'founded', concealedDeaths: 2, accidentGrade: 'general' },
        { enterpriseId: null, matter: 'concealedAccident' },
      ),
    ).toEqual([]);
    expect(outcomeIssues({ outcome: 'unfounded', linkHazardId: 3 }, ent).map((i) => i.path)).toEqual(['linkHazardId']);
    expect(outcomeIssues({ outcome: 'unfounded' }, ent)).toEqual([]);
  });
});
