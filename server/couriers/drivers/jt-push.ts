/**
 * J&T trace push (PROTOCOLS.md §5.1): J&T POSTs a form whose `bizContent` is an array of
 * `{billCode, txlogisticId?, details:[…]}`, signed like our requests with headers `apiAccount`,
 * `digest = Base64(MD5_raw(bizContent + privateKey))` and `timestamp`.
 */
import { z } from "zod";
import {
  type CourierAccountConfig,
  CourierError,
  type PushProtocol,
  type RawTrackEvent,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import {
  constantTimeEqual,
  formUrlDecode,
  hexLower,
  md5,
} from "@/server/couriers/signing/primitives";
import { jtHeaderDigest } from "@/server/couriers/signing/schemes";
import { jtTraceEvents, jtTraceSchema } from "./jt-wire";

function header(request: WireRequest, name: string): string | undefined {
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

/** The bizContent field, decoded exactly once (PROTOCOLS.md §0 trap 5). */
function bizContentOf(request: WireRequest): string | undefined {
  return formUrlDecode(request.body).find(([key]) => key === "bizContent")?.[1];
}

function malformedPush(detail: string): CourierError {
  return new CourierError(
    "INVALID",
    "MALFORMED_PUSH",
    "J&T pushed a trace update we could not read",
    detail.slice(0, 300),
  );
}

// The documented push is an array; a single waybill object is accepted as a batch of one.
const pushSchema = z.union([z.array(jtTraceSchema), jtTraceSchema]);

const ACK_HEADERS = { "content-type": "application/json;charset=UTF-8" };

/**
 * The reply J&T expects: `{"code":"1","msg":"success","data":"SUCCESS","requestId":"…"}` (MY
 * doc; China identical in structure [?]). requestId is the MD5 of the push's timestamp and
 * bizContent, so a redelivered push gets the same acknowledgement.
 */
export function jtPushAck(ok: boolean, request: WireRequest): string {
  const requestId = hexLower(md5(`${header(request, "timestamp") ?? ""}${request.body}`));
  return JSON.stringify(
    ok
      ? { code: "1", msg: "success", data: "SUCCESS", requestId }
      : { code: "0", msg: "fail", data: "FAIL", requestId },
  );
}

/** J&T trace push. */
export const jtPush: PushProtocol = {
  verify(request: WireRequest, account: CourierAccountConfig): boolean {
    // An account without credentials cannot authenticate anything: refuse rather than throw.
    const { apiAccount, privateKey } = account.credentials;
    if (!apiAccount || !privateKey) return false;
    const digest = header(request, "digest");
    const bizContent = bizContentOf(request);
    if (!digest || bizContent === undefined) return false;
    // apiAccount names the account the push is for; a push for another one is not ours.
    if (header(request, "apiaccount") !== apiAccount) return false;
    return constantTimeEqual(jtHeaderDigest({ bizContent, privateKey }), digest);
  },

  parse(request: WireRequest): RawTrackEvent[] {
    const bizContent = bizContentOf(request);
    if (bizContent === undefined) throw malformedPush(request.body);
    let json: unknown;
    try {
      json = JSON.parse(bizContent) as unknown;
    } catch {
      throw malformedPush(bizContent);
    }
    const push = pushSchema.safeParse(json);
    if (!push.success) throw malformedPush(bizContent);
    const events = (Array.isArray(push.data) ? push.data : [push.data]).flatMap((trace) => {
      const scans = jtTraceEvents(trace);
      if ("badTime" in scans) throw malformedPush(`bad scanTime ${scans.badTime}`);
      return scans;
    });
    return events.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  },

  acknowledge(ok: boolean, request: WireRequest): WireResponse {
    return { status: 200, headers: { ...ACK_HEADERS }, body: jtPushAck(ok, request) };
  },
};
