/**
 * The Cainiao LINK wire shared by every Cainiao operation (PROTOCOLS.md §9): the signed form
 * request (`logistic_provider_id`, `msg_type`, `to_code`, `logistics_interface`, `data_digest`),
 * the `{success,errorCode,errorMsg,…}` reply, the target courier's cpCode, the trace record of
 * the logistics-detail API and the Asia/Shanghai clock.
 *
 * §9 names the fields, the digest and the msg_types; `to_code` "CNTECH_LV" for the logistics
 * detail APIs and their `{"arg0":{…}}` payload follow public Cainiao clients [?].
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
import { cainiaoDataDigest } from "@/server/couriers/signing/schemes";
import { cainiaoError, cainiaoMalformed } from "./cainiao-errors";
import { shanghaiTimeToIso } from "./shanghai-time";

/** The msg_types this driver sends, with the `to_code` each is routed by (none for TMS). */
export const CAINIAO_MSG = {
  waybillGet: { msgType: "TMS_WAYBILL_GET" },
  waybillDiscard: { msgType: "TMS_WAYBILL_DISCARD" },
  detailGet: { msgType: "CNTECH_LV_LOGISTICS_DETAIL_GET", toCode: "CNTECH_LV" },
  detailSubscribe: { msgType: "CNTECH_LV_LOGISTICS_DETAIL_SUBSCRIBE", toCode: "CNTECH_LV" },
} as const;
export type CainiaoMsg = { msgType: string; toCode?: string };

/** Cainiao is an aggregator: cancel, track and subscribe name the target courier too. */
export type CainiaoTarget = { productCode?: string };

/** The credential keys of a Cainiao account (CourierAccountConfig.credentials). */
export type CainiaoCredentials = {
  /** The resource code sent as `logistic_provider_id`. */
  logisticProviderId: string;
  secretKey: string;
};

/** Reads the LINK credentials, refusing to sign anything without the resource code and key. */
export function cainiaoCredentials(account: CourierAccountConfig): CainiaoCredentials {
  const { logisticProviderId, secretKey } = account.credentials;
  if (!logisticProviderId || !secretKey) {
    throw new CourierError(
      "AUTH",
      "MISSING_CREDENTIALS",
      "this Cainiao account needs its resource code (logistic_provider_id) and secret key: complete the account settings",
    );
  }
  return { logisticProviderId, secretKey };
}

/** The `appCode` the logistics-detail APIs require inside their payload. */
export function cainiaoAppCode(account: CourierAccountConfig): string {
  const appCode = account.credentials.appCode;
  if (!appCode) {
    throw new CourierError(
      "AUTH",
      "MISSING_APP_CODE",
      "this Cainiao account has no app code, which tracking needs: add it to the account settings",
    );
  }
  return appCode;
}

/** The target courier's Cainiao cpCode: the input's `productCode`, else the account's `cpCode`. */
export function cainiaoCpCode(input: CainiaoTarget, account: CourierAccountConfig): string {
  const code = input.productCode?.trim() || account.credentials.cpCode?.trim();
  if (!code) {
    throw new CourierError(
      "INVALID",
      "NO_CP_CODE",
      "choose the courier for this parcel: Cainiao needs the courier's Cainiao code (e.g. YTO, ZTO, STO) as the product code",
    );
  }
  return code;
}

/**
 * The signed LINK form request to `${baseUrl}/gateway/link.do`. The payload is serialised once
 * and the digest is taken over that exact string (§0 trap 4); raw values go to the form encoder
 * (§0 trap 5), so a `+` in the digest travels as `%2B`, as the LINK docs require.
 */
export function cainiaoRequest(
  msg: CainiaoMsg,
  payload: unknown,
  account: CourierAccountConfig,
): WireRequest {
  const { logisticProviderId, secretKey } = cainiaoCredentials(account);
  const logisticsInterface = JSON.stringify(payload);
  return {
    method: "POST",
    url: `${account.baseUrl.replace(/\/+$/, "")}/gateway/link.do`,
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    body: formUrlEncode([
      ["logistic_provider_id", logisticProviderId],
      ["msg_type", msg.msgType],
      ...(msg.toCode ? [["to_code", msg.toCode] as const] : []),
      ["logistics_interface", logisticsInterface],
      ["data_digest", cainiaoDataDigest({ logisticsInterface, secretKey })],
    ]),
  };
}

// `success` is a boolean or the text "true"/"false" depending on the API.
const envelopeSchema = z.looseObject({
  success: z.union([z.boolean(), z.enum(["true", "false"])]),
  errorCode: z.union([z.string(), z.number()]).nullish(),
  errorMsg: z.string().nullish(),
});

function readJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Checks `success` and returns the whole reply validated by `schema`, or throws CourierError. */
export function cainiaoParse<T>(response: WireResponse, schema: z.ZodType<T>): T {
  const body = readJson(response.body);
  const envelope = body.ok ? envelopeSchema.safeParse(body.value) : undefined;
  if (!envelope?.success) {
    if (response.status === 429) {
      throw new CourierError(
        "RATE_LIMITED",
        "HTTP_429",
        "Cainiao is limiting our request rate: wait a moment and try again",
      );
    }
    if (response.status !== 200) {
      throw new CourierError(
        "UNAVAILABLE",
        `HTTP_${response.status}`,
        `Cainiao answered HTTP ${response.status}: try again later`,
        response.body.slice(0, 300),
      );
    }
    throw cainiaoMalformed(response.body);
  }
  const { success, errorCode, errorMsg } = envelope.data;
  if (success !== true && success !== "true") {
    throw cainiaoError(errorCode == null ? "" : String(errorCode), errorMsg ?? undefined);
  }
  const parsed = schema.safeParse(envelope.data);
  if (!parsed.success) throw cainiaoMalformed(`unexpected reply: ${response.body}`);
  return parsed.data;
}

/** Cainiao's Asia/Shanghai "YYYY-MM-DD HH:mm:ss" as ISO 8601 with +08:00, or undefined. */
export const cainiaoTimeToIso = shanghaiTimeToIso;

/** One `fullTraceDetail` item of CNTECH_LV_LOGISTICS_DETAIL_GET (public Cainiao clients). */
export const cainiaoTraceSchema = z.looseObject({
  time: z.string().nullish(),
  desc: z.string().nullish(),
  city: z.string().nullish(),
  status: z.string().nullish(),
});
export type CainiaoTrace = z.infer<typeof cainiaoTraceSchema>;

/** One trace as a RawTrackEvent (code = Cainiao's status), or undefined without a time. */
export function cainiaoTraceToEvent(
  trace: CainiaoTrace,
  trackingNo: string,
): RawTrackEvent | undefined {
  const time = trace.time ? cainiaoTimeToIso(trace.time) : undefined;
  if (time === undefined) return undefined;
  return {
    trackingNo,
    time,
    code: trace.status ?? "",
    description: trace.desc ?? "",
    location: trace.city || undefined,
    raw: trace,
  };
}
