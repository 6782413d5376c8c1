/**
 * The Yunda open platform played in-process (PROTOCOLS.md §7 and the §11 checklist). Written from
 * the protocol text with node:crypto, never with driver, profile or signing code: a client that
 * signs or shapes a request wrongly fails here the way it would fail against Yunda.
 *
 * Accounts are looked up by app-key:
 * `createSandboxState({ [appKey]: { appSecret, partnerId, secret } })`, where partnerId and
 * secret are the 白马 account the BM e-waybill APIs carry in their body.
 */
import { Buffer } from "node:buffer";
import { timingSafeEqual } from "node:crypto";
import type { SandboxHandler, WireRequest, WireResponse } from "@/server/couriers/contract";
import { cancelBmOrder, createBmOrder } from "./yunda-sandbox-orders";
import { logisticsQuery } from "./yunda-sandbox-traces";
import { asRecord, refuse, type YundaApiHandler, yundaSignOf } from "./yunda-sandbox-wire";

export { yundaSteps, type YundaSandboxStep } from "./yunda-sandbox-traces";

const APIS = new Map<string, YundaApiHandler>([
  ["/openapi-api/v1/accountOrder/createBmOrder", createBmOrder],
  ["/openapi-api/v1/accountOrder/cancelBmOrder", cancelBmOrder],
  // "logictis" is Yunda's own spelling of the published path (§7).
  ["/openapi/outer/logictis/query", logisticsQuery],
]);

/** Header names are case-insensitive. */
function header(request: WireRequest, name: string): string | undefined {
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

function sameSign(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The API a URL names: the documented path, under whatever base URL the sandbox is mounted. */
function apiOf(url: string): YundaApiHandler | undefined {
  const path = url.split("?")[0] ?? "";
  for (const [suffix, api] of APIS) if (path.endsWith(suffix)) return api;
  return undefined;
}

/** The Yunda gateway: method, content type, app-key, sign over the raw body, req-time. */
export const yundaSandbox: SandboxHandler = (request, state): WireResponse => {
  const api = apiOf(request.url);
  if (request.method !== "POST" || !api) return refuse("4006", "接口不存在");
  if (!header(request, "content-type")?.includes("application/json")) {
    return refuse("4003", "Content-Type须为application/json");
  }
  const appKey = header(request, "app-key");
  if (!appKey) return refuse("4003", "app-key不能为空");
  const account = state.accounts.get(appKey);
  if (!account?.appSecret) return refuse("4002", "app-key不存在");
  const sign = header(request, "sign");
  if (!sign) return refuse("4003", "sign不能为空");
  // The sign covers the raw body bytes exactly as sent (§11), before any JSON parsing.
  if (!sameSign(yundaSignOf(request.body, account.appSecret), sign)) {
    return refuse("4001", "签名验证失败");
  }
  const reqTime = header(request, "req-time");
  if (reqTime !== undefined && !/^\d{13}$/.test(reqTime)) return refuse("4005", "req-time格式错误");
  const body = asRecord(readJson(request.body));
  if (!body) return refuse("4003", "请求体不是合法的JSON对象");
  // req-time is the only clock a request carries; without it the sandbox uses the host's clock,
  // and tests steer time through the client's ctx.now.
  const nowMs = reqTime === undefined ? Date.now() : Number(reqTime);
  try {
    return api(body, { state, nowMs, appKey, account });
  } catch (error) {
    return refuse("5000", `系统繁忙: ${String(error)}`);
  }
};
