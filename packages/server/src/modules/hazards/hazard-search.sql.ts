import { isCaseless, ledgerSearchPlan } from '@anzhi/core';
import { and, ilike, or, type SQL, sql } from 'drizzle-orm';
import { likeContains } from '../../lib/scope-sql.ts';
import { hazards } from './hazard.table.ts';

/** A hazard's searched bigrams as lexemes: the expression of the GIN index hazards_search_grams_idx (migration 0023). */
export const hazardGrams = sql`array_to_tsvector(anzhi_text_bigrams(${hazards.code}, ${hazards.title}, ${hazards.description}))`;

/** Today's meaning of the ledger's `q`, kept as the recheck and as the reference the tests compare with. */
export function hazardTextLike(term: string): SQL {
  const like = likeContains(term);
  return or(ilike(hazards.code, like), ilike(hazards.title, like), ilike(hazards.description, like)) as SQL;
}

/** `'g1' & 'g2' …` in tsquery syntax: each lexeme quoted (quote doubled, backslash escaped), so any character is literal. */
function allOf(grams: string[]): string {
  return grams.map((g) => `'${g.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');
}

/** The same rows as hazardTextLike; a caseless term (Chinese) skips lower-casing the fields of every row checked. */
function textMatch(term: string): SQL {
  if (!isCaseless(term)) return hazardTextLike(term);
  const like = likeContains(term);
  return sql`(${hazards.title} LIKE ${like} OR ${hazards.description} LIKE ${like} OR ${hazards.code} LIKE ${like})`;
}

/**
 * The ledger's text filter (ADR 0020), built from core's plan: rows holding every bigram of the term (a GIN lookup),
 * rechecked with the pattern unless the term is one bigram; one character falls back to the pattern alone. The
 * query is lower-cased by the database, with the lower() that folds the rows and ILIKE (character by character, and
 * the quoting characters have no case), so the three agree.
 */
export function hazardTextSearch(term: string): SQL {
  const plan = ledgerSearchPlan(term);
  if (plan.kind === 'scan') return textMatch(term);
  const held = sql`${hazardGrams} @@ lower(${allOf(plan.grams)})::tsquery`;
  return plan.exact ? held : (and(held, textMatch(term)) as SQL);
}
