DROP INDEX "orders_paid_at_id_idx";--> statement-breakpoint
DROP INDEX "orders_status_paid_at_idx";--> statement-breakpoint
DROP INDEX "shipments_status_created_idx";--> statement-breakpoint
DROP INDEX "import_batches_created_at_idx";--> statement-breakpoint
DROP INDEX "print_batches_created_at_idx";--> statement-breakpoint
CREATE INDEX "orders_paid_at_id_idx" ON "orders" USING btree ("paid_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_status_paid_at_idx" ON "orders" USING btree ("status","paid_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "shipments_status_created_idx" ON "shipments" USING btree ("status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "import_batches_created_at_idx" ON "import_batches" USING btree ("created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "print_batches_created_at_idx" ON "print_batches" USING btree ("created_at" DESC NULLS FIRST);