ALTER TABLE "plan_tasks" ADD COLUMN "source" jsonb;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "parse_notes" text[] DEFAULT '{}' NOT NULL;