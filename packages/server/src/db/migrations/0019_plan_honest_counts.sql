ALTER TABLE "plan_reports" ADD COLUMN "filing" text DEFAULT 'filed' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "completed_on" date;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "completed_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "baseline_date" date;--> statement-breakpoint
-- Blank cards that 全部保存 filed as reports before issue 10 (nothing chosen, written or attached): kept, not counted.
UPDATE "plan_reports" SET "filing" = 'untouched'
WHERE "status" = 'notStarted' AND "summary" = '' AND "problems" = '' AND "figures" = '[]'::jsonb AND cardinality("file_ids") = 0;
