/**
 * The STO LINK gateway played in-process (PROTOCOLS.md §9 and the §11 checklist). Written from
 * the protocol text with node:crypto, never with driver or signing code: a driver that signs or
 * shapes a request wrongly fails here the way it would fail against STO.
 *
 * Accounts: `createSandboxState({ [appKey]: { secretKey, resourceCode } })`, optionally with the
 * branch e-waybill account `siteCode`, `customerName`, `sitePwd` that creates must then carry.
 *
 * A LINK request carries no timestamp, so the sandbox has a clock of its own (`createStoSandbox`);
 * pickup (2 h after create) and the trajectory follow it.
 */
import { Buffer } from "node:buffer";
import { timingSafeEqual } from "node:crypto";
import type {
  SandboxHandler,
  SandboxState,
  WireRequest,
  WireResponse,
} from "@/server/couriers/contract";
import { cancelOrder, createOrder } from "./sto-sandbox-orders";
import { traceQuery, traceSubscribe } from "./sto-sandbox-traces";
import { asRecord, md5Base64, refuse, type StoApiHandler } from "./sto-sandbox-wire";

export { stoPushRequest, stoSubscriptions, stoTraces } from "./sto-sandbox-traces";
export type { StoPushTarget, StoSandboxTrace } from "./sto-sandbox-traces";

/** api_name -> the to_code it is served under and its handler (built per signing account). */
const APIS = new Map<
  string,
  { toCode: string; handler: (account: Record<string, string>) => StoApiHandler }
>([
  ["OMS_EXPRESS_ORDER_CREATE", { toCode: "sto_oms", handler: createOrder }],
  ["EDI_MODIFY_ORDER_CANCEL", { toCode: "edi_modify_order", handler: () => cancelOrder }],
  ["STO_TRACE_QUERY_COMMON", { toCode: "sto_trace_query", handler: () => traceQuery }],
  ["STO_TRACE_PLATFORM_SUBSCRIBE", { toCode: "sto_trace_platform", handler: () => traceSubscribe }],
]);

function sameDigest(expected: string, received: string): boolean {
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

function handle(request: WireRequest, state: SandboxState, nowMs: number): WireResponse {
  const path = request.url.split("?")[0] ?? "";
  if (request.method !== "POST" || !path.endsWith("/gateway/link.do")) {
    return refuse("S01", "请求地址错误");
  }
  // Decoded exactly once (§0 trap 5): a `+` in an unencoded digest arrives here as a space.
  const fields = new Map(new URLSearchParams(request.body));
  for (const name of ["api_name", "content", "from_appkey", "from_code", "data_digest"]) {
    if (!fields.get(name)) return refuse("S01", `${name}不能为空`);
  }
  const api = APIS.get(fields.get("api_name") ?? "");
  if (!api) return refuse("S01", "api_name无效");
  if (fields.get("to_code") !== api.toCode) return refuse("S01", `to_code须为${api.toCode}`);
  const account = state.accounts.get(fields.get("from_appkey") ?? "");
  if (!account) return refuse("S05", "from_appkey无权限访问");
  if (account.resourceCode && account.resourceCode !== fields.get("from_code")) {
    return refuse("S05", "from_code与appkey不匹配");
  }
  const content = fields.get("content") ?? "";
  // The digest covers `content` exactly as received, before any JSON parsing (§9).
  if (
    !sameDigest(md5Base64(content + (account.secretKey ?? "")), fields.get("data_digest") ?? "")
  ) {
    return refuse("S02", "验签或加密失败:digist sign check not pass");
  }
  const body = asRecord(readJson(content));
  if (!body) return refuse("S01", "content不是合法的JSON对象");
  try {
    return api.handler(account)(body, { state, nowMs });
  } catch (error) {
    return refuse("SYSTEM_ERROR", `系统异常: ${String(error)}`);
  }
}

/** Options of an STO sandbox: its clock (creation times, pickup, trajectory progress). */
export type StoSandboxOptions = { now?: () => Date };

/** An STO sandbox handler with the given clock. */
export function createStoSandbox(options: StoSandboxOptions = {}): SandboxHandler {
  const now = options.now ?? (() => new Date());
  return (request, state) => handle(request, state, now().getTime());
}

/** The STO sandbox on the system clock. */
export const stoSandbox: SandboxHandler = createStoSandbox();
