import type { HazardAction } from './hazard.dict.ts';
import { type HazardActor, type HazardFacts, hazardActionRefusal } from './hazard.rules.ts';

/**
 * The steps that are somebody's to-do (待办): the ones that move a hazard forward, in the order of the loop. The
 * others are choices taken while doing one of these (退回方案, 验收不通过, 不予认定, 撤销 …) or optional (申请延期).
 */
export const hazardTodoActions: readonly HazardAction[] = [
  'confirm',
  'submitPlan',
  'approvePlan',
  'rectify',
  'accept',
  'evaluate',
  'applyResume',
  'review',
  'approveExtension',
];

/** The enterprise of the hazard itself: what it may do is the enterprise's side of the loop. */
function enterpriseOf(h: HazardFacts): HazardActor {
  return { userId: -1, office: false, unitId: null, enterpriseId: h.enterpriseId, supervisor: false };
}

const allowed = (h: HazardFacts, a: HazardActor, action: HazardAction) => hazardActionRefusal(h, a, action) === null;

/**
 * The step a hazard waits for from this actor, or null: the actor's own part in the loop (hazard.rules.ts), not what
 * the office may also record on another's behalf (代录). The office answers for a hazard only when no member unit
 * supervises its enterprise, and then only for the government's steps. An overdue 重大隐患 not yet listed waits for
 * 挂牌督办 by whoever answers for it (安全生产法 第四十一条 督办制度).
 */
export function hazardTodoStep(h: HazardFacts, a: HazardActor, opts: { overdue: boolean }): HazardAction | null {
  const own: HazardActor = { ...a, office: false };
  const step = hazardTodoActions.find((action) => allowed(h, own, action));
  if (step) return step;
  const officeAnswers = a.office && h.supervisingUnitId == null;
  if (officeAnswers) {
    const government = hazardTodoActions.find((action) => allowed(h, a, action) && !allowed(h, enterpriseOf(h), action));
    if (government) return government;
  }
  if (opts.overdue && !h.supervised && (allowed(h, own, 'supervise') || (officeAnswers && allowed(h, a, 'supervise')))) return 'supervise';
  return null;
}
