import { ledgerSearchPlan } from '@anzhi/core';
import { and, ilike, or, type SQL, sql } from 'drizzle-orm';
import { likeContains } from '../../lib/scope-sql.ts';
import { hazards } from './hazard.table.ts';

/** The bigram set of a hazard's searched fields: the expression of the GIN index hazards_search_grams_idx. */
export const hazardGrams = sql`anzhi_text_bigrams(${hazards.code}, ${hazards.title}, ${hazards.description})`;

/** Today's meaning of the ledger's `q`, kept as the recheck and as the reference the tests compare with. */
export function hazardTextLike(term: string): SQL {
  const like = likeContains(term);
  return or(ilike(hazards.code, like), ilike(hazards.title, like), ilike(hazards.description, like)) as SQL;
}

/**
 * The ledger's text filter (ADR 0018), built from core's plan: rows holding every bigram of the term (GIN lookup),
 * rechecked with the pattern unless the term is one bigram; one character falls back to the pattern alone. The
 * bigrams are lower-cased by the database, with the lower() that folds the rows and ILIKE, so the three agree.
 */
export function hazardTextSearch(term: string): SQL {
  const plan = ledgerSearchPlan(term);
  if (plan.kind === 'scan') return hazardTextLike(term);
  const grams = sql.join(
    plan.grams.map((g) => sql`lower(${g})`),
    sql`, `,
  );
  const held = sql`${hazardGrams} @> ARRAY[${grams}]::text[]`;
  return plan.exact ? held : (and(held, hazardTextLike(term)) as SQL);
}
