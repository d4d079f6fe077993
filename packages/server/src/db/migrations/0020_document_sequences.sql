CREATE TABLE "document_sequences" (
	"issuer" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_sequences_issuer_year_pk" PRIMARY KEY("issuer","year")
);
