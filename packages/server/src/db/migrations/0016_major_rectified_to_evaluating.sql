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
