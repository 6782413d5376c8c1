import { eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  orderItems,
  orders,
  shipmentItems,
  shipmentOrders,
  shipments,
  shops,
  warehouses,
} from "@/db/schema";
import { writeAudit } from "@/server/audit/queries";
import { DomainError } from "@/server/errors";
import { parseAddress } from "@/server/regions/address";
import { regionPath } from "@/server/regions/data";
import { enqueueAutoShip } from "@/server/waybills/auto-ship";
import { insertOrderGraphs } from "./bulk";
import * as q from "./queries";
import { assertOrderTransition, initialOrderStatus, recipientKey } from "./rules";
import type { OrderInput } from "./schemas";

/** Who changes an order: a staff user, an API key, an import batch, or the system. */
export interface OrderActor {
  userId: string | null;
  /** Written to the order's status history: user id, "api:<key>", "import:<batch>", "system". */
  label: string;
}

const invalid = (field: string, message: string) =>
  new DomainError("INVALID", message, { fields: { [field]: message } });

/** Resolves shop, warehouse and region of an API/console order into a storable one. */
export async function resolveOrderInput(
  db: Db | Tx,
  input: OrderInput,
  source: q.NewOrder["source"],
): Promise<q.NewOrder> {
  const [shop] = await db.select().from(shops).where(eq(shops.id, input.shop));
  if (!shop || !shop.active) throw invalid("shop", `Unknown or inactive shop "${input.shop}"`);
  const warehouseId = input.warehouse ?? shop.defaultWarehouseId;
  const [wh] = await db
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(eq(warehouses.id, warehouseId));
  if (!wh) throw invalid("warehouse", `Unknown warehouse "${warehouseId}"`);
  const r = input.recipient;
  let region: Pick<
    q.NewOrder,
    "provinceCode" | "cityCode" | "countyCode" | "regionText" | "addressDetail"
  >;
  if (r.countyCode) {
    const path = regionPath(r.countyCode);
    if (!path?.province || !path.city) {
      throw invalid("recipient.countyCode", `Unknown region code ${r.countyCode}`);
    }
    region = {
      provinceCode: path.province.code,
      cityCode: path.city.code,
      countyCode: path.county?.code ?? null,
      regionText: [path.province.name, path.city.name, path.county?.name].filter(Boolean).join(" "),
      addressDetail: r.address,
    };
  } else {
    const parsed = parseAddress(r.address);
    if (!parsed.ok) {
      const hint = parsed.suggestions.length
        ? ` (did you mean ${parsed.suggestions.join(" / ")}?)`
        : "";
      throw invalid("recipient.address", `${parsed.message}${hint}`);
    }
    region = {
      provinceCode: parsed.province.code,
      cityCode: parsed.city.code,
      countyCode: parsed.county?.code ?? null,
      regionText: [parsed.province.name, parsed.city.name, parsed.county?.name]
        .filter(Boolean)
        .join(" "),
      addressDetail: parsed.detail,
    };
  }
  return {
    shopId: shop.id,
    platformOrderNo: input.platformOrderNo,
    source,
    warehouseId,
    paidAt: new Date(input.paidAt),
    recipientName: r.name,
    recipientMobile: r.mobile,
    recipientMobileExt: r.mobileExt ?? null,
    ...region,
    buyerRemark: input.buyerRemark ?? null,
    sellerRemark: input.sellerRemark ?? null,
    importBatchId: null,
    items: input.items.map((it) => ({
      sku: it.sku,
      name: it.name,
      barcode: it.barcode ?? null,
      quantity: it.quantity,
      unitPriceFen: it.unitPriceFen,
      weightG: it.weightG ?? null,
      lengthMm: it.lengthMm ?? null,
      widthMm: it.widthMm ?? null,
      heightMm: it.heightMm ?? null,
      isVirtual: it.isVirtual,
    })),
  };
}

/** What an upsert compares to decide "same order again" versus "the merchant changed it". */
function fingerprint(o: {
  recipientName: string;
  recipientMobile: string;
  countyCode: string | null;
  cityCode: string;
  addressDetail: string;
  buyerRemark: string | null;
  sellerRemark: string | null;
  items: { sku: string; quantity: number; unitPriceFen: number; isVirtual: boolean }[];
}) {
  return JSON.stringify([
    recipientKey(o),
    o.buyerRemark,
    o.sellerRemark,
    o.items.map((i) => [i.sku, i.quantity, i.unitPriceFen, i.isVirtual]),
  ]);
}

/**
 * Creates an order, or updates it when the same (shop, platform order no) comes again. An update
 * is accepted only while nothing physical has happened (awaiting shipment, parcel not packed,
 * split or merged); after that the merchant gets a 409 saying why.
 */
