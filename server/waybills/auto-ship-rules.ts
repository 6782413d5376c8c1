/**
 * Auto-shipping's decisions (pure): what to do with one parcel of a shop that auto-ships, from
 * what the database says about it now. The job (auto-ship.ts) and the periodic sweep both ask
 * this, so a parcel a lost job missed is picked up and a parcel that keeps failing is not retried
 * in a tight loop.
 *
 * - Awaiting packing, no assignment yet, not overridden -> assign (estimated weight from the
 *   items' catalogue weights).
 * - Packed, no waybill, nothing in flight -> issue (re-assigned with the real weight and box
 *   unless a person overrode it). After a failure, only when the parcel changed since (held and
 *   released, re-packed, overridden to another account) or after a backoff that doubles with
 *   each failure, from RETRY_BASE_MS up to RETRY_MAX_MS. An issuance pending for longer than
 *   STALE_PENDING_MS lost its job and is issued again.
 * - A packed parcel whose last issuance succeeded but that has no waybill now had its waybill
 *   cancelled by a person: it is theirs to re-issue, so auto-shipping leaves it alone.
 */

export const RETRY_BASE_MS = 10 * 60_000;
export const RETRY_MAX_MS = 6 * 60 * 60_000;
/**
 * An issuance still pending after this long lost its job (pg-boss gave up on it): issue again in
 * a new batch. Safe: a parcel never gets two waybills (the courier de-duplicates by our order id).
 */
export const STALE_PENDING_MS = 30 * 60_000;

export type LastIssuance = { status: "pending" | "issued" | "failed"; updatedAt: Date };

export type AutoShipFacts = {
  /** The shop of (one of) the parcel's orders has auto-shipping on. */
  autoShip: boolean;
  status: string;
  held: boolean;
  /** An active waybill (or a tracking number) exists. */
  hasWaybill: boolean;
  /** A person chose the courier account (with a reason). */
  overridden: boolean;
  /** Courier assignment has stored a result (even "no courier"). */
  assigned: boolean;
  updatedAt: Date;
  /** The parcel's latest waybill batch item, if any. */
  last: LastIssuance | null;
  /** How many of its batch items failed so far. */
  failures: number;
};

export type AutoShipAction =
  | { kind: "assign" }
  | { kind: "issue" }
  | {
      kind: "skip";
      why:
        | "off"
        | "has_waybill"
        | "held"
        | "status"
        | "overridden"
        | "assigned"
        | "in_flight"
        | "cancelled_by_person"
        | "backoff";
    };

/** The wait after `failures` failed attempts: 10 min, 20 min, 40 min, … at most 6 h. */
export function retryDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(failures - 1, 20));
}

export function decideAutoShip(f: AutoShipFacts, now: Date): AutoShipAction {
  if (!f.autoShip) return { kind: "skip", why: "off" };
  if (f.hasWaybill) return { kind: "skip", why: "has_waybill" };
  if (f.held) return { kind: "skip", why: "held" };
  if (f.status === "AWAITING_PACK") {
    if (f.overridden) return { kind: "skip", why: "overridden" };
    if (f.assigned) return { kind: "skip", why: "assigned" };
    return { kind: "assign" };
  }
  if (f.status !== "PACKED") return { kind: "skip", why: "status" };
  if (!f.last) return { kind: "issue" };
  if (f.last.status === "pending") {
    return now.getTime() - f.last.updatedAt.getTime() > STALE_PENDING_MS
      ? { kind: "issue" }
      : { kind: "skip", why: "in_flight" };
  }
  if (f.last.status === "issued") return { kind: "skip", why: "cancelled_by_person" };
  if (f.updatedAt.getTime() > f.last.updatedAt.getTime()) return { kind: "issue" };
  const due = f.last.updatedAt.getTime() + retryDelayMs(f.failures);
  return now.getTime() >= due ? { kind: "issue" } : { kind: "skip", why: "backoff" };
}
