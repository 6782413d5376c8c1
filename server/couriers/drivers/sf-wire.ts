/**
 * The SF 丰桥 std/service envelope shared by every SF operation (PROTOCOLS.md §1.2, §1.3): the
 * signed form request, the reply envelope with its double-encoded `apiResultData`, and the
 * Asia/Shanghai wall-clock format SF uses for every time field.
 */
import { z } from "zod";
import {
  type CallContext,
  type CourierAccountConfig,
  CourierError,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import { formUrlEncode } from "@/server/couriers/signing/primitives";
import { sfMsgDigest } from "@/server/couriers/signing/schemes";
import { sfBusinessError, sfPlatformError } from "./sf-errors";
import { shanghaiLocalTime, shanghaiTimeToIso } from "./shanghai-time";

/** The std/service codes this driver speaks (PROTOCOLS.md §1.4). */
export const SF_SERVICE = {
  createOrder: "EXP_RECE_CREATE_ORDER",
  searchOrder: "EXP_RECE_SEARCH_ORDER_RESP",
  updateOrder: "EXP_RECE_UPDATE_ORDER",
  searchRoutes: "EXP_RECE_SEARCH_ROUTES",
  checkPickupTime: "EXP_EXCE_CHECK_PICKUP_TIME",
  queryDeliverTm: "EXP_RECE_QUERY_DELIVERTM",
} as const;

export type SfServiceCode = (typeof SF_SERVICE)[keyof typeof SF_SERVICE];

/** The credential keys of an SF account (CourierAccountConfig.credentials). */
export type SfCredentials = { partnerID: string; checkWord: string; monthlyCard?: string };

/** Reads the SF credentials, refusing to sign anything without a partner ID and check word. */
export function sfCredentials(account: CourierAccountConfig): SfCredentials {
  const { partnerID, checkWord, monthlyCard } = account.credentials;
  if (!partnerID || !checkWord) {
    throw new CourierError(
      "AUTH",
      "MISSING_CREDENTIALS",
      "this SF account has no partner ID (顾客编码) or check word (校验码): complete the account settings",
    );
  }
  return { partnerID, checkWord, monthlyCard: monthlyCard || undefined };
}

/**
 * The signed std/service form request. `payload` is serialised exactly once and that string is
 * both signed and sent (PROTOCOLS.md §0 trap 4); the form encoder gets raw values (trap 5).
 */
export function sfRequest(
  serviceCode: SfServiceCode,
  payload: unknown,
  account: CourierAccountConfig,
  ctx: CallContext,
): WireRequest {
  const { partnerID, checkWord } = sfCredentials(account);
  const msgData = JSON.stringify(payload);
  const timestamp = String(ctx.now.getTime());
  const msgDigest = sfMsgDigest({ msgData, timestamp, checkWord });
  return {
    method: "POST",
    url: `${account.baseUrl.replace(/\/+$/, "")}/std/service`,
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    body: formUrlEncode([
      ["partnerID", partnerID],
      ["requestID", ctx.requestId],
      ["serviceCode", serviceCode],
      ["timestamp", timestamp],
      ["msgDigest", msgDigest],
      ["msgData", msgData],
    ]),
  };
}

const envelopeSchema = z.object({
  apiResultCode: z.string(),
  apiErrorMsg: z.string().nullish(),
  apiResponseID: z.string().nullish(),
  apiResultData: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
});

const resultSchema = z.object({
  success: z.boolean(),
  errorCode: z.union([z.string(), z.number()]).nullish(),
  errorMsg: z.string().nullish(),
  msgData: z.unknown(),
});

type Json = { ok: true; value: unknown } | { ok: false };

function readJson(text: string): Json {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A reply we cannot read is treated like an outage: the caller may retry idempotent calls. */
export function sfMalformed(detail: string): CourierError {
  return new CourierError(
    "UNAVAILABLE",
    "MALFORMED",
    "SF sent a reply we could not read: try again later",
    detail.slice(0, 300),
  );
}

/**
 * Unwraps the envelope and returns `msgData` validated by `schema`, or throws the mapped
 * CourierError. Real replies carry `apiResultData` as a JSON *string*; some doc copies print it as
 * an object, so both are accepted.
 */
export function sfParse<T>(response: WireResponse, schema: z.ZodType<T>): T {
  const body = readJson(response.body);
  const envelope = body.ok ? envelopeSchema.safeParse(body.value) : undefined;
  if (!envelope?.success) {
    if (response.status === 429) {
      throw sfPlatformError("A1005", `HTTP ${response.status}`);
    }
    if (response.status !== 200) {
      throw new CourierError(
        "UNAVAILABLE",
        `HTTP_${response.status}`,
        `SF answered HTTP ${response.status}: try again later`,
        response.body.slice(0, 300),
      );
    }
    throw sfMalformed(response.body);
  }
  const { apiResultCode, apiErrorMsg, apiResultData } = envelope.data;
  if (apiResultCode !== "A1000") {
    throw sfPlatformError(apiResultCode, apiErrorMsg ?? undefined);
  }
  const inner = typeof apiResultData === "string" ? readJson(apiResultData) : undefined;
  const result = resultSchema.safeParse(
    inner === undefined ? apiResultData : inner.ok ? inner.value : undefined,
  );
  if (!result.success) {
    throw sfMalformed(`apiResultData is not a result object: ${JSON.stringify(apiResultData)}`);
  }
  if (!result.data.success) {
    const code = result.data.errorCode;
    throw sfBusinessError(
      code === null || code === undefined ? undefined : String(code),
      result.data.errorMsg ?? undefined,
    );
  }
  const data = schema.safeParse(result.data.msgData);
  if (!data.success) {
    throw sfMalformed(`unexpected msgData: ${JSON.stringify(result.data.msgData)}`);
  }
  return data.data;
}

/** "YYYY-MM-DD HH:mm:ss" Asia/Shanghai, the format of SF's sendStartTm / consignedTime fields. */
export const sfLocalTime = shanghaiLocalTime;

/** SF's Asia/Shanghai "YYYY-MM-DD HH:mm:ss" as ISO 8601 with +08:00, or undefined if malformed. */
export const sfTimeToIso = shanghaiTimeToIso;
