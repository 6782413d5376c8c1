import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { orders, parcelItems, shipmentItems, shipmentOrders, shipments } from "@/db/schema";
import { writeAudit } from "@/server/audit/queries";
import { DomainError } from "@/server/errors";
import * as orderQ from "@/server/orders/queries";
import {
  assertOrderTransition,
  assertParcelTransition,
  orderStatusFromParcels,
  validateSplit,
} from "@/server/orders/rules";
import { cancelOrder, type OrderActor } from "@/server/orders/service";
import { enqueueAutoShip, type AutoShipOptions } from "@/server/waybills/auto-ship";
import * as q from "./queries";
import { checkScans } from "./scan";
import type { PackInput } from "./schemas";

/** Moves each order to the status its parcels imply (the least advanced one), with history. */
export async function syncOrderStatuses(
  tx: Db | Tx,
  orderIds: number[],
  actor: OrderActor,
  note?: string,
) {
  const byOrder = await q.parcelStatusesOfOrders(tx, orderIds);
  const current = orderIds.length
    ? await tx
        .select({ id: orders.id, status: orders.status })
        .from(orders)
        .where(inArray(orders.id, orderIds))
    : [];
  for (const o of current) {
    const next = orderStatusFromParcels(byOrder.get(o.id) ?? []);
    if (!next || next === o.status) continue;
    assertOrderTransition(o.status, next);
    await orderQ.setOrderStatus(tx, o.id, next);
    await orderQ.recordOrderEvent(tx, {
      orderId: o.id,
      fromStatus: o.status,
      toStatus: next,
      actor: actor.label,
      note,
    });
  }
}

async function ordersOfParcels(tx: Db | Tx, ids: number[]) {
  const rows = await tx
    .select({ orderId: shipmentOrders.orderId })
    .from(shipmentOrders)
    .where(inArray(shipmentOrders.shipmentId, ids));
  return [...new Set(rows.map((r) => r.orderId))];
}

export async function holdParcels(db: Db, actor: OrderActor, ids: number[], reason: string | null) {
  return db.transaction(async (tx) => {
    const parcels = await q.lockParcels(tx, ids);
    const open = parcels.filter((p) => p.status === "AWAITING_PACK" || p.status === "PACKED");
    if (open.length !== ids.length) {
      throw new DomainError(
        "CONFLICT",
        "Only parcels awaiting packing or packed can be held or released",
        {
          messageKey: "shipping.errors.holdState",
        },
      );
    }
    await tx
      .update(shipments)
      .set({ heldAt: reason ? new Date() : null, holdReason: reason, updatedAt: new Date() })
      .where(inArray(shipments.id, ids));
    for (const p of open) {
      await writeAudit(tx, {
        actorId: actor.userId,
        action: reason ? "parcel.hold" : "parcel.release",
        entityType: "parcel",
        entityId: String(p.id),
        before: { held: p.heldAt !== null, reason: p.holdReason },
        after: { held: reason !== null, reason },
      });
    }
    return { count: open.length };
  });
}

/** Cancels the orders in the selected parcels (the queue's "cancel" acts on whole orders). */
export async function cancelParcels(db: Db, actor: OrderActor, ids: number[], reason: string) {
  const orderIds = await ordersOfParcels(db, ids);
  for (const id of orderIds) await cancelOrder(db, actor, id, reason);
  return { orders: orderIds.length };
}

/** What the pack station shows after a scan: the parcel(s) of that order with their lines. */
export async function lookupForPacking(db: Db, code: string) {
  const found = await q.findParcelsByScan(db, code);
  if (found.length === 0) {
    throw new DomainError("NOT_FOUND", `Nothing to pack for "${code}"`, {
      messageKey: "shipping.errors.scanNotFound",
    });
  }
  const contents = await q.parcelContents(
    db,
    found.map((p) => p.id),
  );
  const parcels = await db
    .select()
    .from(shipments)
    .where(
      inArray(
        shipments.id,
        found.map((p) => p.id),
      ),
    );
  return parcels
    .sort((a, b) => a.id - b.id)
    .map((p) => ({
      id: p.id,
      status: p.status,
      held: p.heldAt !== null,
      holdReason: p.holdReason,
      regionText: p.regionText,
      weightG: p.weightG,
      orders: contents.get(p.id)?.orders ?? [],
      items: contents.get(p.id)?.items ?? [],
    }));
}

