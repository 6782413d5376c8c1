import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  pgView,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { courierAccounts } from "./couriers";

export const orderStatuses = [
  "PAID",
  "AWAITING_SHIPMENT",
  "PACKED",
  "LABELLED",
  "SHIPPED",
  "DELIVERED",
  "COMPLETED",
  "CANCELLED",
] as const;

/** Fulfilment status of one parcel; the order follows its least advanced parcel. */
export const parcelStatuses = [
  "AWAITING_PACK",
  "PACKED",
  "LABELLED",
  "SHIPPED",
  "DELIVERED",
  "CANCELLED",
] as const;

export const platforms = ["taobao", "tmall", "jd", "pdd", "douyin", "own", "other"] as const;

/** Ship-from addresses; `code` is what imports, the API and labels refer to. */
export const warehouses = pgTable("warehouses", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  contactName: text("contact_name").notNull(),
  contactMobile: text("contact_mobile").notNull(),
  provinceCode: text("province_code").notNull(),
  cityCode: text("city_code").notNull(),
  countyCode: text("county_code"),
  regionText: text("region_text").notNull(),
  address: text("address").notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Sales channels. Every order belongs to one shop; API keys and imports are scoped by shop. */
export const shops = pgTable(
  "shops",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    platform: text("platform", { enum: platforms }).notNull(),
    defaultWarehouseId: text("default_warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    autoShip: boolean("auto_ship").notNull().default(false),
    /** Courier account waybills are issued on unless the batch or parcel picks another. */
    defaultCourierAccountId: text("default_courier_account_id").references(
      () => courierAccounts.id,
      {
        onDelete: "set null",
      },
    ),
    afterSalesDays: integer("after_sales_days").notNull().default(7),
    /** Courier assignment objective for this shop's parcels. */
    assignmentObjective: text("assignment_objective", { enum: ["cheapest", "fastest", "balanced"] })
      .notNull()
      .default("cheapest"),
    /** Courier accounts this shop may ship with; null = any enabled account. */
    allowedCourierAccountIds: text("allowed_courier_account_ids").array(),
    /** Column mapping saved by the last manual import mapping, keyed by header text. */
    importMapping: jsonb("import_mapping").$type<Record<string, string>>(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("shops_default_warehouse_id_idx").on(t.defaultWarehouseId),
    index("shops_default_courier_account_id_idx").on(t.defaultCourierAccountId),
  ],
);

export const orders = pgTable(
  "orders",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    shopId: text("shop_id")
      .notNull()
      .references(() => shops.id),
    platformOrderNo: text("platform_order_no").notNull(),
    status: text("status", { enum: orderStatuses }).notNull(),
    source: text("source", { enum: ["api", "import", "demo", "console"] }).notNull(),
    warehouseId: text("warehouse_id").references(() => warehouses.id),
    recipientName: text("recipient_name").notNull(),
    recipientMobile: text("recipient_mobile").notNull(),
    recipientMobileExt: text("recipient_mobile_ext"),
    provinceCode: text("province_code").notNull(),
    cityCode: text("city_code").notNull(),
    countyCode: text("county_code"),
    /** "浙江省 杭州市 西湖区" as parsed, kept so lists need no region lookups. */
    regionText: text("region_text").notNull(),
    addressDetail: text("address_detail").notNull(),
    buyerRemark: text("buyer_remark"),
    sellerRemark: text("seller_remark"),
    /** The customer's courier wish, e.g. { only: ["sf"] } or { exclude: ["ems"] }. */
    courierPreference: jsonb("courier_preference").$type<{ only?: string[]; exclude?: string[] }>(),
    totalFen: bigint("total_fen", { mode: "number" }).notNull().default(0),
    paidAt: timestamp("paid_at", { withTimezone: true }).notNull(),
    importBatchId: bigint("import_batch_id", { mode: "number" }),
    /**
     * Who created the order: a user id, "api:<key id>", "import:<batch id>" or "system". The
     * creation is the first line of the status history, read from this row (see getOrderGraph)
     * instead of being stored as an event: an import of 70k orders writes no 70k event rows.
     * Null on orders created before this column, whose creation is an event row.
     */
    createdBy: text("created_by"),
    cancelReason: text("cancel_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One unique index serves the (shop, platform order no) upsert and the search by order no.
    uniqueIndex("orders_platform_order_no_shop_id_key").on(t.platformOrderNo, t.shopId),
    // Ascending, read backwards for the list's `order by paid_at desc, id desc` (an ascending
    // index read backwards is exactly that order, nulls first included). New orders come with
    // later paid times and higher ids, so ascending keys go in at the right-hand end of the index,
    // where PostgreSQL appends without searching and splits pages 90/10; a descending index took
    // them at its left-hand end, split 50/50 (a fifth more pages) and cost an import of 69k orders
    // ~0.25 s more server time.
    index("orders_paid_at_id_idx").on(t.paidAt, t.id),
    index("orders_status_paid_at_idx").on(t.status, t.paidAt, t.id),
    // Serves both phone searches: the last 4 digits, and a full number found by its last 4 and
    // checked whole (searchCondition). One index less for every imported order to maintain.
    index("orders_recipient_mobile_last4_idx").on(sql`right(${t.recipientMobile}, 4)`),
    index("orders_recipient_name_idx").on(t.recipientName.op("text_pattern_ops")),
    index("orders_warehouse_id_idx").on(t.warehouseId),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: bigint("order_id", { mode: "number" })
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    lineNo: integer("line_no").notNull(),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    barcode: text("barcode"),
    quantity: integer("quantity").notNull(),
    unitPriceFen: bigint("unit_price_fen", { mode: "number" }).notNull().default(0),
    weightG: integer("weight_g"),
    lengthMm: integer("length_mm"),
    widthMm: integer("width_mm"),
    heightMm: integer("height_mm"),
    isVirtual: boolean("is_virtual").notNull().default(false),
    /** Goods restrictions couriers care about: liquid, battery, fragile, … */
    attributes: text("attributes").array(),
  },
  (t) => [uniqueIndex("order_items_order_id_line_no_key").on(t.orderId, t.lineNo)],
);

/** Status history of an order: every transition, who made it and why. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: bigint("order_id", { mode: "number" })
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    fromStatus: text("from_status", { enum: orderStatuses }),
    toStatus: text("to_status", { enum: orderStatuses }).notNull(),
    /** user id, "api:<key id>", "import:<batch id>" or "system". */
    actor: text("actor").notNull(),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order_id_idx").on(t.orderId, t.at)],
);

/** Parcels (shipments): one order may ship as several (split), several orders as one (merge). */
export const shipments = pgTable(
  "shipments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    warehouseId: text("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    status: text("status", { enum: parcelStatuses }).notNull().default("AWAITING_PACK"),
    recipientName: text("recipient_name").notNull(),
    recipientMobile: text("recipient_mobile").notNull(),
    recipientMobileExt: text("recipient_mobile_ext"),
    provinceCode: text("province_code").notNull(),
    cityCode: text("city_code").notNull(),
    countyCode: text("county_code"),
    regionText: text("region_text").notNull(),
    addressDetail: text("address_detail").notNull(),
    /** Same recipient and address → same key; merge candidates share it. */
    recipientKey: text("recipient_key").notNull(),
    heldAt: timestamp("held_at", { withTimezone: true }),
    holdReason: text("hold_reason"),
    weightG: integer("weight_g"),
    lengthMm: integer("length_mm"),
    widthMm: integer("width_mm"),
    heightMm: integer("height_mm"),
    packedAt: timestamp("packed_at", { withTimezone: true }),
    packedBy: text("packed_by").references(() => users.id),
    /** The courier account chosen by assignment (or a person, with `assignmentOverrideReason`). */
    assignedAccountId: text("assigned_account_id"),
    /** Chosen quote, ranked alternatives and the reason for each, as shown to people. */
    assignment: jsonb("assignment"),
    assignmentOverrideReason: text("assignment_override_reason"),
    /** Set by waybill issuance; kept here so order search by tracking number is one join. */
    trackingNo: text("tracking_no"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Ascending, read backwards for the queue's newest-first order (see orders_paid_at_id_idx).
    index("shipments_status_created_idx").on(t.status, t.createdAt, t.id),
    index("shipments_warehouse_id_idx").on(t.warehouseId),
    index("shipments_recipient_key_idx").on(t.recipientKey),
    // Both are empty when a parcel is created (by the thousand in an import): partial indexes
    // skip those rows, and every lookup (`= value`, a foreign-key check) still uses them.
    index("shipments_tracking_no_idx")
      .on(t.trackingNo)
      .where(sql`${t.trackingNo} is not null`),
    index("shipments_packed_by_idx")
      .on(t.packedBy)
      .where(sql`${t.packedBy} is not null`),
  ],
);

export const shipmentOrders = pgTable(
  "shipment_orders",
  {
    shipmentId: bigint("shipment_id", { mode: "number" })
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    orderId: bigint("order_id", { mode: "number" })
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.shipmentId, t.orderId] }),
    index("shipment_orders_order_id_idx").on(t.orderId),
  ],
);

