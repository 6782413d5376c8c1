/**
 * ZTO's side of the ZOP wire (PROTOCOLS.md §4), written independently of the driver and of
 * server/couriers/signing: the reply envelope, the digest, the order details the sandbox keeps
 * beside SandboxState, and the Asia/Shanghai clock.
 */
import { createHash } from "node:crypto";
import type { SandboxState, WireResponse } from "@/server/couriers/contract";

/** `Base64(MD5_raw(text))` over UTF-8, the digest of both the JSON mode and the push. */
export const md5Base64 = (text: string): string =>
  createHash("md5").update(text, "utf8").digest("base64");

/** Lower-case hex MD5, used to derive stable pseudo-random label parts. */
export const md5Hex = (text: string): string =>
  createHash("md5").update(text, "utf8").digest("hex");

const JSON_HEADERS = { "content-type": "application/json;charset=UTF-8" };

/** The ZOP envelope, keys in the documented order (§4.2). */
function envelope(result: unknown, message: string, status: boolean, code: string): WireResponse {
  return {
    status: 200,
    headers: { ...JSON_HEADERS },
    body: JSON.stringify({ result, message, status, statusCode: code }),
  };
}

/** Success. createOrder answers "0000", the trace and cancel APIs "SYS000" (zto.md). */
export const ok = (result: unknown, statusCode = "0000", message = "成功"): WireResponse =>
  envelope(result, message, true, statusCode);

/** A refusal: every ZOP error is HTTP 200 with status false (zto.md 公共错误码对照表). */
export const refuse = (statusCode: string, message: string): WireResponse =>
  envelope(null, message, false, statusCode);

/** One ZOP API: the parsed JSON body in, the reply out. `nowMs` is the request's x-timestamp. */
export type ZtoApiHandler = (
  body: Record<string, unknown>,
  ctx: { state: SandboxState; nowMs: number },
) => WireResponse;

/** What the sandbox remembers about one order beyond SandboxState's waybill. */
export type ZtoOrderDetails = {
  orderCode: string;
  orderType: string;
  sender: { city: string; district: string; mobile: string };
  recipient: { city: string; district: string; mobile: string };
  mark: string;
  bagAddr: string;
  siteCode: string;
  siteName: string;
};

const details = new WeakMap<SandboxState, Map<string, ZtoOrderDetails>>();

/** Order details by our order id, for this sandbox state; they vanish with it. */
export function ztoOrderDetails(state: SandboxState): Map<string, ZtoOrderDetails> {
  let byOrder = details.get(state);
  if (!byOrder) {
    byOrder = new Map();
    details.set(state, byOrder);
  }
  return byOrder;
}

/** One waybill as SandboxState stores it. */
export type ZtoSandboxWaybill = SandboxState["waybills"] extends Map<string, infer W> ? W : never;

export function findByBillCode(
  state: SandboxState,
  billCode: string,
): ZtoSandboxWaybill | undefined {
  for (const waybill of state.waybills.values()) {
    if (waybill.trackingNo === billCode) return waybill;
  }
  return undefined;
}

/** A courier collects a live order this long after it was created. */
export const PICKUP_AFTER_MS = 2 * 3_600_000;

/** Marks the parcel collected once its pickup time has passed on the caller's clock. */
export function syncPickup(waybill: ZtoSandboxWaybill, nowMs: number): void {
  if (!waybill.cancelled && nowMs - waybill.createdAt.getTime() >= PICKUP_AFTER_MS) {
    waybill.pickedUp = true;
  }
}

const OFFSET_MS = 8 * 3_600_000;

/** Epoch ms as ZTO's "YYYY-MM-DD HH:mm:ss" Asia/Shanghai (fixed UTC+8, no DST since 1991). */
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

/** A non-empty string (numbers accepted, as ZTO's Java side coerces them), or undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** "上海市" -> "上海": ZTO names sites and hubs by the short city name. */
export const shortCity = (city: string): string => city.replace(/市$/, "") || city;
