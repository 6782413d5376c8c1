/**
 * Yunda's side of the open-platform wire (PROTOCOLS.md §7), written independently of any driver,
 * profile or signing code: the reply envelope, the signature, the order details the sandbox keeps
 * beside SandboxState, and the Asia/Shanghai clock.
 */
import { createHash } from "node:crypto";
import type { SandboxState, WireResponse } from "@/server/couriers/contract";

/** `LOWER(HEX(MD5(body + "_" + appSecret)))` over UTF-8 (§7). */
export const yundaSignOf = (body: string, appSecret: string): string =>
  createHash("md5").update(`${body}_${appSecret}`, "utf8").digest("hex");

/** Lower-case hex MD5, used to derive stable pseudo-random label parts. */
export const md5Hex = (text: string): string =>
  createHash("md5").update(text, "utf8").digest("hex");

const JSON_HEADERS = { "content-type": "application/json;charset=UTF-8" };

/** The envelope of §7, keys in the documented order. */
function envelope(code: string, message: string, result: boolean, data: unknown): WireResponse {
  return {
    status: 200,
    headers: { ...JSON_HEADERS },
    body: JSON.stringify({ code, message, result, data, sub_code: null, sub_msg: null }),
  };
}

export const ok = (data: unknown): WireResponse => envelope("0000", "请求成功", true, data);

/**
 * A gateway refusal. Only "0000" is documented (§7); the sandbox's codes: 4001 signature, 4002
 * unknown app-key, 4003 bad parameter, 4004 wrong 白马 account, 4005 bad req-time, 4006 unknown
 * API, 5000 system error.
 */
export const refuse = (code: string, message: string): WireResponse =>
  envelope(code, message, false, null);

/** One Yunda API: the parsed JSON body in, the reply out. `nowMs` is the request's req-time. */
export type YundaApiHandler = (
  body: Record<string, unknown>,
  ctx: { state: SandboxState; nowMs: number; appKey: string; account: Record<string, string> },
) => WireResponse;

type Place = { province: string; city: string; district: string; mobile: string };

/** What the sandbox remembers about one order beyond SandboxState's waybill. */
export type YundaOrderDetails = {
  orderSerialNo: string;
  sender: Place;
  recipient: Place;
  position: string;
  positionNo: string;
  packageCenter: string;
};

const details = new WeakMap<SandboxState, Map<string, YundaOrderDetails>>();

/** Order details by our order id (khddh), for this sandbox state; they vanish with it. */
export function yundaOrderDetails(state: SandboxState): Map<string, YundaOrderDetails> {
  let byOrder = details.get(state);
  if (!byOrder) {
    byOrder = new Map();
    details.set(state, byOrder);
  }
  return byOrder;
}

/** One waybill as SandboxState stores it. */
export type YundaSandboxWaybill = SandboxState["waybills"] extends Map<string, infer W> ? W : never;

export function findByMailNo(state: SandboxState, mailNo: string): YundaSandboxWaybill | undefined {
  for (const waybill of state.waybills.values()) {
    if (waybill.trackingNo === mailNo) return waybill;
  }
  return undefined;
}

/** A courier collects a live order this long after it was created. */
export const PICKUP_AFTER_MS = 2 * 3_600_000;

/** Marks the parcel collected once its pickup time has passed on the caller's clock. */
export function syncPickup(waybill: YundaSandboxWaybill, nowMs: number): void {
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

/** A non-empty string (numbers accepted, as Yunda's Java side coerces them), or undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** "广州市" -> "广州", "广东省" -> "广东": Yunda names branches and hubs by short names. */
export const shortName = (name: string): string =>
  name.replace(/(省|市|自治区|特别行政区|壮族|回族|维吾尔)+$/, "") || name;

/** "广东广州分拨中心"; municipalities are named once ("上海分拨中心"). */
export function hubName(place: { province: string; city: string }): string {
  const province = shortName(place.province);
  const city = shortName(place.city);
  return `${province === city ? city : `${province}${city}`}分拨中心`;
}
