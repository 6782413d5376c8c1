/**
 * Deppon's side of the DOP wire (PROTOCOLS.md §8), written independently of any driver, profile
 * or signing code: the digest, the flat reply envelope, the order details the sandbox keeps beside
 * SandboxState, and the Asia/Shanghai clock.
 */
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import type { SandboxState, WireResponse } from "@/server/couriers/contract";

const md5Hex = (text: string): string => createHash("md5").update(text, "utf8").digest("hex");

/**
 * `digest = Base64(LOWER_HEX(MD5(params + appkey + timestamp)))`: the Base64 of the 32-character
 * hex *string*, 44 characters ending in "=" (§0 trap 1, §8).
 */
export const depponDigestOf = (params: string, appKey: string, timestamp: string): string =>
  Buffer.from(md5Hex(params + appKey + timestamp), "utf8").toString("base64");

/** Decimal digits derived from a text, for stable pseudo-random numbers. */
export function digitsOf(text: string, count: number): string {
  let out = "";
  for (let round = 0; out.length < count; round++) {
    out += BigInt(`0x${md5Hex(`${round}:${text}`)}`).toString(10);
  }
  return out.slice(0, count);
}

const JSON_HEADERS = { "content-type": "application/json;charset=UTF-8" };

/** The flat DOP reply: `result` is the *string* "true"/"false" (§8 create response). */
function reply(
  result: boolean,
  resultCode: string,
  reason: string,
  requestKey: string,
  extra: Record<string, unknown>,
): WireResponse {
  return {
    status: 200,
    headers: { ...JSON_HEADERS },
    body: JSON.stringify({
      result: String(result),
      reason,
      ...extra,
      resultCode,
      uniquerRequestNumber: digitsOf(requestKey, 17),
    }),
  };
}

export const ok = (requestKey: string, extra: Record<string, unknown> = {}): WireResponse =>
  reply(true, "1000", "成功", requestKey, extra);

/**
 * A refusal. Only 1000 (success) is documented (§8); the sandbox's codes: 2001 digest mismatch,
 * 2002 unknown companyCode, 2003 bad timestamp, 2004 unknown customerCode, 3001 bad params, 3002
 * duplicate logisticID, 3003 no such order, 3004 already collected, 3005 already cancelled, 3006
 * no such waybill, 5000 system error.
 */
export const refuse = (resultCode: string, reason: string, requestKey = ""): WireResponse =>
  reply(false, resultCode, reason, `${requestKey}:${resultCode}`, {});

/** The account a request authenticated as: companyCode plus the sandbox's record of it. */
export type DepponAccount = {
  companyCode: string;
  appKey: string;
  sign: string;
  customerCode: string;
};

/** One DOP API: parsed params in, the reply out. `nowMs` is the request's timestamp. */
export type DepponApiHandler = (
  params: Record<string, unknown>,
  ctx: { state: SandboxState; nowMs: number; account: DepponAccount; requestKey: string },
) => WireResponse;

type Place = { province: string; city: string; district: string; mobile: string };

/** What the sandbox remembers about one order beyond SandboxState's waybill. */
export type DepponOrderDetails = {
  companyCode: string;
  logisticID: string;
  sender: Place;
  recipient: Place;
  arrivedOrgSimpleName: string;
  arrivedOutFieldName: string;
  stationNo: string;
};

const details = new WeakMap<SandboxState, Map<string, DepponOrderDetails>>();

/** Order details by our order id, for this sandbox state; they vanish with it. */
export function depponOrderDetails(state: SandboxState): Map<string, DepponOrderDetails> {
  let byOrder = details.get(state);
  if (!byOrder) {
    byOrder = new Map();
    details.set(state, byOrder);
  }
  return byOrder;
}

/** One waybill as SandboxState stores it. */
export type DepponSandboxWaybill =
  SandboxState["waybills"] extends Map<string, infer W> ? W : never;

export function findByMailNo(
  state: SandboxState,
  mailNo: string,
): DepponSandboxWaybill | undefined {
  for (const waybill of state.waybills.values()) {
    if (waybill.trackingNo === mailNo) return waybill;
  }
  return undefined;
}

/** A courier collects a live order this long after it was created. */
export const PICKUP_AFTER_MS = 2 * 3_600_000;

/** Marks the parcel collected once its pickup time has passed on the caller's clock. */
export function syncPickup(waybill: DepponSandboxWaybill, nowMs: number): void {
  if (!waybill.cancelled && nowMs - waybill.createdAt.getTime() >= PICKUP_AFTER_MS) {
    waybill.pickedUp = true;
  }
}

const OFFSET_MS = 8 * 3_600_000;

/** Epoch ms as "YYYY-MM-DD HH:mm:ss" Asia/Shanghai (fixed UTC+8, no DST since 1991). */
export function shanghaiText(ms: number): string {
  const iso = new Date(ms + OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** The value as a plain object, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A non-empty string (numbers accepted, as DOP's Java side coerces them), or undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** "广州市" -> "广州": Deppon names departments and transfer yards by the short city name. */
export const shortCity = (city: string): string => city.replace(/市$/, "") || city;
