/**
 * The Kuaidi100 (快递100) side of the wire (PROTOCOLS.md §2), for the courier sandbox: real-time
 * query, subscribe and the label API (method order / cancel). Accounts are `state.accounts`:
 * customer -> { customer, key, secret, salt }. Tracking numbers are a prefix for the courier
 * (SF for shunfeng, YT for yuantong, …, else the upper-cased code) plus 10 digits of
 * `state.nextSeq()`; `state.waybills` is keyed by the label order's `orderId`. A parcel counts as
 * collected 2 hours after its waybill was issued (PICKUP_AFTER_MS).
 *
 * Written from the document alone (no driver or signing import), so both sides must agree with
 * PROTOCOLS.md rather than with each other.
 */
import type {
  SandboxHandler,
  SandboxState,
  WireRequest,
  WireResponse,
} from "@/server/couriers/contract";
import { kuaidi100SyncPickup, kuaidi100Tables, kuaidi100Trajectory } from "./kuaidi100-trajectory";
import { cityAndDistrict, jsonReply, labelReply, md5Upper, pollFail } from "./kuaidi100-wire";

export {
  kuaidi100PushRequest,
  type Kuaidi100Item,
  type Kuaidi100PushPayload,
} from "./kuaidi100-wire";
export { kuaidi100SandboxPush, PICKUP_AFTER_MS } from "./kuaidi100-trajectory";

type Json = Record<string, unknown>;
type Account = Record<string, string>;

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const str = (obj: Json, key: string): string =>
  typeof obj[key] === "string" || typeof obj[key] === "number" ? String(obj[key]) : "";
const child = (obj: Json, key: string): Json => (isObject(obj[key]) ? obj[key] : {});

function readJson(text: string): Json | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const byKey = (state: SandboxState, key: string): Account | undefined =>
  [...state.accounts.values()].find((a) => a.key === key);

/** Couriers whose queries must name the last 4 digits of a phone (PROTOCOLS.md §2.1 `phone`). */
const PHONE_CHECKED = new Set(["shunfeng", "shunfengkuaiyun", "zhongtong"]);

function query(form: URLSearchParams, state: SandboxState, now: Date): WireResponse {
  const [customer, sign, paramText] = ["customer", "sign", "param"].map((n) => form.get(n) ?? "");
  for (const [name, value] of [
    ["customer", customer],
    ["sign", sign],
    ["param", paramText],
  ]) {
    if (!value) return pollFail("400", `参数不完整：缺少${name}`);
  }
  const account = state.accounts.get(customer ?? "");
  if (!account?.key) return pollFail("400", "customer不存在或已停用");
  if (sign !== md5Upper(`${paramText}${account.key}${customer}`))
    return pollFail("503", "验证签名失败");
  const param = readJson(paramText ?? "");
  if (!param) return pollFail("400", "param不是合法的JSON");
  const com = str(param, "com");
  const num = str(param, "num");
  if (!com || !num) return pollFail("400", "参数不完整：com和num必填");
  const found = kuaidi100Trajectory(state, num, now);
  const known = found?.route?.com === com ? found : undefined;
  if (known?.route && PHONE_CHECKED.has(com)) {
    const phone = str(param, "phone").slice(-4);
    if (!phone || !known.route.phonesLast4.includes(phone)) {
      return pollFail("408", "请提供正确的寄件人或收件人手机号后四位");
    }
  }
  if (!known?.data.length) return pollFail("500", "查询无结果，请隔段时间再查");
  const advanced = ["4", "8"].includes(str(param, "resultv2"));
  const items = known.data.map(({ areaName, status, statusCode, ...base }) =>
    advanced ? { ...base, areaName, status, statusCode } : base,
  );
  return jsonReply({
    message: "ok",
    nu: num,
    ischeck: known.state === "3" ? "1" : "0",
    condition: "F00",
    com,
    status: "200",
    state: known.state,
    data: str(param, "order") === "asc" ? items.reverse() : items,
  });
}

function subscribe(form: URLSearchParams, state: SandboxState): WireResponse {
  if (form.get("schema") !== "json") return pollFail("700", "schema只支持json");
  const param = readJson(form.get("param") ?? "");
  if (!param) return pollFail("700", "param不是合法的JSON");
  if (!byKey(state, str(param, "key")))
    return pollFail("600", "您不是合法的订阅者（即授权Key出错）");
  const company = str(param, "company");
  const number = str(param, "number");
  const parameters = child(param, "parameters");
  const callbackUrl = str(parameters, "callbackurl");
  if (!company || !number || !callbackUrl)
    return pollFail("700", "订阅参数不完整：company、number、callbackurl必填");
  const salt = typeof parameters.salt === "string" ? parameters.salt : undefined;
  if (salt !== undefined && salt.length > 32) return pollFail("700", "salt长度不能超过32位");
  const subscriptions = kuaidi100Tables(state).subscriptions;
  const id = `${company}:${number}`;
  if (subscriptions.has(id)) return pollFail("501", "重复订阅");
  subscriptions.set(id, { callbackUrl, ...(salt === undefined ? {} : { salt }) });
  return jsonReply({ result: true, returnCode: "200", message: "提交成功" });
}

const PREFIX = new Map([
  ["shunfeng", "SF"],
  ["yuantong", "YT"],
  ["zhongtong", "ZT"],
  ["yunda", "YD"],
  ["shentong", "ST"],
  ["jtexpress", "JT"],
  ["ems", "EMS"],
  ["jd", "JD"],
]);

