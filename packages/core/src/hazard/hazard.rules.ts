import {
  type HazardAction,
  type HazardChannel,
  type HazardGrade,
  type HazardStatus,
  type HazardVerdict,
  type MajorReportItem,
  majorReportItemLabels,
  majorReportItems,
  openHazardStatuses,
  type StoppageKind,
} from './hazard.dict.ts';
import { isDueSoon, isOpen, isOverdue } from './hazard-predicates.rules.ts';

/** What the state machine needs to know about a hazard. */
export interface HazardFacts {
  grade: HazardGrade;
  status: HazardStatus;
  channel: HazardChannel;
  enterpriseId: number | null;
  foundBy: number;
  finderUnitId: number | null;
  /** The unit with the legal duty to supervise the enterprise (三管三必须): it 认定 and 销号 major hazards. */
  supervisingUnitId: number | null;
  hasPendingExtension: boolean;
  /** It is under 挂牌督办 now. */
  supervised: boolean;
  /** The stoppage the plan ordered (16号令 第十六条); null before a plan. Stopped production must apply to resume. */
  stoppage: StoppageKind | null;
}

/** What a step decided, where the next status depends on it (the evaluation's and the review's verdict). */
export interface HazardStepOutcome {
  verdict?: HazardVerdict;
}

/** Who is acting. `office` covers the township safety office and the system administrator. */
export interface HazardActor {
  userId: number;
  office: boolean;
  unitId: number | null;
  /** The enterprise an enterprise account belongs to. */
  enterpriseId: number | null;
  /** Government staff who may supervise hazards at all (units, inspectors, office). */
  supervisor: boolean;
}

type Who = 'enterprise' | 'finder' | 'responsible' | 'government';

interface Transition {
  from: readonly HazardStatus[];
  grades: readonly HazardGrade[];
  who: readonly Who[];
  to: HazardStatus | 'same' | ((h: HazardFacts, outcome: HazardStepOutcome) => HazardStatus);
}

/**
 * The closed loop (16号令 第十五、十六、十八条; regulations.md §1.4):
 * 一般: rectifying → rectified → closed (accept) | back to rectifying (reject).
 * 重大: found → confirmed (认定) → planSubmitted (six contents) → rectifying (plan approved, 五落实) → evaluating (治理
 * done) → evaluation by the enterprise or an engaged institution → evaluated (production had stopped: a written
 * application to resume) → reviewing (on-site review by the supervising unit) → closed (销号); a failed evaluation or
 * review sends it back to rectifying. A finding that is no hazard is declined (不予认定) before 认定 or withdrawn (撤销)
 * after, with a reason, never deleted.
 */
const transitions: Record<HazardAction, Transition> = {
  confirm: { from: ['found'], grades: ['major'], who: ['responsible'], to: 'confirmed' },
  submitPlan: { from: ['confirmed'], grades: ['major'], who: ['enterprise'], to: 'planSubmitted' },
  approvePlan: { from: ['planSubmitted'], grades: ['major'], who: ['responsible'], to: 'rectifying' },
  returnPlan: { from: ['planSubmitted'], grades: ['major'], who: ['responsible'], to: 'confirmed' },
  supervise: {
    from: ['confirmed', 'planSubmitted', 'rectifying', 'evaluating', 'evaluated', 'reviewing'],
    grades: ['major'],
    who: ['responsible'],
    to: 'same',
  },
  // 摘牌: the listing is taken down once the hazard is struck off (销号) or withdrawn, or earlier by the authority's decision with a
  // reason (e.g. listed by mistake, handed to a higher level); only the responsible unit or the office does it.
  unsupervise: { from: [...openHazardStatuses, 'closed', 'dismissed'], grades: ['major'], who: ['responsible'], to: 'same' },
  rectify: {
    from: ['rectifying'],
    grades: ['general', 'major'],
    who: ['enterprise'],
    to: (h) => (h.grade === 'major' ? 'evaluating' : 'rectified'),
  },
  accept: { from: ['rectified'], grades: ['general'], who: ['finder', 'responsible'], to: 'closed' },
  reject: { from: ['rectified'], grades: ['general'], who: ['finder', 'responsible'], to: 'rectifying' },
  evaluate: {
    from: ['evaluating'],
    grades: ['major'],
    who: ['enterprise'],
    to: (h, o) =>
      o.verdict !== 'passed' ? 'rectifying' : h.stoppage === 'partial' || h.stoppage === 'complete' ? 'evaluated' : 'reviewing',
  },
  applyResume: { from: ['evaluated'], grades: ['major'], who: ['enterprise'], to: 'reviewing' },
  review: {
    from: ['reviewing'],
    grades: ['major'],
    who: ['responsible'],
    to: (_h, o) => (o.verdict === 'passed' ? 'closed' : 'rectifying'),
  },
  requestExtension: {
    from: ['confirmed', 'planSubmitted', 'rectifying'],
    grades: ['general', 'major'],
    who: ['enterprise'],
    to: 'same',
  },
  approveExtension: {
    from: ['confirmed', 'planSubmitted', 'rectifying'],
    grades: ['general', 'major'],
    who: ['finder', 'responsible'],
    to: 'same',
  },
  denyExtension: {
    from: ['confirmed', 'planSubmitted', 'rectifying'],
    grades: ['general', 'major'],
    who: ['finder', 'responsible'],
    to: 'same',
  },
  // A reported major hazard the responsible unit finds is none is not confirmed (不予认定); any other open finding
  // shown to be unfounded is withdrawn (撤销) with a reason. Neither is 核销, which in 16号令 means closing after review.
  decline: { from: ['found'], grades: ['major'], who: ['responsible'], to: 'dismissed' },
  dismiss: {
    from: openHazardStatuses.filter((s) => s !== 'found'),
    grades: ['general', 'major'],
    who: ['finder', 'responsible'],
    to: 'dismissed',
  },
  upgrade: { from: ['rectifying'], grades: ['general'], who: ['government'], to: 'found' },
};

