/**
 * The EMS new-platform wire shared by every EMS operation (PROTOCOLS.md §10): the form request
 * with the SM4-encrypted `logitcsInterface` (sic), the `{retCode,retMsg,retBody}` reply, the
 * trace record that both the trace query and the trace push carry, and the Asia/Shanghai clock.
 *
 * Beyond §10 (which names the endpoint, the five form fields and the cipher), the optional fields
 * `msgType` "0" and `version` "V1.0.0", the reply envelope and the sandbox path `/api/test` follow
 * public EMS clients (a Node adapter, a PHP SDK and a C# SDK) [?].
 */
import { z } from "zod";
import {
  type CallContext,
  type CourierAccountConfig,
  CourierError,
  type RawTrackEvent,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import { formUrlEncode } from "@/server/couriers/signing/primitives";
import { emsEncryptLogitcsInterface } from "@/server/couriers/signing/schemes-ems";
import { emsError, emsMalformed } from "./ems-errors";
import { shanghaiLocalTime, shanghaiTimeToIso } from "./shanghai-time";

/** The EMS API codes this driver calls (§10 names 040001; the others follow public clients). */
export const EMS_API = {
  createOrder: "020003",
  cancelOrder: "020006",
  trackQuery: "040001",
} as const;
export type EmsApiCode = (typeof EMS_API)[keyof typeof EMS_API];

/** Production and test gateways differ only in the last path segment. */
const PATH = {
  production: "/amp-prod-api/f/amp/api/open",
  sandbox: "/amp-prod-api/f/amp/api/test",
} as const;

/** The credential keys of an EMS account (CourierAccountConfig.credentials). */
export type EmsCredentials = {
  /** 协议客户号 / 客户代码. */
  senderNo: string;
  /** 授权码; EMS issues different ones for test and production. */
  authorization: string;
  /** 签名钥匙: Base64 text of a 16-byte SM4 key. */
  signKey: string;
  /** 电商客户标识, when EMS assigned one; the sender number otherwise. */
  ecommerceUserId?: string;
};

/** Reads the EMS credentials, refusing to encrypt anything without all three keys. */
export function emsCredentials(account: CourierAccountConfig): EmsCredentials {
  const { senderNo, authorization, signKey, ecommerceUserId } = account.credentials;
  if (!senderNo || !authorization || !signKey) {
    throw new CourierError(
      "AUTH",
      "MISSING_CREDENTIALS",
      "this EMS account needs its sender number, authorization code and sign key: complete the account settings",
    );
  }
  return { senderNo, authorization, signKey, ecommerceUserId: ecommerceUserId || undefined };
}

function encrypt(plaintext: string, signKey: string): string {
  try {
    return emsEncryptLogitcsInterface({ plaintext, signKey });
  } catch (error) {
    // A RangeError is the key itself; anything else (no SM4 in this OpenSSL) is not the user's.
    if (!(error instanceof RangeError)) throw error;
    throw new CourierError(
      "AUTH",
      "BAD_SIGN_KEY",
      "the EMS sign key is not valid (it must be the Base64 text of a 16-byte key): copy it again from the EMS platform",
    );
  }
}

/**
 * The form request. The payload is serialised once and that exact string is encrypted (§0 trap
 * 4); `timeStamp` is Asia/Shanghai wall-clock time, the only clock the request carries.
 */
export function emsRequest(
  apiCode: EmsApiCode,
  payload: unknown,
  account: CourierAccountConfig,
  ctx: CallContext,
): WireRequest {
  const { senderNo, authorization, signKey } = emsCredentials(account);
  const body = formUrlEncode([
    ["apiCode", apiCode],
    ["senderNo", senderNo],
    ["authorization", authorization],
    ["msgType", "0"],
    ["timeStamp", emsLocalTime(ctx.now)],
    ["version", "V1.0.0"],
    ["logitcsInterface", encrypt(JSON.stringify(payload), signKey)],
  ]);
  return {
    method: "POST",
    url: `${account.baseUrl.replace(/\/+$/, "")}${PATH[account.environment]}`,
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    body,
  };
}

const envelopeSchema = z.object({
  retCode: z.union([z.string(), z.number()]),
  retMsg: z.string().nullish(),
  retBody: z.unknown().optional(),
  serialNo: z.string().nullish(),
});

function readJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** `retBody` arrives as a JSON string; a plain string (a label URL) is returned as it is. */
function readRetBody(retBody: unknown): unknown {
  if (typeof retBody !== "string") return retBody ?? null;
  const text = retBody.trim();
  if (!text.startsWith("{") && !text.startsWith("[")) return text;
  const parsed = readJson(text);
  if (!parsed.ok) throw emsMalformed(`retBody is not JSON: ${text}`);
  return parsed.value;
}

/** Unwraps the reply and returns `retBody` validated by `schema`, or throws CourierError. */
export function emsParse<T>(response: WireResponse, schema: z.ZodType<T>): T {
  const body = readJson(response.body);
  const envelope = body.ok ? envelopeSchema.safeParse(body.value) : undefined;
  if (!envelope?.success) {
    if (response.status === 429) {
      throw new CourierError(
        "RATE_LIMITED",
        "HTTP_429",
        "EMS is limiting our request rate: wait a moment and try again",
      );
    }
    if (response.status !== 200) {
      throw new CourierError(
        "UNAVAILABLE",
        `HTTP_${response.status}`,
        `EMS answered HTTP ${response.status}: try again later`,
        response.body.slice(0, 300),
      );
    }
    throw emsMalformed(response.body);
  }
  const { retCode, retMsg, retBody } = envelope.data;
  if (String(retCode) !== "00000") throw emsError(String(retCode), retMsg ?? undefined);
  const parsed = schema.safeParse(readRetBody(retBody));
  if (!parsed.success) throw emsMalformed(`unexpected retBody: ${JSON.stringify(retBody)}`);
  return parsed.data;
}

/** "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai, the format of every EMS time field. */
export const emsLocalTime = shanghaiLocalTime;

/** EMS's Asia/Shanghai "YYYY-MM-DD HH:mm:ss" as ISO 8601 with +08:00, or undefined. */
export const emsTimeToIso = shanghaiTimeToIso;

/** One trace record, as the trace query and the push carry it (public EMS clients). */
export const emsTraceSchema = z.looseObject({
  waybillNo: z.string().nullish(),
  opTime: z.string().nullish(),
  opCode: z.union([z.string(), z.number()]).nullish(),
  opName: z.string().nullish(),
  opDesc: z.string().nullish(),
  opOrgProvName: z.string().nullish(),
  opOrgCity: z.string().nullish(),
  opOrgName: z.string().nullish(),
});
export type EmsTrace = z.infer<typeof emsTraceSchema>;

/** One trace as a RawTrackEvent, or undefined when it has no readable time. */
export function emsTraceToEvent(trace: EmsTrace, fallbackNo: string): RawTrackEvent | undefined {
  const time = trace.opTime ? emsTimeToIso(trace.opTime) : undefined;
  if (time === undefined) return undefined;
  return {
    trackingNo: trace.waybillNo || fallbackNo,
    time,
    code: trace.opCode == null ? "" : String(trace.opCode),
    description: trace.opDesc || trace.opName || "",
    location: trace.opOrgCity || trace.opOrgName || undefined,
    raw: trace,
  };
}

/** Oldest first by event time; the sort is stable so equal times keep EMS's order. */
export const emsOldestFirst = (events: RawTrackEvent[]): RawTrackEvent[] =>
  events.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