export async function upsertOrder(db: Db, actor: OrderActor, order: q.NewOrder) {
  const result = await db.transaction(async (tx) => {
    const existing = await q.findOrderRef(tx, order.shopId, order.platformOrderNo);
    if (!existing) {
      const [id] = await insertOrderGraphs(tx, [order], actor.label);
      if (id == null)
        throw new DomainError("CONFLICT", "The order was created concurrently; retry");
      return { id, created: true, changed: true };
    }
    const graph = (await q.getOrderGraph(tx, existing.id))!;
    if (fingerprint({ ...graph, items: graph.items }) === fingerprint(order)) {
      return { id: existing.id, created: false, changed: false };
    }
    await q.lockOrder(tx, existing.id);
    const parcelIds = graph.parcels.map((p) => p.id);
    const shared = parcelIds.length
      ? await tx
          .select({ s: shipmentOrders.shipmentId })
          .from(shipmentOrders)
          .where(inArray(shipmentOrders.shipmentId, parcelIds))
      : [];
    const untouched =
      (graph.status === "AWAITING_SHIPMENT" || graph.status === "COMPLETED") &&
      graph.parcels.length <= 1 &&
      graph.parcels.every((p) => p.status === "AWAITING_PACK" && !p.packedAt) &&
      shared.length === parcelIds.length;
    if (!untouched || graph.status === "COMPLETED") {
      throw new DomainError(
        "CONFLICT",
        `Order ${order.platformOrderNo} is ${graph.status}${graph.parcels.length > 1 ? " and split" : ""}; the warehouse has started on it, so changes are no longer accepted`,
        { messageKey: "orders.errors.tooLateToChange" },
      );
    }
    if (parcelIds.length) await tx.delete(shipments).where(inArray(shipments.id, parcelIds));
    await tx.delete(orderItems).where(eq(orderItems.orderId, existing.id));
    const status = initialOrderStatus(order.items);
    await tx
      .update(orders)
      .set({
        status,
        recipientName: order.recipientName,
        recipientMobile: order.recipientMobile,
        recipientMobileExt: order.recipientMobileExt,
        provinceCode: order.provinceCode,
        cityCode: order.cityCode,
        countyCode: order.countyCode,
        regionText: order.regionText,
        addressDetail: order.addressDetail,
        buyerRemark: order.buyerRemark,
        sellerRemark: order.sellerRemark,
        warehouseId: order.warehouseId,
        totalFen: order.items.reduce((s, i) => s + i.unitPriceFen * i.quantity, 0),
        updatedAt: new Date(),
      })
      .where(eq(orders.id, existing.id));
    await q.insertItemsAndParcel(tx, existing.id, order, status === "AWAITING_SHIPMENT");
    await q.recordOrderEvent(tx, {
      orderId: existing.id,
      fromStatus: graph.status,
      toStatus: status,
      actor: actor.label,
      note: "order updated by the merchant",
    });
    return { id: existing.id, created: false, changed: true };
  });
  // After the commit: a shop that auto-ships gets the new parcels assigned (a durable job).
  if (result.changed) await enqueueAutoShip(db, { orderIds: [result.id] });
  return { id: result.id, created: result.created };
}

/**
 * Cancels an open order. Its own parcels are cancelled; from a merged parcel only its items are
 * taken out, so the other orders still ship.
 */
export async function cancelOrder(db: Db, actor: OrderActor, id: number, reason: string) {
  return db.transaction(async (tx) => {
    const order = await q.lockOrder(tx, id);
    if (!order)
      throw new DomainError("NOT_FOUND", `Order ${id} not found`, {
        messageKey: "orders.errors.notFound",
      });
    if (order.status === "CANCELLED") return { id, changed: false };
    assertOrderTransition(order.status, "CANCELLED");
    const links = await tx
      .select({ shipmentId: shipmentOrders.shipmentId })
      .from(shipmentOrders)
      .where(eq(shipmentOrders.orderId, id));
    for (const { shipmentId } of links) {
      const others = await tx
        .select({ orderId: shipmentOrders.orderId })
        .from(shipmentOrders)
        .where(eq(shipmentOrders.shipmentId, shipmentId));
      if (others.length > 1) {
        const itemIds = (
          await tx.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, id))
        ).map((r) => r.id);
        if (itemIds.length)
          await tx.delete(shipmentItems).where(inArray(shipmentItems.orderItemId, itemIds));
        await tx.delete(shipmentOrders).where(eq(shipmentOrders.orderId, id));
        await tx
          .update(shipments)
          .set({ status: "AWAITING_PACK", packedAt: null, updatedAt: new Date() })
          .where(eq(shipments.id, shipmentId));
      } else {
        await tx
          .update(shipments)
          .set({ status: "CANCELLED", updatedAt: new Date() })
          .where(eq(shipments.id, shipmentId));
      }
    }
    await q.setOrderStatus(tx, id, "CANCELLED", { cancelReason: reason });
    await q.recordOrderEvent(tx, {
      orderId: id,
      fromStatus: order.status,
      toStatus: "CANCELLED",
      actor: actor.label,
      note: reason,
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "order.cancel",
      entityType: "order",
      entityId: String(id),
      before: { status: order.status },
      after: { status: "CANCELLED", reason, by: actor.label },
    });
    return { id, changed: true };
  });
}

export async function getOrder(db: Db | Tx, id: number) {
  const graph = await q.getOrderGraph(db, id);
  if (!graph)
    throw new DomainError("NOT_FOUND", `Order ${id} not found`, {
      messageKey: "orders.errors.notFound",
    });
  return graph;
}

/** Shows a recipient's phone and address in full; every reveal is audited. */
export async function revealRecipient(db: Db, actor: OrderActor, id: number) {
  return db.transaction(async (tx) => {
    const graph = await getOrder(tx, id);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "order.reveal",
      entityType: "order",
      entityId: String(id),
      after: { fields: ["recipientName", "recipientMobile", "addressDetail"] },
    });
    return {
      recipientName: graph.recipientName,
      recipientMobile: graph.recipientMobile,
      recipientMobileExt: graph.recipientMobileExt,
      addressDetail: graph.addressDetail,
    };
  });
}
