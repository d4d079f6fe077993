-- 隐患统计立方 (ADR 0009): exact counts of hazards by the dimensions the ledger filters and groups on, kept by
-- statement-level triggers in the same transaction as every change. Totals and group-bys over a million hazards then
-- read a few thousand rows instead of the table. Derived data: not in backups, rebuilt by the triggers on restore.
CREATE TABLE IF NOT EXISTS hazard_counts (
  region_code text NOT NULL,
  status text NOT NULL,
  grade text NOT NULL,
  channel text NOT NULL,
  industry_code text NOT NULL DEFAULT '',
  supervising_unit_id integer NOT NULL DEFAULT 0,
  n bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (region_code, status, grade, channel, industry_code, supervising_unit_id)
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION anzhi_hazard_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO hazard_counts AS c (region_code, status, grade, channel, industry_code, supervising_unit_id, n)
    SELECT region_code, status, grade, channel, coalesce(industry_code, ''), coalesce(supervising_unit_id, 0), -count(*)
    FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (region_code, status, grade, channel, industry_code, supervising_unit_id) DO UPDATE SET n = c.n + EXCLUDED.n;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO hazard_counts AS c (region_code, status, grade, channel, industry_code, supervising_unit_id, n)
    SELECT region_code, status, grade, channel, coalesce(industry_code, ''), coalesce(supervising_unit_id, 0), count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (region_code, status, grade, channel, industry_code, supervising_unit_id) DO UPDATE SET n = c.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER hazard_counts_insert AFTER INSERT ON hazards REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION anzhi_hazard_counts();
--> statement-breakpoint
CREATE TRIGGER hazard_counts_update AFTER UPDATE ON hazards REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION anzhi_hazard_counts();
--> statement-breakpoint
CREATE TRIGGER hazard_counts_delete AFTER DELETE ON hazards REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION anzhi_hazard_counts();
--> statement-breakpoint
INSERT INTO hazard_counts (region_code, status, grade, channel, industry_code, supervising_unit_id, n)
SELECT region_code, status, grade, channel, coalesce(industry_code, ''), coalesce(supervising_unit_id, 0), count(*)
FROM hazards GROUP BY 1, 2, 3, 4, 5, 6
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The ledger's default order, covering the usual filters: a page and a date-range count read the index alone.
CREATE INDEX IF NOT EXISTS hazards_found_cover_idx ON hazards (found_on DESC, id DESC)
  INCLUDE (region_code, status, grade, channel, industry_code, supervising_unit_id, enterprise_id, deadline);
--> statement-breakpoint
-- The working list (hazards still open, about a tenth of all) in ledger order, covering the usual filters: an open,
-- overdue or 重大-open page is the first entries of this small index.
CREATE INDEX IF NOT EXISTS hazards_open_found_idx ON hazards (found_on DESC, id DESC)
  INCLUDE (region_code, grade, channel, industry_code, supervising_unit_id, enterprise_id, deadline, status)
  WHERE status IN ('found', 'confirmed', 'planSubmitted', 'rectifying', 'rectified');
--> statement-breakpoint
-- 重大隐患 over a period (动态清零, the 重大 ledger): a range of one grade, read from the index alone.
CREATE INDEX IF NOT EXISTS hazards_grade_found_idx ON hazards (grade, found_on DESC, id DESC)
  INCLUDE (region_code, status, channel, supervising_unit_id);
