-- Name search with infix matching (ILIKE '%…%') on 100k enterprises needs a trigram index. pg_trgm is a trusted
-- extension (PostgreSQL ≥ 13), so the database owner may create it; PGlite loads it at open.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX enterprises_name_trgm_idx ON enterprises USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX enterprises_region_pattern_idx ON enterprises (region_code text_pattern_ops);
