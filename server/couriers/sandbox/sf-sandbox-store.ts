/**
 * What the SF sandbox keeps per SandboxState, and the shape of one SF service. SandboxState holds
 * the waybills themselves; the order details SF would also remember (cities, phones, route label)
 * live beside it in a WeakMap keyed by the state, so they vanish with it.
 */
import type { SandboxState } from "@/server/couriers/contract";
import type { SfOutcome } from "./sf-sandbox-wire";

/** One waybill as SandboxState stores it. */
export type SandboxWaybill = SandboxState["waybills"] extends Map<string, infer W> ? W : never;

/** The part of the route label SF prints and returns (PROTOCOLS.md §1.4 routeLabelData). */
export type SfRouteLabel = {
  sourceTransferCode: string;
  sourceCityCode: string;
  destCityCode: string;
  destDeptCode: string;
  destTransferCode: string;
  destRouteLabel: string;
  cargoTypeCode: string;
  limitTypeCode: string;
  expressTypeCode: string;
  codingMapping: string;
  xbFlag: string;
  printFlag: string;
  twoDimensionCode: string;
  proCode: string;
  printIcon: string;
  checkCode: string;
};

export type SfOrderDetails = {
  originCode: string;
  destCode: string;
  sender: { city: string; district: string; mobile: string };
  recipient: { city: string; district: string; mobile: string };
  label: SfRouteLabel;
};

const details = new WeakMap<SandboxState, Map<string, SfOrderDetails>>();

/** Order details by order id, for this sandbox state. */
export function orderDetails(state: SandboxState): Map<string, SfOrderDetails> {
  let byOrder = details.get(state);
  if (!byOrder) {
    byOrder = new Map();
    details.set(state, byOrder);
  }
  return byOrder;
}

export function findByTrackingNo(
  state: SandboxState,
  trackingNo: string,
): SandboxWaybill | undefined {
  for (const waybill of state.waybills.values()) {
    if (waybill.trackingNo === trackingNo) return waybill;
  }
  return undefined;
}

/** A courier collects a live order this long after it was created. */
export const PICKUP_AFTER_MS = 2 * 3_600_000;

/**
 * Marks the parcel collected once its pickup time has passed on the caller's clock. The sandbox
 * clock is the request's `timestamp`, so tests steer time through ctx.now alone.
 */
export function syncPickup(waybill: SandboxWaybill, nowMs: number): void {
  if (!waybill.cancelled && nowMs - waybill.createdAt.getTime() >= PICKUP_AFTER_MS) {
    waybill.pickedUp = true;
  }
}

/** One std/service: the decoded msgData in, an outcome out. `nowMs` is the request timestamp. */
export type SfService = (
  msgData: unknown,
  ctx: { state: SandboxState; nowMs: number },
) => SfOutcome;
