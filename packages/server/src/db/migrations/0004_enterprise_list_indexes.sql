-- Indexes for the enterprise list at 100k rows (bench `enterprise.list`). Plain CREATE INDEX (PostgreSQL 14 and
-- PGlite); on a large live table run them CONCURRENTLY by hand first, and this migration becomes a no-op.
-- Infix search (ILIKE '%…%') also looks at the credit code, address and principal: with a trigram index on each,
-- the planner ORs four bitmap scans instead of reading the whole table (queries of three characters or more).
CREATE INDEX IF NOT EXISTS enterprises_credit_code_trgm_idx ON enterprises USING gin (credit_code gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS enterprises_address_trgm_idx ON enterprises USING gin (address gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS enterprises_principal_trgm_idx ON enterprises USING gin (principal gin_trgm_ops);
--> statement-breakpoint
-- Pinyin initials are matched with ILIKE '%dchg%' (anywhere in the initials): a trigram index serves it.
CREATE INDEX IF NOT EXISTS enterprises_initials_trgm_idx ON enterprises USING gin (name_initials gin_trgm_ops);
--> statement-breakpoint
-- sort=name, and sort=riskLevel (the same CASE expression as enterprise.repo.ts riskOrder).
CREATE INDEX IF NOT EXISTS enterprises_name_sort_idx ON enterprises (name, id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS enterprises_risk_order_idx ON enterprises
  ((CASE risk_level WHEN 'major' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END), id DESC);
--> statement-breakpoint
-- riskLevel filter with the region scope: counted from the index alone.
CREATE INDEX IF NOT EXISTS enterprises_risk_region_idx ON enterprises (risk_level, region_code text_pattern_ops);
--> statement-breakpoint
-- Array filters: flags @> (flags), domains && (missing insurance, high risk).
CREATE INDEX IF NOT EXISTS enterprises_domains_idx ON enterprises USING gin (domains);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS enterprises_flags_idx ON enterprises USING gin (flags);
--> statement-breakpoint
-- industryCode / industrySection filters (counted from the index), and standardisation expiring within 90 days.
CREATE INDEX IF NOT EXISTS enterprises_industry_region_idx ON enterprises (industry_code, region_code text_pattern_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS enterprises_standardisation_expiry_idx ON enterprises (standardisation_expiry)
  WHERE standardisation_expiry IS NOT NULL;
