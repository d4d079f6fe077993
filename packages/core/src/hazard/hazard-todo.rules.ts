import type { HazardAction } from './hazard.dict.ts';
import { awaitedAction, type HazardActor, type HazardFacts, hazardActionRefusal, isAwaitingActor } from './hazard.rules.ts';

const allowed = (h: HazardFacts, a: HazardActor, action: HazardAction) => hazardActionRefusal(h, a, action) === null;

/**
 * The step a hazard waits for from this actor, or null. Whose turn it is comes from one rule, isAwaitingActor (the
 * ledger's 待我处理 applies the same rule in SQL), so the 待办 and the ledger cannot disagree; the step is the one the
 * hazard waits for (awaitedAction). Besides, an overdue 重大隐患 not yet listed waits for 挂牌督办 by the unit that answers for it
 * (the supervising unit, or the office where there is none) — 安全生产法 第四十一条 督办制度.
 */
export function hazardTodoStep(h: HazardFacts, a: HazardActor, opts: { overdue: boolean }): HazardAction | null {
  if (isAwaitingActor(h, a)) return awaitedAction(h);
  return owesSupervision(h, a, opts.overdue) ? 'supervise' : null;
}

/** An overdue major hazard not under 挂牌督办 is the supervising unit's (or, without one, the office's) to list. */
export function owesSupervision(h: HazardFacts, a: HazardActor, overdue: boolean): boolean {
  if (!overdue || h.supervised || h.grade !== 'major') return false;
  const answers = h.supervisingUnitId != null ? a.unitId === h.supervisingUnitId : a.office;
  return answers && allowed(h, a, 'supervise');
}
