/**
 * J&T's side of the open-platform wire (PROTOCOLS.md §5.1), written independently of the driver
 * and of server/couriers/signing: both digests, the outcome of one API, the order details the
 * sandbox keeps beside SandboxState, and the Asia/Shanghai clock.
 */
import { createHash } from "node:crypto";
import type { SandboxState } from "@/server/couriers/contract";

const md5 = (text: string) => createHash("md5").update(text, "utf8");

/** Header digest: `Base64(MD5_raw(bizContent + privateKey))`. */
export const jtSandboxHeaderDigest = (bizContent: string, privateKey: string): string =>
  md5(bizContent + privateKey).digest("base64");

/**
 * Business digest: `Base64(MD5_raw(customerCode + UPPER(HEX(MD5(password + "jadada236t2"))) +
 * privateKey))`; the password cipher is upper-case hex before it is concatenated (§0 trap 2).
 */
export function jtSandboxBusinessDigest(
  customerCode: string,
  password: string,
  privateKey: string,
): string {
  const cipher = md5(`${password}jadada236t2`).digest("hex").toUpperCase();
  return md5(customerCode + cipher + privateKey).digest("base64");
}

/** Lower-case hex MD5, for requestIds and stable pseudo-random label parts. */
export const md5Hex = (text: string): string => md5(text).digest("hex");

/** What one API answers: `data` on success, or a J&T code and message. */
export type JtOutcome = { ok: true; data: unknown } | { ok: false; code: string; msg: string };

export const success = (data: unknown): JtOutcome => ({ ok: true, data });
export const refuse = (code: string, msg: string): JtOutcome => ({ ok: false, code, msg });

/** The issued credentials of the calling API account, as `createSandboxState` was given them. */
export type JtAccount = {
  apiAccount: string;
  privateKey: string;
  customerCode?: string;
  password?: string;
};

/** One J&T API: the parsed bizContent in, the outcome out. `nowMs` is the timestamp header. */
export type JtApiHandler = (
  biz: Record<string, unknown>,
  ctx: { state: SandboxState; nowMs: number; account: JtAccount },
) => JtOutcome;

type Place = { prov: string; city: string; area: string; mobile: string };

/** What the sandbox remembers about one order beyond SandboxState's waybill. */
export type JtOrderDetails = { sender: Place; receiver: Place; lastCenterName: string };

const details = new WeakMap<SandboxState, Map<string, JtOrderDetails>>();

/** Order details by our order id (txlogisticId), for this sandbox state. */
export function jtOrderDetails(state: SandboxState): Map<string, JtOrderDetails> {
  let byOrder = details.get(state);
  if (!byOrder) {
    byOrder = new Map();
    details.set(state, byOrder);
  }
  return byOrder;
}

/** One waybill as SandboxState stores it. */
export type JtSandboxWaybill = SandboxState["waybills"] extends Map<string, infer W> ? W : never;

export function findByBillCode(
  state: SandboxState,
  billCode: string,
): JtSandboxWaybill | undefined {
  for (const waybill of state.waybills.values()) {
    if (waybill.trackingNo === billCode) return waybill;
  }
  return undefined;
}

/** A courier collects a live order this long after it was created. */
export const PICKUP_AFTER_MS = 2 * 3_600_000;

/** Marks the parcel collected once its pickup time has passed on the caller's clock. */
export function syncPickup(waybill: JtSandboxWaybill, nowMs: number): void {
  if (!waybill.cancelled && nowMs - waybill.createdAt.getTime() >= PICKUP_AFTER_MS) {
    waybill.pickedUp = true;
  }
}

const OFFSET_MS = 8 * 3_600_000;

/** Epoch ms as J&T's "YYYY-MM-DD HH:mm:ss" Asia/Shanghai (fixed UTC+8, no DST since 1991). */
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

/** A non-empty string (numbers accepted, as J&T's Java side coerces them), or undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** "郑州市" -> "郑州": J&T names outlets and centres by the short city name. */
export const shortCity = (city: string): string => city.replace(/市$/, "") || city;
