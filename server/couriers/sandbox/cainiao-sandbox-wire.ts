/**
 * Cainiao's side of the LINK wire (PROTOCOLS.md §9), written independently of the driver and of
 * server/couriers/signing: the digest, the `{success,errorCode,errorMsg,…}` reply, the target
 * couriers (their names and tracking-number shapes), the order details kept beside SandboxState,
 * and the Asia/Shanghai clock.
 */
import { createHash } from "node:crypto";
import type { SandboxState, WireResponse } from "@/server/couriers/contract";

/** `Base64(MD5_raw(text))` over UTF-8: the LINK `data_digest`. */
export const md5Base64 = (text: string): string =>
  createHash("md5").update(text, "utf8").digest("base64");

/** Lower-case hex MD5, used to derive stable pseudo-random label parts. */
export const md5Hex = (text: string): string =>
  createHash("md5").update(text, "utf8").digest("hex");

const JSON_HEADERS = { "content-type": "application/json;charset=UTF-8" };

/** Success: `success` true beside the API's own fields. */
export const ok = (fields: Record<string, unknown>): WireResponse => ({
  status: 200,
  headers: { ...JSON_HEADERS },
  body: JSON.stringify({ success: true, ...fields }),
});

/**
 * A refusal, HTTP 200 with `success` false. "S02" with its text is the documented digest failure
 * (§9); the other codes are the sandbox's own (PROTOCOLS.md publishes none) and the driver reads
 * Cainiao's message rather than them.
 */
export const refuse = (errorCode: string, errorMsg: string): WireResponse => ({
  status: 200,
  headers: { ...JSON_HEADERS },
  body: JSON.stringify({ success: false, errorCode, errorMsg }),
});

/** One msg_type: the parsed `logistics_interface` in, the reply out. */
export type CainiaoApiHandler = (
  body: Record<string, unknown>,
  ctx: { state: SandboxState; nowMs: number; account: Record<string, string> },
) => WireResponse;

const pad = (seq: number, width: number) => String(seq).padStart(width, "0");

/** Target couriers by cpCode: the name Cainiao shows and the shape of their numbers. */
export const COURIERS: Readonly<Record<string, { name: string; number: (seq: number) => string }>> =
  {
    STO: { name: "申通快递", number: (s) => `773${pad(s, 10)}` },
    ZTO: { name: "中通快递", number: (s) => `7810${pad(s, 10)}` },
    YTO: { name: "圆通速递", number: (s) => `YT${pad(s, 13)}` },
    YUNDA: { name: "韵达快递", number: (s) => `4312${pad(s, 9)}` },
    SF: { name: "顺丰速运", number: (s) => `SF${pad(s, 13)}` },
    EMS: { name: "EMS", number: (s) => `1100${pad(s, 9)}` },
    POSTB: { name: "邮政快递包裹", number: (s) => `9863${pad(s, 9)}` },
    JTSD: { name: "极兔速递", number: (s) => `JT${pad(s, 13)}` },
    JD: { name: "京东快递", number: (s) => `JDV${pad(s, 12)}` },
    DBKD: { name: "德邦快递", number: (s) => `DPK${pad(s, 13)}` },
  };

/** What the sandbox remembers about one order beyond SandboxState's waybill. */
export type CainiaoOrderDetails = {
  cpCode: string;
  sender: { city: string; district: string };
  recipient: { city: string; district: string };
  sortation: string;
  consolidation: { name: string; code: string };
  routeCode: string;
  printData: string;
};

const details = new WeakMap<SandboxState, Map<string, CainiaoOrderDetails>>();

/** Order details by our order id, for this sandbox state; they vanish with it. */
export function cainiaoOrderDetails(state: SandboxState): Map<string, CainiaoOrderDetails> {
  let byOrder = details.get(state);
  if (!byOrder) {
    byOrder = new Map();
    details.set(state, byOrder);
  }
  return byOrder;
}

/** One waybill as SandboxState stores it. */
export type CainiaoSandboxWaybill =
  SandboxState["waybills"] extends Map<string, infer W> ? W : never;

/** The waybill with this number under this courier (a number is only unique per courier). */
export function findWaybill(
  state: SandboxState,
  cpCode: string,
  mailNo: string,
): CainiaoSandboxWaybill | undefined {
  for (const waybill of state.waybills.values()) {
    if (waybill.trackingNo !== mailNo) continue;
    if (cainiaoOrderDetails(state).get(waybill.orderId)?.cpCode === cpCode) return waybill;
  }
  return undefined;
}

/** A courier collects a live order this long after it was created. */
export const PICKUP_AFTER_MS = 2 * 3_600_000;

/** Marks the parcel collected once its pickup time has passed on the sandbox clock. */
export function syncPickup(waybill: CainiaoSandboxWaybill, nowMs: number): void {
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

/** A non-empty string (numbers accepted, as the Java side coerces them), or undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** "杭州市" -> "杭州": hubs are named by the short city name. */
export const shortCity = (city: string): string => city.replace(/市$/, "") || city;
