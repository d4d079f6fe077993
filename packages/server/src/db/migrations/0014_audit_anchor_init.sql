-- The anchor starts at the chain's present head (0 events: the genesis hash of core's audit.rules.ts).
INSERT INTO audit_anchor (id, count, last_id, last_hash, updated_at)
SELECT 1, (SELECT count(*) FROM audit_events), COALESCE((SELECT max(id) FROM audit_events), 0),
       COALESCE((SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1), repeat('0', 64)), now();
--> statement-breakpoint
-- Like the events, the anchor only moves forward: no DELETE or TRUNCATE, and no UPDATE that lowers the count.
CREATE OR REPLACE FUNCTION audit_anchor_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.count >= OLD.count AND NEW.last_id >= OLD.last_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_anchor only moves forward (% refused)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_anchor_no_rewind BEFORE UPDATE OR DELETE ON audit_anchor
  FOR EACH ROW EXECUTE FUNCTION audit_anchor_forward_only();
--> statement-breakpoint
CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON audit_anchor
  FOR EACH STATEMENT EXECUTE FUNCTION audit_anchor_forward_only();
