/**
 * EMS new platform played in-process (PROTOCOLS.md §10 and the §11 checklist). Written from the
 * protocol text with node:crypto, never with driver or signing code: a driver that encrypts or
 * shapes a request wrongly fails here the way it would fail against EMS.
 *
 * Accounts: `createSandboxState({ [senderNo]: { authorization, signKey } })`.
 *
 * The checks, in order: the form fields, the sender number, the authorization code, then the
 * `logitcsInterface`, which must decrypt under the account's SM4 key and end with the key's
 * Base64 text (the scheme's only authentication). EMS publishes no refusal texts for these in
 * §10; the messages here are the sandbox's own.
 */
import type { SandboxHandler, WireResponse } from "@/server/couriers/contract";
import { cancelOrder, createOrder } from "./ems-sandbox-orders";
import { trackQuery } from "./ems-sandbox-traces";
import { type EmsApiHandler, RET, reply, shanghaiMs, sm4Open } from "./ems-sandbox-wire";

export { emsPushRequest, emsTraces } from "./ems-sandbox-traces";
export type { EmsPushTarget, EmsSandboxTrace } from "./ems-sandbox-traces";

const APIS = new Map<string, EmsApiHandler>([
  ["020003", createOrder],
  ["020006", cancelOrder],
  ["040001", trackQuery],
]);

/** Production `/api/open` and test `/api/test` gateways behave alike here. */
const GATEWAY = /\/f\/amp\/api\/(?:open|test)$/;

function readJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The EMS gateway: one form POST per call, the API named by `apiCode`. */
export const emsSandbox: SandboxHandler = (request, state): WireResponse => {
  const fields = new Map(new URLSearchParams(request.body));
  // The request's own timeStamp is its clock, so tests steer time through the driver's ctx.now.
  const stamp = fields.get("timeStamp") ?? "";
  const nowMs = shanghaiMs(stamp) ?? Date.now();
  const refuse = (message: string) => reply(RET.gateway, message, null, nowMs);

  const path = request.url.split("?")[0] ?? "";
  if (request.method !== "POST" || !GATEWAY.test(path)) return refuse("请求地址错误");
  for (const name of ["apiCode", "senderNo", "authorization", "timeStamp", "logitcsInterface"]) {
    if (!fields.get(name)) return refuse(`${name}不能为空`);
  }
  if (shanghaiMs(stamp) === undefined) return refuse("timeStamp格式错误，应为yyyy-MM-dd HH:mm:ss");
  const account = state.accounts.get(fields.get("senderNo") ?? "");
  if (!account) return refuse("协议客户号不存在");
  if (account.authorization !== fields.get("authorization")) return refuse("授权码错误");
  const api = APIS.get(fields.get("apiCode") ?? "");
  if (!api) return refuse("接口代码无效");

  const signKey = account.signKey ?? "";
  const plaintext = sm4Open(fields.get("logitcsInterface") ?? "", signKey);
  if (plaintext === undefined) return refuse("报文解密失败，请检查签名钥匙");
  if (!plaintext.endsWith(signKey)) return refuse("报文验签失败");
  const body = readJson(plaintext.slice(0, plaintext.length - signKey.length));
  if (!body.ok) return refuse("报文格式错误，须为JSON");
  try {
    return api(body.value, { state, nowMs });
  } catch (error) {
    return refuse(`系统异常: ${String(error)}`);
  }
};
