/**
 * EMS's side of the new-platform wire (PROTOCOLS.md §10), written independently of the driver and
 * of server/couriers/signing: the SM4 cipher via node:crypto, the `{retCode,retMsg,retBody}`
 * reply, the order details kept beside SandboxState, and the Asia/Shanghai clock.
 */
import { Buffer } from "node:buffer";
import { createCipheriv, createDecipheriv, createHash } from "node:crypto";
import type { SandboxState, WireResponse } from "@/server/couriers/contract";

const PREFIX = "|$4|";

/** `"|$4|" + Base64(SM4-ECB-PKCS7(text))` under the 16 bytes the Base64 sign key decodes to. */
export function sm4Seal(text: string, signKey: string): string {
  const cipher = createCipheriv("sm4-ecb", Buffer.from(signKey, "base64"), null);
  return PREFIX + Buffer.concat([cipher.update(text, "utf8"), cipher.final()]).toString("base64");
}

/** The plaintext of a `logitcsInterface`, or undefined when it does not decrypt under the key. */
export function sm4Open(sealed: string, signKey: string): string | undefined {
  if (!sealed.startsWith(PREFIX)) return undefined;
  const key = Buffer.from(signKey, "base64");
  if (key.length !== 16) return undefined;
  try {
    const decipher = createDecipheriv("sm4-ecb", key, null);
    const data = Buffer.from(sealed.slice(PREFIX.length), "base64");
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

/** Lower-case hex MD5, used for serial numbers and stable pseudo-random label parts. */
export const md5Hex = (text: string): string =>
  createHash("md5").update(text, "utf8").digest("hex");

/**
 * The reply codes. Only "00000" is published (PROTOCOLS.md §10 has no code table); the two
 * refusal codes are the sandbox's own, for gateway and business refusals, and the driver reads
 * EMS's message rather than the code.
 */
export const RET = { ok: "00000", gateway: "S00001", business: "B00001" } as const;

/** The reply envelope; `retBody` is a JSON *string*, as public clients decode it. */
export function reply(
  retCode: string,
  retMsg: string,
  retBody: unknown,
  nowMs: number,
): WireResponse {
  return {
    status: 200,
    headers: { "content-type": "application/json;charset=UTF-8" },
    body: JSON.stringify({
      serialNo: md5Hex(`${retCode}${retMsg}${nowMs}${JSON.stringify(retBody)}`).toUpperCase(),
      retCode,
      retMsg,
      retBody: retBody === null ? null : JSON.stringify(retBody),
      retDate: shanghaiText(nowMs),
      success: retCode === RET.ok,
    }),
  };
}

/** One EMS API: the decrypted business JSON in, the reply out. */
export type EmsApiHandler = (
  body: unknown,
  ctx: { state: SandboxState; nowMs: number },
) => WireResponse;

/** What the sandbox remembers about one order beyond SandboxState's waybill. */
export type EmsOrderDetails = {
  sender: { city: string; county: string; mobile: string };
  receiver: { city: string; county: string; mobile: string };
  routeCode: string;
  markDestinationName: string;
  markDestinationCode: string;
  packageCode: string;
  packageCodeName: string;
};

const details = new WeakMap<SandboxState, Map<string, EmsOrderDetails>>();

/** Order details by our order id, for this sandbox state; they vanish with it. */
export function emsOrderDetails(state: SandboxState): Map<string, EmsOrderDetails> {
  let byOrder = details.get(state);
  if (!byOrder) {
    byOrder = new Map();
    details.set(state, byOrder);
  }
  return byOrder;
}

/** One waybill as SandboxState stores it. */
export type EmsSandboxWaybill = SandboxState["waybills"] extends Map<string, infer W> ? W : never;

/** The waybill with this EMS number, whatever order it belongs to. */
export function findByWaybillNo(
  state: SandboxState,
  waybillNo: string,
): EmsSandboxWaybill | undefined {
  for (const waybill of state.waybills.values()) {
    if (waybill.trackingNo === waybillNo) return waybill;
  }
  return undefined;
}

/** A postman collects a live order this long after it was created. */
export const PICKUP_AFTER_MS = 2 * 3_600_000;

/** Marks the parcel collected once its pickup time has passed on the caller's clock. */
export function syncPickup(waybill: EmsSandboxWaybill, nowMs: number): void {
  if (!waybill.cancelled && nowMs - waybill.createdAt.getTime() >= PICKUP_AFTER_MS) {
    waybill.pickedUp = true;
  }
}

const OFFSET_MS = 8 * 3_600_000;

/** Epoch ms as EMS's "YYYY-MM-DD HH:mm:ss" Asia/Shanghai (fixed UTC+8, no DST since 1991). */
export function shanghaiText(ms: number): string {
  const iso = new Date(ms + OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** EMS's "YYYY-MM-DD HH:mm:ss" Asia/Shanghai as epoch ms, or undefined. */
export function shanghaiMs(text: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text);
  if (!match) return undefined;
  const ms = Date.parse(`${match[1]}T${match[2]}+08:00`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The value as a plain object, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A non-empty string (numbers accepted, as EMS's Java side coerces them), or undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** "郑州市" -> "郑州": EMS names mail centres by the short city name. */
export const shortCity = (city: string): string => city.replace(/市$/, "") || city;
