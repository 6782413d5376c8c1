ALTER TABLE "courier_push_inbox" ALTER COLUMN "events" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "courier_accounts" ADD COLUMN "push_token" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "courier_accounts" ADD COLUMN "push_allow_ips" text;--> statement-breakpoint
ALTER TABLE "courier_push_inbox" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "courier_push_inbox" ADD COLUMN "outcome" text DEFAULT 'accepted' NOT NULL;--> statement-breakpoint
ALTER TABLE "courier_push_inbox" ADD COLUMN "detail" text;