import {
  type CriteriaSetStatus,
  type CriterionConfidence,
  criteriaSetStatusLabels,
  criterionConfidenceLabels,
  enterpriseFlagLabels,
  supervisionDomainLabels,
} from '@anzhi/core';

export const setStatusColours: Record<CriteriaSetStatus, string> = { current: 'green', superseded: 'default', retired: 'default' };
export const confidenceColours: Record<CriterionConfidence, string> = { V: 'green', P: 'gold', U: 'red' };

export const setStatusLabel = (s: CriteriaSetStatus) => criteriaSetStatusLabels[s] ?? s;
export const confidenceLabel = (c: CriterionConfidence) => `${c} ${criterionConfidenceLabels[c] ?? ''}`.trim();
export const domainLabel = (code: string) => (supervisionDomainLabels as Record<string, string>)[code] ?? code;
export const flagLabel = (code: string) => (enterpriseFlagLabels as Record<string, string>)[code] ?? code;

/** 第十一条（四）, or the code's number when the item has no article (flat lists, mines). */
export function clauseLabel(c: { code: string; article: string | null; item: string | null }): string {
  const where = c.item && /^\d/.test(c.item) ? c.item : `${c.article ?? ''}${c.item ?? ''}`;
  return where || (c.code.split('/')[1] ?? c.code);
}

/** Today in China time, as the server counts discovery dates. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
