ALTER TABLE "enterprises" ADD COLUMN "high_risk" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "requires_insurance" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "missing_responsibles" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "derived_version" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Two-character searches (化工, 纺织, 张三): trigrams need three characters, so the list would read every row. Every
-- pair of consecutive characters of the searched fields, lower-cased, goes into a GIN expression index; the query
-- `anzhi_search_bigrams(...) @> ARRAY[lower(q)]` is then one index lookup (ADR 0007). Nothing is stored in the row.
CREATE OR REPLACE FUNCTION anzhi_search_bigrams(VARIADIC fields text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT p), '{}') FROM (
    SELECT substr(lower(f), i, 2) AS p FROM unnest(fields) f, generate_series(1, char_length(f) - 1) i
  ) x WHERE p !~ '\s'
$$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS enterprises_search_bigrams_idx ON enterprises
  USING gin (anzhi_search_bigrams(name, credit_code, address, principal, name_initials));
--> statement-breakpoint
-- Warning filters and the status filter within a region scope, counted from the index alone (no table read).
CREATE INDEX IF NOT EXISTS enterprises_high_risk_region_idx ON enterprises (region_code text_pattern_ops, missing_responsibles)
  WHERE high_risk;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS enterprises_insurance_region_idx ON enterprises (region_code text_pattern_ops, status, insurance_expiry)
  WHERE requires_insurance;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS enterprises_status_region_idx ON enterprises (status, region_code text_pattern_ops);
