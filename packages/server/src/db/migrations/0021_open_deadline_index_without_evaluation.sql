ALTER TABLE "hazards" DROP CONSTRAINT "hazards_open_has_deadline";--> statement-breakpoint
DROP INDEX "hazards_open_deadline_idx";--> statement-breakpoint
CREATE INDEX "hazards_open_deadline_idx" ON "hazards" USING btree ("deadline","region_code" text_pattern_ops) WHERE status IN ('found', 'confirmed', 'planSubmitted', 'rectifying');--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_open_has_deadline" CHECK (deadline IS NOT NULL OR status NOT IN ('found', 'confirmed', 'planSubmitted', 'rectifying', 'rectified', 'evaluating', 'evaluated', 'reviewing'));