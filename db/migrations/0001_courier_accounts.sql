CREATE TABLE "courier_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"courier" text NOT NULL,
	"name" text NOT NULL,
	"environment" text NOT NULL,
	"base_url" text,
	"credentials" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "courier_accounts_courier_idx" ON "courier_accounts" USING btree ("courier");