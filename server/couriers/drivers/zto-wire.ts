/**
 * The ZTO ZOP JSON-mode wire shared by every ZTO operation (PROTOCOLS.md §4.1, §4.2): the signed
 * JSON request, the `{result,message,status,statusCode}` reply envelope, the trace record that
 * both the trace query and the trace push carry, and the Asia/Shanghai wall clock ZTO writes.
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
import { ztoDataDigest } from "@/server/couriers/signing/schemes";
import { ztoError } from "./zto-errors";
import { shanghaiLocalTime, shanghaiTimeToIso } from "./shanghai-time";

/** The ZOP API names this driver calls; the name is the URL path (PROTOCOLS.md §4.1). */
export const ZTO_API = {
  createOrder: "zto.open.createOrder",
  cancelPreOrder: "zto.open.cancelPreOrder",
  trackQuery: "zto.merchant.waybill.track.query",
  // "subsrcibe" is ZTO's own spelling of the published path; the correct spelling is a 404.
  trackSubscribe: "zto.merchant.waybill.track.subsrcibe",
} as const;

export type ZtoApi = (typeof ZTO_API)[keyof typeof ZTO_API];

/** The credential keys of a ZTO account (CourierAccountConfig.credentials). */
export type ZtoCredentials = {
  appKey: string;
  appSecret: string;
  /** 电子面单账号, only when it is not bound to the app in the ZOP console (E404). */
  accountId?: string;
  accountPassword?: string;
};

/** Reads the ZTO credentials, refusing to sign anything without an app key and secret. */
export function ztoCredentials(account: CourierAccountConfig): ZtoCredentials {
  const { appKey, appSecret, accountId, accountPassword } = account.credentials;
  if (!appKey || !appSecret) {
    throw new CourierError(
      "AUTH",
      "MISSING_CREDENTIALS",
      "this ZTO account has no app key or app secret: complete the account settings",
    );
  }
  return {
    appKey,
    appSecret,
    accountId: accountId || undefined,
    accountPassword: accountPassword || undefined,
  };
}

/**
 * The signed ZOP JSON request. The payload is serialised once and the digest is taken over those
 * exact bytes (PROTOCOLS.md §0 trap 4). `x-timestamp` is the zopsdk-java option that prefixes the
 * string to digest with the timestamp: it lets ZOP refuse replays (S214) and it is the only
 * clock a JSON-mode request carries.
 */
export function ztoRequest(
  api: ZtoApi,
  payload: unknown,
  account: CourierAccountConfig,
  ctx: CallContext,
): WireRequest {
  const { appKey, appSecret } = ztoCredentials(account);
  const body = JSON.stringify(payload);
  const timestamp = String(ctx.now.getTime());
  return {
    method: "POST",
    url: `${account.baseUrl.replace(/\/+$/, "")}/${api}`,
    headers: {
      "content-type": "application/json; charset=UTF-8",
      "x-appKey": appKey,
      "x-timestamp": timestamp,
      "x-dataDigest": ztoDataDigest({ body, appSecret }, { timestamp }),
    },
    body,
  };
}

const envelopeSchema = z.object({
  status: z.union([z.boolean(), z.enum(["true", "false"])]),
  statusCode: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
  result: z.unknown().optional(),
});

/** A reply we cannot read is treated like an outage: the caller may retry idempotent calls. */
export function ztoMalformed(detail: string): CourierError {
  return new CourierError(
    "UNAVAILABLE",
    "MALFORMED",
    "ZTO sent a reply we could not read: try again later",
    detail.slice(0, 300),
  );
}

function readJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Unwraps the ZOP envelope and returns `result` validated by `schema`, or throws CourierError. */
export function ztoParse<T>(response: WireResponse, schema: z.ZodType<T>): T {
  const body = readJson(response.body);
  const envelope = body.ok ? envelopeSchema.safeParse(body.value) : undefined;
  if (!envelope?.success) {
    if (response.status === 429) throw ztoError("S206", `HTTP ${response.status}`);
    if (response.status !== 200) {
      throw new CourierError(
        "UNAVAILABLE",
        `HTTP_${response.status}`,
        `ZTO answered HTTP ${response.status}: try again later`,
        response.body.slice(0, 300),
      );
    }
    throw ztoMalformed(response.body);
  }
  const { status, statusCode, message, result } = envelope.data;
  if (status !== true && status !== "true") {
    throw ztoError(statusCode == null ? "" : String(statusCode), message ?? undefined);
  }
  const parsed = schema.safeParse(result);
  if (!parsed.success) throw ztoMalformed(`unexpected result: ${JSON.stringify(result)}`);
  return parsed.data;
}

/** "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai, the format of every ZTO time field. */
export const ztoLocalTime = shanghaiLocalTime;

/** ZTO's Asia/Shanghai "YYYY-MM-DD HH:mm:ss" as ISO 8601 with +08:00, or undefined. */
export const ztoTimeToIso = shanghaiTimeToIso;

/**
 * One trace record. The push (§4.3) carries `action` and `actionTime`; older trace APIs used
 * `scanType` text and `scanDate` in epoch ms (fuzui/aggregatelogistics), so both are read.
 */
export const ztoTraceSchema = z.looseObject({
  billCode: z.string().nullish(),
  action: z.string().nullish(),
  scanType: z.string().nullish(),
  actionTime: z.string().nullish(),
  scanDate: z.union([z.number(), z.string()]).nullish(),
  desc: z.string().nullish(),
  city: z.string().nullish(),
  facilityName: z.string().nullish(),
});
export type ZtoTrace = z.infer<typeof ztoTraceSchema>;

function traceTime(trace: ZtoTrace): string | undefined {
  if (trace.actionTime) return ztoTimeToIso(trace.actionTime);
  const ms = Number(trace.scanDate ?? Number.NaN);
  if (!Number.isFinite(ms)) return undefined;
  return `${ztoLocalTime(new Date(ms)).replace(" ", "T")}+08:00`;
}

/** One trace as a RawTrackEvent, or undefined when it has no readable time. */
export function ztoTraceToEvent(trace: ZtoTrace, fallbackNo: string): RawTrackEvent | undefined {
  const time = traceTime(trace);
  if (time === undefined) return undefined;
  return {
    trackingNo: trace.billCode || fallbackNo,
    time,
    code: trace.action || trace.scanType || "",
    description: trace.desc ?? "",
    location: trace.city || trace.facilityName || undefined,
    raw: trace,
  };
}

/** Oldest first by event time; the sort is stable so equal times keep ZTO's order. */
export const oldestFirst = (events: RawTrackEvent[]): RawTrackEvent[] =>
  events.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
