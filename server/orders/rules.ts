import type { OrderStatus, ParcelStatus } from "@/db/schema/orders";
import { DomainError } from "@/server/errors";

/**
 * The order state machine of DESIGN.md §3. Forward steps follow the parcels; CANCELLED is reachable
 * from every open state; a virtual-only order goes PAID → COMPLETED. LABELLED → PACKED is a cancelled
 * waybill, PACKED → AWAITING_SHIPMENT an unpacked parcel.
 */
const orderTransitions: Record<OrderStatus, readonly OrderStatus[]> = {
  PAID: ["AWAITING_SHIPMENT", "COMPLETED", "CANCELLED"],
  AWAITING_SHIPMENT: ["PACKED", "CANCELLED"],
  PACKED: ["LABELLED", "AWAITING_SHIPMENT", "CANCELLED"],
  LABELLED: ["SHIPPED", "PACKED", "CANCELLED"],
  SHIPPED: ["DELIVERED"],
  DELIVERED: ["COMPLETED"],
  COMPLETED: [],
  CANCELLED: [],
};

export const openOrderStatuses: readonly OrderStatus[] = [
  "PAID",
  "AWAITING_SHIPMENT",
  "PACKED",
  "LABELLED",
];

export function canTransitionOrder(from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[from].includes(to);
}

export function assertOrderTransition(from: OrderStatus, to: OrderStatus): void {
  if (from === to) return;
  if (canTransitionOrder(from, to)) return;
  const why =
    from === "CANCELLED" || from === "COMPLETED"
      ? `the order is already ${from}`
      : to === "CANCELLED"
        ? "the parcel has left the warehouse; use a return instead"
        : `allowed next: ${orderTransitions[from].join(", ") || "none"}`;
  throw new DomainError("CONFLICT", `Order cannot go from ${from} to ${to}: ${why}`, {
    messageKey: "orders.errors.illegalTransition",
  });
}

const parcelTransitions: Record<ParcelStatus, readonly ParcelStatus[]> = {
  AWAITING_PACK: ["PACKED", "CANCELLED"],
  PACKED: ["LABELLED", "AWAITING_PACK", "CANCELLED"],
  LABELLED: ["SHIPPED", "PACKED", "CANCELLED"],
  SHIPPED: ["DELIVERED"],
  DELIVERED: [],
  CANCELLED: [],
};

export function assertParcelTransition(from: ParcelStatus, to: ParcelStatus): void {
  if (parcelTransitions[from].includes(to)) return;
  throw new DomainError("CONFLICT", `Parcel cannot go from ${from} to ${to}`, {
    messageKey: "orders.errors.illegalParcelTransition",
  });
}

const parcelRank: Record<Exclude<ParcelStatus, "CANCELLED">, number> = {
  AWAITING_PACK: 0,
  PACKED: 1,
  LABELLED: 2,
  SHIPPED: 3,
  DELIVERED: 4,
};

const orderStatusForParcel: Record<Exclude<ParcelStatus, "CANCELLED">, OrderStatus> = {
  AWAITING_PACK: "AWAITING_SHIPMENT",
  PACKED: "PACKED",
  LABELLED: "LABELLED",
  SHIPPED: "SHIPPED",
  DELIVERED: "DELIVERED",
};

/** An order with several parcels follows its least advanced live parcel; null when none is live. */
export function orderStatusFromParcels(parcels: readonly ParcelStatus[]): OrderStatus | null {
  let least: Exclude<ParcelStatus, "CANCELLED"> | null = null;
  for (const p of parcels) {
    if (p === "CANCELLED") continue;
    if (least === null || parcelRank[p] < parcelRank[least]) least = p;
  }
  return least === null ? null : orderStatusForParcel[least];
}

/** Shipping determination: virtual-only orders complete at once; others wait for the warehouse. */
export function initialOrderStatus(items: readonly { isVirtual: boolean }[]): OrderStatus {
  return items.length > 0 && items.every((i) => i.isVirtual) ? "COMPLETED" : "AWAITING_SHIPMENT";
}

export const VIRTUAL_ONLY_NOTE = "virtual goods only: nothing to ship";

