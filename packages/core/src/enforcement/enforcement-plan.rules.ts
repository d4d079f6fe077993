import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { type EnterpriseFlag, enterpriseFlagLabels, type RiskLevel } from '../enterprise/enterprise.dict.ts';
import { seededShuffle, seededStream } from './draw.rules.ts';
import type { CheckKind } from './enforcement.dict.ts';
import type { EnforcementConfig } from './enforcement.settings.ts';

/**
 * 年度监督检查计划 (安监总政法〔2017〕150号《安全生产年度监督检查计划编制办法》; regulations.md §9.2): 分类分级、突出重点 —
 * 重点检查 of high-risk targets at a frequency per risk class, 一般检查 of the rest by random sample (双随机, §9.1) —
 * within the unit's capacity, by the work-day arithmetic 监督检查工作日 ÷ 每家所需人日 = 计划检查家数 (第七条, §9.2).
 * Pure and deterministic: the same targets, capacity, settings and seed give the same plan.
 */

/** The 四涉一有限 flags (涉爆粉尘、涉氨制冷、涉高温熔融金属、涉冶金煤气、有限空间作业) that make a target 重点. */
export const keyTargetFlags = [
  'dustExplosion',
  'ammoniaRefrigeration',
  'moltenMetal',
  'metallurgicalGas',
  'confinedSpace',
] as const satisfies readonly EnterpriseFlag[];

/** 年法定工作日 (about 250 days: 365 − weekends − 11 public holidays), for the 总法定工作日 line of the plan. */
export const LEGAL_WORKDAYS_PER_YEAR = 250;

export interface EnforcementPlanTarget {
  enterpriseId: number;
  name: string;
  regionCode: string;
  riskLevel: RiskLevel | null;
  flags: readonly string[];
  majorHazardSource: boolean;
  openMajorHazards: number;
  /**
   * An accident or a founded public report in the last 12 months. There is no accident module yet: the server reads
   * hazards of channel 'publicReport' found in the last 12 months (群众举报查实). An accident source plugs in here.
   */
  accidentOrFoundedReportWithin12Months: boolean;
}

export interface PlanCapacityInput {
  inspectors: number;
  inspectionDaysPerMonth: number;
  personDaysPerCheck: number;
  /** Months the plan covers: 12, or the months left in the year when made mid-year (the last `months` months). */
  months?: number;
}

export type PlanFrequencySettings = Pick<EnforcementConfig, 'keyFrequency' | 'generalRatio'>;

export interface PlanProposalItem {
  enterpriseId: number;
  kind: Exclude<CheckKind, 'adhoc'>;
  reasons: string[];
  checksPerYear: number;
  months: number[];
}

export interface PlanProposal {
  year: number;
  /** The months covered, e.g. [7..12] for a plan made in July. */
  months: number[];
  /** floor(inspectors × daysPerMonth × months ÷ personDaysPerCheck). */
  capacityChecks: number;
  /** How many checks each month can take (sums to capacityChecks). */
  monthlyCapacity: number[];
  plannedChecks: number;
  keyTargets: number;
  /** 一般检查对象 (the 双随机 pool of the plan) and how many of them the sample took. */
  generalPool: number;
  generalSampled: number;
  /** Key targets whose frequency was lowered to fit capacity. */
  reduced: Array<{ enterpriseId: number; from: number; to: number }>;
  leftOut: Array<{ enterpriseId: number; reason: string }>;
  items: PlanProposalItem[];
  seed: string;
}

export interface ProposeYearlyPlanInput {
  year: number;
  targets: readonly EnforcementPlanTarget[];
  capacity: PlanCapacityInput;
  settings: PlanFrequencySettings;
  /** Hex seed of the general sample; default derived from the year. */
  seed?: string;
}

const EPS = 1e-9;

/** The months a plan covers: the last `months` months of the year. */
export function planMonths(months = 12): number[] {
  const n = Math.max(1, Math.min(12, Math.floor(months)));
  return Array.from({ length: n }, (_, k) => 13 - n + k);
}

/** Checks the capacity allows in total, and per month (spread so no month exceeds its share and they sum to the total). */
export function planCapacity(capacity: PlanCapacityInput): { capacityChecks: number; monthlyCapacity: number[]; personDays: number } {
  const months = planMonths(capacity.months).length;
  const perMonthDays = Math.max(0, capacity.inspectors) * Math.max(0, capacity.inspectionDaysPerMonth);
  const perMonth = capacity.personDaysPerCheck > 0 ? perMonthDays / capacity.personDaysPerCheck : 0;
  const cum = (k: number) => Math.floor(k * perMonth + EPS);
  const monthlyCapacity = Array.from({ length: months }, (_, k) => cum(k + 1) - cum(k));
  return { capacityChecks: cum(months), monthlyCapacity, personDays: perMonthDays * months };
}

