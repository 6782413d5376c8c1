import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { olderThan } from "@/db/keyset";
import {
  courierAccounts,
  orderItems,
  orders,
  parcelItems,
  shipmentOrders,
  shipments,
  shops,
  warehouses,
  waybills,
  type ParcelStatus,
} from "@/db/schema";
import type { Bilingual } from "@/server/assignment/types";
import { maskMobile, maskName } from "@/server/orders/rules";
import type { QueueFilter } from "./schemas";

/** The warehouse's queue: parcels by status tab, newest first, keyset-paginated. */
export async function listQueue(db: Db | Tx, f: QueueFilter) {
  const where: SQL[] = [eq(shipments.status, f.status)];
  if (f.held === true) where.push(isNotNull(shipments.heldAt));
  if (f.held === false) where.push(isNull(shipments.heldAt));
  if (f.printed !== undefined) {
    where.push(
      sql`exists (select 1 from ${waybills} w where w.shipment_id = ${shipments.id} and w.status = 'active' and w.printed_at is ${f.printed ? sql`not null` : sql`null`})`,
    );
  }
  if (f.warehouseId) where.push(eq(shipments.warehouseId, f.warehouseId));
  if (f.shopId) {
    where.push(
      sql`exists (select 1 from ${shipmentOrders} so join ${orders} o on o.id = so.order_id where so.shipment_id = ${shipments.id} and o.shop_id = ${f.shopId})`,
    );
  }
  if (f.provinceCode) where.push(eq(shipments.provinceCode, f.provinceCode));
  const parcelCode = f.q ? /^P(\d{1,15})$/i.exec(f.q) : null;
  if (parcelCode) {
    where.push(eq(shipments.id, Number(parcelCode[1])));
  } else if (f.q) {
    where.push(
      or(
        eq(shipments.recipientName, f.q),
        eq(shipments.recipientMobile, f.q),
        eq(shipments.trackingNo, f.q),
        sql`exists (select 1 from ${shipmentOrders} so join ${orders} o on o.id = so.order_id where so.shipment_id = ${shipments.id} and (o.platform_order_no = ${f.q} or o.id::text = ${f.q}))`,
      )!,
    );
  }
  if (f.cursor) {
    where.push(
      olderThan(shipments.createdAt, shipments.id, { at: f.cursor.createdAt, id: f.cursor.id }),
    );
  }
  const rows = await db
    .select({
      id: shipments.id,
      status: shipments.status,
      warehouseName: warehouses.name,
      recipientName: shipments.recipientName,
      recipientMobile: shipments.recipientMobile,
      regionText: shipments.regionText,
      heldAt: shipments.heldAt,
      holdReason: shipments.holdReason,
      weightG: shipments.weightG,
      trackingNo: shipments.trackingNo,
      recipientKey: shipments.recipientKey,
      createdAt: shipments.createdAt,
      // Courier assignment, compact: the full result (ranked options with quotes) is fetched
      // when someone opens it (assignment.forParcel), not for every row of the page.
      assignedAccountId: shipments.assignedAccountId,
      accountName: courierAccounts.name,
      courier: courierAccounts.courier,
      overrideReason: shipments.assignmentOverrideReason,
      hasAssignment: sql<boolean>`${shipments.assignment} is not null`,
      explanation: sql<Bilingual | null>`${shipments.assignment}->'explanation'`,
      quoteFen: sql<number | null>`(${shipments.assignment}->'chosen'->'quote'->>'totalFen')::int`,
      // The latest issuance attempt of the parcel; shown when it failed and no waybill exists.
      lastStatus: sql<"pending" | "issued" | "failed" | null>`li.status`,
      lastErrorKind: sql<string | null>`li.error_kind`,
      lastError: sql<string | null>`li.error`,
      // The active waybill's first print: null while "waybill issued but not printed".
      printedAt: sql<Date | null>`(select w.printed_at from ${waybills} w where w.shipment_id = ${shipments.id} and w.status = 'active')`,
    })
    .from(shipments)
    .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
    .leftJoin(courierAccounts, eq(courierAccounts.id, shipments.assignedAccountId))
    .leftJoin(
      sql`lateral (select i.status, i.error_kind, i.error from waybill_batch_items i
        where i.shipment_id = ${shipments.id} order by i.updated_at desc, i.batch_id desc limit 1) li`,
      sql`true`,
    )
    .where(and(...where))
    .orderBy(desc(shipments.createdAt), desc(shipments.id))
    .limit(f.limit + 1);
  const hasMore = rows.length > f.limit;
  const page = hasMore ? rows.slice(0, f.limit) : rows;
  const ids = page.map((r) => r.id);
  const details = await parcelContents(db, ids);
  const keys = [...new Set(page.map((r) => r.recipientKey))];
  const twins = keys.length
    ? await db
        .select({ key: shipments.recipientKey, n: sql<number>`count(*)::int` })
        .from(shipments)
        .where(and(inArray(shipments.recipientKey, keys), eq(shipments.status, "AWAITING_PACK")))
        .groupBy(shipments.recipientKey)
    : [];
  const twinCount = new Map(twins.map((t) => [t.key, t.n]));
  const last = page.at(-1);
  return {
    items: page.map((r) => {
      const d = details.get(r.id);
      return {
        id: r.id,
        status: r.status,
        warehouseName: r.warehouseName,
        recipientName: maskName(r.recipientName),
        recipientMobile: maskMobile(r.recipientMobile),
        region: r.regionText,
        held: r.heldAt !== null,
        holdReason: r.holdReason,
        weightG: r.weightG,
        trackingNo: r.trackingNo,
        printedAt: r.printedAt === null ? null : new Date(r.printedAt),
        createdAt: r.createdAt,
        orders: d?.orders ?? [],
        items: d?.items ?? [],
        mergeable: r.status === "AWAITING_PACK" && (twinCount.get(r.recipientKey) ?? 0) > 1,
        assignment: r.hasAssignment || r.assignedAccountId ? queueAssignment(r) : null,
        lastFailure:
          !r.trackingNo && r.lastStatus === "failed"
            ? { kind: r.lastErrorKind, error: r.lastError ?? "" }
            : null,
      };
    }),
    nextCursor: hasMore && last ? { createdAt: last.createdAt, id: last.id } : undefined,
  };
}