function plays(h: HazardFacts, a: HazardActor, who: Who, action: HazardAction): boolean {
  switch (who) {
    // The office may record an enterprise's step on its behalf (代录); the event names who typed it.
    case 'enterprise':
      return (a.enterpriseId != null && a.enterpriseId === h.enterpriseId) || a.office;
    case 'responsible':
      return a.office || (a.supervisor && a.unitId != null && a.unitId === h.supervisingUnitId);
    case 'government':
      return a.office || a.supervisor;
    case 'finder': {
      if (a.office) return true;
      // 一般隐患 found in an enterprise's own self-check is accepted by the enterprise itself (自查自改).
      if (h.grade === 'general' && h.channel === 'selfCheck' && h.enterpriseId != null && a.enterpriseId === h.enterpriseId) return true;
      if (h.grade === 'major') return plays(h, a, 'responsible', action);
      // 谁检查、谁签名: whoever found it (a grid worker too) checks the fix; so may the finder's and the regulator's unit.
      if (a.userId === h.foundBy && a.enterpriseId == null) return true;
      if (!a.supervisor) return false;
      return a.unitId != null && (a.unitId === h.finderUnitId || a.unitId === h.supervisingUnitId);
    }
  }
}

export interface HazardRefusal {
  /** grade/state/pending: the step does not fit the hazard now (409); role: not this actor's step (403). */
  reason: 'grade' | 'state' | 'role' | 'pending';
  message: string;
}

/** Why an actor may not take an action now (Chinese message); null when allowed. */
export function hazardActionRefusal(h: HazardFacts, a: HazardActor, action: HazardAction): HazardRefusal | null {
  const t = transitions[action];
  if (!t.grades.includes(h.grade)) return { reason: 'grade', message: `${h.grade === 'major' ? '重大' : '一般'}隐患没有这一步` };
  if (!t.from.includes(h.status)) return { reason: 'state', message: '隐患当前状态不允许这一操作' };
  if (!t.who.some((w) => plays(h, a, w, action))) return { reason: 'role', message: '您无权对该隐患进行这一操作' };
  if (action === 'unsupervise' && !h.supervised) return { reason: 'state', message: '该隐患未挂牌督办，无需摘牌' };
  if (action === 'requestExtension' && h.hasPendingExtension) return { reason: 'pending', message: '已有延期申请待审批' };
  if ((action === 'approveExtension' || action === 'denyExtension') && !h.hasPendingExtension) {
    return { reason: 'pending', message: '没有待审批的延期申请' };
  }
  return null;
}

export function nextHazardStatus(h: HazardFacts, action: HazardAction, outcome: HazardStepOutcome = {}): HazardStatus {
  const to = transitions[action].to;
  if (typeof to === 'function') return to(h, outcome);
  return to === 'same' ? h.status : to;
}

/** The actions an actor may take now: the detail page shows exactly these buttons. */
export function availableHazardActions(h: HazardFacts, a: HazardActor): HazardAction[] {
  return (Object.keys(transitions) as HazardAction[]).filter((action) => hazardActionRefusal(h, a, action) === null);
}

/** Where a new hazard starts: a general one goes straight to rectification with its deadline; a major one waits for 认定. */
export function initialHazardStatus(grade: HazardGrade, fixedOnSpot: boolean): HazardStatus {
  if (fixedOnSpot) return 'closed';
  return grade === 'major' ? 'found' : 'rectifying';
}

/** The same as isOpen (hazard-predicates.rules.ts). */
export function isOpenHazard(status: HazardStatus): boolean {
  return isOpen(status);
}

/**
 * 16号令 第十四条第二款: the items a major hazard's report must carry before it is confirmed (认定), with the Chinese
 * message for each one missing.
 */
export function missingMajorReportItems(
  report: Partial<Record<MajorReportItem, string | null>>,
): Array<{ item: MajorReportItem; message: string }> {
  return majorReportItems
    .filter((k) => !report[k]?.trim())
    .map((item) => ({ item, message: `重大事故隐患报告须写明${majorReportItemLabels[item]}` }));
}

