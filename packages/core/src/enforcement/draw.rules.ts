import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { DrawInputs, DrawResult, DrawSkip } from './draw.contract.ts';

/**
 * 双随机 draws (国办发〔2015〕58号; regulations.md §9.1): targets drawn at random from the 检查对象名录库, inspectors
 * at random from the 执法检查人员名录库, at least two per check, with recusal. Publicly verifiable by commit–reveal:
 * the hash of a random seed is recorded and shown before the draw, the seed is revealed after it, and the result
 * is this pure function of the recorded inputs, the seed and the algorithm version — anyone can run it again.
 *
 * Version 1: a SHA-256 counter stream of the seed, unbiased integers by rejection, a Fisher–Yates shuffle of the
 * targets (sorted by id), then for each target in the shuffled order the eligible inspectors shuffled and the least
 * loaded of them taken. A target no one may inspect is skipped with its reason and the next one takes its place
 * (回避后顺延). Never change what version 1 computes: a new algorithm is a new version, and old draws keep verifying.
 */
export const drawAlgorithm = 'anzhi-draw-v1';
export const drawAlgorithms = [drawAlgorithm] as const;

/** The seed's public commitment: SHA-256 of its hex text, in hex. */
export function drawSeedHash(seedHex: string): string {
  return bytesToHex(sha256(utf8ToBytes(seedHex.toLowerCase())));
}

/** xoshiro128** (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c): 32-bit outputs from a 128-bit state. */
export function xoshiro128ss(state: [number, number, number, number]): () => number {
  let [a, b, c, d] = state.map((x) => x >>> 0) as [number, number, number, number];
  if ((a | b | c | d) === 0) a = 1; // the one state it cannot leave; SHA-256 all but never gives it
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c = (c ^ a) >>> 0;
    d = (d ^ b) >>> 0;
    b = (b ^ c) >>> 0;
    a = (a ^ d) >>> 0;
    c = (c ^ t) >>> 0;
    d = rotl(d, 11);
    return result;
  };
}

/**
 * A deterministic stream of integers from the seed: xoshiro128** (Blackman & Vigna, 2018) whose 128-bit state is the
 * first 16 bytes of SHA-256(seed ‖ "|" ‖ label ‖ "|"), so every label (the targets, each target's team) draws from a
 * stream of its own.
 */
export function seededStream(seedHex: string, label: string) {
  const seed = hexToBytes(seedHex.toLowerCase());
  const tag = utf8ToBytes(`|${label}|`);
  const buf = new Uint8Array(seed.length + tag.length);
  buf.set(seed, 0);
  buf.set(tag, seed.length);
  const h = sha256(buf);
  const word = (k: number) =>
    (((h[k] as number) << 24) | ((h[k + 1] as number) << 16) | ((h[k + 2] as number) << 8) | (h[k + 3] as number)) >>> 0;
  const next32 = xoshiro128ss([word(0), word(4), word(8), word(12)]);
  return {
    /** A uniform integer in [0, n), without modulo bias (rejection sampling). */
    below(n: number): number {
      if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) throw new Error(`below(${n})`);
      const limit = 2 ** 32 - (2 ** 32 % n);
      for (;;) {
        const v = next32();
        if (v < limit) return v % n;
      }
    },
  };
}

