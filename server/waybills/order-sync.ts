import { inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { orderEvents, orders, type OrderStatus } from "@/db/schema";
import { assertOrderTransition, orderStatusFromParcels } from "@/server/orders/rules";
import type { OrderActor } from "@/server/orders/service";
import { parcelStatusesOfOrders } from "@/server/shipping/queries";

/**
 * syncOrderStatuses (server/shipping/service.ts) for many orders at once: the same rule (the
 * order follows its least advanced live parcel, every step checked against the state machine and
 * written to the history), in one UPDATE per target status and one multi-row INSERT of events
 * instead of two statements per order. A 1,000-parcel batch labels 1,000 orders.
 */
export async function syncOrdersInBulk(
  tx: Db | Tx,
  orderIds: number[],
  actor: OrderActor,
  note: string,
) {
  if (orderIds.length === 0) return;
  const parcels = await parcelStatusesOfOrders(tx, orderIds);
  const current = await tx
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(inArray(orders.id, orderIds));
  const byTarget = new Map<OrderStatus, number[]>();
  const events: (typeof orderEvents.$inferInsert)[] = [];
  for (const o of current) {
    const next = orderStatusFromParcels(parcels.get(o.id) ?? []);
    if (!next || next === o.status) continue;
    assertOrderTransition(o.status, next);
    byTarget.set(next, [...(byTarget.get(next) ?? []), o.id]);
    events.push({ orderId: o.id, fromStatus: o.status, toStatus: next, actor: actor.label, note });
  }
  for (const [status, ids] of byTarget) {
    await tx.update(orders).set({ status, updatedAt: new Date() }).where(inArray(orders.id, ids));
  }
  if (events.length > 0) await tx.insert(orderEvents).values(events);
}
