/**
 * Ledger text search (ADR 0020). The ledger matches a term anywhere in a hazard's code, title or description, case
 * folded as SQL `ILIKE` folds it. To find those rows without reading the table, the database indexes every pair of
 * consecutive characters (bigram) of the three fields; a row can contain the term only if it has all of the term's
 * bigrams. Bigrams rather than trigrams because Chinese words are mostly two characters (消防, 配电, 粉尘) and
 * pg_trgm ignores CJK under the C locale.
 *
 * `textBigrams` is the one definition: the server's SQL function `anzhi_text_bigrams` (migration 0023) computes the
 * same set for a row (after `lower()`), and `hazard-search.sql.test.ts` requires the two to agree.
 */

/** The distinct pairs of consecutive characters (Unicode code points, as SQL counts them) of a text, in order seen. */
export function textBigrams(text: string): string[] {
  const chars = Array.from(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return [...out];
}

/**
 * How the ledger looks a term up:
 * - `scan`: one character has no bigram, so only the pattern match can answer (it reads every row in scope);
 * - `grams`: the rows holding bigrams that cover the term are the candidates. `exact` when the term is exactly one
 *   bigram (two characters): holding it is the same as containing the term, so no pattern recheck is needed; longer
 *   terms are rechecked with the pattern, since the bigrams may sit apart (消防…防通 is not 消防通).
 */
export type LedgerSearchPlan = { kind: 'scan' } | { kind: 'grams'; grams: string[]; exact: boolean };

export function ledgerSearchPlan(term: string): LedgerSearchPlan {
  const chars = Array.from(term);
  if (chars.length < 2) return { kind: 'scan' };
  return { kind: 'grams', grams: coveringBigrams(chars), exact: chars.length === 2 };
}

/**
 * Bigrams that cover every character of a term — the 1st, 3rd, 5th … pair and the last (消防通道 → 消防, 通道): the
 * rows holding them are as good as candidates as the rows holding all pairs (the pattern rechecks either way), and
 * the planner, which multiplies the pairs' frequencies as if independent, underestimates a common phrase less.
 */
function coveringBigrams(chars: string[]): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 2) out.add(`${chars[i]}${chars[i + 1]}`);
  if (chars.length % 2 === 1) out.add(`${chars[chars.length - 2]}${chars[chars.length - 1]}`);
  return [...out];
}

/**
 * A term with no character that has a case (Chinese, digits, punctuation): folding case changes nothing it can match,
 * so a case-sensitive pattern finds the same rows as a case-insensitive one, without lower-casing every row checked.
 */
export function isCaseless(term: string): boolean {
  return term.toLowerCase() === term && term.toUpperCase() === term;
}

/**
 * A text search counts its matches up to this many and then says "more than": the first page is the same, but an
 * exact total of a word found in a tenth of a million hazards reads most of the table (ADR 0020). A clerk searching
 * text is looking for records, and narrows by filters when there are this many; exact counts live in 统计分析.
 */
export const ledgerSearchTotalCap = 10_000;
