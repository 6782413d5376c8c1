/**
 * ZTO ZOP played in-process (PROTOCOLS.md §4 and the §11 checklist), JSON mode. Written from the
 * protocol text with node:crypto, never with driver or signing code: a driver that signs or
 * shapes a request wrongly fails here the way it would fail against ZTO.
 *
 * Accounts: `createSandboxState({ [appKey]: { appSecret } })`.
 */
import { Buffer } from "node:buffer";
import { timingSafeEqual } from "node:crypto";
import type { SandboxHandler, WireRequest, WireResponse } from "@/server/couriers/contract";
import { cancelPreOrder, createOrder } from "./zto-sandbox-orders";
import { trackQuery, trackSubscribe } from "./zto-sandbox-traces";
import { asRecord, md5Base64, refuse, type ZtoApiHandler } from "./zto-sandbox-wire";

export { ztoPushRequest, ztoSubscriptions, ztoTraces } from "./zto-sandbox-traces";
export type { ZtoPushTarget, ZtoSandboxTrace } from "./zto-sandbox-traces";

const APIS = new Map<string, ZtoApiHandler>([
  ["zto.open.createOrder", createOrder],
  ["zto.open.cancelPreOrder", cancelPreOrder],
  ["zto.merchant.waybill.track.query", trackQuery],
  ["zto.merchant.waybill.track.subsrcibe", trackSubscribe],
]);

/** Header names are case-insensitive (§11: `x-dataDigest` / `x-datadigest`). */
function header(request: WireRequest, name: string): string | undefined {
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

function sameDigest(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

function readJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The ZOP gateway: the API name is the last path segment, e.g. `/zto.open.createOrder`. */
export const ztoSandbox: SandboxHandler = (request, state): WireResponse => {
  const path = request.url.split("?")[0] ?? "";
  const api = APIS.get(path.slice(path.lastIndexOf("/") + 1));
  if (request.method !== "POST") return refuse("S207", "API不存在");
  if (!api) return refuse("S207", "API不存在");
  if (!header(request, "content-type")?.includes("application/json")) {
    return refuse("S208", "Content-Type须为application/json");
  }
  // The SDK sends x-companyid, the documentation x-appKey: both name the app (§4.1).
  const appKey = header(request, "x-appkey") ?? header(request, "x-companyid");
  if (!appKey) return refuse("S208", "x-appKey不能为空");
  const digest = header(request, "x-datadigest");
  if (!digest) return refuse("S208", "x-dataDigest不能为空");
  const appSecret = state.accounts.get(appKey)?.appSecret;
  if (!appSecret) return refuse("S210", "无权限访问");

  // With x-timestamp the digested string is timestamp + body + secret (zopsdk-java option).
  const timestamp = header(request, "x-timestamp");
  if (timestamp !== undefined && !/^\d{10,13}$/.test(timestamp)) {
    return refuse("S214", "时间戳非法");
  }
  // The digest covers the raw body bytes exactly as sent (§11), before any JSON parsing.
  if (!sameDigest(md5Base64((timestamp ?? "") + request.body + appSecret), digest)) {
    return refuse("S211", "签名错误");
  }
  const body = readJson(request.body);
  const record = body.ok ? asRecord(body.value) : undefined;
  if (!record) return refuse("S208", "请求body不是合法的JSON对象");
  // x-timestamp is the only clock a JSON-mode request carries; a client that omits it gets the
  // host's clock, and tests steer time through the driver's ctx.now.
  const nowMs =
    timestamp === undefined
      ? Date.now()
      : timestamp.length === 10
        ? Number(timestamp) * 1000
        : Number(timestamp);
  try {
    return api(record, { state, nowMs });
  } catch (error) {
    // What ZOP does with a backend failure: S202, not a dropped connection.
    return refuse("S202", `发生错误: ${String(error)}`);
  }
};
