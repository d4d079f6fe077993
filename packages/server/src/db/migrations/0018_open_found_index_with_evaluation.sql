-- The working-list index (migration 0010) carries core's open set, which now includes the 16号令 第十八条 steps after
-- 治理 (evaluating, evaluated, reviewing): rebuild it with that set.
DROP INDEX IF EXISTS hazards_open_found_idx;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS hazards_open_found_idx ON hazards (found_on DESC, id DESC)
  INCLUDE (region_code, grade, channel, industry_code, supervising_unit_id, enterprise_id, deadline, status)
  WHERE status IN ('found', 'confirmed', 'planSubmitted', 'rectifying', 'rectified', 'evaluating', 'evaluated', 'reviewing');
