CREATE TABLE "assignment_rules" (
	"id" text PRIMARY KEY DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"condition" jsonb NOT NULL,
	"action" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "freight_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"courier_account_id" text NOT NULL,
	"product" text DEFAULT 'standard' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"body" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_sets" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"codes" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "attributes" text[];--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "courier_preference" jsonb;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "assigned_account_id" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "assignment" jsonb;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "assignment_override_reason" text;--> statement-breakpoint
ALTER TABLE "shops" ADD COLUMN "assignment_objective" text DEFAULT 'cheapest' NOT NULL;--> statement-breakpoint
ALTER TABLE "shops" ADD COLUMN "allowed_courier_account_ids" text[];--> statement-breakpoint
ALTER TABLE "freight_templates" ADD CONSTRAINT "freight_templates_courier_account_id_courier_accounts_id_fk" FOREIGN KEY ("courier_account_id") REFERENCES "public"."courier_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "freight_templates_courier_account_id_idx" ON "freight_templates" USING btree ("courier_account_id");