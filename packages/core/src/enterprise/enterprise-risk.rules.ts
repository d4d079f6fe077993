import { type RiskLevel, riskLevelLabels, riskLevels } from './enterprise.dict.ts';

/**
 * The risk level an enterprise is shown with while it has open (未销号) 重大事故隐患: at least 较大风险 (橙).
 *
 * No national rule fixes how open hazards move an enterprise's risk grade (regulations.md §5: the 四色 levels are
 * 安委办〔2016〕11号 policy, cut-offs vary by province), so this is AnZhi's local rule — ADR 0013. A 重大事故隐患 is one
 * whose 危害和整改难度较大 (16号令 第三条) and that may need a stoppage; an enterprise carrying one is not shown as
 * 一般/低 risk, whatever was registered. Townships whose local rule grades it 重大 change this constant.
 */
export const openMajorHazardRiskFloor: RiskLevel = 'high';

export interface EffectiveRisk {
  /** The level registered by a supervisor (enterprise.riskLevel), or null when none was. */
  registered: RiskLevel | null;
  /** The enterprise's own highest assessed risk (its worst 风险事件, issue 16), or null when nothing is assessed. */
  assessed: RiskLevel | null;
  /** The level to show: the highest of the registered, the self-assessed level and the open-major-hazard floor. */
  effective: RiskLevel | null;
  /** Whether the assessment or open major hazards raised it above the registered level. */
  raised: boolean;
  openMajorHazards: number;
  /** Why the shown level differs from the registered one, naming the source; null when it does not. */
  reason: string | null;
}

/** `a` is a higher risk than `b` (重大 > 较大 > 一般 > 低, the dictionary's order; anything is above none). */
const above = (a: RiskLevel | null, b: RiskLevel | null) => a !== null && (b === null || riskLevels.indexOf(a) < riskLevels.indexOf(b));

/**
 * The shown risk level: the highest of the registered level, the enterprise's self-assessed level (双重预防: the
 * worst of its risk events) and 较大 while open 重大事故隐患 exist, with the reason naming what raised it.
 */
export function effectiveRiskLevel(
  registered: RiskLevel | null,
  openMajorHazards: number,
  assessed: RiskLevel | null = null,
): EffectiveRisk {
  const open = Math.max(0, Math.trunc(openMajorHazards));
  const floor = open > 0 ? openMajorHazardRiskFloor : null;
  let effective = registered;
  for (const l of [assessed, floor]) if (above(l, effective)) effective = l;
  const raised = effective !== registered;
  if (!raised || effective === null) return { registered, assessed, effective, raised: false, openMajorHazards: open, reason: null };
  const was = `登记为${registered ? riskLevelLabels[registered] : '未评定'}`;
  const why: string[] = [];
  if (assessed === effective) why.push(`企业风险辨识评估最高为${riskLevelLabels[assessed]}`);
  if (floor === effective) why.push(`存在 ${open} 项未销号重大隐患，按${riskLevelLabels[floor]}及以上显示`);
  return { registered, assessed, effective, raised, openMajorHazards: open, reason: `${why.join('；')}（${was}）` };
}