/**
 * Whose step a hazard waits for (the 待办 and the ledger's 待我处理 read it): the enterprise (方案, 整改, 评估, 恢复生产申请),
 * the regulator — the supervising unit, or the office where there is none — (认定, 方案审核, 现场审核, a major hazard's
 * extension), or the finder (验收 of a general hazard, its extension). An enterprise's own self-checked general hazard
 * is accepted by the enterprise (自查自改). Ended hazards wait for no one.
 */
export type HazardParty = 'enterprise' | 'regulator' | 'finder';

/** Statuses whose next step is the enterprise's (submitPlan, rectify, evaluate, applyResume). */
export const enterpriseStepStatuses: HazardStatus[] = ['confirmed', 'rectifying', 'evaluating', 'evaluated'];
/** Statuses whose next step is the regulator's (confirm or decline, approve or return the plan, review). */
export const regulatorStepStatuses: HazardStatus[] = ['found', 'planSubmitted', 'reviewing'];
/** Statuses whose next step is the sign-off of a general hazard (accept or reject). */
export const finderStepStatuses: HazardStatus[] = ['rectified'];

export type HazardAwaitFacts = Pick<HazardFacts, 'grade' | 'status' | 'channel' | 'hasPendingExtension'>;

export function awaitedParty(h: HazardAwaitFacts): HazardParty | null {
  if (!isOpen(h.status)) return null;
  // A pending extension is decided first: by the regulator for a major hazard, by the finder for a general one.
  if (h.hasPendingExtension) return h.grade === 'major' ? 'regulator' : 'finder';
  if (enterpriseStepStatuses.includes(h.status)) return 'enterprise';
  if (regulatorStepStatuses.includes(h.status)) return 'regulator';
  if (finderStepStatuses.includes(h.status)) {
    if (h.grade === 'major') return 'regulator';
    return h.channel === 'selfCheck' ? 'enterprise' : 'finder';
  }
  return null;
}

/** The hazard waits for this actor's step: their enterprise, their unit as regulator (the office without one), or they found it. */
export function isAwaitingActor(
  h: HazardAwaitFacts & Pick<HazardFacts, 'enterpriseId' | 'foundBy' | 'finderUnitId' | 'supervisingUnitId'>,
  a: Pick<HazardActor, 'userId' | 'office' | 'unitId' | 'enterpriseId'>,
): boolean {
  switch (awaitedParty(h)) {
    case 'enterprise':
      return a.enterpriseId != null && a.enterpriseId === h.enterpriseId;
    case 'regulator':
      return h.supervisingUnitId != null ? a.unitId === h.supervisingUnitId : a.office;
    case 'finder':
      return a.userId === h.foundBy || (a.unitId != null && a.unitId === h.finderUnitId);
    default:
      return false;
  }
}

/** The step a hazard waits for, to link a notice or a to-do to it (/hazards/12?action=rectify). */
export function awaitedAction(h: HazardAwaitFacts): HazardAction | null {
  if (!isOpen(h.status)) return null;
  if (h.hasPendingExtension) return 'approveExtension';
  const byStatus: Partial<Record<HazardStatus, HazardAction>> = {
    found: 'confirm',
    confirmed: 'submitPlan',
    planSubmitted: 'approvePlan',
    rectifying: 'rectify',
    rectified: 'accept',
    evaluating: 'evaluate',
    evaluated: 'applyResume',
    reviewing: 'review',
  };
  return byStatus[h.status] ?? null;
}

export interface HazardRemindRefusal {
  /** role: 403; state: 409; tooSoon: 429 (once a day per hazard). */
  reason: 'role' | 'state' | 'tooSoon';
  message: string;
}

type RemindFacts = HazardAwaitFacts &
  Pick<HazardFacts, 'enterpriseId' | 'foundBy' | 'finderUnitId' | 'supervisingUnitId'> & { deadline: string | null };

/**
 * 催办: the office or the supervising unit presses whoever's step an open hazard waits for, once it is overdue or due
 * soon (the township's due-soon days), at most once a day per hazard — a reminder that comes every hour is not read.
 * Null when allowed.
 */
export function hazardRemindRefusal(
  h: RemindFacts,
  a: HazardActor,
  ctx: { today: string; dueSoonDays: number; lastRemindedOn: string | null },
): HazardRemindRefusal | null {
  if (!(a.office || (a.supervisor && a.unitId != null && a.unitId === h.supervisingUnitId))) {
    return { reason: 'role', message: '只有安委办或该企业的监管单位可以催办' };
  }
  if (awaitedParty(h) === null) return { reason: 'state', message: '该隐患已办结，无需催办' };
  if (!isOverdue(h, ctx.today) && !isDueSoon(h, ctx.today, ctx.dueSoonDays)) {
    return { reason: 'state', message: `只能催办已逾期或 ${ctx.dueSoonDays} 天内到期的在办隐患` };
  }
  if (isAwaitingActor(h, a)) return { reason: 'state', message: '该隐患正等待您办理，无需催办' };
  if (ctx.lastRemindedOn === ctx.today) return { reason: 'tooSoon', message: '今天已催办过该隐患，每个隐患每天最多催办一次，请明天再催' };
  return null;
}