/** Fisher–Yates with the stream: every order equally likely. Returns a new array. */
export function seededShuffle<T>(items: readonly T[], stream: ReturnType<typeof seededStream>): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = stream.below(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/** Why an inspector may not inspect a target on the draw's day, or null when they may. */
export function recusalReason(
  inputs: Pick<DrawInputs, 'drawnOn' | 'recusalDays' | 'recentChecks'>,
  inspector: DrawInputs['inspectors'][number],
  target: DrawInputs['targets'][number],
): string | null {
  if (inspector.certificateValidUntil < inputs.drawnOn) return '执法证已过期';
  if (inspector.homeRegionCode && target.regionCode.startsWith(inspector.homeRegionCode))
    return '户籍或居住地在检查对象所在村（社区），回避';
  return recentPairs(inputs).has(pairKey(inspector.id, target.id)) ? `${inputs.recusalDays} 日内检查过同一对象，回避` : null;
}

const pairKey = (inspectorId: number, targetId: number) => `${inspectorId}:${targetId}`;
const pairsCache = new WeakMap<object, Set<string>>();

/** Inspector–target pairs checked within the recusal window before the draw's day (built once per inputs). */
function recentPairs(inputs: Pick<DrawInputs, 'drawnOn' | 'recusalDays' | 'recentChecks'>): Set<string> {
  let pairs = pairsCache.get(inputs);
  if (!pairs) {
    const today = dayNumber(inputs.drawnOn);
    pairs = new Set(
      inputs.recentChecks.filter((c) => today - dayNumber(c.on) < inputs.recusalDays).map((c) => pairKey(c.inspectorId, c.targetId)),
    );
    pairsCache.set(inputs, pairs);
  }
  return pairs;
}

const byId = <T extends { id: number }>(a: T, b: T) => a.id - b.id;

/** Runs a draw: the same inputs and seed always give the same result. Inputs are validated by `drawInputsSchema`. */
export function runDraw(inputs: DrawInputs, seedHex: string): DrawResult {
  const targets = [...inputs.targets].sort(byId);
  const inspectors = [...inputs.inspectors].sort(byId);
  const order = seededShuffle(targets, seededStream(seedHex, 'targets'));
  const load = new Map<number, number>(inspectors.map((i) => [i.id, 0]));
  const checks: DrawResult['checks'] = [];
  const skipped: DrawSkip[] = [];
  for (const target of order) {
    if (checks.length === inputs.targetCount) break;
    const eligible = inspectors.filter((i) => recusalReason(inputs, i, target) === null);
    if (eligible.length < inputs.inspectorsPerCheck) {
      skipped.push({ targetId: target.id, reason: `可选执法人员 ${eligible.length} 名，少于每组 ${inputs.inspectorsPerCheck} 名` });
      continue;
    }
    // Shuffled first, then the least loaded first (a stable sort keeps the random order among equals).
    const team = seededShuffle(eligible, seededStream(seedHex, `inspectors:${target.id}`))
      .sort((a, b) => (load.get(a.id) as number) - (load.get(b.id) as number))
      .slice(0, inputs.inspectorsPerCheck);
    for (const i of team) load.set(i.id, (load.get(i.id) as number) + 1);
    checks.push({ targetId: target.id, inspectorIds: team.map((i) => i.id).sort((a, b) => a - b) });
  }
  return { algorithm: drawAlgorithm, checks, skipped };
}

export interface DrawRecord {
  inputs: DrawInputs;
  seedHash: string;
  seed: string;
  algorithm: string;
  result: DrawResult;
}

/** Re-runs a published draw: ok, or the first difference in words a citizen can read. */
export function verifyDraw(record: DrawRecord): { ok: true } | { ok: false; difference: string } {
  if (!(drawAlgorithms as readonly string[]).includes(record.algorithm))
    return { ok: false, difference: `未知的抽取算法版本 ${record.algorithm}` };
  if (drawSeedHash(record.seed) !== record.seedHash.toLowerCase())
    return { ok: false, difference: '公布的随机种子与抽取前公示的种子哈希不符' };
  const again = runDraw(record.inputs, record.seed);
  const a = again.checks;
  const b = record.result.checks;
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const x = a[k];
    const y = b[k];
    if (!x || !y) return { ok: false, difference: `抽中对象数量不同：重算 ${a.length} 个，公布 ${b.length} 个` };
    if (x.targetId !== y.targetId)
      return { ok: false, difference: `第 ${k + 1} 个抽中对象不同：重算为 ${x.targetId}，公布为 ${y.targetId}` };
    if (x.inspectorIds.join(',') !== [...y.inspectorIds].sort((p, q) => p - q).join(','))
      return {
        ok: false,
        difference: `对象 ${x.targetId} 的执法人员不同：重算为 ${x.inspectorIds.join('、')}，公布为 ${y.inspectorIds.join('、')}`,
      };
  }
  const skippedA = again.skipped.map((s) => s.targetId).join(',');
  const skippedB = record.result.skipped.map((s) => s.targetId).join(',');
  if (skippedA !== skippedB) return { ok: false, difference: `回避顺延的对象不同：重算为 [${skippedA}]，公布为 [${skippedB}]` };
  return { ok: true };
}
