/**
 * The Deppon DOP open platform played in-process (PROTOCOLS.md §8 and the §11 checklist). Written
 * from the protocol text with node:crypto, never with driver, profile or signing code: a client
 * that signs or shapes a request wrongly fails here the way it would fail against Deppon.
 *
 * Accounts are looked up by companyCode (第三方接入商的公司编码, the form field every request
 * carries): `createSandboxState({ [companyCode]: { appKey, sign, customerCode } })`, where sign is
 * the 渠道单号 prefix and customerCode the 月结 customer code.
 */
import { Buffer } from "node:buffer";
import { timingSafeEqual } from "node:crypto";
import type { SandboxHandler, WireResponse } from "@/server/couriers/contract";
import { cancelOrder, createOrderNotify } from "./deppon-sandbox-orders";
import { newTraceQuery, standTraceSubscribe } from "./deppon-sandbox-traces";
import { asRecord, type DepponApiHandler, depponDigestOf, refuse } from "./deppon-sandbox-wire";

export {
  depponPushRequest,
  depponSubscriptions,
  depponTraces,
  type DepponPushTarget,
  type DepponSandboxTrace,
} from "./deppon-sandbox-traces";

/**
 * By path suffix: production splits the APIs over two hosts and prefixes
 * (`dop-interface-async`, `dop-interface-sync`), the DOP sandbox uses `sandbox-web`.
 */
const APIS = new Map<string, DepponApiHandler>([
  ["/standard-order/createOrderNotify.action", createOrderNotify],
  ["/standard-order/cancelOrder.action", cancelOrder],
  ["/standard-query/newTraceQuery.action", newTraceQuery],
  ["/dop-nonstandard-extension/standTraceSubscribe.action", standTraceSubscribe],
]);

function apiOf(url: string): DepponApiHandler | undefined {
  const path = url.split("?")[0] ?? "";
  for (const [suffix, api] of APIS) if (path.endsWith(suffix)) return api;
  return undefined;
}

function sameDigest(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The form decoded exactly once (§0 trap 5); the first occurrence of a field wins. */
function readForm(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(body))
    if (!fields.has(key)) fields.set(key, value);
  return fields;
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The DOP gateway: form fields companyCode, timestamp, digest, params (§8). */
export const depponSandbox: SandboxHandler = (request, state): WireResponse => {
  const api = apiOf(request.url);
  if (request.method !== "POST" || !api) return refuse("3001", "接口不存在");
  const contentType = Object.entries(request.headers).find(
    ([k]) => k.toLowerCase() === "content-type",
  )?.[1];
  if (!contentType?.includes("application/x-www-form-urlencoded")) {
    return refuse("3001", "Content-Type须为application/x-www-form-urlencoded");
  }
  const form = readForm(request.body);
  const companyCode = form.get("companyCode");
  if (!companyCode) return refuse("3001", "companyCode不能为空");
  const record = state.accounts.get(companyCode);
  if (!record?.appKey || !record.sign || !record.customerCode) {
    return refuse("2002", "companyCode不存在");
  }
  const timestamp = form.get("timestamp");
  if (!timestamp || !/^\d{13}$/.test(timestamp)) return refuse("2003", "timestamp格式错误");
  const digest = form.get("digest");
  const params = form.get("params");
  if (!digest) return refuse("3001", "digest不能为空");
  if (params === undefined) return refuse("3001", "params不能为空");
  // The digest covers params exactly as decoded from the form, before any JSON parsing (§11).
  if (!sameDigest(depponDigestOf(params, record.appKey, timestamp), digest)) {
    return refuse("2001", "签名验证失败");
  }
  const parsed = asRecord(readJson(params));
  if (!parsed) return refuse("3001", "params不是合法的JSON对象");
  const account = {
    companyCode,
    appKey: record.appKey,
    sign: record.sign,
    customerCode: record.customerCode,
  };
  const requestKey = `${companyCode}:${timestamp}:${params}`;
  try {
    return api(parsed, { state, nowMs: Number(timestamp), account, requestKey });
  } catch (error) {
    return refuse("5000", `系统异常: ${String(error)}`, requestKey);
  }
};
