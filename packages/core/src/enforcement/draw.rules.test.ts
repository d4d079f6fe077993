import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { type DrawInputs, drawInputs } from './draw.contract.ts';
import {
  drawAlgorithm,
  drawSeedHash,
  recusalReason,
  runDraw,
  seededShuffle,
  seededStream,
  verifyDraw,
  xoshiro128ss,
} from './draw.rules.ts';

const seed = (n: number) => bytesToHex(sha256(utf8ToBytes(`seed-${n}`)));
const S = seed(1);

function inputs(over: Partial<DrawInputs> = {}): DrawInputs {
  return {
    drawnOn: '2026-04-01',
    targetCount: 5,
    inspectorsPerCheck: 2,
    recusalDays: 365,
    targets: Array.from({ length: 40 }, (_, i) => ({
      id: i + 1,
      name: `企业${i + 1}`,
      regionCode: `3399011002${String((i % 4) + 1).padStart(2, '0')}`,
    })),
    inspectors: Array.from({ length: 8 }, (_, i) => ({
      id: 100 + i,
      name: `执法员${i}`,
      certificateNo: `33-${i}`,
      certificateValidUntil: '2027-12-31',
      homeRegionCode: null,
    })),
    recentChecks: [],
    ...over,
  };
}

describe('双随机 draw (国办发〔2015〕58号; regulations.md §9.1)', () => {
  it('commits to the seed with SHA-256 (FIPS 180-2 test vector "abc")', () => {
    expect(drawSeedHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(drawSeedHash(S.toUpperCase())).toBe(drawSeedHash(S));
  });

  it('is pinned: version 1 gives exactly this draw for this seed, forever (old draws must keep verifying)', () => {
    expect(runDraw(inputs(), S).checks).toEqual([
      { targetId: 4, inspectorIds: [100, 101] },
      { targetId: 3, inspectorIds: [106, 107] },
      { targetId: 35, inspectorIds: [104, 105] },
      { targetId: 34, inspectorIds: [102, 103] },
      { targetId: 27, inspectorIds: [104, 106] },
    ]);
    // The generator under it is the reference xoshiro128**: its first outputs from the state (1, 2, 3, 4).
    const next = xoshiro128ss([1, 2, 3, 4]);
    expect([next(), next(), next(), next()]).toEqual([11520, 0, 5927040, 70819200]);
  });

  it('gives the same result for the same inputs and seed, and another for another seed or changed inputs', () => {
    const a = runDraw(inputs(), S);
    expect(runDraw(inputs(), S)).toEqual(a);
    expect(a.algorithm).toBe(drawAlgorithm);
    expect(a.checks).toHaveLength(5);
    expect(runDraw(inputs(), seed(2)).checks).not.toEqual(a.checks);
    const fewer = inputs();
    fewer.targets = fewer.targets.slice(1);
    expect(runDraw(fewer, S).checks).not.toEqual(a.checks);
    // The order the lists arrive in does not matter: they are sorted by id first.
    const shuffled = inputs();
    shuffled.targets.reverse();
    shuffled.inspectors.reverse();
    expect(runDraw(shuffled, S)).toEqual(a);
  });

  it('puts at least two inspectors on every check, spreads the work, and never draws a target twice', () => {
    const r = runDraw(inputs({ targetCount: 40, inspectorsPerCheck: 2 }), S);
    expect(new Set(r.checks.map((c) => c.targetId)).size).toBe(40);
    const load = new Map<number, number>();
    for (const c of r.checks) {
      expect(c.inspectorIds).toHaveLength(2);
      expect(new Set(c.inspectorIds).size).toBe(2);
      for (const i of c.inspectorIds) load.set(i, (load.get(i) ?? 0) + 1);
    }
    // 80 assignments over 8 inspectors: the least loaded go first, so each has 10.
    expect([...load.values()]).toEqual(Array(8).fill(10));
  });

  it('excludes expired certificates, the home village and a return to the same target within the window', () => {
    const base = inputs();
    const [a, b, c] = base.inspectors as [
      DrawInputs['inspectors'][number],
      DrawInputs['inspectors'][number],
      DrawInputs['inspectors'][number],
    ];
    const target = base.targets[0] as DrawInputs['targets'][number];
    expect(recusalReason(base, { ...a, certificateValidUntil: '2026-03-31' }, target)).toBe('执法证已过期');
    expect(recusalReason(base, { ...b, homeRegionCode: target.regionCode }, target)).toMatch(/回避/);
    expect(recusalReason(base, { ...b, homeRegionCode: '339901' }, target)).toMatch(/回避/);
    const recent = { ...base, recentChecks: [{ inspectorId: c.id, targetId: target.id, on: '2025-06-01' }] };
    expect(recusalReason(recent, c, target)).toMatch(/365 日内/);
    expect(recusalReason({ ...recent, recusalDays: 180 }, c, target)).toBeNull();

    // In a whole draw: nobody expired or at home is ever drawn for such a target.
    const tricky = inputs({ targetCount: 40 });
    tricky.inspectors[0] = { ...(tricky.inspectors[0] as DrawInputs['inspectors'][number]), certificateValidUntil: '2026-01-01' };
    tricky.inspectors[1] = { ...(tricky.inspectors[1] as DrawInputs['inspectors'][number]), homeRegionCode: '339901100201' };
    const r = runDraw(drawInputs.parse(tricky), S);
    const byTarget = new Map(tricky.targets.map((t) => [t.id, t]));
    for (const check of r.checks) {
      expect(check.inspectorIds).not.toContain(100);
      if (byTarget.get(check.targetId)?.regionCode === '339901100201') expect(check.inspectorIds).not.toContain(101);
    }
  });

  it('passes over a target too few may inspect and draws the next in its place (回避后顺延), saying why', () => {
    const only = inputs({ targetCount: 3 });
    only.inspectors = only.inspectors.slice(0, 2).map((i) => ({ ...i, homeRegionCode: '339901100201' }));
    only.inspectors.push({
      id: 200,
      name: '外村',
      certificateNo: 'x',
      certificateValidUntil: '2027-01-01',
      homeRegionCode: '339901100202',
    });
    const r = runDraw(only, S);
    expect(r.checks).toHaveLength(3);
    const home = new Set(only.targets.filter((t) => t.regionCode === '339901100201').map((t) => t.id));
    for (const c of r.checks) expect(home.has(c.targetId)).toBe(false);
    for (const s of r.skipped) expect(s.reason).toMatch(/少于每组 2 名/);
  });

  it('draws each target first about equally often over many seeds (no bias in the shuffle)', () => {
    const first = new Map<number, number>();
    const items = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    for (let n = 0; n < 3000; n++) {
      const [head] = seededShuffle(items, seededStream(seed(n), 'targets'));
      first.set(head as number, (first.get(head as number) ?? 0) + 1);
    }
    // Expected 300 each; with these fixed seeds every count is within ±20 % (deterministic, not a flaky sample).
    for (const id of items) expect(Math.abs((first.get(id) ?? 0) - 300)).toBeLessThan(60);
  });

  it('refuses bad inputs with the field and the problem in Chinese', () => {
    const issues = (d: unknown) => (drawInputs.safeParse(d).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues(inputs({ inspectorsPerCheck: 1 }))).toContain('inspectorsPerCheck: 每组执法人员不少于 2 名');
    expect(issues(inputs({ targetCount: 41 }))).toContain('targetCount: 抽取数量 41 超过名录库中的 40 个对象');
    const expired = inputs();
    expired.inspectors = expired.inspectors.map((i, k) => ({ ...i, certificateValidUntil: k === 0 ? '2027-01-01' : '2026-01-01' }));
    expect(issues(expired)).toContain('inspectors: 执法证在有效期内的执法人员只有 1 名，少于每组 2 名');
    const twice = inputs();
    twice.targets.push({ ...(twice.targets[0] as DrawInputs['targets'][number]) });
    expect(issues(twice)).toContain('targets: 检查对象重复');
  });
});

describe('verifying a published draw', () => {
  const published = () => ({
    inputs: inputs(),
    seedHash: drawSeedHash(S),
    seed: S,
    algorithm: drawAlgorithm,
    result: runDraw(inputs(), S),
  });

  it('says ok for the record as published', () => {
    expect(verifyDraw(published())).toEqual({ ok: true });
  });

  it('names the first difference: a seed that does not match its hash, a changed input, a changed team', () => {
    expect(verifyDraw({ ...published(), seed: seed(9) })).toEqual({ ok: false, difference: '公布的随机种子与抽取前公示的种子哈希不符' });
    const changed = published();
    changed.inputs.targets = changed.inputs.targets.filter((t) => t.id !== changed.result.checks[0]?.targetId);
    expect(verifyDraw(changed)).toMatchObject({ ok: false, difference: expect.stringMatching(/^第 1 个抽中对象不同/) });
    const team = published();
    const check = team.result.checks[2] as { targetId: number; inspectorIds: number[] };
    check.inspectorIds = [100, 107].filter((i) => !check.inspectorIds.includes(i)).concat(check.inspectorIds.slice(1));
    expect(verifyDraw(team)).toMatchObject({ ok: false, difference: expect.stringMatching(/执法人员不同/) });
    expect(verifyDraw({ ...published(), algorithm: 'anzhi-draw-v0' })).toEqual({
      ok: false,
      difference: '未知的抽取算法版本 anzhi-draw-v0',
    });
  });
});
