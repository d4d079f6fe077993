DROP INDEX "hazards_enterprise_idx";--> statement-breakpoint
DROP INDEX "hazards_status_region_idx";--> statement-breakpoint
DROP INDEX "hazards_region_found_idx";--> statement-breakpoint
DROP INDEX "hazards_open_deadline_idx";--> statement-breakpoint
CREATE INDEX "hazards_enterprise_found_idx" ON "hazards" USING btree ("enterprise_id","found_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "hazards_stats_idx" ON "hazards" USING btree ("status","region_code" text_pattern_ops,"grade","channel","industry_code","supervising_unit_id");--> statement-breakpoint
CREATE INDEX "hazards_region_found_idx" ON "hazards" USING btree ("region_code" text_pattern_ops,"found_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "hazards_open_deadline_idx" ON "hazards" USING btree ("deadline","region_code" text_pattern_ops) WHERE status IN ('found', 'confirmed', 'planSubmitted', 'rectifying');