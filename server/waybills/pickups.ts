/**
 * Courier pickup bookings for a warehouse and a time window. Only couriers whose driver books
 * pickups through the API can be booked here; for the others the courier's own app or phone line
 * is the way, and the console says so instead of pretending.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pickups, warehouses } from "@/db/schema";
import { writeAudit } from "@/server/audit/queries";
import { CourierError } from "@/server/couriers/contract";
import { DomainError } from "@/server/errors";
import type { OrderActor } from "@/server/orders/service";
import {
  callCourier,
  courierDeps,
  describeFailure,
  openAccount,
  type CourierDeps,
} from "./courier-calls";
import { senderParty } from "./parties";
import * as q from "./queries";
export { pickupWindows, type PickupWindow } from "./windows";
import type { BookPickupInput, ListPickupsInput } from "./schemas";

async function mustFindWarehouse(db: Db, id: string) {
  const [w] = await db.select().from(warehouses).where(eq(warehouses.id, id));
  if (!w) {
    throw new DomainError("NOT_FOUND", `Warehouse ${id} not found`, {
      messageKey: "waybills.errors.unknownWarehouse",
    });
  }
  return w;
}

export async function bookPickup(
  db: Db,
  key: Buffer,
  actor: OrderActor,
  input: BookPickupInput,
  depsOverride?: Partial<CourierDeps>,
) {
  const warehouse = await mustFindWarehouse(db, input.warehouseId);
  const deps = courierDeps(depsOverride);
  const account = await openAccount(db, key, input.accountId, deps).catch((error: unknown) => {
    throw new DomainError("INVALID", describeFailure(error).message, {
      messageKey: "waybills.errors.accountUnusable",
      cause: error,
    });
  });
  const book = account.driver.bookPickup;
  if (!book) {
    throw new DomainError(
      "INVALID",
      `${account.courier} does not take pickup bookings through its API: book with the courier directly`,
      { messageKey: "waybills.errors.noPickupBooking" },
    );
  }
  const handover = await q.awaitingHandover(db, input.accountId, input.warehouseId);
  const orderId = `PK${Date.now().toString(36).toUpperCase()}${randomBytes(2).toString("hex").toUpperCase()}`;
  const base = {
    accountId: input.accountId,
    warehouseId: input.warehouseId,
    parcelCount: handover.parcels,
    weightG: handover.weightG,
    createdBy: actor.userId,
  };
  try {
    // Booking asks, it does not ship anything: repeating it after a timeout is harmless.
    const booked = await callCourier(
      account,
      book,
      {
        orderId,
        sender: senderParty(warehouse),
        start: input.start,
        end: input.end,
        weightG: Math.max(handover.weightG, 1000),
      },
      deps,
      true,
    );
    const [row] = await db
      .insert(pickups)
      .values({
        ...base,
        windowStart: booked.windowStart ?? input.start,
        windowEnd: booked.windowEnd ?? input.end,
        status: "booked",
        courierPickupId: booked.pickupId,
      })
      .returning();
    await writeAudit(db, {
      actorId: actor.userId,
      action: "pickup.book",
      entityType: "pickup",
      entityId: String(row!.id),
      after: {
        accountId: input.accountId,
        warehouseId: input.warehouseId,
        pickupId: booked.pickupId,
      },
    });
    return row!;
  } catch (error) {
    if (!(error instanceof CourierError)) throw error;
    // Kept as a failed booking so the list shows what was tried and why it was refused.
    const { message } = describeFailure(error);
    await db.insert(pickups).values({
      ...base,
      windowStart: input.start,
      windowEnd: input.end,
      status: "failed",
      error: message,
    });
    throw new DomainError(error.kind === "UNAVAILABLE" ? "UNAVAILABLE" : "INVALID", message, {
      messageKey: `couriers.kinds.${error.kind}`,
      cause: error,
    });
  }
}

export async function cancelPickup(
  db: Db,
  key: Buffer,
  actor: OrderActor,
  pickupId: number,
  depsOverride?: Partial<CourierDeps>,
) {
  const [row] = await db.select().from(pickups).where(eq(pickups.id, pickupId));
  if (!row) {
    throw new DomainError("NOT_FOUND", `Pickup ${pickupId} not found`, {
      messageKey: "waybills.errors.pickupNotFound",
    });
  }
  if (row.status !== "booked") {
    throw new DomainError("CONFLICT", `Pickup ${pickupId} is ${row.status}`, {
      messageKey: "waybills.errors.pickupNotBooked",
    });
  }
  const deps = courierDeps(depsOverride);
  const account = await openAccount(db, key, row.accountId, deps).catch(() => null);
  const cancel = account?.driver.cancelPickup;
  // SF's booking only confirms the window (the courier is dispatched per order), so there is
  // nothing to call off at SF: without a cancel operation the booking is withdrawn here only.
  if (account && cancel && row.courierPickupId) {
    try {
      await callCourier(
        account,
        cancel,
        { pickupId: row.courierPickupId, orderId: row.courierPickupId },
        deps,
        true,
      );
    } catch (error) {
      if (!(error instanceof CourierError) || error.kind !== "ALREADY_CANCELLED") {
        const { message } = describeFailure(error);
        throw new DomainError("INVALID", message, {
          messageKey: "waybills.errors.pickupCancelRefused",
          cause: error,
        });
      }
    }
  }
  const [updated] = await db
    .update(pickups)
    .set({ status: "cancelled", cancelledAt: new Date() })
    .where(eq(pickups.id, pickupId))
    .returning();
  await writeAudit(db, {
    actorId: actor.userId,
    action: "pickup.cancel",
    entityType: "pickup",
    entityId: String(pickupId),
    before: { status: row.status },
    after: { status: "cancelled" },
  });
  return updated!;
}

export function listPickups(db: Db, input: ListPickupsInput) {
  return q.listPickupRows(db, input.warehouseId, input.limit);
}
