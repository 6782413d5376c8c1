/**
 * J&T Express China open platform played in-process (PROTOCOLS.md §5 and the §11 checklist).
 * Written from the protocol text with node:crypto, never with driver or signing code: a driver
 * that signs, encodes or shapes a request wrongly fails here the way it would fail against J&T.
 *
 * Accounts: `createSandboxState({ [apiAccount]: { privateKey, customerCode, password } })`.
 */
import { Buffer } from "node:buffer";
import { timingSafeEqual } from "node:crypto";
import type { SandboxHandler, WireRequest, WireResponse } from "@/server/couriers/contract";
import { addOrder, cancelOrder } from "./jt-sandbox-orders";
import { subscribe, trace } from "./jt-sandbox-traces";
import {
  asRecord,
  type JtApiHandler,
  type JtOutcome,
  jtSandboxHeaderDigest,
  md5Hex,
  refuse,
} from "./jt-sandbox-wire";

export { jtPushRequest, jtSubscriptions, jtTraces } from "./jt-sandbox-traces";
export type { JtPushTarget, JtSandboxScan, JtSandboxTrace } from "./jt-sandbox-traces";

const APIS: readonly (readonly [path: string, api: JtApiHandler])[] = [
  ["/order/addOrder", addOrder],
  ["/order/cancelOrder", cancelOrder],
  ["/logistics/trace", trace],
  ["/trace/subscribe", subscribe],
];

function header(request: WireRequest, name: string): string | undefined {
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

function sameDigest(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The reply: code "1" (a string, §11) with data, or the error code with data null. */
function reply(outcome: JtOutcome, requestId: string): WireResponse {
  const body = outcome.ok
    ? { code: "1", msg: "success", data: outcome.data, requestId }
    : { code: outcome.code, msg: outcome.msg, data: null, requestId };
  return {
    status: 200,
    headers: { "content-type": "application/json;charset=UTF-8" },
    body: JSON.stringify(body),
  };
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Every path below `…/webopenplatformapi/api`; a UAT `?uuid=` query is ignored. */
export const jtSandbox: SandboxHandler = (request, state): WireResponse => {
  const path = request.url.split("?")[0] ?? "";
  const api = APIS.find(([suffix]) => path.endsWith(suffix))?.[1];
  if (request.method !== "POST" || !api) {
    return { status: 404, headers: { "content-type": "text/plain" }, body: "Not Found" };
  }
  const timestamp = header(request, "timestamp") ?? "";
  const requestId = md5Hex(`jt:${timestamp}:${request.body}`);
  const answer = (outcome: JtOutcome) => reply(outcome, requestId);

  if (!header(request, "content-type")?.includes("application/x-www-form-urlencoded")) {
    return answer(refuse("145003050", "非法参数"));
  }
  const apiAccount = header(request, "apiaccount");
  if (!apiAccount) return answer(refuse("145003051", "apiAccount为空"));
  const digest = header(request, "digest");
  if (!digest) return answer(refuse("145003052", "digest为空"));
  if (!timestamp) return answer(refuse("145003053", "timestamp为空"));
  // Milliseconds (§11); a seconds value is as wrong as a missing one.
  if (!/^\d{13}$/.test(timestamp)) return answer(refuse("145003050", "非法参数"));
  const issued = state.accounts.get(apiAccount);
  if (!issued?.privateKey) return answer(refuse("145003010", "账号不存在"));

  // Decode the form exactly once and verify over the decoded bizContent (§0 trap 5).
  const bizContent = new URLSearchParams(request.body).get("bizContent");
  if (bizContent === null) return answer(refuse("145003050", "非法参数"));
  if (!sameDigest(jtSandboxHeaderDigest(bizContent, issued.privateKey), digest)) {
    return answer(refuse("145003030", "Headers签名失败"));
  }
  const biz = asRecord(readJson(bizContent));
  if (!biz) return answer(refuse("145003050", "非法参数"));
  const account = {
    apiAccount,
    privateKey: issued.privateKey,
    customerCode: issued.customerCode,
    password: issued.password,
  };
  try {
    return answer(api(biz, { state, nowMs: Number(timestamp), account }));
  } catch (error) {
    // What J&T does with an internal failure: a system error code, not a dropped connection.
    return answer(refuse("145005000", `系统错误: ${String(error)}`));
  }
};
