/**
 * YTO's new open platform played in-process (PROTOCOLS.md §6). Written from the protocol text
 * with node:crypto, never with driver or signing code: a driver that signs or shapes a request
 * wrongly fails here the way it would fail against YTO. §6 documents no push, so there is no
 * push helper; `ytoTraces` gives the time-lapse the trajectory to show.
 *
 * Accounts: `createSandboxState({ [apiKey]: { secret, customerCode } })`.
 */
import { Buffer } from "node:buffer";
import { timingSafeEqual } from "node:crypto";
import type { SandboxHandler, WireRequest, WireResponse } from "@/server/couriers/contract";
import { cancel, create } from "./yto-sandbox-orders";
import { track } from "./yto-sandbox-traces";
import {
  asRecord,
  asText,
  refuse,
  YTO_CODE,
  type YtoMethodHandler,
  ytoSandboxSign,
} from "./yto-sandbox-wire";

export { ytoTraces } from "./yto-sandbox-traces";
export type { YtoSandboxTrace } from "./yto-sandbox-traces";

const METHODS = new Map<string, YtoMethodHandler>([
  ["privacy_create_adapter", create],
  ["korder_cancel_adapter", cancel],
  ["track_query_adapter", track],
]);

const NOT_FOUND: WireResponse = {
  status: 404,
  headers: { "content-type": "text/plain" },
  body: "Not Found",
};

function header(request: WireRequest, name: string): string | undefined {
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

function sameSign(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

function readJson(text: string): Record<string, unknown> | undefined {
  try {
    return asRecord(JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** A path segment decoded, or kept as is when it is not valid percent-encoding. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** `/open/{method}/v1/{apiKey}/{customerCode}` split into its parts, or undefined. */
function route(url: string) {
  const segments = (url.split("?")[0] ?? "").split("/").map(decodeSegment);
  const at = segments.indexOf("open");
  const [method, version, apiKey, customerCode] = segments.slice(at + 1);
  if (at < 0 || version !== "v1" || !method || !apiKey || !customerCode) return undefined;
  return { method, apiKey, customerCode };
}

/** The request timestamp in ms (a JSON number per §6; a digit string is accepted too). */
function clock(value: unknown): number | undefined {
  const text = asText(value);
  return text && /^\d{13}$/.test(text) ? Number(text) : undefined;
}

export const ytoSandbox: SandboxHandler = (request, state): WireResponse => {
  const target = route(request.url);
  const handler = target && METHODS.get(target.method);
  if (request.method !== "POST" || !target || !handler) return NOT_FOUND;
  if (!header(request, "content-type")?.includes("application/json")) {
    return refuse(YTO_CODE.missing, "请求须为application/json");
  }
  // The apiKey and customer code in the URL must belong together.
  const issued = state.accounts.get(target.apiKey);
  if (!issued?.secret || issued.customerCode !== target.customerCode) {
    return refuse(YTO_CODE.unauthorised, "未授权: apikey与客户编码不匹配");
  }
  const body = readJson(request.body);
  if (!body) return refuse(YTO_CODE.missing, "请求体不是合法的JSON");
  for (const name of ["timestamp", "param", "sign", "format"]) {
    if (asText(body[name]) === undefined) return refuse(YTO_CODE.missing, `${name}不能为空`);
  }
  const nowMs = clock(body.timestamp);
  if (nowMs === undefined) return refuse(YTO_CODE.missing, "timestamp格式错误");
  const param = typeof body.param === "string" ? body.param : "";
  // The sign covers the param string exactly as sent, then the method and version.
  if (!sameSign(ytoSandboxSign(param, target.method, issued.secret), asText(body.sign) ?? "")) {
    return refuse(YTO_CODE.sign, "签名错误");
  }
  const parsed = readJson(param);
  if (!parsed) return refuse(YTO_CODE.missing, "param格式错误");
  try {
    return handler(parsed, { state, nowMs });
  } catch (error) {
    return refuse("9999", `系统异常: ${String(error)}`);
  }
};