/**
 * Packs a parcel: every line scanned exactly, weight and box entered; the parcel becomes PACKED.
 * Then, for a shop that auto-ships, the parcel is re-assigned with the real weight and box and
 * gets its waybill (a durable job; `autoShip.key` lets it issue inline when no queue runs).
 */
export async function packParcel(
  db: Db,
  actor: OrderActor,
  input: PackInput,
  autoShip: AutoShipOptions = {},
) {
  const packed = await db.transaction(async (tx) => {
    const [parcel] = await q.lockParcels(tx, [input.id]);
    if (!parcel) throw new DomainError("NOT_FOUND", `Parcel ${input.id} not found`);
    if (parcel.heldAt) {
      throw new DomainError("CONFLICT", `Parcel is on hold: ${parcel.holdReason ?? ""}`, {
        messageKey: "shipping.errors.held",
      });
    }
    assertParcelTransition(parcel.status, "PACKED");
    const lines = (await q.parcelContents(tx, [input.id])).get(input.id)?.items ?? [];
    const check = checkScans(lines, input.scans);
    if (!check.ok) {
      const parts = [
        ...check.missing.map((m) => `${m.code} missing ×${m.count}`),
        ...check.extra.map((e) => `${e.code} extra ×${e.count}`),
      ];
      throw new DomainError("INVALID", `Scans do not match the parcel: ${parts.join(", ")}`, {
        messageKey: "shipping.errors.scanMismatch",
      });
    }
    await tx
      .update(shipments)
      .set({
        status: "PACKED",
        weightG: input.weightG,
        lengthMm: input.lengthMm,
        widthMm: input.widthMm,
        heightMm: input.heightMm,
        packedAt: new Date(),
        packedBy: actor.userId,
        updatedAt: new Date(),
      })
      .where(eq(shipments.id, input.id));
    await syncOrderStatuses(
      tx,
      await ordersOfParcels(tx, [input.id]),
      actor,
      `parcel P${input.id} packed`,
    );
    return { id: input.id, status: "PACKED" as const };
  });
  await enqueueAutoShip(db, { parcelIds: [packed.id] }, autoShip);
  return packed;
}

/**
 * Splits one parcel awaiting packing into several. Lines move by quantity; a line split across
 * parcels keeps one order item referenced from both. Each new parcel links the orders it carries.
 */
export async function splitParcel(
  db: Db,
  actor: OrderActor,
  id: number,
  parts: { orderItemId: number; quantity: number }[][],
) {
  return db.transaction(async (tx) => {
    const [parcel] = await q.lockParcels(tx, [id]);
    if (!parcel) throw new DomainError("NOT_FOUND", `Parcel ${id} not found`);
    if (parcel.status !== "AWAITING_PACK") {
      throw new DomainError("CONFLICT", "Only a parcel awaiting packing can be split", {
        messageKey: "shipping.errors.splitState",
      });
    }
    const lines = (await q.parcelContents(tx, [id])).get(id)?.items ?? [];
    validateSplit(lines, parts);
    const orderOfItem = new Map(lines.map((l) => [l.orderItemId, l.orderId]));
    const nonEmpty = parts.map((p) => p.filter((l) => l.quantity > 0)).filter((p) => p.length > 0);
    const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = parcel;
    const created: number[] = [id];
    await tx.delete(shipmentItems).where(eq(shipmentItems.shipmentId, id));
    await tx.delete(shipmentOrders).where(eq(shipmentOrders.shipmentId, id));
    for (const [n, part] of nonEmpty.entries()) {
      let parcelId = id;
      if (n > 0) {
        const [row] = await tx.insert(shipments).values(copy).returning({ id: shipments.id });
        parcelId = row!.id;
        created.push(parcelId);
      }
      await tx.insert(shipmentItems).values(part.map((l) => ({ shipmentId: parcelId, ...l })));
      const orderIds = [...new Set(part.map((l) => orderOfItem.get(l.orderItemId)!))];
      await tx
        .insert(shipmentOrders)
        .values(orderIds.map((orderId) => ({ shipmentId: parcelId, orderId })));
    }
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "parcel.split",
      entityType: "parcel",
      entityId: String(id),
      after: { parcels: created },
    });
    return { parcels: created };
  });
}

