/**
 * SF's side of the std/service wire (PROTOCOLS.md §1.2, §1.3), written independently of the
 * driver and of server/couriers/signing: if the driver signs or encodes wrongly, this disagrees.
 */
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import type { WireResponse } from "@/server/couriers/contract";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether a UTF-8 byte stays literal in java.net.URLEncoder: `A-Z a-z 0-9 . - * _`. */
function javaSafe(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    byte === 0x2e ||
    byte === 0x2d ||
    byte === 0x2a ||
    byte === 0x5f
  );
}

/**
 * `java.net.URLEncoder.encode(text, "UTF-8")` walked byte by byte, the way the JDK does it: space
 * becomes `+`, every other unsafe byte `%XX` in upper case. Java's encoder writes `?` for an
 * unpaired surrogate, so those are replaced before encoding.
 */
export function sandboxJavaUrlEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text.replace(LONE_SURROGATE, "?"), "utf8")) {
    if (javaSafe(byte)) out += String.fromCharCode(byte);
    else if (byte === 0x20) out += "+";
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/**
 * The msgDigest SF expects: Base64 of the raw MD5 of the Java-URL-encoded
 * `msgData + timestamp + checkWord` (PROTOCOLS.md §1.2 [V]).
 */
export function sandboxMsgDigest(msgData: string, timestamp: string, checkWord: string): string {
  return createHash("md5")
    .update(sandboxJavaUrlEncode(msgData + timestamp + checkWord), "utf8")
    .digest("base64");
}

const JSON_HEADERS = { "content-type": "application/json;charset=UTF-8" };

// apiResponseID is a 32-char upper-case hex id in real replies; derived from the requestID so
// sandbox replies are reproducible.
const responseId = (requestId: string): string =>
  createHash("md5").update(`sf:${requestId}`, "utf8").digest("hex").toUpperCase();

function envelope(requestId: string, fields: Record<string, string | null>): WireResponse {
  return {
    status: 200,
    headers: { ...JSON_HEADERS },
    body: JSON.stringify({ apiResponseID: responseId(requestId), ...fields }),
  };
}

/** A platform refusal: apiResultCode other than A1000 and no apiResultData. */
export function platformReply(requestId: string, code: string, message: string): WireResponse {
  return envelope(requestId, { apiErrorMsg: message, apiResultCode: code, apiResultData: null });
}

/** What a service answers: success with msgData, or a business error code and message. */
export type SfOutcome =
  | { ok: true; msgData: unknown }
  | { ok: false; errorCode: string; errorMsg: string }
  | { ok: false; platform: string; message: string };

export const success = (msgData: unknown): SfOutcome => ({ ok: true, msgData });
export const refuse = (errorCode: string, errorMsg: string): SfOutcome => ({
  ok: false,
  errorCode,
  errorMsg,
});
/** A malformed msgData is a platform A1001, like a missing form field. */
export const missing = (field: string): SfOutcome => ({
  ok: false,
  platform: "A1001",
  message: `必填参数${field}为空`,
});

/** The A1000 envelope with apiResultData double-encoded as a JSON string, as SF sends it. */
export function outcomeReply(requestId: string, outcome: SfOutcome): WireResponse {
  if ("platform" in outcome) return platformReply(requestId, outcome.platform, outcome.message);
  const result = outcome.ok
    ? { success: true, errorCode: "S0000", errorMsg: null, msgData: outcome.msgData }
    : { success: false, errorCode: outcome.errorCode, errorMsg: outcome.errorMsg, msgData: null };
  return envelope(requestId, {
    apiErrorMsg: "",
    apiResultCode: "A1000",
    apiResultData: JSON.stringify(result),
  });
}

// --- reading msgData without trusting it ------------------------------------------------------

/** The value as a plain object, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A non-empty string (numbers accepted, as SF's Java side coerces them), or undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

// --- Asia/Shanghai wall clock (fixed UTC+8, no DST since 1991) --------------------------------

const OFFSET_MS = 8 * 3_600_000;

/** Epoch ms as SF's "YYYY-MM-DD HH:mm:ss" Asia/Shanghai. */
export function shanghaiText(ms: number): string {
  const iso = new Date(ms + OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** SF's "YYYY-MM-DD HH:mm:ss" Asia/Shanghai as epoch ms, or undefined when malformed. */
export function parseShanghaiText(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text.replace(" ", "T")}+08:00`);
  // The round trip rejects dates such as 02-30 that Date.parse would roll over.
  return !Number.isNaN(ms) && shanghaiText(ms) === text ? ms : undefined;
}

/** The hour of day (0-23) in Asia/Shanghai. */
export const shanghaiHour = (ms: number): number => new Date(ms + OFFSET_MS).getUTCHours();

/** Lower-case hex MD5, used to derive stable pseudo-random label parts. */
export const md5Hex = (text: string): string =>
  createHash("md5").update(text, "utf8").digest("hex");
