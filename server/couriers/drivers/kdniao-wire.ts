/**
 * The Kdniao (快递鸟) envelope shared by every operation (PROTOCOLS.md §3.1, §3.2): the signed form
 * request, the `Success`/`ResultCode`/`Reason` reply, trace lists and the Asia/Shanghai wall-clock
 * format Kdniao uses for every time field.
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
import { kdniaoDataSign } from "@/server/couriers/signing/schemes";
import { kdniaoError, kdniaoMalformed, type KdniaoOperation } from "./kdniao-errors";
import { shanghaiLocalTime, shanghaiTimeToIso } from "./shanghai-time";

/** The RequestType codes this driver speaks (PROTOCOLS.md §3.3). */
export const KDNIAO_REQUEST_TYPE = {
  queryTrack: "1002",
  subscribe: "1008",
  createWaybill: "1007",
  cancelWaybill: "1147",
} as const;

export type KdniaoRequestType = (typeof KDNIAO_REQUEST_TYPE)[keyof typeof KDNIAO_REQUEST_TYPE];

/** Production paths under `https://api.kdniao.com` (PROTOCOLS.md §3.2). */
const PATHS: Record<KdniaoRequestType, string> = {
  "1002": "/Ebusiness/EbusinessOrderHandle.aspx",
  "1008": "/api/dist",
  "1007": "/api/EOrderService",
  "1147": "/api/EOrderService",
};

/**
 * Where a request type goes. Kdniao's own sandbox is one gateway for every type
 * (`…/kdniaosandbox/gateway/exterfaceInvoke.json`), so a base URL naming a `.json` file is used
 * as is; any other base URL gets the production path appended.
 */
export function kdniaoUrl(account: CourierAccountConfig, requestType: KdniaoRequestType): string {
  const base = account.baseUrl.replace(/\/+$/, "");
  return base.endsWith(".json") ? base : `${base}${PATHS[requestType]}`;
}

/** The credential keys of a Kdniao account (CourierAccountConfig.credentials). */
export type KdniaoCredentials = { EBusinessID: string; ApiKey: string };

/** Reads the Kdniao credentials, refusing to sign anything without both of them. */
export function kdniaoCredentials(account: CourierAccountConfig): KdniaoCredentials {
  const { EBusinessID, ApiKey } = account.credentials;
  if (!EBusinessID || !ApiKey) {
    throw new CourierError(
      "AUTH",
      "MISSING_CREDENTIALS",
      "this Kdniao account has no EBusinessID (用户ID) or ApiKey: complete the account settings",
    );
  }
  return { EBusinessID, ApiKey };
}

/**
 * The signed form request. `requestData` is the exact JSON string that is signed and sent
 * (PROTOCOLS.md §0 trap 4); the form encoder gets raw values and encodes each once (trap 5).
 */
export function kdniaoRequest(
  requestType: KdniaoRequestType,
  requestData: string,
  account: CourierAccountConfig,
): WireRequest {
  const { EBusinessID, ApiKey } = kdniaoCredentials(account);
  return {
    method: "POST",
    url: kdniaoUrl(account, requestType),
    headers: { "content-type": "application/x-www-form-urlencoded;charset=utf-8" },
    // Field order as in the official demo's wire body (PROTOCOLS.md §3.1).
    body: formUrlEncode([
      ["RequestType", requestType],
      ["EBusinessID", EBusinessID],
      ["RequestData", requestData],
      ["DataSign", kdniaoDataSign({ requestData, apiKey: ApiKey })],
      ["DataType", "2"],
    ]),
  };
}

/** Reads JSON without throwing; `undefined` means "not JSON". */
export function readJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

const codeSchema = z.union([z.string(), z.number()]).transform(String);

const envelopeSchema = z.object({
  Success: z.boolean(),
  ResultCode: codeSchema.nullish(),
  Reason: z.string().nullish(),
});

/** A reply's common fields, plus the whole body for the operation to read further. */
export type KdniaoReply = {
  success: boolean;
  resultCode: string | undefined;
  reason: string | undefined;
  body: Record<string, unknown>;
};

/** Reads the reply envelope; anything that is not a Kdniao JSON object is UNAVAILABLE. */
export function kdniaoReply(response: WireResponse): KdniaoReply {
  const json = readJson(response.body);
  const body = json ? z.record(z.string(), z.unknown()).safeParse(json.value) : undefined;
  const envelope = body?.success ? envelopeSchema.safeParse(body.data) : undefined;
  if (!body?.success || !envelope?.success) {
    if (response.status !== 200) {
      throw new CourierError(
        "UNAVAILABLE",
        `HTTP_${response.status}`,
        `Kdniao answered HTTP ${response.status}: check the account's base URL or try again later`,
        response.body.slice(0, 300),
      );
    }
    throw kdniaoMalformed(response.body);
  }
  return {
    success: envelope.data.Success,
    resultCode: envelope.data.ResultCode ?? undefined,
    reason: envelope.data.Reason ?? undefined,
    body: body.data,
  };
}

/** Throws the mapped error unless the reply says Success with ResultCode 100 (or none). */
export function kdniaoRequireSuccess(reply: KdniaoReply, operation: KdniaoOperation): void {
  const codeOk = reply.resultCode === undefined || reply.resultCode === "100";
  if (!reply.success || !codeOk) throw kdniaoError(reply.resultCode, reply.reason, operation);
}

/** "yyyy-MM-dd HH:mm:ss" in Asia/Shanghai, Kdniao's format for every time field. */
export const kdniaoLocalTime = shanghaiLocalTime;

/** Kdniao's Asia/Shanghai "yyyy-MM-dd HH:mm:ss" as ISO 8601 with +08:00, or undefined. */
export const kdniaoTimeToIso = shanghaiTimeToIso;

const traceSchema = z.object({
  AcceptTime: z.string(),
  AcceptStation: z.string(),
  Remark: z.string().nullish(),
  // Per-trace status (StateEx values) in 8001 replies and pushes; absent from plain 1002 replies.
  Action: codeSchema.nullish(),
  Location: z.string().nullish(),
});

/**
 * Trace list (oldest first, PROTOCOLS.md §3.4) to raw events. Plain 1002 traces carry no code of
 * their own, so the newest one takes the shipment's overall state, whose values are a subset of
 * the per-trace `Action` codes (StateEx, §3.4); older ones without an Action get "".
 */
export function kdniaoEvents(
  trackingNo: string,
  traces: unknown,
  shipmentState: string | undefined,
): RawTrackEvent[] {
  const list = z.array(z.unknown()).safeParse(traces ?? []);
  if (!list.success) throw kdniaoMalformed(`Traces is not a list: ${JSON.stringify(traces)}`);
  return list.data.map((raw, index) => {
    const trace = traceSchema.safeParse(raw);
    const time = trace.success ? kdniaoTimeToIso(trace.data.AcceptTime) : undefined;
    if (!trace.success || time === undefined) {
      throw kdniaoMalformed(`unreadable trace: ${JSON.stringify(raw)}`);
    }
    const newest = index === list.data.length - 1;
    const code = trace.data.Action ?? (newest ? shipmentState : undefined) ?? "";
    const location = trace.data.Location || undefined;
    return {
      trackingNo,
      time,
      code,
      description: trace.data.AcceptStation,
      ...(location ? { location } : {}),
      raw,
    };
  });
}

/** A string field of a reply object, or undefined when absent, empty or not a string. */
export function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}
