/**
 * STO trace push, api_name `STO_TRACE_PLATFORM_PUSH`: the LINK form of PROTOCOLS.md §9 sent the
 * other way, `content` = `{"waybillNo","linkCode","trace":{…}}` and `data_digest` =
 * Base64(MD5_raw(content + secretKey)) with our app's secret (public STO receivers verify exactly
 * this). The content layout follows STO's push document as copied by public integrations [?].
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
import { stoDataDigest } from "@/server/couriers/signing/schemes";
import { stoTraceSchema, stoTraceToEvent } from "./sto-wire";

/** The api_name STO pushes traces with. */
export const STO_PUSH_API = "STO_TRACE_PLATFORM_PUSH";

const ACK_HEADERS = { "content-type": "application/json;charset=UTF-8" };
/**
 * The acknowledgement: the LINK reply envelope with `needRetry`, the field STO's push document
 * reads to decide on a retry [?]. PROTOCOLS.md shows no STO acknowledgement.
 */
export const STO_PUSH_ACK_OK = '{"success":true,"errorCode":"","errorMsg":"","needRetry":false}';
/** Not stored: ask STO to push the trace again. */
export const STO_PUSH_ACK_RETRY =
  '{"success":false,"errorCode":"SYSTEM_ERROR","errorMsg":"处理失败","needRetry":true}';

type PushFields = { content?: string; digest?: string; apiName?: string; toAppKey?: string };

/** The form fields of a push, decoded exactly once (PROTOCOLS.md §0 trap 5). */
function readFields(request: WireRequest): PushFields {
  const fields: PushFields = {};
  for (const [key, value] of formUrlDecode(request.body)) {
    if (key === "content") fields.content = value;
    else if (key === "data_digest") fields.digest = value;
    else if (key === "api_name") fields.apiName = value;
    else if (key === "to_appkey") fields.toAppKey = value;
  }
  return fields;
}

function malformedPush(detail: string): CourierError {
  return new CourierError(
    "INVALID",
    "MALFORMED_PUSH",
    "STO pushed a trace update we could not read",
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

const contentSchema = z.looseObject({
  waybillNo: z.string().min(1),
  linkCode: z.string().nullish(),
  trace: stoTraceSchema,
});

/** STO trace push, LINK form mode. */
export const stoPush: PushProtocol = {
  verify(request: WireRequest, account: CourierAccountConfig): boolean {
    // An account without credentials cannot authenticate anything: refuse rather than throw.
    const { appKey, secretKey } = account.credentials;
    if (!appKey || !secretKey) return false;
    const fields = readFields(request);
    if (fields.content === undefined || !fields.digest) return false;
    // to_appkey names the receiving app; a push for another app is not ours to accept.
    if (fields.toAppKey && fields.toAppKey !== appKey) return false;
    return constantTimeEqual(stoDataDigest({ content: fields.content, secretKey }), fields.digest);
  },

  parse(request: WireRequest): RawTrackEvent[] {
    const fields = readFields(request);
    if (fields.content === undefined) throw malformedPush(request.body);
    if (fields.apiName !== undefined && fields.apiName !== STO_PUSH_API) {
      throw malformedPush(`unexpected api_name ${fields.apiName}`);
    }
    const content = contentSchema.safeParse(readJson(fields.content));
    if (!content.success) throw malformedPush(fields.content);
    const { waybillNo, trace } = content.data;
    const event = stoTraceToEvent({ ...trace, waybillNo: trace.waybillNo || waybillNo }, waybillNo);
    if (!event) throw malformedPush(`bad opTime in ${fields.content}`);
    return [{ ...event, raw: content.data }];
  },

  acknowledge(ok: boolean): WireResponse {
    return {
      status: 200,
      headers: { ...ACK_HEADERS },
      body: ok ? STO_PUSH_ACK_OK : STO_PUSH_ACK_RETRY,
    };
  },
};
