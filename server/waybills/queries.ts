import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  courierAccounts,
  orderItems,
  orders,
  pickups,
  parcelItems,
  shipmentOrders,
  shipments,
  shops,
  warehouses,
  waybillBatches,
  waybillBatchItems,
  waybills,
} from "@/db/schema";
import type { IssuingLine, IssuingParcel, IssuingWarehouse } from "./parties";

export type ParcelForIssuing = IssuingParcel & {
  status: (typeof shipments.$inferSelect)["status"];
  heldAt: Date | null;
  holdReason: string | null;
  warehouse: IssuingWarehouse;
  lines: IssuingLine[];
  active: { id: number; accountId: string; trackingNo: string } | null;
  /** Cancelled waybills so far: the next courier order id depends on it. */
  cancelled: number;
  /** The account courier assignment chose for the parcel, if it ran. */
  assignedAccountId: string | null;
  /** Set when a person overrode assignment's choice. */
  assignmentOverrideReason: string | null;
  /** The default courier account of the shop of the parcel's first order. */
  shopAccountId: string | null;
};

/** Everything issuance needs about these parcels, in four queries whatever their number. */
export async function parcelsForIssuing(
  db: Db | Tx,
  ids: number[],
): Promise<Map<number, ParcelForIssuing>> {
  const out = new Map<number, ParcelForIssuing>();
  if (ids.length === 0) return out;
  const [rows, lines, bills, defaults] = await Promise.all([
    db
      .select({ p: shipments, w: warehouses })
      .from(shipments)
      .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
      .where(inArray(shipments.id, ids)),
    db
      .select({
        shipmentId: parcelItems.shipmentId,
        name: orderItems.name,
        quantity: parcelItems.quantity,
        unitPriceFen: orderItems.unitPriceFen,
        weightG: orderItems.weightG,
      })
      .from(parcelItems)
      .innerJoin(orderItems, eq(orderItems.id, parcelItems.orderItemId))
      .where(inArray(parcelItems.shipmentId, ids))
      .orderBy(asc(orderItems.orderId), asc(orderItems.lineNo)),
    db
      .select({
        shipmentId: waybills.shipmentId,
        id: waybills.id,
        accountId: waybills.accountId,
        trackingNo: waybills.trackingNo,
        status: waybills.status,
      })
      .from(waybills)
      .where(inArray(waybills.shipmentId, ids)),
    db
      .selectDistinctOn([shipmentOrders.shipmentId], {
        shipmentId: shipmentOrders.shipmentId,
        accountId: shops.defaultCourierAccountId,
      })
      .from(shipmentOrders)
      .innerJoin(orders, eq(orders.id, shipmentOrders.orderId))
      .innerJoin(shops, eq(shops.id, orders.shopId))
      .where(inArray(shipmentOrders.shipmentId, ids))
      .orderBy(asc(shipmentOrders.shipmentId), asc(orders.id)),
  ]);
  const shopAccount = new Map(defaults.map((d) => [d.shipmentId, d.accountId]));
  for (const { p, w } of rows) {
    out.set(p.id, {
      ...p,
      warehouse: w,
      lines: [],
      active: null,
      cancelled: 0,
      shopAccountId: shopAccount.get(p.id) ?? null,
    });
  }
  for (const { shipmentId, ...line } of lines) out.get(shipmentId)?.lines.push(line);
  for (const b of bills) {
    const parcel = out.get(b.shipmentId);
    if (!parcel) continue;
    if (b.status === "active") parcel.active = b;
    else parcel.cancelled++;
  }
  return out;
}

export async function pendingItems(db: Db | Tx, batchId: number) {
  return db
    .select({ shipmentId: waybillBatchItems.shipmentId, accountId: waybillBatchItems.accountId })
    .from(waybillBatchItems)
    .where(and(eq(waybillBatchItems.batchId, batchId), eq(waybillBatchItems.status, "pending")))
    .orderBy(asc(waybillBatchItems.shipmentId));
}

/** Counters from the items themselves, so a re-run or a retry never counts anything twice. */
export async function recountBatch(tx: Db | Tx, batchId: number, finished: boolean) {
  await tx
    .update(waybillBatches)
    .set({
      issued: sql`(select count(*)::int from ${waybillBatchItems} i where i.batch_id = ${batchId} and i.status = 'issued')`,
      failed: sql`(select count(*)::int from ${waybillBatchItems} i where i.batch_id = ${batchId} and i.status = 'failed')`,
      ...(finished ? { status: "done" as const, finishedAt: new Date() } : {}),
    })
    .where(eq(waybillBatches.id, batchId));
}

export async function batchWithItems(db: Db | Tx, batchId: number) {
  const [batch] = await db.select().from(waybillBatches).where(eq(waybillBatches.id, batchId));
  if (!batch) return undefined;
  const items = await db
    .select({
      parcelId: waybillBatchItems.shipmentId,
      accountId: waybillBatchItems.accountId,
      accountName: courierAccounts.name,
      courier: courierAccounts.courier,
      status: waybillBatchItems.status,
      errorKind: waybillBatchItems.errorKind,
      error: waybillBatchItems.error,
      attempts: waybillBatchItems.attempts,
      trackingNo: waybills.trackingNo,
      sortingCode: waybills.sortingCode,
    })
    .from(waybillBatchItems)
    .leftJoin(courierAccounts, eq(courierAccounts.id, waybillBatchItems.accountId))
    .leftJoin(waybills, eq(waybills.id, waybillBatchItems.waybillId))
    .where(eq(waybillBatchItems.batchId, batchId))
    .orderBy(asc(waybillBatchItems.shipmentId));
  return { batch, items };
}

export async function listPickupRows(db: Db | Tx, warehouseId: string | undefined, limit: number) {
  return db
    .select({
      id: pickups.id,
      accountId: pickups.accountId,
      accountName: courierAccounts.name,
      courier: courierAccounts.courier,
      warehouseId: pickups.warehouseId,
      warehouseName: warehouses.name,
      windowStart: pickups.windowStart,
      windowEnd: pickups.windowEnd,
      parcelCount: pickups.parcelCount,
      weightG: pickups.weightG,
      status: pickups.status,
      courierPickupId: pickups.courierPickupId,
      error: pickups.error,
      createdAt: pickups.createdAt,
      cancelledAt: pickups.cancelledAt,
    })
    .from(pickups)
    .innerJoin(courierAccounts, eq(courierAccounts.id, pickups.accountId))
    .innerJoin(warehouses, eq(warehouses.id, pickups.warehouseId))
    .where(warehouseId ? eq(pickups.warehouseId, warehouseId) : undefined)
    .orderBy(desc(pickups.createdAt), desc(pickups.id))
    .limit(limit);
}

/** Labelled parcels of this warehouse waiting for this account's courier: what a pickup collects. */
export async function awaitingHandover(db: Db | Tx, accountId: string, warehouseId: string) {
  const [row] = await db
    .select({
      parcels: sql<number>`count(*)::int`,
      weightG: sql<number>`coalesce(sum(${shipments.weightG}), 0)::int`,
    })
    .from(waybills)
    .innerJoin(shipments, eq(shipments.id, waybills.shipmentId))
    .where(
      and(
        eq(waybills.accountId, accountId),
        eq(waybills.status, "active"),
        eq(shipments.warehouseId, warehouseId),
        eq(shipments.status, "LABELLED"),
      ),
    );
  return { parcels: row?.parcels ?? 0, weightG: row?.weightG ?? 0 };
}