/**
 * Which quantity of which order line travels in which parcel, where a parcel does not carry its
 * orders whole: a split part, or a merge that took in one. A parcel without rows here carries every
 * physical line of its orders in full (what almost every parcel does); read `parcelItems`, which
 * answers both.
 */
export const shipmentItems = pgTable(
  "shipment_items",
  {
    shipmentId: bigint("shipment_id", { mode: "number" })
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    orderItemId: bigint("order_item_id", { mode: "number" })
      .notNull()
      .references(() => orderItems.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shipmentId, t.orderItemId] }),
    index("shipment_items_order_item_id_idx").on(t.orderItemId),
  ],
);

export type WarehouseRow = typeof warehouses.$inferSelect;
export type ShopRow = typeof shops.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type ShipmentRow = typeof shipments.$inferSelect;
export type OrderStatus = (typeof orderStatuses)[number];
export type ParcelStatus = (typeof parcelStatuses)[number];
export type Platform = (typeof platforms)[number];

/**
 * What each parcel carries: its own lines where it has them (shipmentItems), otherwise every
 * physical line of its orders, whole. Parcels created with their orders (import, API, console)
 * write no lines, which spares an import ~1.4 rows and 2 index entries per order; a split or a
 * merge that takes in a part writes them (server/shipping/service.ts).
 */
export const parcelItems = pgView("parcel_items", {
  shipmentId: bigint("shipment_id", { mode: "number" }).notNull(),
  orderItemId: bigint("order_item_id", { mode: "number" }).notNull(),
  quantity: integer("quantity").notNull(),
}).as(
  sql`select si.shipment_id, si.order_item_id, si.quantity from shipment_items si
    union all
    select so.shipment_id, oi.id, oi.quantity
    from shipment_orders so
    join order_items oi on oi.order_id = so.order_id and not oi.is_virtual
    where not exists (select 1 from shipment_items x where x.shipment_id = so.shipment_id)`,
);
