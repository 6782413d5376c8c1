/**
 * EMS trace push (method "040002"). PROTOCOLS.md §10 gives only the cipher; the envelope and the
 * acknowledgement follow a logged push and its receiver in a public repository [?]:
 *
 *   {"logitcsInterface":"|$4|…","method":"040002","msgType":"0","senderNo":"…",
 *    "serialNo":"C3E7…","timeStamp":"2025-08-12 16:56:50","version":"v1.0.0"}
 *
 * answered with `{"serialNo":<echo>,"code":"00000"|"S00001","codeMessage":"","senderNo":"…"}`
 * ("00000" = received, "S00001" = failed, push again). The decrypted text is one trace as JSON,
 * without the key suffix requests carry (see signing/schemes-ems.ts).
 *
 * The scheme has no signature: a push is authentic when it decrypts under the account's SM4 key
 * to well-formed JSON. Decryption under a wrong key, or of tampered ciphertext, almost always
 * breaks the padding; the rare survivor yields random bytes, which are refused as invalid UTF-8.
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
import { formUrlDecode } from "@/server/couriers/signing/primitives";
import { emsDecryptLogitcsInterface } from "@/server/couriers/signing/schemes-ems";
import { emsOldestFirst, emsTraceSchema, emsTraceToEvent } from "./ems-wire";

/** The push method code EMS sends in `method`. */
export const EMS_PUSH_METHOD = "040002";

type PushFields = { logitcsInterface?: string; senderNo?: string; serialNo?: string };

const fieldsSchema = z.looseObject({
  logitcsInterface: z.string().optional(),
  senderNo: z.string().nullish(),
  serialNo: z.string().nullish(),
});

/** The envelope is JSON in the logged push; a form body with the same names is accepted too. */
function readFields(request: WireRequest): PushFields {
  const text = request.body.trim();
  if (text.startsWith("{")) {
    try {
      const parsed = fieldsSchema.safeParse(JSON.parse(text));
      if (!parsed.success) return {};
      const { logitcsInterface, senderNo, serialNo } = parsed.data;
      return { logitcsInterface, senderNo: senderNo ?? undefined, serialNo: serialNo ?? undefined };
    } catch {
      return {};
    }
  }
  const fields: PushFields = {};
  for (const [key, value] of formUrlDecode(request.body)) {
    if (key === "logitcsInterface" || key === "senderNo" || key === "serialNo") fields[key] = value;
  }
  return fields;
}

/** The decrypted push text, or undefined when it does not decrypt to clean UTF-8 under the key. */
function decrypt(cipherText: string, signKey: string): string | undefined {
  let text: string;
  try {
    text = emsDecryptLogitcsInterface({ logitcsInterface: cipherText, signKey });
  } catch {
    return undefined;
  }
  // Node decodes invalid UTF-8 to U+FFFD: the mark of bytes that were never EMS's text.
  if (text.includes("\uFFFD")) return undefined;
  // Requests carry the key as a suffix; tolerate a push that does the same.
  return text.endsWith(signKey) ? text.slice(0, text.length - signKey.length) : text;
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function malformedPush(detail: string): CourierError {
  return new CourierError(
    "INVALID",
    "MALFORMED_PUSH",
    "EMS pushed a trace update we could not read",
    detail.slice(0, 300),
  );
}

// The logged push carries one trace; an array or a `responseItems` list is accepted as well.
const dataSchema = z
  .union([z.object({ responseItems: z.array(emsTraceSchema) }), z.array(emsTraceSchema)])
  .or(emsTraceSchema.transform((trace) => [trace]));

type EmsTraceList = z.infer<typeof emsTraceSchema>[];
const traceList = (data: z.infer<typeof dataSchema>): EmsTraceList =>
  Array.isArray(data) ? data : data.responseItems;

/** EMS trace push. */
export const emsPush: PushProtocol = {
  verify(request: WireRequest, account: CourierAccountConfig): boolean {
    // An account without credentials cannot authenticate anything: refuse rather than throw.
    const { senderNo, signKey } = account.credentials;
    if (!senderNo || !signKey) return false;
    const fields = readFields(request);
    if (!fields.logitcsInterface) return false;
    // The logged push had an empty senderNo; a filled one must be ours.
    if (fields.senderNo && fields.senderNo !== senderNo) return false;
    const text = decrypt(fields.logitcsInterface, signKey);
    if (text === undefined) return false;
    const value = readJson(text);
    return typeof value === "object" && value !== null;
  },

  parse(request: WireRequest, account: CourierAccountConfig): RawTrackEvent[] {
    const fields = readFields(request);
    const signKey = account.credentials.signKey ?? "";
    const text = fields.logitcsInterface ? decrypt(fields.logitcsInterface, signKey) : undefined;
    if (text === undefined) throw malformedPush(request.body);
    const data = dataSchema.safeParse(readJson(text));
    if (!data.success) throw malformedPush(text);
    const events = traceList(data.data).map((trace) => {
      if (!trace.waybillNo) throw malformedPush(`trace without waybillNo: ${text}`);
      const event = emsTraceToEvent(trace, trace.waybillNo);
      if (!event) throw malformedPush(`bad opTime in ${text}`);
      return event;
    });
    return emsOldestFirst(events);
  },

  acknowledge(ok: boolean, request: WireRequest): WireResponse {
    const fields = readFields(request);
    return {
      status: 200,
      headers: { "content-type": "application/json;charset=UTF-8" },
      body: JSON.stringify({
        serialNo: fields.serialNo ?? "",
        code: ok ? "00000" : "S00001",
        codeMessage: ok ? "" : "处理失败",
        senderNo: fields.senderNo ?? "",
      }),
    };
  },
};
