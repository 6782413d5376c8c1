import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { courierAccounts } from "./couriers";
import { shipments, warehouses } from "./orders";

export const labelTemplates = ["76x130", "100x150", "100x180"] as const;
export type LabelTemplate = (typeof labelTemplates)[number];

/**
 * Electronic waybills. At most one active waybill per parcel (a partial unique index), and the
 * parcel id is the courier's order id, so a retried issuance can never produce a second one.
 */
export const waybills = pgTable(
  "waybills",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    shipmentId: bigint("shipment_id", { mode: "number" })
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => courierAccounts.id),
    courier: text("courier").notNull(),
    trackingNo: text("tracking_no").notNull(),
    sortingCode: text("sorting_code"),
    packageCenter: text("package_center"),
    originCode: text("origin_code"),
    destCode: text("dest_code"),
    labelData: jsonb("label_data").$type<Record<string, string>>().notNull().default({}),
    status: text("status", { enum: ["active", "cancelled"] })
      .notNull()
      .default("active"),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    issuedBy: text("issued_by").references(() => users.id),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    /** First print; null means "waybill issued but not printed". */
    printedAt: timestamp("printed_at", { withTimezone: true }),
    printCount: integer("print_count").notNull().default(0),
  },
  (t) => [
    uniqueIndex("waybills_one_active_per_shipment")
      .on(t.shipmentId)
      .where(sql`${t.status} = 'active'`),
    index("waybills_tracking_no_idx").on(t.trackingNo),
    index("waybills_account_id_idx").on(t.accountId),
    index("waybills_issued_by_idx").on(t.issuedBy),
    index("waybills_unprinted_idx")
      .on(t.issuedAt)
      .where(sql`${t.printedAt} is null and ${t.status} = 'active'`),
  ],
);

/** One "issue waybills" action over many parcels, run as a durable job with progress. */
export const waybillBatches = pgTable(
  "waybill_batches",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    status: text("status", { enum: ["queued", "running", "done"] })
      .notNull()
      .default("queued"),
    total: integer("total").notNull(),
    issued: integer("issued").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("waybill_batches_created_by_idx").on(t.createdBy)],
);

export const waybillBatchItems = pgTable(
  "waybill_batch_items",
  {
    batchId: bigint("batch_id", { mode: "number" })
      .notNull()
      .references(() => waybillBatches.id, { onDelete: "cascade" }),
    shipmentId: bigint("shipment_id", { mode: "number" })
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    /**
     * The account the parcel is issued on. Null only on a failed item whose parcel courier
     * assignment found no courier for (errorKind NO_COURIER): the failure is recorded like any
     * other, so the shipping queue shows it and auto-shipping backs off.
     */
    accountId: text("account_id").references(() => courierAccounts.id),
    status: text("status", { enum: ["pending", "issued", "failed"] })
      .notNull()
      .default("pending"),
    /** CourierError kind (UNSERVICEABLE, AUTH, UNAVAILABLE, …) and its message when failed. */
    errorKind: text("error_kind"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    waybillId: bigint("waybill_id", { mode: "number" }).references(() => waybills.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.shipmentId] }),
    index("waybill_batch_items_shipment_id_idx").on(t.shipmentId),
    index("waybill_batch_items_account_id_idx").on(t.accountId),
    index("waybill_batch_items_waybill_id_idx").on(t.waybillId),
  ],
);

/** Every print: who, when, which template, which waybills; reprints carry a reason. */
export const printBatches = pgTable(
  "print_batches",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind", { enum: ["label", "pick_list", "packing_slip"] }).notNull(),
    template: text("template").notNull(),
    reprintReason: text("reprint_reason"),
    count: integer("count").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("print_batches_created_by_idx").on(t.createdBy),
    index("print_batches_created_at_idx").on(t.createdAt.desc().nullsFirst()),
  ],
);

export const printJobs = pgTable(
  "print_jobs",
  {
    batchId: bigint("batch_id", { mode: "number" })
      .notNull()
      .references(() => printBatches.id, { onDelete: "cascade" }),
    shipmentId: bigint("shipment_id", { mode: "number" })
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    waybillId: bigint("waybill_id", { mode: "number" }).references(() => waybills.id),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.shipmentId] }),
    index("print_jobs_shipment_id_idx").on(t.shipmentId),
    index("print_jobs_waybill_id_idx").on(t.waybillId),
  ],
);

/** Courier pickup bookings for a warehouse and a time window. */
export const pickups = pgTable(
  "pickups",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => courierAccounts.id),
    warehouseId: text("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    windowEnd: timestamp("window_end", { withTimezone: true }).notNull(),
    parcelCount: integer("parcel_count").notNull().default(0),
    weightG: integer("weight_g").notNull().default(0),
    status: text("status", { enum: ["booked", "cancelled", "failed"] }).notNull(),
    courierPickupId: text("courier_pickup_id"),
    error: text("error"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    index("pickups_account_id_idx").on(t.accountId),
    index("pickups_warehouse_id_idx").on(t.warehouseId),
    index("pickups_created_by_idx").on(t.createdBy),
  ],
);

export type WaybillRow = typeof waybills.$inferSelect;
export type PickupRow = typeof pickups.$inferSelect;
