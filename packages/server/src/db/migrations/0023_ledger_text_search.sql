-- Ledger text search (ADR 0018): every pair of consecutive characters of the lower-cased fields (repeats left to the
-- index's array_to_tsvector, which keeps each once). The SQL twin of
-- core's textBigrams (hazard-search.rules.ts); hazard-search.sql.test.ts requires both to agree. Unlike
-- anzhi_search_bigrams (migration 0005) it keeps pairs with spaces, so holding a term's bigram is the same as
-- containing the term. lower() works character by character, so lower(bigram of q) is a bigram of lower(text).
-- PL/pgSQL over string_to_array: about twice as fast as the set-returning SQL form, and it runs for every row written.
CREATE OR REPLACE FUNCTION anzhi_text_bigrams(VARIADIC fields text[]) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  f text;
  c text[];
  grams text[] := '{}';
BEGIN
  FOREACH f IN ARRAY fields LOOP
    CONTINUE WHEN f IS NULL;
    c := string_to_array(lower(f), NULL);
    FOR i IN 1 .. coalesce(array_length(c, 1), 0) - 1 LOOP
      grams := grams || (c[i] || c[i + 1]);
    END LOOP;
  END LOOP;
  RETURN grams;
END
$$;
--> statement-breakpoint
CREATE INDEX "hazards_cleared_closed_idx" ON "hazards" USING btree ("closed_on","region_code" text_pattern_ops) WHERE status IN ('closed');--> statement-breakpoint
-- As a tsvector (array_to_tsvector: the bigrams as lexemes, deduplicated): its GIN answers @@ without rechecking the
-- row, where an array's @> recomputes the expression for every candidate.
CREATE INDEX "hazards_search_grams_idx" ON "hazards" USING gin (array_to_tsvector(anzhi_text_bigrams("code", "title", "description")));