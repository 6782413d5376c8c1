import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shipmentOrders, shipments, waybills } from "@/db/schema";
import { writeAudit } from "@/server/audit/queries";
import { CourierError } from "@/server/couriers/contract";
import { DomainError } from "@/server/errors";
import { assertParcelTransition } from "@/server/orders/rules";
import type { OrderActor } from "@/server/orders/service";
import { syncOrderStatuses } from "@/server/shipping/service";
import { callCourier, courierDeps, openAccount, type CourierDeps } from "./courier-calls";
import { courierOrderId } from "./parties";
import * as q from "./queries";
import type { CancelWaybillInput } from "./schemas";

/**
 * Cancels the parcel's active waybill at the courier, then puts the parcel back to PACKED. After
 * the courier has collected it, the courier refuses and so do we (CONFLICT with the reason).
 */
export async function cancelWaybill(
  db: Db,
  key: Buffer,
  actor: OrderActor,
  input: CancelWaybillInput,
  depsOverride?: Partial<CourierDeps>,
) {
  const parcel = (await q.parcelsForIssuing(db, [input.parcelId])).get(input.parcelId);
  if (!parcel?.active) {
    throw new DomainError("NOT_FOUND", `Parcel P${input.parcelId} has no active waybill`, {
      messageKey: "waybills.errors.noWaybill",
    });
  }
  if (parcel.status !== "LABELLED") {
    throw new DomainError(
      "CONFLICT",
      `Parcel P${input.parcelId} is ${parcel.status}: the courier has it, so the waybill cannot be cancelled; arrange a return instead`,
      { messageKey: "waybills.errors.pickedUp" },
    );
  }
  const waybill = parcel.active;
  const deps = courierDeps(depsOverride);
  try {
    const account = await openAccount(db, key, waybill.accountId, deps);
    const orderId = courierOrderId(input.parcelId, parcel.cancelled);
    // Cancelling twice is harmless (ALREADY_CANCELLED below), so this one may be retried.
    await callCourier(
      account,
      account.driver.cancelWaybill,
      { orderId, trackingNo: waybill.trackingNo },
      deps,
      true,
    );
  } catch (error) {
    if (!(error instanceof CourierError)) throw error;
    // Already cancelled, or unknown to the courier (e.g. the sandbox restarted): nothing is live
    // there, so cancelling here is what the user wants.
    if (error.kind !== "ALREADY_CANCELLED" && error.kind !== "NOT_FOUND") {
      throw cancelRefusal(error);
    }
  }
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: shipments.status })
      .from(shipments)
      .where(eq(shipments.id, input.parcelId))
      .for("update");
    assertParcelTransition(locked!.status, "PACKED");
    await tx
      .update(waybills)
      .set({ status: "cancelled", cancelledAt: new Date(), cancelReason: input.reason })
      .where(eq(waybills.id, waybill.id));
    await tx
      .update(shipments)
      .set({ status: "PACKED", trackingNo: null, updatedAt: new Date() })
      .where(eq(shipments.id, input.parcelId));
    const links = await tx
      .select({ orderId: shipmentOrders.orderId })
      .from(shipmentOrders)
      .where(eq(shipmentOrders.shipmentId, input.parcelId));
    await syncOrderStatuses(
      tx,
      links.map((l) => l.orderId),
      actor,
      `waybill ${waybill.trackingNo} cancelled: ${input.reason}`,
    );
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "waybill.cancel",
      entityType: "parcel",
      entityId: String(input.parcelId),
      before: { trackingNo: waybill.trackingNo, accountId: waybill.accountId, status: "active" },
      after: { status: "cancelled", reason: input.reason },
    });
    return { parcelId: input.parcelId, trackingNo: waybill.trackingNo, status: "PACKED" as const };
  });
}

function cancelRefusal(error: CourierError): DomainError {
  const courier = error.courierMessage ? ` (${error.courierMessage})` : "";
  if (error.kind === "ALREADY_PICKED_UP") {
    return new DomainError("CONFLICT", `${error.message}${courier}`, {
      messageKey: "waybills.errors.pickedUp",
      cause: error,
    });
  }
  return new DomainError(
    error.kind === "UNAVAILABLE" || error.kind === "RATE_LIMITED" ? "UNAVAILABLE" : "INVALID",
    `${error.message}${courier}`,
    { messageKey: `couriers.kinds.${error.kind}`, cause: error },
  );
}
