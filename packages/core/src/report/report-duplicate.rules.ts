import { textBigrams } from '../hazard/hazard-search.rules.ts';
import { type ReportStatus, reportStatuses } from './report.dict.ts';
import type { ReportConfig } from './report.settings.ts';

/**
 * Duplicate reports (issue 15: "same enterprise or place, similar text, short time" → linked, not multiplied). Two
 * texts are compared by the Dice coefficient of their character bigrams (core `textBigrams`, the hazard search's one
 * definition): 2·|A∩B| / (|A|+|B|). Whitespace and punctuation are dropped first, so "消防通道堵塞。" and "消防通道 堵塞"
 * compare equal. The threshold and the window are the township's settings (`duplicateSimilarity`, `duplicateDays`).
 */

const noise = /[\s\p{P}\p{S}]/gu;

/** The text as compared: lower case, without spaces, punctuation or symbols. */
export function comparableText(text: string): string {
  return text.toLowerCase().replace(noise, '');
}

/** Dice coefficient of the character bigrams of two texts, 0–1 (two empty texts: 0, nothing to compare). */
export function textSimilarity(a: string, b: string): number {
  const ga = textBigrams(comparableText(a));
  const gb = textBigrams(comparableText(b));
  if (ga.length === 0 || gb.length === 0) return 0;
  const set = new Set(ga);
  const shared = gb.filter((g) => set.has(g)).length;
  return (2 * shared) / (ga.length + gb.length);
}

/** What duplicate detection needs of a report. */
export interface DuplicateCandidate {
  enterpriseId: number | null;
  regionCode: string;
  place: string | null;
  description: string;
  /** ISO timestamp. */
  receivedAt: string;
}

/** Two places the reporter typed name the same spot when they are similar enough (or one contains the other). */
function samePlace(a: string | null, b: string | null, threshold: number): boolean {
  if (!a || !b) return false;
  const x = comparableText(a);
  const y = comparableText(b);
  if (!x || !y) return false;
  return x.includes(y) || y.includes(x) || textSimilarity(x, y) >= threshold;
}

const DAY_MS = 86_400_000;

/**
 * Whether `b` reports the same matter as `a`: the same enterprise — or, unless both name (different) enterprises, the same village
 * and a similar place — received within `duplicateDays` of each other, and descriptions at least `duplicateSimilarity`
 * alike. Returns the similarity when they are, null otherwise.
 */
export function sameMatterSimilarity(
  a: DuplicateCandidate,
  b: DuplicateCandidate,
  config: Pick<ReportConfig, 'duplicateDays' | 'duplicateSimilarity'>,
): number | null {
  const apart = Math.abs(Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
  if (!(apart <= config.duplicateDays * DAY_MS)) return null;
  const where =
    a.enterpriseId != null && b.enterpriseId != null
      ? a.enterpriseId === b.enterpriseId
      : a.regionCode === b.regionCode && samePlace(a.place, b.place, config.duplicateSimilarity);
  if (!where) return null;
  const similarity = textSimilarity(a.description, b.description);
  return similarity >= config.duplicateSimilarity ? similarity : null;
}

export function isSameMatter(
  a: DuplicateCandidate,
  b: DuplicateCandidate,
  config: Pick<ReportConfig, 'duplicateDays' | 'duplicateSimilarity'>,
): boolean {
  return sameMatterSimilarity(a, b, config) !== null;
}

/**
 * The first report a new one duplicates, among candidates (each with its own `duplicateOfId`): the most similar match,
 * then followed to the first report of its matter — a report is never linked to a duplicate, always to the original.
 */
export function chooseDuplicateOf<C extends DuplicateCandidate & { id: number; duplicateOfId: number | null }>(
  report: DuplicateCandidate,
  candidates: readonly C[],
  config: Pick<ReportConfig, 'duplicateDays' | 'duplicateSimilarity'>,
): { id: number; similarity: number; matchedId: number } | null {
  let best: { c: C; similarity: number } | null = null;
  for (const c of candidates) {
    const similarity = sameMatterSimilarity(c, report, config);
    if (similarity === null) continue;
    if (!best || similarity > best.similarity || (similarity === best.similarity && c.receivedAt < best.c.receivedAt)) {
      best = { c, similarity };
    }
  }
  if (!best) return null;
  return { id: best.c.duplicateOfId ?? best.c.id, similarity: Math.round(best.similarity * 1000) / 1000, matchedId: best.c.id };
}

/**
 * A report that can be the first of a matter: anything but one the office declined (不予受理). The intake's SQL takes
 * its candidates from this list, so a new status counts unless said otherwise here.
 */
export const duplicateCandidateStatuses: ReportStatus[] = reportStatuses.filter((s) => s !== 'rejected');
