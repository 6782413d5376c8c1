/**
 * ZTO trace push (PROTOCOLS.md §4.3 [V]): ZTO POSTs a form with `data` (one trace as a JSON
 * string), `data_digest = Base64(MD5_raw(data + appSecret))`, `company_id` (= appKey) and
 * `msg_type=Traces`.
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
import { constantTimeEqual, formUrlDecode } from "@/server/couriers/signing/primitives";
import { ztoDataDigest } from "@/server/couriers/signing/schemes";
import { oldestFirst, ztoTraceSchema, ztoTraceToEvent } from "./zto-wire";

const ACK_HEADERS = { "content-type": "application/json;charset=UTF-8" };
/**
 * The acknowledgement. PROTOCOLS.md §4.3 shows none; this is the ZOP reply convention [?], the
 * same envelope ZOP itself answers with, so ZTO reads `status` the way it reads its own replies.
 */
export const ZTO_PUSH_ACK_OK = '{"status":true,"message":"success","statusCode":"0000"}';
/** Not stored: `status:false` with ZOP's "backend threw" code, so ZTO pushes the trace again. */
export const ZTO_PUSH_ACK_RETRY = '{"status":false,"message":"处理失败","statusCode":"S202"}';

type PushFields = { data?: string; digest?: string; companyId?: string; msgType?: string };

/** The form fields of a push, decoded exactly once (PROTOCOLS.md §0 trap 5). */
function readFields(request: WireRequest): PushFields {
  const fields: PushFields = {};
  for (const [key, value] of formUrlDecode(request.body)) {
    if (key === "data") fields.data = value;
    else if (key === "data_digest") fields.digest = value;
    else if (key === "company_id") fields.companyId = value;
    else if (key === "msg_type") fields.msgType = value;
  }
  return fields;
}

function malformedPush(detail: string): CourierError {
  return new CourierError(
    "INVALID",
    "MALFORMED_PUSH",
    "ZTO pushed a trace update we could not read",
    detail.slice(0, 300),
  );
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformedPush(text);
  }
}

// The logged pushes carry one trace object; an array is accepted in case ZTO batches them.
const dataSchema = z.union([ztoTraceSchema, z.array(ztoTraceSchema)]);

/** ZTO trace push, form mode. */
export const ztoPush: PushProtocol = {
  verify(request: WireRequest, account: CourierAccountConfig): boolean {
    // An account without credentials cannot authenticate anything: refuse rather than throw.
    const { appKey, appSecret } = account.credentials;
    if (!appKey || !appSecret) return false;
    const fields = readFields(request);
    if (fields.data === undefined || !fields.digest) return false;
    // company_id names the app the push is for; a push for another app is not ours to accept.
    if (fields.companyId !== undefined && fields.companyId !== appKey) return false;
    return constantTimeEqual(ztoDataDigest({ body: fields.data, appSecret }), fields.digest);
  },

  parse(request: WireRequest): RawTrackEvent[] {
    const fields = readFields(request);
    if (fields.data === undefined) throw malformedPush(request.body);
    if (fields.msgType !== undefined && fields.msgType !== "Traces") {
      throw malformedPush(`unexpected msg_type ${fields.msgType}`);
    }
    const data = dataSchema.safeParse(readJson(fields.data));
    if (!data.success) throw malformedPush(fields.data);
    const traces = Array.isArray(data.data) ? data.data : [data.data];
    const events = traces.map((trace) => {
      if (!trace.billCode) throw malformedPush(`trace without billCode: ${fields.data}`);
      const event = ztoTraceToEvent(trace, trace.billCode);
      if (!event) throw malformedPush(`bad actionTime in ${fields.data}`);
      return event;
    });
    return oldestFirst(events);
  },

  acknowledge(ok: boolean): WireResponse {
    return {
      status: 200,
      headers: { ...ACK_HEADERS },
      body: ok ? ZTO_PUSH_ACK_OK : ZTO_PUSH_ACK_RETRY,
    };
  },
};
