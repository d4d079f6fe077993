import { describe, expect, it } from 'vitest';
import { lecConsequence, lecExposure, lecLikelihood } from './dual.dict.ts';
import { dualSettings } from './dual.settings.ts';
import { assessmentInputError, assessRisk, highestRiskLevel, riskLevelOfScore } from './risk-assessment.rules.ts';

const defaults = dualSettings.defaults;
const changed = { lec: { major: 400, high: 200, medium: 90 }, ls: { major: 16, high: 9, medium: 5 } };

describe('LEC bands, lower bound inclusive (regulations.md §5.1)', () => {
  it.each([
    [319.99, 'high'],
    [320, 'major'],
    [320.01, 'major'],
    [159.99, 'medium'],
    [160, 'high'],
    [69.99, 'low'],
    [70, 'medium'],
    [0.05, 'low'],
    [10_000, 'major'],
  ] as const)('default bands: D = %s is %s', (score, level) => {
    expect(riskLevelOfScore(score, defaults.lec)).toBe(level);
  });

  it.each([
    [399.99, 'high'],
    [400, 'major'],
    [199.99, 'medium'],
    [200, 'high'],
    [89.99, 'low'],
    [90, 'medium'],
    [320, 'high'],
  ] as const)('a township that changed its bands (400/200/90): D = %s is %s', (score, level) => {
    expect(riskLevelOfScore(score, changed.lec)).toBe(level);
  });

  it('computes D = L×E×C from the scales and lands on the boundaries exactly (10×6×... , 6×6×7 = 252)', () => {
    // 320 is not a product of the scales; 10 × 2 × 16 is not either — the nearest products straddle it.
    expect(assessRisk({ method: 'lec', l: 10, e: 10, c: 3 }, defaults)).toEqual({ score: 300, level: 'high', controlLevel: 'workshop' });
    expect(assessRisk({ method: 'lec', l: 10, e: 6, c: 7 }, defaults)).toEqual({ score: 420, level: 'major', controlLevel: 'company' });
    expect(assessRisk({ method: 'lec', l: 1, e: 10, c: 7 }, defaults)).toEqual({ score: 70, level: 'medium', controlLevel: 'team' });
    expect(assessRisk({ method: 'lec', l: 1, e: 6, c: 7 }, defaults)).toEqual({ score: 42, level: 'low', controlLevel: 'post' });
    expect(assessRisk({ method: 'lec', l: 0.1, e: 0.5, c: 1 }, defaults).score).toBe(0.05);
    expect(assessRisk({ method: 'lec', l: 6, e: 6, c: 7 }, defaults).level).toBe('high');
    // 160 exactly: 10 × 1 × 15 = 150 (一般), 10 × 2 × 7 = 140; 1 × 10 × 15 = 150; 3 × 3 × 15 = 135. 6 × 2 × 15 = 180 (较大).
    expect(assessRisk({ method: 'lec', l: 6, e: 2, c: 15 }, defaults).level).toBe('high');
    expect(assessRisk({ method: 'lec', l: 6, e: 6, c: 7 }, changed).level).toBe('high');
    expect(assessRisk({ method: 'lec', l: 1, e: 10, c: 7 }, changed).level).toBe('low');
  });

  it('every product of the scales is classified the same as riskLevelOfScore of its rounded D', () => {
    for (const [l] of lecLikelihood)
      for (const [e] of lecExposure)
        for (const [c] of lecConsequence) {
          const a = assessRisk({ method: 'lec', l, e, c }, defaults);
          expect(a.level).toBe(riskLevelOfScore(Math.round(l * e * c * 100) / 100, defaults.lec));
        }
  });
});

