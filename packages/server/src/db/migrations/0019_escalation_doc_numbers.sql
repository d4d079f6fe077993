ALTER TABLE "hazard_escalations" ADD COLUMN "doc_number" text;--> statement-breakpoint
ALTER TABLE "hazard_escalations" ADD COLUMN "doc_issuer" text;--> statement-breakpoint
ALTER TABLE "hazard_escalations" ADD COLUMN "doc_year" integer;--> statement-breakpoint
ALTER TABLE "hazard_escalations" ADD COLUMN "doc_seq" integer;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "doc_prefix" text;--> statement-breakpoint
CREATE UNIQUE INDEX "hazard_escalations_doc_uq" ON "hazard_escalations" USING btree ("doc_issuer","doc_year","doc_seq");