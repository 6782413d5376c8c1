/**
 * SF Express 丰桥 std/service played in-process (PROTOCOLS.md §1 and the §11 checklist). Written
 * from the protocol text only, with its own URL encoder and digest (./sf-sandbox-wire.ts), never
 * with driver or signing code: a driver that signs, encodes or shapes a request wrongly fails here
 * the way it would fail against SF.
 */
import { Buffer } from "node:buffer";
import { timingSafeEqual } from "node:crypto";
import type { SandboxHandler, WireRequest, WireResponse } from "@/server/couriers/contract";
import { createOrder, searchOrder, updateOrder } from "./sf-sandbox-orders";
import { checkPickupTime, queryDeliverTm } from "./sf-sandbox-quotes";
import { searchRoutes } from "./sf-sandbox-routes";
import type { SfService } from "./sf-sandbox-store";
import { outcomeReply, platformReply, sandboxMsgDigest } from "./sf-sandbox-wire";

const SERVICES = new Map<string, SfService>([
  ["EXP_RECE_CREATE_ORDER", createOrder],
  ["EXP_RECE_SEARCH_ORDER_RESP", searchOrder],
  ["EXP_RECE_UPDATE_ORDER", updateOrder],
  ["EXP_RECE_SEARCH_ROUTES", searchRoutes],
  ["EXP_EXCE_CHECK_PICKUP_TIME", checkPickupTime],
  ["EXP_RECE_QUERY_DELIVERTM", queryDeliverTm],
]);

// Digest auth only: OAuth2 clients send accessToken instead of msgDigest, which SF also allows
// but this sandbox does not model, so for it msgDigest is required like the rest.
const REQUIRED = [
  "partnerID",
  "requestID",
  "serviceCode",
  "timestamp",
  "msgDigest",
  "msgData",
] as const;
type Fields = Record<(typeof REQUIRED)[number], string>;

function header(request: WireRequest, name: string): string | undefined {
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

/** The required form fields, or the name of the first one missing. */
function readFields(form: URLSearchParams): Fields | string {
  const fields: Partial<Fields> = {};
  for (const name of REQUIRED) {
    const value = form.get(name);
    if (!value) return name;
    fields[name] = value;
  }
  return fields as Fields;
}

function sameDigest(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request timestamp is the sandbox clock; SF's Python demo sends seconds, the rest ms. */
function clock(timestamp: string): number | undefined {
  if (!/^\d{10,13}$/.test(timestamp)) return undefined;
  const value = Number(timestamp);
  return timestamp.length === 10 ? value * 1000 : value;
}

function readJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** SF's std/service endpoint, for `createSandboxState({ [partnerID]: { checkWord } })`. */
export const sfSandbox: SandboxHandler = (request, state): WireResponse => {
  if (request.method !== "POST" || !(request.url.split("?")[0] ?? "").endsWith("/std/service")) {
    return { status: 404, headers: { "content-type": "text/plain" }, body: "Not Found" };
  }
  // Decode the form exactly once, then verify over the decoded msgData (PROTOCOLS.md §0 trap 5).
  const form = new URLSearchParams(request.body);
  const requestId = form.get("requestID") ?? "";
  if (!header(request, "content-type")?.includes("application/x-www-form-urlencoded")) {
    return platformReply(
      requestId,
      "A1001",
      "请求Content-Type须为application/x-www-form-urlencoded",
    );
  }
  const fields = readFields(form);
  if (typeof fields === "string") return platformReply(requestId, "A1001", `必填参数${fields}为空`);

  const checkWord = state.accounts.get(fields.partnerID)?.checkWord;
  if (!checkWord) return platformReply(requestId, "A1004", "无对应服务权限(顾客编码不存在)");
  // Strictly Java URLEncoder semantics. PROTOCOLS.md §11 allows a simulator to also accept the
  // encodeURIComponent variant; this one refuses it so a driver using the wrong encoder fails
  // here instead of in production on the first msgData with a space or one of ~!'().
  const expected = sandboxMsgDigest(fields.msgData, fields.timestamp, checkWord);
  if (!sameDigest(expected, fields.msgDigest)) {
    return platformReply(requestId, "A1006", "数字签名无效");
  }
  const service = SERVICES.get(fields.serviceCode);
  if (!service) return platformReply(requestId, "A1004", "无对应服务权限");
  const nowMs = clock(fields.timestamp);
  if (nowMs === undefined) return platformReply(requestId, "A1001", "timestamp格式错误");
  const msgData = readJson(fields.msgData);
  if (!msgData.ok) return platformReply(requestId, "A1001", "msgData不是合法的JSON");
  try {
    return outcomeReply(requestId, service(msgData.value, { state, nowMs }));
  } catch (error) {
    // What SF does with an internal failure: a platform system error, not a dropped connection.
    return platformReply(requestId, "A1099", `系统异常: ${String(error)}`);
  }
};
