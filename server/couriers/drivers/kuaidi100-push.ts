/**
 * Kuaidi100 (快递100) subscription pushes to us (PROTOCOLS.md §2.2): form `param` (JSON) and
 * `sign = UPPER(MD5(param + salt))`, acknowledged with `{"result":true,"returnCode":"200",…}`;
 * any other reply makes Kuaidi100 push again (up to 3 times, ~30 minutes apart).
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
import { kuaidi100PushSign } from "@/server/couriers/signing/schemes";
import { kuaidi100Malformed } from "./kuaidi100-errors";
import { kuaidi100Events, readJson } from "./kuaidi100-wire";

/** Form fields decoded exactly once; the first occurrence of a repeated name wins. */
function formFields(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [name, value] of formUrlDecode(body)) if (!fields.has(name)) fields.set(name, value);
  return fields;
}

const codeSchema = z.union([z.string(), z.number()]).transform(String);

const pushSchema = z.object({
  status: z.string().nullish(),
  lastResult: z.object({
    nu: z.string().min(1),
    state: codeSchema.nullish(),
    data: z.unknown(),
  }),
});

/**
 * True when `sign` matches the account's `salt`. An account without a salt subscribed without
 * one, and Kuaidi100 says the sign may then be ignored (java-demo OrderReq `salt`), so its
 * pushes are accepted unsigned.
 */
function verify(request: WireRequest, account: CourierAccountConfig): boolean {
  const fields = formFields(request.body);
  const param = fields.get("param");
  if (param === undefined) return false;
  const salt = account.credentials.salt;
  if (!salt) return true;
  const sign = fields.get("sign");
  return sign !== undefined && constantTimeEqual(sign, kuaidi100PushSign({ param, salt }));
}

function parse(request: WireRequest): RawTrackEvent[] {
  const json = readJson(formFields(request.body).get("param") ?? "");
  const push = json ? pushSchema.safeParse(json.value) : undefined;
  if (!push?.success) throw kuaidi100Malformed(`unreadable push: ${request.body}`);
  const { nu, state, data } = push.data.lastResult;
  return kuaidi100Events(nu, data, state ?? undefined);
}

const ACK_OK = JSON.stringify({ result: true, returnCode: "200", message: "成功" });
const ACK_RETRY = JSON.stringify({ result: false, returnCode: "500", message: "处理失败" });

function acknowledge(ok: boolean): WireResponse {
  return {
    status: 200,
    headers: { "content-type": "application/json;charset=utf-8" },
    body: ok ? ACK_OK : ACK_RETRY,
  };
}

/** Kuaidi100 pushes: verify with the account's salt, parse lastResult.data[], acknowledge. */
export const kuaidi100Push: PushProtocol = { verify, parse, acknowledge };
