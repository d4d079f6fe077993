-- Every open hazard is on a clock. Major hazards found, confirmed or upgraded without a date had no deadline and so
-- were never due, overdue or escalated. Give each such open row its found date plus the default of the hazard time
-- settings at the time of writing (majorPlanDays = 15), and say so on its timeline.
WITH fixed AS (
  UPDATE hazards SET deadline = found_on + 15, version = version + 1, updated_at = now()
  WHERE deadline IS NULL AND status IN ('found', 'confirmed', 'planSubmitted', 'rectifying', 'rectified')
  RETURNING id, status, deadline
)
INSERT INTO hazard_events (hazard_id, action, from_status, to_status, actor_name, at, note, data)
SELECT id, 'systemDeadline', status, status, '系统', now(), '补设期限：发现日期后 15 天（在办隐患均须有期限）',
  jsonb_build_object('from', NULL, 'to', deadline)
FROM fixed;
--> statement-breakpoint
-- 16号令 第十八条: a major hazard whose 治理 is reported done is evaluated, then (if production stopped) the enterprise
-- applies to resume, then the supervising unit reviews on site before 销号. Major hazards waiting in the old
-- "rectified" state (accepted like a general one) now wait for their evaluation; the timeline says why.
WITH moved AS (
  UPDATE hazards SET status = 'evaluating', version = version + 1, updated_at = now()
  WHERE grade = 'major' AND status = 'rectified'
  RETURNING id
)
INSERT INTO hazard_events (hazard_id, action, from_status, to_status, actor_name, at, note, data)
SELECT id, 'systemMigrate', 'rectified', 'evaluating', '系统', now(), '按第十八条转入治理情况评估', '{}'::jsonb FROM moved;
