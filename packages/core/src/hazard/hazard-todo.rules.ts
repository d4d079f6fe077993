import type { HazardAction } from './hazard.dict.ts';
import {
  awaitedParty,
  type HazardActor,
  type HazardFacts,
  type HazardParty,
  hazardActionRefusal,
  isAwaitingActor,
} from './hazard.rules.ts';

/**
 * The steps that are each party's to-do (待办), in the order the loop reaches them. The others are choices taken while
 * doing one of these (退回方案, 验收不通过, 不予认定, 撤销 …) or optional (申请延期). A pending extension is decided
 * before anything else, so 审批延期 comes first on the government side.
 */
export const hazardPartySteps: Record<HazardParty, readonly HazardAction[]> = {
  enterprise: ['submitPlan', 'rectify', 'evaluate', 'applyResume', 'accept'],
  regulator: ['approveExtension', 'confirm', 'approvePlan', 'accept', 'review'],
  finder: ['approveExtension', 'accept'],
};

/** Every action that can be somebody's to-do (the links of 待办 open one of these). */
export const hazardTodoActions: readonly HazardAction[] = [...new Set(Object.values(hazardPartySteps).flat()), 'supervise'];

const allowed = (h: HazardFacts, a: HazardActor, action: HazardAction) => hazardActionRefusal(h, a, action) === null;

/**
 * The step a hazard waits for from this actor, or null. Whose turn it is comes from one rule, isAwaitingActor (the
 * ledger's 待我处理 applies the same rule in SQL), so the 待办 and the ledger cannot disagree; this only names the
 * step that party takes. Besides, an overdue 重大隐患 not yet listed waits for 挂牌督办 by the unit that answers for it
 * (the supervising unit, or the office where there is none) — 安全生产法 第四十一条 督办制度.
 */
export function hazardTodoStep(h: HazardFacts, a: HazardActor, opts: { overdue: boolean }): HazardAction | null {
  const party = awaitedParty(h);
  if (party && isAwaitingActor(h, a)) {
    return hazardPartySteps[party].find((action) => allowed(h, a, action)) ?? null;
  }
  return owesSupervision(h, a, opts.overdue) ? 'supervise' : null;
}

/** An overdue major hazard not under 挂牌督办 is the supervising unit's (or, without one, the office's) to list. */
export function owesSupervision(h: HazardFacts, a: HazardActor, overdue: boolean): boolean {
  if (!overdue || h.supervised || h.grade !== 'major') return false;
  const answers = h.supervisingUnitId != null ? a.unitId === h.supervisingUnitId : a.office;
  return answers && allowed(h, a, 'supervise');
}