/** Why a target is 重点 (empty: 一般). */
export function keyReasons(t: EnforcementPlanTarget): string[] {
  const reasons: string[] = [];
  if (t.openMajorHazards > 0) reasons.push('有未销号的重大事故隐患');
  if (t.majorHazardSource || t.flags.includes('majorHazardSource')) reasons.push('重大危险源');
  if (t.riskLevel === 'major') reasons.push('红色（重大风险）');
  if (t.riskLevel === 'high') reasons.push('橙色（较大风险）');
  for (const f of keyTargetFlags) if (t.flags.includes(f)) reasons.push(enterpriseFlagLabels[f]);
  if (t.accidentOrFoundedReportWithin12Months) reasons.push('近 12 个月发生事故或举报属实');
  return reasons;
}

/** Priority of a key target (higher first): open major hazard > major hazard source > red > orange > flags > report. */
function priorityOf(t: EnforcementPlanTarget): number[] {
  return [
    t.openMajorHazards > 0 ? 1 : 0,
    t.majorHazardSource || t.flags.includes('majorHazardSource') ? 1 : 0,
    t.riskLevel === 'major' ? 1 : 0,
    t.riskLevel === 'high' ? 1 : 0,
    keyTargetFlags.filter((f) => t.flags.includes(f)).length,
    t.accidentOrFoundedReportWithin12Months ? 1 : 0,
  ];
}

function byPriority(a: { p: number[]; t: EnforcementPlanTarget }, b: { p: number[]; t: EnforcementPlanTarget }): number {
  for (let i = 0; i < a.p.length; i++) if (a.p[i] !== b.p[i]) return (b.p[i] as number) - (a.p[i] as number);
  return a.t.enterpriseId - b.t.enterpriseId;
}

/** The default seed of a plan's general sample. */
export function defaultPlanSeed(key: string): string {
  return bytesToHex(sha256(utf8ToBytes(`anzhi-plan|${key}`)));
}

/**
 * Places the checks of the items (in the order given: highest priority first) into months: a target with f checks
 * gets one in each of f equal windows (4 → quarters), in the least loaded month of that window with room; general
 * checks go to the least loaded month. No month takes more than its capacity. Mutates `load`.
 */
function placeMonths(checks: number, months: number[], cap: number[], load: number[]): number[] {
  const n = months.length;
  const out: number[] = [];
  const used = new Set<number>();
  const pick = (from: number, to: number): number => {
    let best = -1;
    for (let i = from; i < to; i++) {
      if (used.has(i) || (load[i] as number) >= (cap[i] as number)) continue;
      if (best < 0 || (load[i] as number) / (cap[i] as number) < (load[best] as number) / (cap[best] as number) - EPS) best = i;
    }
    return best;
  };
  for (let k = 0; k < checks; k++) {
    const from = Math.floor((k * n) / checks);
    const to = Math.floor(((k + 1) * n) / checks);
    let i = pick(from, to);
    if (i < 0) i = pick(0, n);
    if (i < 0) break;
    used.add(i);
    load[i] = (load[i] as number) + 1;
    out.push(months[i] as number);
  }
  return out.sort((a, b) => a - b);
}

/**
 * Proposes a unit's yearly plan. Never exceeds capacity: the general sample is cut first, then the frequencies of the
 * lowest-priority key targets are lowered (down to 1), then whole key targets are left out, lowest priority first —
 * each said in `reduced` / `leftOut`.
 */