/** Parcels awaiting packing that go to the same recipient at the same address, in groups. */
export async function mergeCandidates(db: Db | Tx, warehouseId?: string) {
  const rows = await db
    .select({
      key: shipments.recipientKey,
      warehouseId: shipments.warehouseId,
      ids: sql<number[]>`array_agg(${shipments.id} order by ${shipments.id})`,
    })
    .from(shipments)
    .where(
      and(
        eq(shipments.status, "AWAITING_PACK"),
        isNull(shipments.heldAt),
        warehouseId ? eq(shipments.warehouseId, warehouseId) : undefined,
      ),
    )
    .groupBy(shipments.recipientKey, shipments.warehouseId)
    .having(sql`count(*) > 1`)
    .limit(200);
  return rows.map((r) => ({ warehouseId: r.warehouseId, ids: r.ids.map(Number) }));
}

/** Merges parcels of the same recipient and address into the first one. */
export async function mergeParcels(db: Db, actor: OrderActor, ids: number[]) {
  return db.transaction(async (tx) => {
    const parcels = await q.lockParcels(tx, ids);
    if (parcels.length !== ids.length || parcels.length < 2) {
      throw new DomainError("INVALID", "Choose at least two existing parcels to merge", {
        messageKey: "shipping.errors.mergeTooFew",
      });
    }
    const [target, ...rest] = parcels as [(typeof parcels)[number], ...typeof parcels];
    for (const p of parcels) {
      if (p.status !== "AWAITING_PACK" || p.heldAt) {
        throw new DomainError("CONFLICT", `Parcel P${p.id} is not awaiting packing`, {
          messageKey: "shipping.errors.mergeState",
        });
      }
      if (p.recipientKey !== target.recipientKey || p.warehouseId !== target.warehouseId) {
        throw new DomainError(
          "INVALID",
          `Parcel P${p.id} goes to another recipient, address or warehouse`,
          {
            messageKey: "shipping.errors.mergeRecipient",
          },
        );
      }
    }
    const restIds = rest.map((p) => p.id);
    // Parcels that carry their orders whole merge into one that carries all of them whole: only
    // the links move. If one carries a part of an order (a split), the merged parcel gets lines
    // of its own: everything the parcels carried, read before any link moves.
    const [partial] = await tx
      .select({ id: shipmentItems.shipmentId })
      .from(shipmentItems)
      .where(inArray(shipmentItems.shipmentId, ids))
      .limit(1);
    if (partial) {
      const carried = await tx
        .select({
          orderItemId: parcelItems.orderItemId,
          quantity: sql<number>`sum(${parcelItems.quantity})::int`,
        })
        .from(parcelItems)
        .where(inArray(parcelItems.shipmentId, ids))
        .groupBy(parcelItems.orderItemId);
      await tx.delete(shipmentItems).where(inArray(shipmentItems.shipmentId, ids));
      await tx.insert(shipmentItems).values(carried.map((l) => ({ shipmentId: target.id, ...l })));
    }
    const links = await tx
      .select({ orderId: shipmentOrders.orderId })
      .from(shipmentOrders)
      .where(
        and(inArray(shipmentOrders.shipmentId, restIds), ne(shipmentOrders.shipmentId, target.id)),
      );
    for (const l of links) {
      await tx
        .insert(shipmentOrders)
        .values({ shipmentId: target.id, orderId: l.orderId })
        .onConflictDoNothing();
    }
    await tx.delete(shipments).where(inArray(shipments.id, restIds));
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "parcel.merge",
      entityType: "parcel",
      entityId: String(target.id),
      after: { merged: restIds },
    });
    return { id: target.id, merged: restIds };
  });
}

/** Pick list: the selection's lines summed by SKU, in SKU order, for one walk through the shelves. */
export async function pickList(db: Db, ids: number[]) {
  const contents = await q.parcelContents(db, ids);
  const bySku = new Map<
    string,
    { sku: string; name: string; barcode: string | null; quantity: number; parcels: Set<number> }
  >();
  for (const [parcelId, c] of contents) {
    for (const it of c.items) {
      const row = bySku.get(it.sku) ?? {
        sku: it.sku,
        name: it.name,
        barcode: it.barcode,
        quantity: 0,
        parcels: new Set<number>(),
      };
      row.quantity += it.quantity;
      row.parcels.add(parcelId);
      bySku.set(it.sku, row);
    }
  }
  const lines = [...bySku.values()]
    .sort((a, b) => a.sku.localeCompare(b.sku))
    .map((r) => ({
      sku: r.sku,
      name: r.name,
      barcode: r.barcode,
      quantity: r.quantity,
      parcelCount: r.parcels.size,
    }));
  return {
    parcelCount: contents.size,
    totalQuantity: lines.reduce((s, l) => s + l.quantity, 0),
    lines,
  };
}
