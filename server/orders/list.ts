import { and, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { olderThan } from "@/db/keyset";
import { orderItems, orders, shipmentOrders, shops, warehouses } from "@/db/schema";
import { orderListOrder, searchCondition } from "./queries";
import { maskAddress, maskMobile, maskName } from "./rules";
import type { ListFilter } from "./schemas";

/**
 * The page query of the orders list: filters, one search box, and keyset pagination on
 * (paid_at desc, id desc), which the (paid_at, id) and (status, paid_at, id) indexes answer in
 * order, so page 2,000 costs what page 1 does (server/orders/list.int.test.ts checks the plan).
 */
export function orderPageQuery(db: Db | Tx, f: ListFilter) {
  const where: SQL[] = [];
  if (f.q) where.push(searchCondition(f.q));
  if (f.status) where.push(eq(orders.status, f.status));
  if (f.shopId) where.push(eq(orders.shopId, f.shopId));
  if (f.warehouseId) where.push(eq(orders.warehouseId, f.warehouseId));
  if (f.provinceCode) where.push(eq(orders.provinceCode, f.provinceCode));
  if (f.paidFrom) where.push(gte(orders.paidAt, f.paidFrom));
  if (f.paidTo) where.push(lt(orders.paidAt, f.paidTo));
  if (f.cursor) {
    where.push(olderThan(orders.paidAt, orders.id, { at: f.cursor.paidAt, id: f.cursor.id }));
  }
  return db
    .select({
      id: orders.id,
      platformOrderNo: orders.platformOrderNo,
      status: orders.status,
      shopId: orders.shopId,
      shopName: shops.name,
      warehouseName: warehouses.name,
      recipientName: orders.recipientName,
      recipientMobile: orders.recipientMobile,
      regionText: orders.regionText,
      addressDetail: orders.addressDetail,
      totalFen: orders.totalFen,
      paidAt: orders.paidAt,
    })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .leftJoin(warehouses, eq(warehouses.id, orders.warehouseId))
    .where(and(...where))
    .orderBy(...orderListOrder)
    .limit(f.limit + 1);
}

/** The orders list: a page of orders with their lines summarised and parcels counted. */
export async function listOrders(db: Db | Tx, f: ListFilter) {
  const rows = await orderPageQuery(db, f);
  const hasMore = rows.length > f.limit;
  const page = hasMore ? rows.slice(0, f.limit) : rows;
  const ids = page.map((r) => r.id);
  const [lines, parcels] = ids.length
    ? await Promise.all([
        db
          .select({
            orderId: orderItems.orderId,
            name: orderItems.name,
            quantity: orderItems.quantity,
          })
          .from(orderItems)
          .where(inArray(orderItems.orderId, ids))
          .orderBy(orderItems.orderId, orderItems.lineNo),
        db
          .select({ orderId: shipmentOrders.orderId, n: sql<number>`count(*)::int` })
          .from(shipmentOrders)
          .where(inArray(shipmentOrders.orderId, ids))
          .groupBy(shipmentOrders.orderId),
      ])
    : [[], []];
  const itemsOf = new Map<number, { name: string; quantity: number }[]>();
  for (const l of lines) {
    const list = itemsOf.get(l.orderId) ?? [];
    list.push({ name: l.name, quantity: l.quantity });
    itemsOf.set(l.orderId, list);
  }
  const parcelsOf = new Map(parcels.map((p) => [p.orderId, p.n]));
  const last = page.at(-1);
  return {
    items: page.map((r) => {
      const its = itemsOf.get(r.id) ?? [];
      return {
        id: r.id,
        platformOrderNo: r.platformOrderNo,
        status: r.status,
        shopName: r.shopName,
        warehouseName: r.warehouseName,
        recipientName: maskName(r.recipientName),
        recipientMobile: maskMobile(r.recipientMobile),
        region: r.regionText,
        address: maskAddress(r.addressDetail),
        itemsSummary: its[0] ? its[0].name : "",
        itemCount: its.reduce((s, i) => s + i.quantity, 0),
        lineCount: its.length,
        parcelCount: parcelsOf.get(r.id) ?? 0,
        totalFen: r.totalFen,
        paidAt: r.paidAt,
      };
    }),
    nextCursor: hasMore && last ? { paidAt: last.paidAt, id: last.id } : undefined,
  };
}

export type OrderListRow = Awaited<ReturnType<typeof listOrders>>["items"][number];
