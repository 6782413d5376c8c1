import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { courierAccounts } from "./couriers";

/** Named region lists defined once and reused by templates and rules (江浙沪, 偏远地区, …). */
export const regionSets = pgTable("region_sets", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  codes: text("codes").array().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Freight templates per courier account and product. The pricing body (billing mode, divisor,
 * rounding, zones, surcharges) is one validated JSON document (server/freight/schemas.ts), because
 * it is always read and quoted whole; the columns are what lists and filters need.
 */
export const freightTemplates = pgTable(
  "freight_templates",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    courierAccountId: text("courier_account_id")
      .notNull()
      .references(() => courierAccounts.id, { onDelete: "cascade" }),
    product: text("product").notNull().default("standard"),
    enabled: boolean("enabled").notNull().default(true),
    /** Shipped with the demo as an example, to be replaced by the merchant's contract rates. */
    isExample: boolean("is_example").notNull().default(false),
    body: jsonb("body").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("freight_templates_courier_account_id_idx").on(t.courierAccountId)],
);

/**
 * Ordered assignment rules: a condition (declared value over, destination in a region set, goods
 * attribute, shop) and an action (pin or exclude an account or a courier). Evaluated in position order.
 */
export const assignmentRules = pgTable("assignment_rules", {
  id: text("id")
    .primaryKey()
    .default(sql`replace(gen_random_uuid()::text, '-', '')`),
  position: integer("position").notNull(),
  name: text("name").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  condition: jsonb("condition").notNull(),
  action: jsonb("action").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
