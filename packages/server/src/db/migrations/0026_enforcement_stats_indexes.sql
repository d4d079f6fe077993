CREATE INDEX "enforcement_penalties_check_idx" ON "enforcement_penalties" USING btree ("check_id");--> statement-breakpoint
CREATE INDEX "enforcement_penalties_order_idx" ON "enforcement_penalties" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "enforcement_penalties_hazard_idx" ON "enforcement_penalties" USING btree ("hazard_id");