/** One line of an order's status history. */
export type OrderHistoryEvent = {
  id: number;
  orderId: number;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  actor: string;
  note: string | null;
  at: Date;
};

/**
 * An order's status history: its creation (PAID → its first status, by `createdBy`), then the
 * stored transitions. The creation is read from the order row, not stored as an event; its target
 * is where the first stored transition starts (or the current status when there is none), so an
 * order changed since still shows what it was created as. Orders from before `created_by` have
 * their creation stored as an event from PAID, and are returned as stored.
 */
export function orderHistory<E extends OrderHistoryEvent>(
  order: {
    id: number;
    status: OrderStatus;
    createdBy: string | null;
    paidAt: Date;
    createdAt: Date;
  },
  stored: readonly E[],
): (E | OrderHistoryEvent)[] {
  if (stored.some((e) => e.fromStatus === "PAID")) return [...stored];
  const toStatus = stored[0]?.fromStatus ?? order.status;
  const creation: OrderHistoryEvent = {
    id: 0,
    orderId: order.id,
    fromStatus: "PAID",
    toStatus,
    actor: order.createdBy ?? "system",
    note: toStatus === "COMPLETED" ? VIRTUAL_ONLY_NOTE : null,
    // A paid time in the future (a clock off at the platform) must not sort after what followed.
    at: order.paidAt < order.createdAt ? order.paidAt : order.createdAt,
  };
  return [creation, ...stored];
}

/** Parcels with the same key go to the same person at the same door: merge candidates. */
export function recipientKey(r: {
  recipientName: string;
  recipientMobile: string;
  countyCode: string | null;
  cityCode: string;
  addressDetail: string;
}): string {
  return `${squash(r.recipientName)}|${r.recipientMobile}|${r.countyCode ?? r.cityCode}|${squash(r.addressDetail)}`;
}

/** Separators and blanks removed, lower-cased. At module level: this runs once per imported order. */
const squash = (s: string) => s.replace(/[\s\u3000,，.。#-]/g, "").toLowerCase();

export interface SplitLine {
  orderItemId: number;
  quantity: number;
}

/**
 * Checks a split of a parcel's lines into several parcels: at least two non-empty parcels, and
 * every line's quantities adding up to what the parcel holds — nothing lost, nothing invented.
 */
export function validateSplit(
  current: readonly SplitLine[],
  parts: readonly (readonly SplitLine[])[],
): void {
  const nonEmpty = parts.filter((p) => p.some((l) => l.quantity > 0));
  if (nonEmpty.length < 2) {
    throw new DomainError("INVALID", "A split needs at least two parcels with items", {
      messageKey: "shipping.errors.splitTooFew",
    });
  }
  const want = new Map(current.map((l) => [l.orderItemId, l.quantity]));
  const got = new Map<number, number>();
  for (const part of parts) {
    for (const l of part) {
      if (!Number.isInteger(l.quantity) || l.quantity < 0) {
        throw new DomainError("INVALID", `Quantity ${l.quantity} is not a whole number`, {
          messageKey: "shipping.errors.splitQuantity",
        });
      }
      if (!want.has(l.orderItemId)) {
        throw new DomainError("INVALID", `Item ${l.orderItemId} is not in this parcel`, {
          messageKey: "shipping.errors.splitForeignItem",
        });
      }
      got.set(l.orderItemId, (got.get(l.orderItemId) ?? 0) + l.quantity);
    }
  }
  for (const [id, qty] of want) {
    if ((got.get(id) ?? 0) !== qty) {
      throw new DomainError(
        "INVALID",
        `Item ${id}: the parcels hold ${got.get(id) ?? 0} of ${qty}`,
        {
          messageKey: "shipping.errors.splitMismatch",
        },
      );
    }
  }
}

/** Masks as couriers do on labels and lists: 138****5678. */
export function maskMobile(mobile: string): string {
  if (mobile.length < 7) return "*".repeat(mobile.length);
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

/** 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Keeps the street's first few characters, hides house numbers and rooms. */
export function maskAddress(detail: string): string {
  const chars = [...detail];
  const keep = Math.min(4, Math.max(1, chars.length - 4));
  return `${chars.slice(0, keep).join("")}****`;
}