/** The queue's view of a parcel's courier assignment. */
function queueAssignment(r: {
  assignedAccountId: string | null;
  accountName: string | null;
  courier: string | null;
  overrideReason: string | null;
  explanation: Bilingual | null;
  quoteFen: number | null;
}) {
  return {
    account: r.assignedAccountId
      ? { id: r.assignedAccountId, name: r.accountName ?? r.assignedAccountId, courier: r.courier }
      : null,
    overridden: r.overrideReason !== null,
    overrideReason: r.overrideReason,
    explanation: r.explanation,
    quoteFen: r.overrideReason === null ? r.quoteFen : null,
  };
}

/** Orders and lines in each parcel. */
export async function parcelContents(db: Db | Tx, parcelIds: number[]) {
  const out = new Map<
    number,
    {
      orders: {
        id: number;
        platformOrderNo: string;
        shopName: string;
        buyerRemark: string | null;
      }[];
      items: {
        orderItemId: number;
        orderId: number;
        sku: string;
        name: string;
        barcode: string | null;
        quantity: number;
        weightG: number | null;
      }[];
    }
  >();
  if (parcelIds.length === 0) return out;
  const [os, its] = await Promise.all([
    db
      .select({
        shipmentId: shipmentOrders.shipmentId,
        id: orders.id,
        platformOrderNo: orders.platformOrderNo,
        shopName: shops.name,
        buyerRemark: orders.buyerRemark,
      })
      .from(shipmentOrders)
      .innerJoin(orders, eq(orders.id, shipmentOrders.orderId))
      .innerJoin(shops, eq(shops.id, orders.shopId))
      .where(inArray(shipmentOrders.shipmentId, parcelIds))
      .orderBy(asc(orders.id)),
    db
      .select({
        shipmentId: parcelItems.shipmentId,
        orderItemId: orderItems.id,
        orderId: orderItems.orderId,
        sku: orderItems.sku,
        name: orderItems.name,
        barcode: orderItems.barcode,
        quantity: parcelItems.quantity,
        weightG: orderItems.weightG,
      })
      .from(parcelItems)
      .innerJoin(orderItems, eq(orderItems.id, parcelItems.orderItemId))
      .where(inArray(parcelItems.shipmentId, parcelIds))
      .orderBy(asc(orderItems.orderId), asc(orderItems.lineNo)),
  ]);
  for (const id of parcelIds) out.set(id, { orders: [], items: [] });
  for (const { shipmentId, ...o } of os) out.get(shipmentId)!.orders.push(o);
  for (const { shipmentId, ...i } of its) out.get(shipmentId)!.items.push(i);
  return out;
}

export async function lockParcels(tx: Tx, ids: number[]) {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(shipments)
    .where(inArray(shipments.id, ids))
    .orderBy(asc(shipments.id))
    .for("update");
}

export async function setParcelStatus(tx: Db | Tx, ids: number[], status: ParcelStatus) {
  if (ids.length === 0) return;
  await tx
    .update(shipments)
    .set({ status, updatedAt: new Date() })
    .where(inArray(shipments.id, ids));
}

/** Parcel statuses of each order, to derive the order's status from them. */
export async function parcelStatusesOfOrders(tx: Db | Tx, orderIds: number[]) {
  const rows = orderIds.length
    ? await tx
        .select({ orderId: shipmentOrders.orderId, status: shipments.status })
        .from(shipmentOrders)
        .innerJoin(shipments, eq(shipments.id, shipmentOrders.shipmentId))
        .where(inArray(shipmentOrders.orderId, orderIds))
    : [];
  const map = new Map<number, ParcelStatus[]>(orderIds.map((id) => [id, []]));
  for (const r of rows) map.get(r.orderId)!.push(r.status);
  return map;
}

/** Finds the parcel to pack for whatever the scanner read: order no, platform order no or parcel id. */
export async function findParcelsByScan(db: Db | Tx, code: string) {
  const byOrder = await db
    .select({ id: shipments.id, status: shipments.status, heldAt: shipments.heldAt })
    .from(shipmentOrders)
    .innerJoin(orders, eq(orders.id, shipmentOrders.orderId))
    .innerJoin(shipments, eq(shipments.id, shipmentOrders.shipmentId))
    .where(
      /^\d{1,15}$/.test(code)
        ? or(eq(orders.platformOrderNo, code), eq(orders.id, Number(code)))
        : eq(orders.platformOrderNo, code),
    )
    .orderBy(asc(shipments.id));
  if (byOrder.length > 0) return byOrder;
  const m = /^P(\d{1,15})$/i.exec(code);
  if (!m) return [];
  return db
    .select({ id: shipments.id, status: shipments.status, heldAt: shipments.heldAt })
    .from(shipments)
    .where(eq(shipments.id, Number(m[1])));
}
