import type { RiskLevel } from '../enterprise/enterprise.dict.ts';
import { riskLevels } from '../enterprise/enterprise.dict.ts';
import { type ControlLevel, controlLevelOfRisk, lecConsequence, lecExposure, lecLikelihood, lsScale } from './dual.dict.ts';
import type { DualConfig } from './dual.settings.ts';

/** Lower bounds (inclusive) of 重大/较大/一般; below 一般 is 低 (regulations §5.1: "pick lower-bound inclusive"). */
export interface RiskBands {
  major: number;
  high: number;
  medium: number;
}

export type RiskAssessmentInput = { method: 'lec'; l: number; e: number; c: number } | { method: 'ls'; l: number; s: number };

export interface RiskAssessment {
  /** D = L×E×C or R = L×S, rounded to 2 decimals (0.1 × 0.5 × 1 = 0.05). */
  score: number;
  level: RiskLevel;
  controlLevel: ControlLevel;
}

const scaleValues = (scale: ReadonlyArray<readonly [number, string]>) => scale.map(([v]) => v as number);

/** The value is not on its scale: a Chinese message naming the factor (LEC values outside the scales are refused). */
export function assessmentInputError(input: RiskAssessmentInput): { path: string; message: string } | null {
  const check = (path: string, name: string, v: number, allowed: readonly number[]) =>
    allowed.includes(v) ? null : { path, message: `${name}取值 ${v} 不在量表中，应为 ${allowed.join('、')} 之一` };
  if (input.method === 'lec') {
    return (
      check('l', '事故发生的可能性 L', input.l, scaleValues(lecLikelihood)) ??
      check('e', '暴露于危险环境的频繁程度 E', input.e, scaleValues(lecExposure)) ??
      check('c', '发生事故可能造成的后果 C', input.c, scaleValues(lecConsequence))
    );
  }
  return check('l', '可能性 L', input.l, lsScale) ?? check('s', '严重程度 S', input.s, lsScale);
}

/** A score → a level: lower bounds inclusive (D ≥ 320 红, ≥ 160 橙, ≥ 70 黄, else 蓝 by default). */
export function riskLevelOfScore(score: number, bands: RiskBands): RiskLevel {
  if (score >= bands.major) return 'major';
  if (score >= bands.high) return 'high';
  if (score >= bands.medium) return 'medium';
  return 'low';
}

/** LEC (regulations §5.1) or LS (§5.2) with the township's bands; the control level follows the level (§5.3). */
export function assessRisk(input: RiskAssessmentInput, config: Pick<DualConfig, 'lec' | 'ls'>): RiskAssessment {
  const raw = input.method === 'lec' ? input.l * input.e * input.c : input.l * input.s;
  const score = Math.round(raw * 100) / 100;
  const level = riskLevelOfScore(score, input.method === 'lec' ? config.lec : config.ls);
  return { score, level, controlLevel: controlLevelOfRisk[level] };
}

/** The highest of several levels (an enterprise's risk is its worst event's), or null for none. */
export function highestRiskLevel(levels: Iterable<RiskLevel | null | undefined>): RiskLevel | null {
  let best: RiskLevel | null = null;
  for (const l of levels) {
    if (l && (best === null || riskLevels.indexOf(l) < riskLevels.indexOf(best))) best = l;
  }
  return best;
}