const MAN_FIELDS = ["name", "mobile", "printAddr"];

function order(param: Json, state: SandboxState, now: Date): WireResponse {
  const com = str(param, "kuaidicom");
  if (!com) return labelReply(400, "参数不完整：缺少kuaidicom");
  for (const man of ["recMan", "sendMan"]) {
    const absent = MAN_FIELDS.find((f) => !str(child(param, man), f));
    if (absent) return labelReply(400, `参数不完整：缺少${man}.${absent}`);
  }
  if (!str(param, "cargo")) return labelReply(400, "参数不完整：缺少cargo");
  const { routes } = kuaidi100Tables(state);
  const orderId = str(param, "orderId");
  const existing = orderId ? state.waybills.get(orderId) : undefined;
  if (existing) {
    const data = routes.get(existing.trackingNo)?.data ?? { kuaidinum: existing.trackingNo };
    return labelReply(200, "success", data);
  }
  const seq = state.nextSeq();
  const digits = String(seq).padStart(10, "0");
  const trackingNo = `${PREFIX.get(com) ?? com.toUpperCase()}${digits}`;
  const to = cityAndDistrict(str(child(param, "recMan"), "printAddr"));
  const from = cityAndDistrict(str(child(param, "sendMan"), "printAddr"));
  const data = {
    taskId: `T${digits}`,
    kuaidinum: trackingNo,
    bulkpen: `${to.city} ${to.district}`.trim(),
    orgCode: String(100 + ((seq * 37) % 900)),
    orgName: `${from.city}转运中心`,
    destCode: String(100 + ((seq * 53) % 900)),
    destName: `${to.city}转运中心`,
    destSortingCode: `${100 + (seq % 900)}-${String(seq % 100).padStart(2, "0")}`,
    pkgCode: `P${String(seq % 1000).padStart(3, "0")}`,
    pkgName: `${to.city}转运中心`,
  };
  const key = orderId || data.taskId;
  state.waybills.set(key, {
    orderId: key,
    trackingNo,
    cancelled: false,
    pickedUp: false,
    sortingCode: data.bulkpen,
    createdAt: now,
  });
  routes.set(trackingNo, {
    com,
    senderCity: from.city,
    receiverCity: to.city,
    receiverDistrict: to.district,
    phonesLast4: ["recMan", "sendMan"].map((m) => str(child(param, m), "mobile").slice(-4)),
    data,
  });
  return labelReply(200, "success", data);
}

function cancel(param: Json, state: SandboxState, now: Date): WireResponse {
  const com = str(param, "kuaidicom");
  const num = str(param, "kuaidinum");
  if (!com || !num) return labelReply(400, "参数不完整：kuaidicom和kuaidinum必填");
  const waybill = [...state.waybills.values()].find((w) => w.trackingNo === num);
  if (!waybill || kuaidi100Tables(state).routes.get(num)?.com !== com) {
    return labelReply(400, "运单不存在，请核对快递公司编码与单号");
  }
  kuaidi100SyncPickup(waybill, now);
  if (waybill.cancelled) return labelReply(400, "该运单已取消，请勿重复操作");
  if (waybill.pickedUp) return labelReply(400, "快件已揽收，无法取消");
  waybill.cancelled = true;
  return labelReply(200, "success");
}

function label(form: URLSearchParams, state: SandboxState, now: Date): WireResponse {
  for (const name of ["key", "method", "t", "sign", "param"]) {
    if (!form.get(name)) return labelReply(400, `参数不完整：缺少${name}`);
  }
  const [key, method, t, sign, paramText] = ["key", "method", "t", "sign", "param"].map(
    (n) => form.get(n) ?? "",
  );
  const account = byKey(state, key ?? "");
  if (!account?.secret) return labelReply(600, "key不存在或已停用");
  if (sign !== md5Upper(`${paramText}${t}${key}${account.secret}`))
    return labelReply(503, "签名错误");
  const param = readJson(paramText ?? "");
  if (!param) return labelReply(400, "param不是合法的JSON");
  if (method === "order") return order(param, state, now);
  if (method === "cancel") return cancel(param, state, now);
  return labelReply(400, `不支持的method：${method}`);
}

function handle(request: WireRequest, state: SandboxState, now: Date): WireResponse {
  const path = new URL(request.url).pathname;
  // The form is decoded exactly once, then signatures are checked over the decoded param.
  const form = new URLSearchParams(request.body);
  if (request.method === "POST") {
    if (path.endsWith("/poll/query.do")) return query(form, state, now);
    if (path.endsWith("/label/order")) return label(form, state, now);
    if (path.endsWith("/poll")) return subscribe(form, state);
  }
  return { status: 404, headers: { "content-type": "text/html" }, body: "<h1>404 Not Found</h1>" };
}

/** Options of a Kuaidi100 sandbox: its clock (creation times and trajectory progress). */
export type Kuaidi100SandboxOptions = { now?: () => Date };

/** A Kuaidi100 sandbox handler with the given clock. */
export function createKuaidi100Sandbox(options: Kuaidi100SandboxOptions = {}): SandboxHandler {
  const now = options.now ?? (() => new Date());
  return (request, state) => handle(request, state, now());
}

/** The Kuaidi100 sandbox on the system clock. */
export const kuaidi100Sandbox: SandboxHandler = createKuaidi100Sandbox();
