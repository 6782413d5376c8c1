CREATE TABLE "pickups" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"parcel_count" integer DEFAULT 0 NOT NULL,
	"weight_g" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"courier_pickup_id" text,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "print_batches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"template" text NOT NULL,
	"reprint_reason" text,
	"count" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "print_jobs" (
	"batch_id" bigint NOT NULL,
	"shipment_id" bigint NOT NULL,
	"waybill_id" bigint,
	CONSTRAINT "print_jobs_batch_id_shipment_id_pk" PRIMARY KEY("batch_id","shipment_id")
);
--> statement-breakpoint
CREATE TABLE "waybill_batch_items" (
	"batch_id" bigint NOT NULL,
	"shipment_id" bigint NOT NULL,
	"account_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"error_kind" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"waybill_id" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waybill_batch_items_batch_id_shipment_id_pk" PRIMARY KEY("batch_id","shipment_id")
);
--> statement-breakpoint
CREATE TABLE "waybill_batches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "waybills" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shipment_id" bigint NOT NULL,
	"account_id" text NOT NULL,
	"courier" text NOT NULL,
	"tracking_no" text NOT NULL,
	"sorting_code" text,
	"package_center" text,
	"origin_code" text,
	"dest_code" text,
	"label_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" text,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"printed_at" timestamp with time zone,
	"print_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "courier_accounts" ADD COLUMN "label_template" text DEFAULT '100x180' NOT NULL;--> statement-breakpoint
ALTER TABLE "courier_accounts" ADD COLUMN "max_concurrency" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "shops" ADD COLUMN "default_courier_account_id" text;--> statement-breakpoint
ALTER TABLE "pickups" ADD CONSTRAINT "pickups_account_id_courier_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."courier_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickups" ADD CONSTRAINT "pickups_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickups" ADD CONSTRAINT "pickups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_batches" ADD CONSTRAINT "print_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_jobs" ADD CONSTRAINT "print_jobs_batch_id_print_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."print_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_jobs" ADD CONSTRAINT "print_jobs_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "print_jobs" ADD CONSTRAINT "print_jobs_waybill_id_waybills_id_fk" FOREIGN KEY ("waybill_id") REFERENCES "public"."waybills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waybill_batch_items" ADD CONSTRAINT "waybill_batch_items_batch_id_waybill_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."waybill_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waybill_batch_items" ADD CONSTRAINT "waybill_batch_items_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waybill_batch_items" ADD CONSTRAINT "waybill_batch_items_account_id_courier_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."courier_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waybill_batch_items" ADD CONSTRAINT "waybill_batch_items_waybill_id_waybills_id_fk" FOREIGN KEY ("waybill_id") REFERENCES "public"."waybills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waybill_batches" ADD CONSTRAINT "waybill_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waybills" ADD CONSTRAINT "waybills_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waybills" ADD CONSTRAINT "waybills_account_id_courier_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."courier_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waybills" ADD CONSTRAINT "waybills_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pickups_account_id_idx" ON "pickups" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "pickups_warehouse_id_idx" ON "pickups" USING btree ("warehouse_id");--> statement-breakpoint
CREATE INDEX "pickups_created_by_idx" ON "pickups" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "print_batches_created_by_idx" ON "print_batches" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "print_batches_created_at_idx" ON "print_batches" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "print_jobs_shipment_id_idx" ON "print_jobs" USING btree ("shipment_id");--> statement-breakpoint
CREATE INDEX "print_jobs_waybill_id_idx" ON "print_jobs" USING btree ("waybill_id");--> statement-breakpoint
CREATE INDEX "waybill_batch_items_shipment_id_idx" ON "waybill_batch_items" USING btree ("shipment_id");--> statement-breakpoint
CREATE INDEX "waybill_batch_items_account_id_idx" ON "waybill_batch_items" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "waybill_batch_items_waybill_id_idx" ON "waybill_batch_items" USING btree ("waybill_id");--> statement-breakpoint
CREATE INDEX "waybill_batches_created_by_idx" ON "waybill_batches" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "waybills_one_active_per_shipment" ON "waybills" USING btree ("shipment_id") WHERE "waybills"."status" = 'active';--> statement-breakpoint
CREATE INDEX "waybills_tracking_no_idx" ON "waybills" USING btree ("tracking_no");--> statement-breakpoint
CREATE INDEX "waybills_account_id_idx" ON "waybills" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "waybills_issued_by_idx" ON "waybills" USING btree ("issued_by");--> statement-breakpoint
CREATE INDEX "waybills_unprinted_idx" ON "waybills" USING btree ("issued_at") WHERE "waybills"."printed_at" is null and "waybills"."status" = 'active';--> statement-breakpoint
ALTER TABLE "shops" ADD CONSTRAINT "shops_default_courier_account_id_courier_accounts_id_fk" FOREIGN KEY ("default_courier_account_id") REFERENCES "public"."courier_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shops_default_courier_account_id_idx" ON "shops" USING btree ("default_courier_account_id");