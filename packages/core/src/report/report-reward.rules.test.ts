import { describe, expect, it } from 'vitest';
import { reportSettings } from './report.settings.ts';
import { computeReward, rewardIneligibility } from './report-reward.rules.ts';

// regulations.md §4: 《安全生产领域举报奖励办法》（安监总财〔2018〕19号）— 15 % of the fine, min 3,000, max 300,000;
// 瞒报/谎报 per death 3/4/5/6 万 by grade, total max 300,000.
const config = { reward: reportSettings.defaults.reward };
const amountOf = (r: ReturnType<typeof computeReward>) => (r.eligible ? r.amount : null);

describe('举报奖励 for 重大事故隐患 and 违法行为 (regulations.md §4: 15 %, 3,000 – 300,000 元)', () => {
  it('a fine whose 15 % is just under 3,000 gets the minimum 3,000', () => {
    const r = computeReward({ matter: 'majorHazard', fineAmount: 19_999.99 }, config);
    expect(amountOf(r)).toBe(3000);
    expect(r.eligible && r.rule).toContain('按最低 3,000 元');
  });
  it('exactly 20,000 gives exactly 3,000 by the formula, not by the floor', () => {
    const r = computeReward({ matter: 'violation', fineAmount: 20_000 }, config);
    expect(amountOf(r)).toBe(3000);
    expect(r.eligible && r.rule).toBe('罚款 20,000 元 × 15% = 3,000 元');
  });
  it('rounds to the fen: 20,001 → 3,000.15', () => {
    expect(amountOf(computeReward({ matter: 'violation', fineAmount: 20_001 }, config))).toBe(3000.15);
  });
  it('a fine of exactly 2,000,000 reaches the cap exactly (300,000)', () => {
    const r = computeReward({ matter: 'majorHazard', fineAmount: 2_000_000 }, config);
    expect(amountOf(r)).toBe(300_000);
    expect(r.eligible && r.rule).toBe('罚款 2,000,000 元 × 15% = 300,000 元');
  });
  it('above the cap pays the cap', () => {
    const r = computeReward({ matter: 'majorHazard', fineAmount: 2_000_000.01 }, config);
    expect(amountOf(r)).toBe(300_000);
    expect(r.eligible && r.rule).toContain('超过上限按 300,000 元');
    expect(amountOf(computeReward({ matter: 'violation', fineAmount: 50_000_000 }, config))).toBe(300_000);
  });
  it('a verified major hazard without a fine gets the minimum; a general hazard without a fine gets nothing', () => {
    expect(amountOf(computeReward({ matter: 'majorHazard', fineAmount: null }, config))).toBe(3000);
    const general = computeReward({ matter: 'hazard', fineAmount: null }, config);
    expect(general.eligible).toBe(false);
    expect(amountOf(computeReward({ matter: 'hazard', fineAmount: 40_000 }, config))).toBe(6000);
  });
  it('reads its figures from the settings, not constants', () => {
    const local = { reward: { ...config.reward, finePercent: 20, minAmount: 1000, maxAmount: 50_000 } };
    expect(amountOf(computeReward({ matter: 'violation', fineAmount: 10_000 }, local))).toBe(2000);
    expect(amountOf(computeReward({ matter: 'violation', fineAmount: 1000 }, local))).toBe(1000);
    expect(amountOf(computeReward({ matter: 'violation', fineAmount: 1_000_000 }, local))).toBe(50_000);
  });
});

describe('举报奖励 for 瞒报、谎报 accidents (regulations.md §4: per concealed death by grade, total max 300,000)', () => {
  it.each([
    ['general', 1, 30_000],
    ['larger', 1, 40_000],
    ['major', 1, 50_000],
    ['especiallyMajor', 1, 60_000],
    ['general', 10, 300_000],
    ['larger', 7, 280_000],
    ['especiallyMajor', 5, 300_000],
    ['especiallyMajor', 6, 300_000],
    ['major', 7, 300_000],
  ] as const)('%s accident, %i concealed deaths → %i 元', (grade, deaths, amount) => {
    expect(
      amountOf(computeReward({ matter: 'concealedAccident', fineAmount: null, concealedDeaths: deaths, accidentGrade: grade }, config)),
    ).toBe(amount);
  });
  it('says when the total cap applied', () => {
    const r = computeReward(
      { matter: 'concealedAccident', fineAmount: null, concealedDeaths: 6, accidentGrade: 'especiallyMajor' },
      config,
    );
    expect(r.eligible && r.rule).toBe('特别重大事故瞒报、谎报：核实死亡 6 人 × 60,000 元 = 360,000 元，超过上限按 300,000 元');
  });
  it('needs a grade and at least one verified death', () => {
    expect(computeReward({ matter: 'concealedAccident', fineAmount: null, concealedDeaths: 2 }, config).eligible).toBe(false);
    expect(
      computeReward({ matter: 'concealedAccident', fineAmount: null, concealedDeaths: 0, accidentGrade: 'general' }, config).eligible,
    ).toBe(false);
  });
});

describe('who may be rewarded (regulations.md §4: founded, first effective reporter, 实名)', () => {
  const founded = { status: 'founded' as const, duplicateOfId: null, named: true };
  it('a founded, first, named report may be', () => {
    expect(rewardIneligibility(founded, config)).toBeNull();
  });
  it('not before it is founded, not a later report of the same matter, not an anonymous one when 实名 is required', () => {
    expect(rewardIneligibility({ ...founded, status: 'verifying' }, config)).toContain('属实');
    expect(rewardIneligibility({ ...founded, duplicateOfId: 7 }, config)).toContain('最先举报');
    expect(rewardIneligibility({ ...founded, named: false }, config)).toContain('匿名');
    expect(rewardIneligibility({ ...founded, named: false }, { reward: { ...config.reward, requireRealName: false } })).toBeNull();
  });
});
