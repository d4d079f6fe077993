import { addDays } from '../hazard/hazard-time.rules.ts';
import {
  type EnforcementDocumentKind,
  type OrderStatus,
  openOrderStatuses,
  type PenaltyStatus,
  type RecheckItemResult,
} from './enforcement.dict.ts';
import { safetyLawArticle } from './safety-law.articles.ts';

/**
 * 执法三部曲 (检查 → 责令限期整改 → 复查, where needed 处罚): deadlines, document numbers and the penalty case's steps
 * (regulations.md §9.3 and §1.3). Pure: the server and the web share them.
 */

/** The 复查 falls due `recheckDays` after the rectification deadline (regulations.md §9.3: commonly within 10 days). */
export function recheckDueOn(deadline: string, recheckDays: number): string {
  return addDays(deadline, recheckDays);
}

/**
 * Where an order stands as of `today` (China calendar day): waiting for the deadline (notYetDue), inside the 复查
 * window from the deadline to the due day (due), past the due day without a 复查 (overdue), or rechecked/cancelled (closed).
 */
export const recheckStates = ['notYetDue', 'due', 'overdue', 'closed'] as const;
export type RecheckState = (typeof recheckStates)[number];
export const recheckStateLabels: Record<RecheckState, string> = {
  notYetDue: '整改期限内',
  due: '待复查',
  overdue: '复查逾期',
  closed: '已办结',
};

export function orderIsOpen(status: OrderStatus): boolean {
  return (openOrderStatuses as readonly OrderStatus[]).includes(status);
}

export function recheckState(order: { status: OrderStatus; deadline: string; recheckDueOn: string }, today: string): RecheckState {
  if (!orderIsOpen(order.status)) return 'closed';
  if (today > order.recheckDueOn) return 'overdue';
  if (today >= order.deadline) return 'due';
  return 'notYetDue';
}

/** A 复查 before the rectification deadline is allowed (the enterprise reported early) but needs a reason on record. */
export function earlyRecheckNeedsReason(on: string, deadline: string): boolean {
  return on < deadline;
}

export interface RecheckProblem {
  path: string;
  message: string;
}

/**
 * What is wrong with a 复查 of an order: the date (not before the order, not in the future, a reason when before the
 * deadline) and the results (every ordered item exactly once).
 */
export function recheckProblems(
  order: { issuedOn: string; deadline: string; itemIds: readonly number[] },
  input: { on: string; results: ReadonlyArray<{ itemId: number; result: RecheckItemResult }>; earlyReason?: string | null },
  today: string,
): RecheckProblem[] {
  const out: RecheckProblem[] = [];
  if (input.on > today) out.push({ path: 'on', message: '复查日期不能晚于今天' });
  if (input.on < order.issuedOn) out.push({ path: 'on', message: '复查日期不能早于指令书下达日期' });
  if (earlyRecheckNeedsReason(input.on, order.deadline) && !input.earlyReason?.trim())
    out.push({ path: 'earlyReason', message: `整改期限（${order.deadline}）届满前复查，须填写提前复查的理由` });
  const wanted = new Set(order.itemIds);
  const seen = new Set<number>();
  input.results.forEach((r, i) => {
    if (!wanted.has(r.itemId)) out.push({ path: `results.${i}.itemId`, message: '该检查项不在本指令书的整改项目中' });
    else if (seen.has(r.itemId)) out.push({ path: `results.${i}.itemId`, message: '同一检查项重复填写' });
    seen.add(r.itemId);
  });
  const missing = order.itemIds.filter((id) => !seen.has(id));
  if (missing.length) out.push({ path: 'results', message: `还有 ${missing.length} 项整改项目未填写复查结果` });
  return out;
}

/** Items a 复查 found not fixed: the order suggests a penalty case for them (安全生产法 第一百零二条). */
export function recheckSuggestsPenalty(results: ReadonlyArray<{ result: RecheckItemResult }> | null | undefined): boolean {
  return (results ?? []).some((r) => r.result === 'notFixed');
}

/** The 文书 abbreviation in a number: 检记 (现场检查记录), 责改, 复查, 罚 (regulations.md §9.3: e.g. 应急检记〔2025〕X号). */
export const enforcementDocWords: Record<EnforcementDocumentKind, string> = {
  checkRecord: '检记',
  rectificationOrder: '责改',
  recheckOpinion: '复查',
  penaltyDecision: '罚',
};

/**
 * The 发文机关代字 of an enforcing unit: its short name (简称, which an administrator edits on the unit) or, without
 * one, its full name. 示例应急 → 示例应急责改〔2026〕12号.
 */
export function unitDocPrefix(unit: { name: string; shortName: string | null }): string {
  return unit.shortName?.trim() || unit.name.trim();
}

/** `{prefix}{abbrev}〔{year}〕{seq}号` (GB/T 9704-2012 7.2.4: no 第, no leading zeros), one yearly sequence per unit and kind. */
export function enforcementDocNumber(prefix: string, kind: EnforcementDocumentKind, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`发文顺序号应为正整数：${seq}`);
  if (!Number.isInteger(year) || year < 2000 || year > 2999) throw new Error(`年份不正确：${year}`);
  return `${prefix}${enforcementDocWords[kind]}〔${year}〕${seq}号`;
}

/** The document_sequences issuer of a unit's documents of one kind. */
export function enforcementDocIssuer(unitId: number, kind: EnforcementDocumentKind): string {
  return `enforcement:${unitId}:${kind}`;
}

/**
 * A penalty case's steps (行政处罚法: 立案 → 告知 (陈述申辩) → 决定 → 执行 → 结案); a case is withdrawn (撤销立案) with a
 * reason before a decision is made.
 */
export const penaltyNext: Record<PenaltyStatus, readonly PenaltyStatus[]> = {
  filed: ['noticed', 'withdrawn'],
  noticed: ['decided', 'withdrawn'],
  decided: ['executed'],
  executed: ['closed'],
  closed: [],
  withdrawn: [],
};

export function canMovePenalty(from: PenaltyStatus, to: PenaltyStatus): boolean {
  return penaltyNext[from].includes(to);
}

/** Codes a case cites that no version of the list knows. */
export function unknownLegalBasis(codes: readonly string[]): string[] {
  return codes.filter((c) => !safetyLawArticle(c));
}
