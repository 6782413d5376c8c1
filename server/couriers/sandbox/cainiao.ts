/**
 * The Cainiao LINK gateway played in-process (PROTOCOLS.md §9 and the §11 checklist). Written from
 * the protocol text with node:crypto, never with driver or signing code: a driver that signs or
 * shapes a request wrongly fails here the way it would fail against Cainiao.
 *
 * Accounts: `createSandboxState({ [logistic_provider_id]: { secretKey, appCode } })`; when an
 * account has an appCode, the logistics-detail calls must carry it.
 *
 * A LINK request carries no timestamp, so the sandbox has a clock of its own
 * (`createCainiaoSandbox`); pickup (2 h after create) and the trajectory follow it.
 */
import { Buffer } from "node:buffer";
import { timingSafeEqual } from "node:crypto";
import type {
  SandboxHandler,
  SandboxState,
  WireRequest,
  WireResponse,
} from "@/server/couriers/contract";
import { waybillDiscard, waybillGet } from "./cainiao-sandbox-orders";
import { detailGet, detailSubscribe } from "./cainiao-sandbox-traces";
import { asRecord, type CainiaoApiHandler, md5Base64, refuse } from "./cainiao-sandbox-wire";

export { cainiaoSubscriptions, cainiaoTraces } from "./cainiao-sandbox-traces";
export type { CainiaoSandboxTrace } from "./cainiao-sandbox-traces";

/** msg_type -> the to_code it must be routed with (none for TMS) and its handler. */
const MSGS = new Map<string, { toCode?: string; handler: CainiaoApiHandler }>([
  ["TMS_WAYBILL_GET", { handler: waybillGet }],
  ["TMS_WAYBILL_DISCARD", { handler: waybillDiscard }],
  ["CNTECH_LV_LOGISTICS_DETAIL_GET", { toCode: "CNTECH_LV", handler: detailGet }],
  ["CNTECH_LV_LOGISTICS_DETAIL_SUBSCRIBE", { toCode: "CNTECH_LV", handler: detailSubscribe }],
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
  // Decoded exactly once (§0 trap 5): an unencoded `+` in the digest arrives as a space.
  const fields = new Map(new URLSearchParams(request.body));
  for (const name of ["logistic_provider_id", "msg_type", "logistics_interface", "data_digest"]) {
    if (!fields.get(name)) return refuse("S01", `${name}不能为空`);
  }
  const msg = MSGS.get(fields.get("msg_type") ?? "");
  if (!msg) return refuse("S01", "msg_type无效");
  if (msg.toCode && fields.get("to_code") !== msg.toCode) {
    return refuse("S01", `to_code须为${msg.toCode}`);
  }
  const account = state.accounts.get(fields.get("logistic_provider_id") ?? "");
  if (!account) return refuse("S05", "logistic_provider_id不存在或无权限");
  const content = fields.get("logistics_interface") ?? "";
  // The digest covers logistics_interface exactly as received, before any JSON parsing (§9).
  const expected = md5Base64(content + (account.secretKey ?? ""));
  if (!sameDigest(expected, fields.get("data_digest") ?? "")) {
    return refuse("S02", "验签或加密失败:digist sign check not pass");
  }
  const body = asRecord(readJson(content));
  if (!body) return refuse("S01", "logistics_interface不是合法的JSON对象");
  try {
    return msg.handler(body, { state, nowMs, account });
  } catch (error) {
    return refuse("SYSTEM_ERROR", `系统异常: ${String(error)}`);
  }
}

/** Options of a Cainiao sandbox: its clock (creation times, pickup, trajectory progress). */
export type CainiaoSandboxOptions = { now?: () => Date };

/** A Cainiao sandbox handler with the given clock. */
export function createCainiaoSandbox(options: CainiaoSandboxOptions = {}): SandboxHandler {
  const now = options.now ?? (() => new Date());
  return (request, state) => handle(request, state, now().getTime());
}

/** The Cainiao sandbox on the system clock. */
export const cainiaoSandbox: SandboxHandler = createCainiaoSandbox();
