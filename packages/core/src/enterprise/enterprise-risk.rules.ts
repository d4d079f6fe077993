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
  /** The level to show: the registered one, raised to the floor while major hazards are open. */
  effective: RiskLevel | null;
  /** Whether open major hazards raised it above the registered level. */
  raised: boolean;
  openMajorHazards: number;
  /** Why the shown level differs from the registered one ("存在 3 项未销号重大隐患"), null when it does not. */
  reason: string | null;
}

/** Higher risk first: 重大 > 较大 > 一般 > 低 (the dictionary's order). */
function higher(a: RiskLevel, b: RiskLevel): RiskLevel {
  return riskLevels.indexOf(a) <= riskLevels.indexOf(b) ? a : b;
}

/** The shown risk level: max(registered, 较大 while open 重大事故隐患 exist), with the reason when it was raised. */
export function effectiveRiskLevel(registered: RiskLevel | null, openMajorHazards: number): EffectiveRisk {
  const open = Math.max(0, Math.trunc(openMajorHazards));
  if (open === 0) return { registered, effective: registered, raised: false, openMajorHazards: 0, reason: null };
  const effective = registered ? higher(registered, openMajorHazardRiskFloor) : openMajorHazardRiskFloor;
  const raised = effective !== registered;
  const reason = raised
    ? `存在 ${open} 项未销号重大隐患，按${riskLevelLabels[openMajorHazardRiskFloor]}及以上显示（登记为${registered ? riskLevelLabels[registered] : '未评定'}）`
    : null;
  return { registered, effective, raised, openMajorHazards: open, reason };
}
