-- Ledger text search (ADR 0018): every pair of consecutive characters of the lower-cased fields, each once. The SQL
-- twin of core's textBigrams (hazard-search.rules.ts); hazard-search.sql.test.ts requires both to agree. Unlike
-- anzhi_search_bigrams (migration 0005) it keeps pairs with spaces, so that holding a term's bigram is the same as
-- containing the term. lower() works character by character, so lower(bigram of q) is a bigram of lower(text).
CREATE OR REPLACE FUNCTION anzhi_text_bigrams(VARIADIC fields text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(t.f, i, 2)), '{}')
  FROM (SELECT lower(x) AS f FROM unnest(fields) x) t, generate_series(1, char_length(t.f) - 1) i
$$;
--> statement-breakpoint
CREATE INDEX "hazards_cleared_closed_idx" ON "hazards" USING btree ("closed_on","region_code" text_pattern_ops) WHERE status IN ('closed');--> statement-breakpoint
CREATE INDEX "hazards_search_grams_idx" ON "hazards" USING gin (anzhi_text_bigrams("code", "title", "description"));