DROP INDEX "shipments_tracking_no_idx";--> statement-breakpoint
DROP INDEX "shipments_packed_by_idx";--> statement-breakpoint
CREATE INDEX "shipments_tracking_no_idx" ON "shipments" USING btree ("tracking_no") WHERE "shipments"."tracking_no" is not null;--> statement-breakpoint
CREATE INDEX "shipments_packed_by_idx" ON "shipments" USING btree ("packed_by") WHERE "shipments"."packed_by" is not null;