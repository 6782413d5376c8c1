import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Liveness marks written by periodic jobs; /api/health reads them to judge the job queue. */
export const heartbeats = pgTable("heartbeats", {
  name: text("name").primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull(),
  by: text("by").notNull(),
});
