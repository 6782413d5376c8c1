import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * One courier (or aggregator) account of the merchant. `id` is a URL-safe slug: it appears in the
 * push URL pasted into the courier's portal (/api/couriers/{id}/push). Credentials are one
 * AES-256-GCM encrypted JSON object, never stored or logged in clear.
 */
export const courierAccounts = pgTable(
  "courier_accounts",
  {
    id: text("id").primaryKey(),
    courier: text("courier").notNull(),
    name: text("name").notNull(),
    environment: text("environment", { enum: ["sandbox", "production"] }).notNull(),
    /** Overrides the driver's endpoint (e.g. a proxy, or the console's own sandbox). */
    baseUrl: text("base_url"),
    credentials: text("credentials").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** Label size this account prints (the courier's e-waybill paper). */
    labelTemplate: text("label_template", { enum: ["76x130", "100x150", "100x180"] })
      .notNull()
      .default("100x180"),
    /** At most this many calls in flight to the courier from one process. */
    maxConcurrency: integer("max_concurrency").notNull().default(4),
    /**
     * Secret in the push URL (`?token=`). Required for couriers whose pushes are unsigned (SF),
     * so nobody injects events by guessing an account id; checked when present for the others.
     */
    pushToken: text("push_token")
      .notNull()
      .default(sql`replace(gen_random_uuid()::text, '-', '')`),
    /** Optional comma-separated IPs allowed to push (the courier's published egress addresses). */
    pushAllowIps: text("push_allow_ips"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("courier_accounts_courier_idx").on(t.courier)],
);

export type CourierAccountRow = typeof courierAccounts.$inferSelect;

/**
 * Courier pushes exactly as received and verified, stored before we acknowledge: the courier's
 * retry stops only once the push is durable here. Tracking turns `events` into trajectory events.
 */
export const courierPushInbox = pgTable(
  "courier_push_inbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => courierAccounts.id, { onDelete: "cascade" }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    contentType: text("content_type"),
    headers: jsonb("headers").$type<Record<string, string>>(),
    body: text("body").notNull(),
    /** accepted, or why it was refused; refused pushes are kept for inspection. */
    outcome: text("outcome", {
      enum: ["accepted", "bad_signature", "bad_token", "ip_refused", "malformed", "disabled"],
    })
      .notNull()
      .default("accepted"),
    detail: text("detail"),
    /** Raw events as the driver parsed them (RawTrackEvent[]); null when refused. */
    events: jsonb("events"),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [
    index("courier_push_inbox_account_id_idx").on(t.accountId),
    index("courier_push_inbox_unprocessed_idx")
      .on(t.receivedAt)
      .where(sql`${t.processedAt} is null`),
  ],
);

/**
 * Couriers added by configuration: a declarative profile (server/couriers/profiles) executed by
 * the generic driver. Built-in profiles ship in code; these are the merchant's own.
 */
export const courierProfiles = pgTable("courier_profiles", {
  code: text("code").primaryKey(),
  profile: jsonb("profile").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
