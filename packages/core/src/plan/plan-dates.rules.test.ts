import { describe, expect, it } from 'vitest';
import { extractDeadlines, extractMilestones, extractRecurrence, extractStarts, extractTimeLimit } from './plan-dates.rules.ts';

const dates = (text: string, scope: number | null = null) => extractDeadlines(text, scope).map((d) => `${d.raw}=${d.date}`);

describe('deadlines (FORMAT.md › Deadlines)', () => {
  it.each([
    ['2024年6月底前，完成排查', null, ['2024年6月底前=2024-06-30']],
    ['2024年2月底完成', null, ['2024年2月底=2024-02-29']],
    ['2024年底前基本消除存量', null, ['2024年底前=2024-12-31']],
    ['2025年底以前，实现全覆盖', null, ['2025年底以前=2025-12-31']],
    ['到2024年底，实现全覆盖', null, ['到2024年底=2024-12-31']],
    ['从现在起到2026年，基本实现全覆盖', null, ['到2026年=2026-12-31']],
    ['2024年9月30日前完成排查', null, ['2024年9月30日前=2024-09-30']],
    ['上半年完成', 2024, ['上半年=2024-06-30']],
    ['一季度完成摸底', 2023, ['一季度=2023-03-31']],
    ['第三季度前完成', 2025, ['第三季度前=2025-09-30']],
    ['年内完成', 2024, ['年内=2024-12-31']],
    ['3月底前召开推进会', 2023, ['3月底前=2023-03-31']],
    ['6月中旬前完成摸底', 2024, ['6月中旬前=2024-06-20']],
  ])('%s', (text, scope, expected) => {
    expect(dates(text, scope)).toEqual(expected);
  });

  it('a deadline without a year takes the enclosing annual scope, or none without one', () => {
    expect(dates('6月底前完成', 2024)).toEqual(['6月底前=2024-06-30']);
    expect(dates('6月底前完成', null)).toEqual([]);
  });

  it('keeps every date once, in order of first appearance', () => {
    expect(dates('2024年底前摸清底数，2025年底前全面掌握，2024年底前消除存量')).toEqual(['2024年底前=2024-12-31', '2025年底前=2025-12-31']);
  });

  it('ignores quarter themes, a 2024年至2026年 range, 三年内, and titles in 《》', () => {
    expect(dates('按“一季度抓开局良好，二季度抓基础夯实，三季度抓工作推进，四季度保全年目标”的总体步调来实施', 2023)).toEqual([]);
    expect(dates('2024年至2026年持续开展整治')).toEqual([]);
    expect(dates('三年内完成改造', 2024)).toEqual([]);
    expect(dates('落实《到2025年底安全生产规划》要求')).toEqual([]);
  });

  it('reads a 完成时限 clause with a bare month or year', () => {
    expect(extractTimeLimit('2024年12月', null).map((d) => d.date)).toEqual(['2024-12-31']);
    expect(extractTimeLimit('2025年', null).map((d) => d.date)).toEqual(['2025-12-31']);
    expect(extractTimeLimit('2024年6月30日', null).map((d) => d.date)).toEqual(['2024-06-30']);
    expect(extractTimeLimit('长期坚持', 2024)).toEqual([]);
  });
});

describe('starts and recurrence', () => {
  it('"from then on": 2024年起 → 01-01, 2024年10月起 → 10-01', () => {
    expect(extractStarts('2024年起，完善机制。2024年10月起，组织测试', null)).toEqual([
      { raw: '2024年起', date: '2024-01-01' },
      { raw: '2024年10月起', date: '2024-10-01' },
    ]);
    expect(extractStarts('从现在起到2026年', null)).toEqual([]);
  });

  it('records 每日 每周 每月 每季度 每半年 每年 as printed, unique, in order; not 定期/常态化/月调度', () => {
    expect(extractRecurrence('每季度带队检查至少1次（高危行业领域每月至少1次），每季度通报，定期调度，月调度，常态化')).toEqual([
      '每季度',
      '每月',
    ]);
    expect(extractRecurrence('每年至少组织一次演练（高危行业领域每半年至少一次），每日了解、每周调度')).toEqual([
      '每年',
      '每半年',
      '每日',
      '每周',
    ]);
  });
});

describe('milestones (FORMAT.md › milestones)', () => {
  const ms = (text: string) => extractMilestones(text).map((m) => [m.year, m.yearEnd ?? null, m.text]);

  it('2024年，建立… runs to the end of its sentence', () => {
    expect(ms('严格控制增量，2024年，建立会商机制。2025年，严禁落后产能落地，实行“一票否决”。')).toEqual([
      [2024, null, '建立会商机制'],
      [2025, null, '严禁落后产能落地，实行“一票否决”'],
    ]);
  });

  it('a range gives yearEnd; 2025年、2026年持续… gives one item per year', () => {
    expect(ms('2025—2026年，持续巩固。')).toEqual([[2025, 2026, '持续巩固']]);
    expect(ms('2024年，持续开展宣讲活动，2025年、2026年持续开展宣讲。')).toEqual([
      [2024, null, '持续开展宣讲活动'],
      [2025, null, '持续开展宣讲'],
      [2026, null, '持续开展宣讲'],
    ]);
  });

  it('按照“2024年提升、2025年强化、2026年巩固” gives three items', () => {
    expect(ms('按照“2024年提升、2025年强化、2026年巩固”的要求，每年开展培训。')).toEqual([
      [2024, null, '提升'],
      [2025, null, '强化'],
      [2026, null, '巩固'],
    ]);
  });

  it('text stops at the next year marker; 底前/起/及以前 and mid-clause years are not milestones', () => {
    expect(ms('2024年全面开展培训工作，2025年持续开展培训工作，2026年实现全覆盖。')).toEqual([
      [2024, null, '全面开展培训工作'],
      [2025, null, '持续开展培训工作'],
      [2026, null, '实现全覆盖'],
    ]);
    expect(ms('2024年底前完成。2024年起实施。基本消除2023年及以前发现的隐患。督促整治2022年发现的问题。')).toEqual([]);
  });
});
