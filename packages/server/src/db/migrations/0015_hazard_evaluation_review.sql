ALTER TABLE "hazards" DROP CONSTRAINT "hazards_open_has_deadline";--> statement-breakpoint
DROP INDEX "hazards_open_deadline_idx";--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "evaluation" jsonb;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "resume_application" jsonb;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "review" jsonb;--> statement-breakpoint
CREATE INDEX "hazards_open_deadline_idx" ON "hazards" USING btree ("deadline","region_code" text_pattern_ops) WHERE status IN ('found', 'confirmed', 'planSubmitted', 'rectifying', 'evaluating', 'evaluated');--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_open_has_deadline" CHECK ("hazards"."deadline" IS NOT NULL OR "hazards"."status" NOT IN ('found', 'confirmed', 'planSubmitted', 'rectifying', 'rectified', 'evaluating', 'evaluated', 'reviewing'));