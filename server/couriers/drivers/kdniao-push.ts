/**
 * Kdniao (快递鸟) trace pushes to us (PROTOCOLS.md §3.5): RequestType 101 (102 for the
 * value-added plan, same shape), form fields `RequestData` and `DataSign`, signed like requests
 * but over the form-decoded RequestData, and acknowledged with a small JSON reply.
 */
import { z } from "zod";
import {
  type CourierAccountConfig,
  type PushProtocol,
  type RawTrackEvent,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import { constantTimeEqual, formUrlDecode } from "@/server/couriers/signing/primitives";
import { kdniaoDataSign } from "@/server/couriers/signing/schemes";
import { kdniaoMalformed } from "./kdniao-errors";
import { kdniaoEvents, kdniaoLocalTime, readJson } from "./kdniao-wire";

/** The push RequestTypes that carry trajectories; 107 (COD payment status) carries none. */
const TRACE_PUSH_TYPES = new Set(["101", "102"]);

/** Form fields decoded exactly once; the first occurrence of a repeated name wins. */
function formFields(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [name, value] of formUrlDecode(body)) if (!fields.has(name)) fields.set(name, value);
  return fields;
}

function decodeOnce(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const codeSchema = z.union([z.string(), z.number()]).transform(String);

const pushSchema = z.object({
  EBusinessID: codeSchema.nullish(),
  Data: z.array(z.unknown()),
});

const pushItemSchema = z.object({
  LogisticCode: z.string().min(1),
  State: codeSchema.nullish(),
  StateEx: codeSchema.nullish(),
  Traces: z.unknown(),
});

function verify(request: WireRequest, account: CourierAccountConfig): boolean {
  const fields = formFields(request.body);
  const requestData = fields.get("RequestData");
  const dataSign = fields.get("DataSign");
  const apiKey = account.credentials.ApiKey;
  if (!requestData || !dataSign || !apiKey) return false;
  const expected = kdniaoDataSign({ requestData, apiKey });
  // The checkSign page says pushes carry DataSign *not* URL-encoded; other integrations see it
  // URL-encoded once more ("%3D" for "="). Base64 of a hex string only ever uses A-Z a-z 0-9 and
  // "=", so both spellings name the same signature and accepting both does not weaken the check.
  const candidates = [dataSign, decodeOnce(dataSign)];
  return candidates.some((c) => c !== undefined && constantTimeEqual(c, expected));
}

function parse(request: WireRequest): RawTrackEvent[] {
  const fields = formFields(request.body);
  const requestType = fields.get("RequestType");
  if (requestType !== undefined && !TRACE_PUSH_TYPES.has(requestType)) return [];
  const json = readJson(fields.get("RequestData") ?? "");
  const push = json ? pushSchema.safeParse(json.value) : undefined;
  if (!push?.success) throw kdniaoMalformed(`unreadable push: ${request.body}`);
  return push.data.Data.flatMap((raw) => {
    const item = pushItemSchema.safeParse(raw);
    if (!item.success) throw kdniaoMalformed(`unreadable push item: ${JSON.stringify(raw)}`);
    const { LogisticCode, State, StateEx, Traces } = item.data;
    return kdniaoEvents(LogisticCode, Traces, StateEx ?? State ?? undefined);
  });
}

/** Our EBusinessID as the push names it: the form field when sent, else RequestData's. */
function pushBusinessId(request: WireRequest): string {
  const fields = formFields(request.body);
  const direct = fields.get("EBusinessID");
  if (direct) return direct;
  const json = readJson(fields.get("RequestData") ?? "");
  const push = json ? pushSchema.safeParse(json.value) : undefined;
  return push?.success ? (push.data.EBusinessID ?? "") : "";
}

/**
 * `{"EBusinessID":"…","UpdateTime":"yyyy-MM-dd HH:mm:ss","Success":true,"Reason":""}` in that key
 * order (PROTOCOLS.md §3.5); `Success: false` makes Kdniao push again later.
 */
function acknowledge(ok: boolean, request: WireRequest): WireResponse {
  const body = JSON.stringify({
    EBusinessID: pushBusinessId(request),
    UpdateTime: kdniaoLocalTime(new Date()),
    Success: ok,
    Reason: ok ? "" : "处理失败，请稍后重新推送",
  });
  return { status: 200, headers: { "content-type": "application/json;charset=utf-8" }, body };
}

/** Kdniao trace pushes: verify with the account's ApiKey, parse Data[].Traces[], acknowledge. */
export const kdniaoPush: PushProtocol = { verify, parse, acknowledge };
