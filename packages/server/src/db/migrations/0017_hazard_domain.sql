CREATE TABLE "document_sequences" (
	"issuer" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_sequences_issuer_year_pk" PRIMARY KEY("issuer","year")
);
--> statement-breakpoint
ALTER TABLE "hazard_escalations" ADD COLUMN "doc_number" text;--> statement-breakpoint
ALTER TABLE "hazard_escalations" ADD COLUMN "doc_issuer" text;--> statement-breakpoint
ALTER TABLE "hazard_escalations" ADD COLUMN "doc_year" integer;--> statement-breakpoint
ALTER TABLE "hazard_escalations" ADD COLUMN "doc_seq" integer;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "cause" text;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "harm" text;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "difficulty" text;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "evaluation" jsonb;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "resume_application" jsonb;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "review" jsonb;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "doc_prefix" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "enterprise_principal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "hazard_escalations_doc_uq" ON "hazard_escalations" USING btree ("doc_issuer","doc_year","doc_seq");--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_open_has_deadline" CHECK (deadline IS NOT NULL OR status NOT IN ('found', 'confirmed', 'planSubmitted', 'rectifying', 'rectified', 'evaluating', 'evaluated', 'reviewing'));