CREATE TABLE "courier_push_inbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"content_type" text,
	"body" text NOT NULL,
	"events" jsonb NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "courier_push_inbox" ADD CONSTRAINT "courier_push_inbox_account_id_courier_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."courier_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "courier_push_inbox_account_id_idx" ON "courier_push_inbox" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "courier_push_inbox_unprocessed_idx" ON "courier_push_inbox" USING btree ("received_at") WHERE "courier_push_inbox"."processed_at" is null;