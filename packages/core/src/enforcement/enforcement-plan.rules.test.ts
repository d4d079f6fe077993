import { describe, expect, it } from 'vitest';
import { enforcementSettings } from './enforcement.settings.ts';
import {
  type EnforcementPlanTarget,
  keyReasons,
  planCapacity,
  planItemProblem,
  planLoadProblems,
  planMonths,
  proposeYearlyPlan,
} from './enforcement-plan.rules.ts';

const settings = enforcementSettings.defaults;
const target = (id: number, over: Partial<EnforcementPlanTarget> = {}): EnforcementPlanTarget => ({
  enterpriseId: id,
  name: `企业${id}`,
  regionCode: '330100001001',
  riskLevel: null,
  flags: [],
  majorHazardSource: false,
  openMajorHazards: 0,
  accidentOrFoundedReportWithin12Months: false,
  ...over,
});
const cap = { inspectors: 4, inspectionDaysPerMonth: 8, personDaysPerCheck: 2 };

/** A small deterministic PRNG for the property tests (not the plan's). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
function randomTargets(n: number, rnd: () => number): EnforcementPlanTarget[] {
  const levels = [null, 'major', 'high', 'medium', 'low'] as const;
  return Array.from({ length: n }, (_, k) =>
    target(k + 1, {
      riskLevel: levels[Math.floor(rnd() * levels.length)] ?? null,
      flags: rnd() < 0.1 ? ['dustExplosion'] : rnd() < 0.05 ? ['confinedSpace', 'moltenMetal'] : [],
      majorHazardSource: rnd() < 0.05,
      openMajorHazards: rnd() < 0.03 ? 1 : 0,
      accidentOrFoundedReportWithin12Months: rnd() < 0.02,
    }),
  );
}

describe('the work-day arithmetic (安监总政法〔2017〕150号 第七条; regulations.md §9.2)', () => {
  it('capacity = floor(inspectors × days per month × months ÷ person-days per check), spread over the months', () => {
    expect(planCapacity(cap).capacityChecks).toBe(192);
    expect(planCapacity({ inspectors: 1, inspectionDaysPerMonth: 8, personDaysPerCheck: 3 }).capacityChecks).toBe(32);
    const c = planCapacity({ inspectors: 1, inspectionDaysPerMonth: 8, personDaysPerCheck: 3, months: 5 });
    expect(c.capacityChecks).toBe(13);
    expect(c.monthlyCapacity.reduce((a, b) => a + b, 0)).toBe(13);
    expect(Math.max(...c.monthlyCapacity) - Math.min(...c.monthlyCapacity)).toBeLessThanOrEqual(1);
  });
  it('a plan made mid-year covers the months left', () => {
    expect(planMonths(6)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(planMonths()).toHaveLength(12);
  });
});

describe('分类分级、突出重点 (第六条): who is 重点 and why', () => {
  it('names every reason in Chinese', () => {
    expect(
      keyReasons(
        target(1, {
          openMajorHazards: 2,
          majorHazardSource: true,
          riskLevel: 'major',
          flags: ['dustExplosion', 'confinedSpace'],
          accidentOrFoundedReportWithin12Months: true,
        }),
      ),
    ).toEqual(['有未销号的重大事故隐患', '重大危险源', '红色（重大风险）', '涉爆粉尘', '有限空间作业', '近 12 个月发生事故或举报属实']);
    expect(keyReasons(target(2, { riskLevel: 'high' }))).toEqual(['橙色（较大风险）']);
    expect(keyReasons(target(3, { riskLevel: 'medium', flags: ['fireKeyUnit'] }))).toEqual([]);
  });

  it('重点检查 at the frequency of the risk class (红 4, 橙 2, 未定级 1 by default), at least once', () => {
    const p = proposeYearlyPlan({
      year: 2026,
      targets: [target(1, { riskLevel: 'major' }), target(2, { riskLevel: 'high' }), target(3, { majorHazardSource: true })],
      capacity: cap,
      settings: { ...settings, keyFrequency: { ...settings.keyFrequency, unrated: 0 } },
    });
    const freq = Object.fromEntries(p.items.map((i) => [i.enterpriseId, i.checksPerYear]));
    expect(freq).toEqual({ 1: 4, 2: 2, 3: 1 });
    expect(p.items.every((i) => i.kind === 'key')).toBe(true);
  });

  it('4 checks a year fall one in each quarter', () => {
    const p = proposeYearlyPlan({ year: 2026, targets: [target(1, { riskLevel: 'major' })], capacity: cap, settings });
    const months = p.items[0]?.months ?? [];
    expect(months.map((m) => Math.ceil(m / 3))).toEqual([1, 2, 3, 4]);
  });
});

describe('一般检查 by 双随机 sample (国办发〔2015〕58号; regulations.md §9.1)', () => {
  it('samples ceil(ratio × n) of the rest, at least one, once each', () => {
    const targets = Array.from({ length: 41 }, (_, k) => target(k + 1, { riskLevel: 'low' }));
    const p = proposeYearlyPlan({ year: 2026, targets, capacity: cap, settings });
    expect(p.generalPool).toBe(41);
    expect(p.items.filter((i) => i.kind === 'general')).toHaveLength(3);
    expect(p.items.every((i) => i.checksPerYear === 1)).toBe(true);
    const one = proposeYearlyPlan({ year: 2026, targets: targets.slice(0, 3), capacity: cap, settings });
    expect(one.items).toHaveLength(1);
  });

  it('is deterministic: same inputs (in any order) and seed → same plan; another seed → another sample', () => {
    const targets = Array.from({ length: 200 }, (_, k) => target(k + 1));
    const a = proposeYearlyPlan({ year: 2026, targets, capacity: cap, settings, seed: 'ab'.repeat(16) });
    const b = proposeYearlyPlan({ year: 2026, targets: [...targets].reverse(), capacity: cap, settings, seed: 'ab'.repeat(16) });
    const c = proposeYearlyPlan({ year: 2026, targets, capacity: cap, settings, seed: 'cd'.repeat(16) });
    expect(b).toEqual(a);
    expect(c.items.map((i) => i.enterpriseId)).not.toEqual(a.items.map((i) => i.enterpriseId));
  });
});

describe('留有余地 (第六条): never over capacity, and says what was left out', () => {
  it('cuts the general sample first', () => {
    const targets = [
      ...Array.from({ length: 10 }, (_, k) => target(k + 1, { riskLevel: 'major' })),
      ...Array.from({ length: 100 }, (_, k) => target(k + 100)),
    ];
    const p = proposeYearlyPlan({
      year: 2026,
      targets,
      capacity: { inspectors: 1, inspectionDaysPerMonth: 7, personDaysPerCheck: 2 },
      settings,
    });
    expect(p.capacityChecks).toBe(42);
    expect(p.plannedChecks).toBe(42);
    expect(p.items.filter((i) => i.kind === 'key').every((i) => i.checksPerYear === 4)).toBe(true);
    expect(p.items.filter((i) => i.kind === 'general')).toHaveLength(2);
    expect(p.leftOut).toHaveLength(3);
    expect(p.leftOut[0]?.reason).toContain('一般检查抽中 5 家');
  });

  it('then lowers the frequency of the lowest-priority key targets, down to one', () => {
    const targets = [
      target(1, { riskLevel: 'major', openMajorHazards: 1 }),
      target(2, { riskLevel: 'major', majorHazardSource: true }),
      target(3, { riskLevel: 'major' }),
    ];
    const p = proposeYearlyPlan({
      year: 2026,
      targets,
      capacity: { inspectors: 1, inspectionDaysPerMonth: 1, personDaysPerCheck: 1.5 },
      settings,
    });
    expect(p.capacityChecks).toBe(8);
    const freq = Object.fromEntries(p.items.map((i) => [i.enterpriseId, i.checksPerYear]));
    expect(freq).toEqual({ 1: 4, 2: 3, 3: 1 });
    expect(p.reduced).toEqual([
      { enterpriseId: 3, from: 4, to: 1 },
      { enterpriseId: 2, from: 4, to: 3 },
    ]);
  });

  it('then leaves out whole key targets, lowest priority first', () => {
    const targets = [target(1, { flags: ['confinedSpace'] }), target(2, { openMajorHazards: 1 }), target(3, { riskLevel: 'high' })];
    const p = proposeYearlyPlan({
      year: 2026,
      targets,
      capacity: { inspectors: 1, inspectionDaysPerMonth: 1, personDaysPerCheck: 6 },
      settings,
    });
    expect(p.capacityChecks).toBe(2);
    expect(p.items.map((i) => i.enterpriseId)).toEqual([2, 3]);
    expect(p.leftOut.map((l) => l.enterpriseId)).toEqual([1]);
    expect(p.leftOut[0]?.reason).toContain('有限空间作业');
  });

  it('over random inputs: planned ≤ capacity, every month within its capacity, every item consistent', () => {
    const rnd = lcg(14);
    for (let run = 0; run < 60; run++) {
      const targets = randomTargets(Math.floor(rnd() * 400), rnd);
      const capacity = {
        inspectors: 1 + Math.floor(rnd() * 6),
        inspectionDaysPerMonth: 0.5 + Math.floor(rnd() * 12),
        personDaysPerCheck: 0.5 + Math.floor(rnd() * 6),
        months: 1 + Math.floor(rnd() * 12),
      };
      const p = proposeYearlyPlan({ year: 2026, targets, capacity, settings: { ...settings, generalRatio: Math.floor(rnd() * 40) } });
      expect(p.plannedChecks).toBeLessThanOrEqual(p.capacityChecks);
      expect(planLoadProblems(p.items, capacity)).toEqual([]);
      for (const i of p.items) expect(planItemProblem(i, p.months)).toBeNull();
      const placed = new Set(p.items.map((i) => i.enterpriseId));
      const out = new Set(p.leftOut.map((l) => l.enterpriseId));
      for (const t of targets) if (keyReasons(t).length) expect(placed.has(t.enterpriseId) || out.has(t.enterpriseId)).toBe(true);
    }
  });

  it('spreads the checks evenly over the months', () => {
    const targets = Array.from({ length: 300 }, (_, k) =>
      target(k + 1, { riskLevel: k % 3 === 0 ? 'high' : 'medium', flags: ['dustExplosion'] }),
    );
    const p = proposeYearlyPlan({
      year: 2026,
      targets,
      capacity: { inspectors: 10, inspectionDaysPerMonth: 10, personDaysPerCheck: 2 },
      settings,
    });
    const load = new Map<number, number>();
    for (const i of p.items) for (const m of i.months) load.set(m, (load.get(m) ?? 0) + 1);
    const counts = [...load.values()];
    expect(p.plannedChecks).toBe(400);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('refuses an edited plan over capacity with the numbers', () => {
    const problems = planLoadProblems([{ checksPerYear: 3, months: [1, 1, 2] }], {
      inspectors: 1,
      inspectionDaysPerMonth: 1,
      personDaysPerCheck: 6,
    });
    expect(problems[0]).toBe('计划检查 3 次，超过检查能力 2 次（执法人员 1 人 × 每月 1 天 × 12 个月 ÷ 每次 6 人日）');
    expect(planItemProblem({ checksPerYear: 2, months: [3] }, planMonths())).toContain('应等于');
    expect(planItemProblem({ checksPerYear: 1, months: [3] }, planMonths(6))).toContain('不在计划期内');
  });

  it('proposes for 5,000 targets well under 100 ms', () => {
    const targets = randomTargets(5000, lcg(5));
    proposeYearlyPlan({ year: 2026, targets, capacity: { inspectors: 20, inspectionDaysPerMonth: 8, personDaysPerCheck: 2 }, settings });
    const t0 = performance.now();
    proposeYearlyPlan({ year: 2026, targets, capacity: { inspectors: 20, inspectionDaysPerMonth: 8, personDaysPerCheck: 2 }, settings });
    expect(performance.now() - t0).toBeLessThan(100);
  });
});
