import { countedReportFilings } from './plan-predicates.rules.ts';
import type { PlanReportFiling, PlanReportStatus } from './plan-tracking.contract.ts';

/**
 * Is this dispatch card a report? (issue 10: 全部保存 filed every blank card as reported — "已报送 16/16" for reports
 * nobody wrote.) A card counts only when the unit changed it from what the form started with (this month's report,
 * else last month's, else blank) or explicitly confirmed 本月无新进展. The save endpoint, the dispatch page, the
 * ledger, the 五色图 and the 季通报 all go through these functions (and the SQL through plan-predicates.sql.ts).
 */
export interface DispatchCardValues {
  status: PlanReportStatus;
  summary: string;
  problems: string;
  figures: ReadonlyArray<{ metric: string; value: number; unit: string }>;
  fileIds: readonly number[];
}

export type DispatchCardOutcome = PlanReportFiling;

const figureKey = (f: DispatchCardValues['figures'][number]) => `${f.metric.trim()}\u0000${f.value}\u0000${f.unit.trim()}`;
const sortedKeys = (xs: readonly (string | number)[]) => xs.map(String).sort().join('\u0001');

/** The card differs from its prefill in status, progress text, problems, figures or evidence. */
export function isCardChanged(input: DispatchCardValues, prefill: DispatchCardValues): boolean {
  return (
    input.status !== prefill.status ||
    input.summary.trim() !== prefill.summary.trim() ||
    input.problems.trim() !== prefill.problems.trim() ||
    sortedKeys(input.figures.map(figureKey)) !== sortedKeys(prefill.figures.map(figureKey)) ||
    sortedKeys(input.fileIds) !== sortedKeys(prefill.fileIds)
  );
}

/** filed (changed), noChange (confirmed as it stands) or untouched (neither: not a report, not saved). */
export function dispatchCardOutcome(input: DispatchCardValues & { noChange?: boolean }, prefill: DispatchCardValues): DispatchCardOutcome {
  if (isCardChanged(input, prefill)) return 'filed';
  return input.noChange ? 'noChange' : 'untouched';
}

/** A stored report counts as reported (for 已报送, 按时报送, 收到报送, 催报 and the sweep). */
export function countsAsReport(filing: PlanReportFiling): boolean {
  return countedReportFilings.includes(filing);
}
