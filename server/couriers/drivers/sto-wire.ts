/**
 * The STO LINK wire shared by every STO operation (PROTOCOLS.md §9): the signed form request
 * (`content`, `api_name`, `from_appkey`, `from_code`, `to_appkey`, `to_code`, `data_digest`), the
 * `{success,errorCode,errorMsg,data}` reply, the trace record that both the trace query and the
 * trace push carry, and the Asia/Shanghai clock STO writes.
 *
 * §9 names the fields, the digest and `STO_TRACE_QUERY_COMMON`; the other API names, their
 * `to_code`s and the reply envelope follow public STO clients (a Go SDK and two Java integrations)
 * that use the same gateway [?].
 */
import { z } from "zod";
import {
  type CourierAccountConfig,
  CourierError,
  type RawTrackEvent,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import { formUrlEncode } from "@/server/couriers/signing/primitives";
import { stoDataDigest } from "@/server/couriers/signing/schemes";
import { stoError, stoMalformed } from "./sto-errors";
import { shanghaiLocalTime, shanghaiTimeToIso } from "./shanghai-time";

/** The STO APIs this driver calls: LINK `api_name` and the `to_code` (= `to_appkey`) behind it. */
export const STO_API = {
  createOrder: { apiName: "OMS_EXPRESS_ORDER_CREATE", toCode: "sto_oms" },
  cancelOrder: { apiName: "EDI_MODIFY_ORDER_CANCEL", toCode: "edi_modify_order" },
  traceQuery: { apiName: "STO_TRACE_QUERY_COMMON", toCode: "sto_trace_query" },
  traceSubscribe: { apiName: "STO_TRACE_PLATFORM_SUBSCRIBE", toCode: "sto_trace_platform" },
} as const;
export type StoApi = (typeof STO_API)[keyof typeof STO_API];

/** The credential keys of an STO account (CourierAccountConfig.credentials). */
export type StoCredentials = {
  /** from_appkey: the app key of the STO open platform app. */
  appKey: string;
  /** from_code: the app's resource code. */
  resourceCode: string;
  /** The app's secret key, which signs `content`. */
  secretKey: string;
  /** 订单来源编码 chosen when subscribing the order API; the app key when not set. */
  orderSource: string;
};

/** Reads the STO credentials, refusing to sign anything without the app key, code and secret. */
export function stoCredentials(account: CourierAccountConfig): StoCredentials {
  const { appKey, resourceCode, secretKey, orderSource } = account.credentials;
  if (!appKey || !resourceCode || !secretKey) {
    throw new CourierError(
      "AUTH",
      "MISSING_CREDENTIALS",
      "this STO account needs its app key, resource code and secret key: complete the account settings",
    );
  }
  return { appKey, resourceCode, secretKey, orderSource: orderSource || appKey };
}

/**
 * The signed LINK form request to `${baseUrl}/gateway/link.do`. The payload is serialised once and
 * the digest is taken over that exact string (§0 trap 4); the form encoder receives raw values
 * (§0 trap 5), so a `+` in the digest travels as `%2B` as the LINK docs require.
 */
export function stoRequest(
  api: StoApi,
  payload: unknown,
  account: CourierAccountConfig,
): WireRequest {
  const { appKey, resourceCode, secretKey } = stoCredentials(account);
  const content = JSON.stringify(payload);
  return {
    method: "POST",
    url: `${account.baseUrl.replace(/\/+$/, "")}/gateway/link.do`,
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    body: formUrlEncode([
      ["api_name", api.apiName],
      ["content", content],
      ["from_appkey", appKey],
      ["from_code", resourceCode],
      ["to_appkey", api.toCode],
      ["to_code", api.toCode],
      ["data_digest", stoDataDigest({ content, secretKey })],
    ]),
  };
}

// `success` is a boolean or the text "true"/"false" depending on the API.
const envelopeSchema = z.object({
  success: z.union([z.boolean(), z.enum(["true", "false"])]),
  errorCode: z.union([z.string(), z.number()]).nullish(),
  errorMsg: z.string().nullish(),
  data: z.unknown().optional(),
});

function readJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Unwraps the reply and returns `data` validated by `schema`, or throws CourierError. */
export function stoParse<T>(response: WireResponse, schema: z.ZodType<T>): T {
  const body = readJson(response.body);
  const envelope = body.ok ? envelopeSchema.safeParse(body.value) : undefined;
  if (!envelope?.success) {
    if (response.status === 429) {
      throw new CourierError(
        "RATE_LIMITED",
        "HTTP_429",
        "STO is limiting our request rate: wait a moment and try again",
      );
    }
    if (response.status !== 200) {
      throw new CourierError(
        "UNAVAILABLE",
        `HTTP_${response.status}`,
        `STO answered HTTP ${response.status}: try again later`,
        response.body.slice(0, 300),
      );
    }
    throw stoMalformed(response.body);
  }
  const { success, errorCode, errorMsg, data } = envelope.data;
  if (success !== true && success !== "true") {
    throw stoError(errorCode == null ? "" : String(errorCode), errorMsg ?? undefined);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw stoMalformed(`unexpected data: ${JSON.stringify(data)}`);
  return parsed.data;
}

/** "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai, the format of every STO time field. */
export const stoLocalTime = shanghaiLocalTime;

/** STO's Asia/Shanghai "YYYY-MM-DD HH:mm:ss" as ISO 8601 with +08:00, or undefined. */
export const stoTimeToIso = shanghaiTimeToIso;

/** One trace record (STO_TRACE_QUERY_COMMON items and the `trace` of STO_TRACE_PLATFORM_PUSH). */
export const stoTraceSchema = z.looseObject({
  waybillNo: z.string().nullish(),
  opTime: z.string().nullish(),
  scanType: z.string().nullish(),
  memo: z.string().nullish(),
  opOrgName: z.string().nullish(),
  opOrgCityName: z.string().nullish(),
  opOrgProvinceName: z.string().nullish(),
});
export type StoTrace = z.infer<typeof stoTraceSchema>;

/** One trace as a RawTrackEvent (code = STO's Chinese scanType), or undefined without a time. */
export function stoTraceToEvent(trace: StoTrace, fallbackNo: string): RawTrackEvent | undefined {
  const time = trace.opTime ? stoTimeToIso(trace.opTime) : undefined;
  if (time === undefined) return undefined;
  return {
    trackingNo: trace.waybillNo || fallbackNo,
    time,
    code: trace.scanType ?? "",
    description: trace.memo ?? "",
    location: trace.opOrgCityName || trace.opOrgName || undefined,
    raw: trace,
  };
}

/** Oldest first by event time; the sort is stable so equal times keep STO's order. */
export const stoOldestFirst = (events: RawTrackEvent[]): RawTrackEvent[] =>
  events.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
