CREATE TABLE "audit_anchor" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"count" bigint NOT NULL,
	"last_id" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "audit_anchor_one_row" CHECK ("audit_anchor"."id" = 1)
);
