/**
 * STO's side of the LINK wire (PROTOCOLS.md §9), written independently of the driver and of
 * server/couriers/signing: the digest, the `{success,errorCode,errorMsg,data}` reply, the order
 * details kept beside SandboxState, and the Asia/Shanghai clock.
 */
import { createHash } from "node:crypto";
import type { SandboxState, WireResponse } from "@/server/couriers/contract";

/** `Base64(MD5_raw(text))` over UTF-8: `data_digest` of requests and pushes. */
export const md5Base64 = (text: string): string =>
  createHash("md5").update(text, "utf8").digest("base64");

/** Lower-case hex MD5, used to derive stable pseudo-random label parts. */
export const md5Hex = (text: string): string =>
  createHash("md5").update(text, "utf8").digest("hex");

const JSON_HEADERS = { "content-type": "application/json;charset=UTF-8" };

/** Success: the LINK envelope around the API's `data`. */
export const ok = (data: unknown): WireResponse => ({
  status: 200,
  headers: { ...JSON_HEADERS },
  body: JSON.stringify({ success: true, errorCode: null, errorMsg: null, data }),
});

/**
 * A refusal, HTTP 200 with `success` false. "S02" with its text is the documented LINK digest
 * failure (§9); the other codes are the sandbox's own (STO publishes none in PROTOCOLS.md) and
 * the driver reads STO's message rather than them.
 */
export const refuse = (errorCode: string, errorMsg: string): WireResponse => ({
  status: 200,
  headers: { ...JSON_HEADERS },
  body: JSON.stringify({ success: false, errorCode, errorMsg, data: null }),
});

/** One STO API: the parsed `content` in, the reply out. */
export type StoApiHandler = (
  content: Record<string, unknown>,
  ctx: { state: SandboxState; nowMs: number },
) => WireResponse;

/** What the sandbox remembers about one order beyond SandboxState's waybill. */
export type StoOrderDetails = {
  sender: { city: string; area: string; mobile: string };
  receiver: { city: string; area: string; mobile: string };
  bigWord: string;
  packagePlace: string;
  safeNo: string;
};

const details = new WeakMap<SandboxState, Map<string, StoOrderDetails>>();

/** Order details by our order id, for this sandbox state; they vanish with it. */
export function stoOrderDetails(state: SandboxState): Map<string, StoOrderDetails> {
  let byOrder = details.get(state);
  if (!byOrder) {
    byOrder = new Map();
    details.set(state, byOrder);
  }
  return byOrder;
}

/** One waybill as SandboxState stores it. */
export type StoSandboxWaybill = SandboxState["waybills"] extends Map<string, infer W> ? W : never;

/** The waybill with this STO number, whatever order it belongs to. */
export function findByWaybillNo(
  state: SandboxState,
  waybillNo: string,
): StoSandboxWaybill | undefined {
  for (const waybill of state.waybills.values()) {
    if (waybill.trackingNo === waybillNo) return waybill;
  }
  return undefined;
}

/** A courier collects a live order this long after it was created. */
export const PICKUP_AFTER_MS = 2 * 3_600_000;

/** Marks the parcel collected once its pickup time has passed on the sandbox clock. */
export function syncPickup(waybill: StoSandboxWaybill, nowMs: number): void {
  if (!waybill.cancelled && nowMs - waybill.createdAt.getTime() >= PICKUP_AFTER_MS) {
    waybill.pickedUp = true;
  }
}

const OFFSET_MS = 8 * 3_600_000;

/** Epoch ms as STO's "YYYY-MM-DD HH:mm:ss" Asia/Shanghai (fixed UTC+8, no DST since 1991). */
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

/** A non-empty string (numbers accepted, as STO's Java side coerces them), or undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** "上海市" -> "上海": STO names its hubs by the short city name. */
export const shortCity = (city: string): string => city.replace(/市$/, "") || city;
