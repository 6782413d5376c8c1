DROP INDEX "orders_paid_at_id_idx";--> statement-breakpoint
DROP INDEX "orders_status_paid_at_idx";--> statement-breakpoint
DROP INDEX "shipments_status_created_idx";--> statement-breakpoint
CREATE INDEX "orders_paid_at_id_idx" ON "orders" USING btree ("paid_at","id");--> statement-breakpoint
CREATE INDEX "orders_status_paid_at_idx" ON "orders" USING btree ("status","paid_at","id");--> statement-breakpoint
CREATE INDEX "shipments_status_created_idx" ON "shipments" USING btree ("status","created_at","id");