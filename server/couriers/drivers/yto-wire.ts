/**
 * The YTO (圆通) new open-platform wire shared by every YTO operation (PROTOCOLS.md §6): a JSON
 * body `{timestamp, param, sign, format}` POSTed to `/open/{method}/v1/{apiKey}/{customerCode}`,
 * `sign = Base64(MD5_raw(param + method + "v1" + secret))` [S].
 *
 * §6 documents the transport, the signature and the method names only. The reply shapes used here
 * (a bare result on success, `{success:false, code, message}` on failure) are recalled from YTO's
 * open-platform pages and not in PROTOCOLS.md [?]; the parsing is lenient accordingly.
 */
import { z } from "zod";
import {
  type CallContext,
  type CourierAccountConfig,
  CourierError,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import { ytoSign } from "@/server/couriers/signing/schemes";
import { ytoError } from "./yto-errors";
import { shanghaiLocalTime, shanghaiTimeToIso } from "./shanghai-time";

/** The adapter methods this driver calls (§6). */
export const YTO_METHOD = {
  create: "privacy_create_adapter",
  cancel: "korder_cancel_adapter",
  track: "track_query_adapter",
} as const;

export type YtoMethod = (typeof YTO_METHOD)[keyof typeof YTO_METHOD];

/** The credential keys of a YTO account, named as in §6: two go in the URL, one signs. */
export type YtoCredentials = { apiKey: string; customerCode: string; secret: string };

/** Reads the YTO credentials, refusing to sign anything without all three. */
export function ytoCredentials(account: CourierAccountConfig): YtoCredentials {
  const { apiKey, customerCode, secret } = account.credentials;
  if (!apiKey || !customerCode || !secret) {
    throw new CourierError(
      "AUTH",
      "MISSING_CREDENTIALS",
      "this YTO account has no API key, customer code or secret: complete the account settings",
    );
  }
  return { apiKey, customerCode, secret };
}

/**
 * The signed YTO request. `param` is serialised once, signed, and sent as that same string inside
 * the JSON body (PROTOCOLS.md §0 trap 4); the body itself is not signed.
 */
export function ytoRequest(
  method: YtoMethod,
  payload: unknown,
  account: CourierAccountConfig,
  ctx: CallContext,
): WireRequest {
  const { apiKey, customerCode, secret } = ytoCredentials(account);
  const param = JSON.stringify(payload);
  const path = [method, "v1", apiKey, customerCode].map(encodeURIComponent).join("/");
  return {
    method: "POST",
    url: `${account.baseUrl.replace(/\/+$/, "")}/open/${path}`,
    headers: { "content-type": "application/json;charset=UTF-8" },
    // §6 writes `"timestamp":<ms>`: a JSON number of milliseconds.
    body: JSON.stringify({
      timestamp: ctx.now.getTime(),
      param,
      sign: ytoSign({ param, method, secret }),
      format: "JSON",
    }),
  };
}

const failureSchema = z.looseObject({
  success: z.union([z.literal(false), z.literal("false")]),
  code: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
});

/** A reply we cannot read is treated like an outage: the caller may retry idempotent calls. */
export function ytoMalformed(detail: string): CourierError {
  return new CourierError(
    "UNAVAILABLE",
    "MALFORMED",
    "YTO sent a reply we could not read: try again later",
    detail.slice(0, 300),
  );
}

/** The reply validated by `schema`, or the mapped CourierError for a `success:false` reply. */
export function ytoParse<T>(response: WireResponse, schema: z.ZodType<T>): T {
  let body: unknown;
  try {
    body = JSON.parse(response.body) as unknown;
  } catch {
    if (response.status === 429) throw ytoError("HTTP_429", "请求过于频繁");
    if (response.status !== 200) {
      throw new CourierError(
        "UNAVAILABLE",
        `HTTP_${response.status}`,
        `YTO answered HTTP ${response.status}: try again later`,
        response.body.slice(0, 300),
      );
    }
    throw ytoMalformed(response.body);
  }
  const failure = failureSchema.safeParse(body);
  if (failure.success) {
    const { code, message } = failure.data;
    throw ytoError(code == null ? "" : String(code), message ?? undefined);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw ytoMalformed(response.body);
  return parsed.data;
}

/** "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai, the format of every YTO time field. */
export const ytoLocalTime = shanghaiLocalTime;

/** YTO's Asia/Shanghai "YYYY-MM-DD HH:mm:ss" as ISO 8601 with +08:00, or undefined. */
export const ytoTimeToIso = shanghaiTimeToIso;
