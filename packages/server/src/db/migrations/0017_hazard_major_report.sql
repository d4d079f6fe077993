ALTER TABLE "hazards" ADD COLUMN "cause" text;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "harm" text;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "difficulty" text;