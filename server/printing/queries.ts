import {
  and,
  asc,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { olderThan } from "@/db/keyset";
import {
  courierAccounts,
  orderItems,
  orders,
  printBatches,
  printJobs,
  parcelItems,
  shipmentOrders,
  shipments,
  shops,
  users,
  waybills,
  warehouses,
} from "@/db/schema";
import { findCourier } from "@/server/couriers/catalog";
import { maskMobile, maskName } from "@/server/orders/rules";
import { parcelContents } from "@/server/shipping/queries";
import type { HistoryFilter, PrintableFilter } from "./schemas";

/** The active waybill of each parcel with everything a label prints, by parcel id. */
export async function labelRows(db: Db | Tx, parcelIds: number[]) {
  const rows = await db
    .select({
      waybillId: waybills.id,
      parcelId: waybills.shipmentId,
      courier: waybills.courier,
      driver: courierAccounts.courier,
      template: courierAccounts.labelTemplate,
      trackingNo: waybills.trackingNo,
      sortingCode: waybills.sortingCode,
      packageCenter: waybills.packageCenter,
      labelData: waybills.labelData,
      parcelStatus: shipments.status,
      recipientName: shipments.recipientName,
      recipientMobile: shipments.recipientMobile,
      recipientMobileExt: shipments.recipientMobileExt,
      regionText: shipments.regionText,
      addressDetail: shipments.addressDetail,
      weightG: shipments.weightG,
      senderName: warehouses.contactName,
      senderMobile: warehouses.contactMobile,
      senderRegion: warehouses.regionText,
      senderAddress: warehouses.address,
    })
    .from(waybills)
    .innerJoin(shipments, eq(shipments.id, waybills.shipmentId))
    .innerJoin(courierAccounts, eq(courierAccounts.id, waybills.accountId))
    .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
    .where(and(inArray(waybills.shipmentId, parcelIds), eq(waybills.status, "active")));
  return new Map(rows.map((r) => [r.parcelId, r]));
}
export type LabelRow =
  Awaited<ReturnType<typeof labelRows>> extends Map<number, infer R> ? R : never;

/** Which of these parcels exist at all, to tell "no such parcel" from "no waybill yet". */
export async function existingParcels(db: Db | Tx, parcelIds: number[]) {
  if (parcelIds.length === 0) return new Set<number>();
  const rows = await db
    .select({ id: shipments.id })
    .from(shipments)
    .where(inArray(shipments.id, parcelIds));
  return new Set(rows.map((r) => r.id));
}

/**
 * Locks the parcels' active waybills for a print record (first print, counts, reprint check).
 * A cancelled parcel's label must not be printed, so it counts as having none.
 */
export async function lockActiveWaybills(tx: Tx, parcelIds: number[]) {
  return tx
    .select({
      id: waybills.id,
      shipmentId: waybills.shipmentId,
      trackingNo: waybills.trackingNo,
      printedAt: waybills.printedAt,
      printCount: waybills.printCount,
    })
    .from(waybills)
    .innerJoin(shipments, eq(shipments.id, waybills.shipmentId))
    .where(
      and(
        inArray(waybills.shipmentId, parcelIds),
        eq(waybills.status, "active"),
        ne(shipments.status, "CANCELLED"),
      ),
    )
    .orderBy(asc(waybills.id))
    .for("update", { of: waybills });
}

/**
 * Labelled parcels (an active waybill, parcel not cancelled), printed or not, newest waybill
 * first, keyset-paginated on (issued_at, id): the not-printed page walks waybills_unprinted_idx.
 */
export async function listPrintable(db: Db | Tx, f: PrintableFilter) {
  const where: SQL[] = [eq(waybills.status, "active"), ne(shipments.status, "CANCELLED")];
  where.push(f.printed ? isNotNull(waybills.printedAt) : isNull(waybills.printedAt));
  if (f.accountId) where.push(eq(waybills.accountId, f.accountId));
  if (f.warehouseId) where.push(eq(shipments.warehouseId, f.warehouseId));
  const parcelCode = f.q ? /^P(\d{1,15})$/i.exec(f.q) : null;
  if (parcelCode) where.push(eq(shipments.id, Number(parcelCode[1])));
  else if (f.q) {
    where.push(
      or(
        eq(waybills.trackingNo, f.q),
        eq(shipments.recipientName, f.q),
        eq(shipments.recipientMobile, f.q),
        sql`exists (select 1 from ${shipmentOrders} so join ${orders} o on o.id = so.order_id where so.shipment_id = ${shipments.id} and o.platform_order_no = ${f.q})`,
      )!,
    );
  }
  if (f.cursor) {
    where.push(
      olderThan(waybills.issuedAt, waybills.id, { at: f.cursor.issuedAt, id: f.cursor.id }),
    );
  }
  const rows = await db
    .select({
      waybillId: waybills.id,
      parcelId: shipments.id,
      parcelStatus: shipments.status,
      trackingNo: waybills.trackingNo,
      courier: waybills.courier,
      accountId: courierAccounts.id,
      accountName: courierAccounts.name,
      template: courierAccounts.labelTemplate,
      issuedAt: waybills.issuedAt,
      printedAt: waybills.printedAt,
      printCount: waybills.printCount,
      warehouseName: warehouses.name,
      recipientName: shipments.recipientName,
      recipientMobile: shipments.recipientMobile,
      regionText: shipments.regionText,
      weightG: shipments.weightG,
    })
    .from(waybills)
    .innerJoin(shipments, eq(shipments.id, waybills.shipmentId))
    .innerJoin(courierAccounts, eq(courierAccounts.id, waybills.accountId))
    .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
    .where(and(...where))
    .orderBy(desc(waybills.issuedAt), desc(waybills.id))
    .limit(f.limit + 1);
  const hasMore = rows.length > f.limit;
  const page = hasMore ? rows.slice(0, f.limit) : rows;
  const contents = await parcelContents(
    db,
    page.map((r) => r.parcelId),
  );
  const last = page.at(-1);
  return {
    items: page.map((r) => {
      const c = contents.get(r.parcelId);
      const carrier = findCourier(r.courier);
      return {
        ...r,
        courierName: { zh: carrier?.nameZh ?? r.courier, en: carrier?.nameEn ?? r.courier },
        recipientName: maskName(r.recipientName),
        recipientMobile: maskMobile(r.recipientMobile),
        orders: (c?.orders ?? []).map((o) => ({
          id: o.id,
          platformOrderNo: o.platformOrderNo,
          shopName: o.shopName,
        })),
        units: (c?.items ?? []).reduce((s, i) => s + i.quantity, 0),
      };
    }),
    nextCursor: hasMore && last ? { issuedAt: last.issuedAt, id: last.waybillId } : undefined,
  };
}

/** How many parcels of each batch the history lists (with the batch's full count beside). */
export const HISTORY_PARCELS_SHOWN = 6;

/** Print batches, newest first: who, when, what, how many, and why for reprints. */
export async function printHistory(db: Db | Tx, f: HistoryFilter) {
  const where: SQL[] = [];
  if (f.kind) where.push(eq(printBatches.kind, f.kind));
  if (f.cursor) where.push(lt(printBatches.id, f.cursor));
  if (f.parcelId) {
    where.push(
      sql`exists (select 1 from ${printJobs} j where j.batch_id = ${printBatches.id} and j.shipment_id = ${f.parcelId})`,
    );
  }
  const rows = await db
    .select({
      id: printBatches.id,
      kind: printBatches.kind,
      template: printBatches.template,
      count: printBatches.count,
      reprintReason: printBatches.reprintReason,
      createdAt: printBatches.createdAt,
      createdBy: printBatches.createdBy,
      createdByName: users.name,
    })
    .from(printBatches)
    .leftJoin(users, eq(users.id, printBatches.createdBy))
    .where(and(...where))
    .orderBy(desc(printBatches.id))
    .limit(f.limit + 1);
  const hasMore = rows.length > f.limit;
  const page = hasMore ? rows.slice(0, f.limit) : rows;
  // A batch can hold 1,000 parcels: the list shows the first few of each and the batch's count.
  const ranked = db
    .select({
      batchId: printJobs.batchId,
      parcelId: printJobs.shipmentId,
      waybillId: printJobs.waybillId,
      rn: sql<number>`row_number() over (partition by ${printJobs.batchId} order by ${printJobs.shipmentId})`.as(
        "rn",
      ),
    })
    .from(printJobs)
    .where(
      inArray(
        printJobs.batchId,
        page.map((r) => r.id),
      ),
    )
    .as("ranked");
  const jobs = page.length
    ? await db
        .select({
          batchId: ranked.batchId,
          parcelId: ranked.parcelId,
          trackingNo: waybills.trackingNo,
        })
        .from(ranked)
        .leftJoin(waybills, eq(waybills.id, ranked.waybillId))
        .where(lte(ranked.rn, HISTORY_PARCELS_SHOWN))
        .orderBy(asc(ranked.batchId), asc(ranked.parcelId))
    : [];
  const byBatch = new Map<number, { parcelId: number; trackingNo: string | null }[]>();
  for (const j of jobs) {
    const list = byBatch.get(j.batchId) ?? [];
    list.push({ parcelId: j.parcelId, trackingNo: j.trackingNo });
    byBatch.set(j.batchId, list);
  }
  return {
    items: page.map((r) => ({ ...r, parcels: byBatch.get(r.id) ?? [] })),
    nextCursor: hasMore ? page.at(-1)?.id : undefined,
  };
}

/** Orders in each parcel with the parcel's own lines, for packing slips, by parcel id. */
export async function slipRows(db: Db | Tx, parcelIds: number[]) {
  if (parcelIds.length === 0) return { parcels: [], orders: [], lines: [] };
  const [parcels, os, lines] = await Promise.all([
    db
      .select({
        id: shipments.id,
        status: shipments.status,
        recipientName: shipments.recipientName,
        recipientMobile: shipments.recipientMobile,
        regionText: shipments.regionText,
        addressDetail: shipments.addressDetail,
        warehouseName: warehouses.name,
        warehouseMobile: warehouses.contactMobile,
        trackingNo: waybills.trackingNo,
        courier: waybills.courier,
      })
      .from(shipments)
      .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
      .leftJoin(waybills, and(eq(waybills.shipmentId, shipments.id), eq(waybills.status, "active")))
      .where(inArray(shipments.id, parcelIds)),
    db
      .select({
        parcelId: shipmentOrders.shipmentId,
        id: orders.id,
        platformOrderNo: orders.platformOrderNo,
        shopName: shops.name,
        paidAt: orders.paidAt,
        buyerRemark: orders.buyerRemark,
      })
      .from(shipmentOrders)
      .innerJoin(orders, eq(orders.id, shipmentOrders.orderId))
      .innerJoin(shops, eq(shops.id, orders.shopId))
      .where(inArray(shipmentOrders.shipmentId, parcelIds))
      .orderBy(asc(orders.id)),
    db
      .select({
        parcelId: parcelItems.shipmentId,
        orderId: orderItems.orderId,
        sku: orderItems.sku,
        name: orderItems.name,
        barcode: orderItems.barcode,
        quantity: parcelItems.quantity,
      })
      .from(parcelItems)
      .innerJoin(orderItems, eq(orderItems.id, parcelItems.orderItemId))
      .where(inArray(parcelItems.shipmentId, parcelIds))
      .orderBy(asc(orderItems.orderId), asc(orderItems.lineNo)),
  ]);
  return { parcels, orders: os, lines };
}