describe('LS matrix bands (regulations.md §5.2)', () => {
  it.each([
    [1, 3, 'low'],
    [2, 2, 'medium'],
    [3, 3, 'medium'],
    [2, 5, 'high'],
    [4, 4, 'high'],
    [4, 5, 'major'],
    [5, 5, 'major'],
  ] as const)('default bands (4/10/20): L %s × S %s', (l, s, level) => {
    expect(assessRisk({ method: 'ls', l, s }, defaults).level).toBe(level);
  });

  it.each([
    [3, 'low'],
    [4, 'medium'],
    [9, 'medium'],
    [10, 'high'],
    [16, 'high'],
    [19.99, 'high'],
    [20, 'major'],
  ] as const)('default bands: R = %s is %s', (score, level) => {
    expect(riskLevelOfScore(score, defaults.ls)).toBe(level);
  });

  it.each([
    [4, 'low'],
    [5, 'medium'],
    [8, 'medium'],
    [9, 'high'],
    [15, 'high'],
    [16, 'major'],
  ] as const)('changed bands (5/9/16): R = %s is %s', (score, level) => {
    expect(riskLevelOfScore(score, changed.ls)).toBe(level);
  });
});

describe('control level follows the level (regulations.md §5.3)', () => {
  it('重大 → 公司级, 较大 → 车间级, 一般 → 班组级, 低 → 岗位级', () => {
    expect(assessRisk({ method: 'ls', l: 5, s: 5 }, defaults).controlLevel).toBe('company');
    expect(assessRisk({ method: 'ls', l: 2, s: 5 }, defaults).controlLevel).toBe('workshop');
    expect(assessRisk({ method: 'ls', l: 2, s: 2 }, defaults).controlLevel).toBe('team');
    expect(assessRisk({ method: 'ls', l: 1, s: 1 }, defaults).controlLevel).toBe('post');
  });
});

describe('values off the scales are refused, naming the factor (regulations.md §5.1, §5.2)', () => {
  it('LEC: each factor only takes its scale values', () => {
    expect(assessmentInputError({ method: 'lec', l: 6, e: 6, c: 7 })).toBeNull();
    expect(assessmentInputError({ method: 'lec', l: 5, e: 6, c: 7 })).toMatchObject({ path: 'l' });
    expect(assessmentInputError({ method: 'lec', l: 5, e: 6, c: 7 })?.message).toContain('事故发生的可能性 L');
    expect(assessmentInputError({ method: 'lec', l: 6, e: 4, c: 7 })).toMatchObject({ path: 'e' });
    expect(assessmentInputError({ method: 'lec', l: 6, e: 4, c: 7 })?.message).toContain('暴露于危险环境的频繁程度 E');
    expect(assessmentInputError({ method: 'lec', l: 6, e: 6, c: 50 })).toMatchObject({ path: 'c' });
    expect(assessmentInputError({ method: 'lec', l: 6, e: 6, c: 50 })?.message).toContain('发生事故可能造成的后果 C');
    expect(assessmentInputError({ method: 'lec', l: 0, e: 6, c: 7 })?.path).toBe('l');
    expect(assessmentInputError({ method: 'lec', l: -1, e: 6, c: 7 })?.path).toBe('l');
  });
  it('LS: 1–5 integers only', () => {
    expect(assessmentInputError({ method: 'ls', l: 5, s: 1 })).toBeNull();
    expect(assessmentInputError({ method: 'ls', l: 6, s: 1 })).toMatchObject({ path: 'l' });
    expect(assessmentInputError({ method: 'ls', l: 3, s: 0 })).toMatchObject({ path: 's' });
    expect(assessmentInputError({ method: 'ls', l: 2.5, s: 3 })?.message).toContain('可能性 L');
    expect(assessmentInputError({ method: 'ls', l: 3, s: 6 })?.message).toContain('严重程度 S');
  });
});

describe('highestRiskLevel: an enterprise is as risky as its worst event (issue 16, regulations.md §5)', () => {
  it('takes the highest, ignores empty values, and is null for none', () => {
    expect(highestRiskLevel(['low', 'high', 'medium'])).toBe('high');
    expect(highestRiskLevel(['low', null, 'major', undefined])).toBe('major');
    expect(highestRiskLevel([])).toBeNull();
    expect(highestRiskLevel([null, undefined])).toBeNull();
  });
});