export function proposeYearlyPlan(input: ProposeYearlyPlanInput): PlanProposal {
  const months = planMonths(input.capacity.months);
  const { capacityChecks, monthlyCapacity } = planCapacity(input.capacity);
  const seed = (input.seed ?? defaultPlanSeed(String(input.year))).toLowerCase();
  const key: Array<{ t: EnforcementPlanTarget; p: number[]; reasons: string[]; freq: number }> = [];
  const general: EnforcementPlanTarget[] = [];
  for (const t of input.targets) {
    const reasons = keyReasons(t);
    if (!reasons.length) {
      general.push(t);
      continue;
    }
    const f = input.settings.keyFrequency[t.riskLevel ?? 'unrated'];
    key.push({ t, p: priorityOf(t), reasons, freq: Math.min(months.length, Math.max(1, f)) });
  }
  key.sort(byPriority);

  const reduced: PlanProposal['reduced'] = [];
  const leftOut: PlanProposal['leftOut'] = [];
  let keyTotal = key.reduce((s, k) => s + k.freq, 0);
  for (let i = key.length - 1; i >= 0 && keyTotal > capacityChecks; i--) {
    const k = key[i] as (typeof key)[number];
    const to = Math.max(1, k.freq - (keyTotal - capacityChecks));
    if (to < k.freq) {
      reduced.push({ enterpriseId: k.t.enterpriseId, from: k.freq, to });
      keyTotal -= k.freq - to;
      k.freq = to;
    }
  }
  while (keyTotal > capacityChecks && key.length) {
    const k = key.pop() as (typeof key)[number];
    keyTotal -= k.freq;
    leftOut.push({
      enterpriseId: k.t.enterpriseId,
      reason: `超出检查能力：重点检查对象（${k.reasons.join('、')}）按优先级排在能力 ${capacityChecks} 次之后，未列入`,
    });
  }

  const pool = [...general].sort((a, b) => a.enterpriseId - b.enterpriseId);
  const ratio = input.settings.generalRatio;
  const wanted = pool.length && ratio > 0 ? Math.max(1, Math.ceil((ratio * pool.length) / 100 - EPS)) : 0;
  const sample = wanted ? seededShuffle(pool, seededStream(seed, 'general')).slice(0, wanted) : [];
  const room = Math.max(0, capacityChecks - keyTotal);
  const taken = sample.slice(0, room);
  for (const t of sample.slice(room))
    leftOut.push({
      enterpriseId: t.enterpriseId,
      reason: `超出检查能力：一般检查抽中 ${wanted} 家，重点检查后仅余 ${room} 次，未列入`,
    });

  const load = months.map(() => 0);
  const items: PlanProposalItem[] = [];
  for (const k of key) {
    // With capacity nearly full a target may find fewer free distinct months than checks: it gets what fits.
    const placed = placeMonths(k.freq, months, monthlyCapacity, load);
    if (placed.length < k.freq && placed.length) reduced.push({ enterpriseId: k.t.enterpriseId, from: k.freq, to: placed.length });
    if (!placed.length) {
      leftOut.push({ enterpriseId: k.t.enterpriseId, reason: '超出检查能力：各月检查能力已排满，未列入' });
      continue;
    }
    items.push({ enterpriseId: k.t.enterpriseId, kind: 'key', reasons: k.reasons, checksPerYear: placed.length, months: placed });
  }
  for (const t of taken.sort((a, b) => a.enterpriseId - b.enterpriseId)) {
    const placed = placeMonths(1, months, monthlyCapacity, load);
    if (!placed.length) {
      leftOut.push({ enterpriseId: t.enterpriseId, reason: '超出检查能力：各月检查能力已排满，未列入' });
      continue;
    }
    items.push({
      enterpriseId: t.enterpriseId,
      kind: 'general',
      reasons: [`一般检查：随机抽取（比例 ${ratio}%）`],
      checksPerYear: 1,
      months: placed,
    });
  }

  return {
    year: input.year,
    months,
    capacityChecks,
    monthlyCapacity,
    plannedChecks: items.reduce((s, i) => s + i.checksPerYear, 0),
    keyTargets: items.length,
    generalPool: pool.length,
    generalSampled: items.length - items.filter((i) => i.kind === 'key').length,
    reduced,
    leftOut,
    items,
    seed,
  };
}

/** What an edited plan asks of capacity: its checks in total and per month, and what is over (Chinese, with the numbers). */
export function planLoadProblems(
  items: ReadonlyArray<{ checksPerYear: number; months: readonly number[] }>,
  capacity: PlanCapacityInput,
): string[] {
  const months = planMonths(capacity.months);
  const { capacityChecks, monthlyCapacity } = planCapacity(capacity);
  const problems: string[] = [];
  const planned = items.reduce((s, i) => s + i.checksPerYear, 0);
  if (planned > capacityChecks)
    problems.push(
      `计划检查 ${planned} 次，超过检查能力 ${capacityChecks} 次（执法人员 ${capacity.inspectors} 人 × 每月 ${capacity.inspectionDaysPerMonth} 天 × ${months.length} 个月 ÷ 每次 ${capacity.personDaysPerCheck} 人日）`,
    );
  const load = new Map<number, number>();
  for (const i of items) for (const m of i.months) load.set(m, (load.get(m) ?? 0) + 1);
  for (const [k, m] of months.entries()) {
    const n = load.get(m) ?? 0;
    if (n > (monthlyCapacity[k] as number)) problems.push(`${m} 月安排 ${n} 次，超过当月检查能力 ${monthlyCapacity[k]} 次`);
  }
  return problems;
}

/** A plan item's own consistency: one month per check, within the plan's months, no month twice. */
export function planItemProblem(item: { checksPerYear: number; months: readonly number[] }, months: readonly number[]): string | null {
  if (item.months.length !== item.checksPerYear) return `安排月份数（${item.months.length}）应等于年检查次数（${item.checksPerYear}）`;
  if (new Set(item.months).size !== item.months.length) return '同一月份不能重复安排';
  const outside = item.months.filter((m) => !months.includes(m));
  if (outside.length) return `${outside.join('、')} 月不在计划期内（${months[0]}–${months.at(-1)} 月）`;
  return null;
}
