/**
 * YTO's side of the new open-platform wire (PROTOCOLS.md §6), written independently of the driver
 * and of server/couriers/signing: the sign, the replies, the order details the sandbox keeps
 * beside SandboxState, and the Asia/Shanghai clock.
 *
 * §6 documents no reply shapes or error codes. Replies here are a bare result on success and
 * `{success:false, code, message}` on failure, as recalled from YTO's adapter pages [?]; only
 * "1001 查询结果为空" is recalled, the other codes are this sandbox's own.
 */
import { createHash } from "node:crypto";
import type { SandboxState, WireResponse } from "@/server/couriers/contract";

/** `sign = Base64(MD5_raw(param + method + "v1" + secret))` (§6). */
export const ytoSandboxSign = (param: string, method: string, secret: string): string =>
  createHash("md5").update(`${param}${method}v1${secret}`, "utf8").digest("base64");

/** Lower-case hex MD5, used to derive stable pseudo-random label parts. */
export const md5Hex = (text: string): string =>
  createHash("md5").update(text, "utf8").digest("hex");

/** The sandbox's refusal codes (see the file comment). */
export const YTO_CODE = {
  empty: "1001",
  missing: "1002",
  sign: "1003",
  unauthorised: "1004",
  pickedUp: "1005",
  cancelled: "1006",
  notFound: "1007",
} as const;

const JSON_HEADERS = { "content-type": "application/json;charset=UTF-8" };

export const ok = (result: unknown): WireResponse => ({
  status: 200,
  headers: { ...JSON_HEADERS },
  body: JSON.stringify(result),
});

export const refuse = (code: string, message: string): WireResponse => ({
  status: 200,
  headers: { ...JSON_HEADERS },
  body: JSON.stringify({ map: {}, code, success: false, message }),
});

/** One adapter method: the parsed param in, the reply out. `nowMs` is the body's timestamp. */
export type YtoMethodHandler = (
  param: Record<string, unknown>,
  ctx: { state: SandboxState; nowMs: number },
) => WireResponse;

type Place = { province: string; city: string; district: string; mobile: string };

/** What the sandbox remembers about one order beyond SandboxState's waybill. */
export type YtoOrderDetails = { sender: Place; recipient: Place; packageCenterName: string };

const details = new WeakMap<SandboxState, Map<string, YtoOrderDetails>>();

/** Order details by our order id (logisticsNo), for this sandbox state. */
export function ytoOrderDetails(state: SandboxState): Map<string, YtoOrderDetails> {
  let byOrder = details.get(state);
  if (!byOrder) {
    byOrder = new Map();
    details.set(state, byOrder);
  }
  return byOrder;
}

/** One waybill as SandboxState stores it. */
export type YtoSandboxWaybill = SandboxState["waybills"] extends Map<string, infer W> ? W : never;

export function findByMailNo(state: SandboxState, mailNo: string): YtoSandboxWaybill | undefined {
  for (const waybill of state.waybills.values()) {
    if (waybill.trackingNo === mailNo) return waybill;
  }
  return undefined;
}

/** A courier collects a live order this long after it was created. */
export const PICKUP_AFTER_MS = 2 * 3_600_000;

/** Marks the parcel collected once its pickup time has passed on the caller's clock. */
export function syncPickup(waybill: YtoSandboxWaybill, nowMs: number): void {
  if (!waybill.cancelled && nowMs - waybill.createdAt.getTime() >= PICKUP_AFTER_MS) {
    waybill.pickedUp = true;
  }
}

const OFFSET_MS = 8 * 3_600_000;

/** Epoch ms as YTO's "YYYY-MM-DD HH:mm:ss" Asia/Shanghai (fixed UTC+8, no DST since 1991). */
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

/** A non-empty string (numbers accepted, as YTO's Java side coerces them), or undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** "杭州市" -> "杭州": YTO names its centres by the short city name. */
export const shortCity = (city: string): string => city.replace(/市$/, "") || city;
