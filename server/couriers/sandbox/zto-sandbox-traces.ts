/**
 * ZTO traces in the sandbox: a realistic trajectory that unfolds with the caller's clock (揽收,
 * hubs, 派件, 签收 in the wording of the logged pushes of PROTOCOLS.md §4.3), the trace query and
 * subscription APIs, and the signed trace push ZTO would POST to a merchant.
 */
import type { SandboxState, WireRequest, WireResponse } from "@/server/couriers/contract";
import {
  asText,
  findByBillCode,
  md5Base64,
  ok,
  PICKUP_AFTER_MS,
  refuse,
  shanghaiText,
  shortCity,
  syncPickup,
  type ZtoApiHandler,
  type ZtoOrderDetails,
  ztoOrderDetails,
  type ZtoSandboxWaybill,
} from "./zto-sandbox-wire";

/** One trace as ZTO sends it: the `data` object of a push and an item of the trace query. */
export type ZtoSandboxTrace = Record<string, string>;

const HOUR = 3_600_000;

type Places = {
  from: string;
  fromOutlet: string;
  fromHub: string;
  to: string;
  toHub: string;
  toOutlet: string;
};

type Step = {
  afterMs: number;
  action: string;
  at: "from" | "to";
  facility: (p: Places) => string;
  desc: (p: Places) => string;
  extra?: (p: Places) => Record<string, string>;
};

/** The trajectory, `afterMs` after collection; actions are those of §4.3. */
const STEPS: Step[] = [
  {
    afterMs: 0,
    action: "GOT",
    at: "from",
    facility: (p) => p.fromOutlet,
    desc: (p) => `【${p.from}】【${p.fromOutlet}】的业务员张三(15712345741)已揽收`,
    extra: () => ({ courier: "张三", courierPhone: "15712345741" }),
  },
  {
    afterMs: HOUR,
    action: "DEPARTURE",
    at: "from",
    facility: (p) => p.fromOutlet,
    desc: (p) => `【${p.from}】快件离开【${p.fromOutlet}】已发往【${p.fromHub}】`,
    extra: (p) => ({ nextNodeName: p.fromHub, nextCity: p.from }),
  },
  {
    afterMs: 3 * HOUR,
    action: "ARRIVAL",
    at: "from",
    facility: (p) => p.fromHub,
    desc: (p) => `【${p.from}】快件已到达【${p.fromHub}】`,
  },
  {
    afterMs: 4 * HOUR,
    action: "DEPARTURE",
    at: "from",
    facility: (p) => p.fromHub,
    desc: (p) => `【${p.from}】快件离开【${p.fromHub}】已发往【${p.toHub}】`,
    extra: (p) => ({ nextNodeName: p.toHub, nextCity: p.to }),
  },
  {
    afterMs: 14 * HOUR,
    action: "ARRIVAL",
    at: "to",
    facility: (p) => p.toHub,
    desc: (p) => `【${p.to}】快件已到达【${p.toHub}】`,
  },
  {
    afterMs: 15 * HOUR,
    action: "DEPARTURE",
    at: "to",
    facility: (p) => p.toHub,
    desc: (p) => `【${p.to}】快件离开【${p.toHub}】已发往【${p.toOutlet}】`,
    extra: (p) => ({ nextNodeName: p.toOutlet, nextCity: p.to }),
  },
  {
    afterMs: 18 * HOUR,
    action: "ARRIVAL",
    at: "to",
    facility: (p) => p.toOutlet,
    desc: (p) => `【${p.to}】快件已到达【${p.toOutlet}】`,
  },
  {
    afterMs: 19 * HOUR,
    action: "DISPATCH",
    at: "to",
    facility: (p) => p.toOutlet,
    desc: (p) =>
      `【${p.to}】【${p.toOutlet}】的业务员李四(18212345741)正在派件【95720为中通快递员外呼专属号码，请放心接听】`,
    extra: () => ({ courier: "李四", courierPhone: "18212345741" }),
  },
  {
    afterMs: 22 * HOUR,
    action: "SIGNED",
    at: "to",
    facility: (p) => p.toOutlet,
    desc: (p) =>
      `【${p.to}】快件已由【本人】签收，签收网点：【${p.toOutlet}】。感谢使用中通快递，期待再次为您服务！`,
    extra: () => ({ courier: "李四", courierPhone: "18212345741", expressSigner: "本人" }),
  },
];

function places(order: ZtoOrderDetails | undefined): Places {
  const from = order?.sender.city ?? "上海市";
  const to = order?.recipient.city ?? "上海市";
  return {
    from,
    fromOutlet: `${shortCity(from)}${order?.sender.district ?? ""}`,
    fromHub: `${shortCity(from)}中转部`,
    to,
    toHub: `${shortCity(to)}中转部`,
    toOutlet: `${shortCity(to)}${order?.recipient.district ?? ""}`,
  };
}

/** The traces visible at `nowMs`, oldest first: none before collection or once cancelled. */
export function ztoTraces(
  state: SandboxState,
  waybill: ZtoSandboxWaybill,
  nowMs: number,
): ZtoSandboxTrace[] {
  syncPickup(waybill, nowMs);
  if (!waybill.pickedUp) return [];
  const createdMs = waybill.createdAt.getTime();
  // Collected on schedule, or "now" when a test flagged pickedUp before the schedule.
  const collectedMs = Math.max(createdMs, Math.min(createdMs + PICKUP_AFTER_MS, nowMs));
  const where = places(ztoOrderDetails(state).get(waybill.orderId));
  return STEPS.filter((step) => collectedMs + step.afterMs <= nowMs).map((step) => ({
    billCode: waybill.trackingNo,
    actionTime: shanghaiText(collectedMs + step.afterMs),
    city: step.at === "from" ? where.from : where.to,
    action: step.action,
    facilityName: step.facility(where),
    desc: step.desc(where),
    ...step.extra?.(where),
  }));
}

const subscriptions = new WeakMap<SandboxState, Set<string>>();

/** Waybill numbers subscribed through zto.merchant.waybill.track.subsrcibe, for the time-lapse. */
export function ztoSubscriptions(state: SandboxState): ReadonlySet<string> {
  return subscriptions.get(state) ?? new Set();
}

/** The waybill of a trace API body after the E416 / E409 checks, or the refusal. */
function traceTarget(
  body: Record<string, unknown>,
  state: SandboxState,
): { refusal: WireResponse } | { billCode: string; waybill: ZtoSandboxWaybill | undefined } {
  const billCode = asText(body.billCode);
  if (!billCode) return { refusal: refuse("S208", "billCode不能为空") };
  if (!/^\d{12,15}$/.test(billCode)) return { refusal: refuse("E416", "不符合中通运单号规则校验") };
  const waybill = findByBillCode(state, billCode);
  const last4 = asText(body.mobilePhone);
  const order = waybill && ztoOrderDetails(state).get(waybill.orderId);
  if (
    last4 &&
    order &&
    ![order.sender.mobile, order.recipient.mobile].some((m) => m.endsWith(last4))
  ) {
    return { refusal: refuse("E409", "鉴权失败,收寄人电话号码校验不一致") };
  }
  return { billCode, waybill };
}

/** zto.merchant.waybill.track.query: an unknown but well-formed number simply has no traces. */
export const trackQuery: ZtoApiHandler = (body, { state, nowMs }) => {
  const target = traceTarget(body, state);
  if ("refusal" in target) return target.refusal;
  const traces = target.waybill ? ztoTraces(state, target.waybill, nowMs) : [];
  return ok(traces, "SYS000", "操作成功");
};

/** zto.merchant.waybill.track.subsrcibe (sic): answers `result: null` like the logged reply. */
export const trackSubscribe: ZtoApiHandler = (body, { state }) => {
  const target = traceTarget(body, state);
  if ("refusal" in target) return target.refusal;
  const subscribed = subscriptions.get(state) ?? new Set<string>();
  subscribed.add(target.billCode);
  subscriptions.set(state, subscribed);
  return ok(null, "SYS000", "操作成功");
};

/** Where and as which app the sandbox pushes. */
export type ZtoPushTarget = { url: string; appKey: string; appSecret: string };

/**
 * The trace push ZTO would POST (§4.3): form fields `data`, `data_digest` =
 * Base64(MD5_raw(data + appSecret)), `company_id` = appKey and `msg_type=Traces`.
 */
export function ztoPushRequest(target: ZtoPushTarget, trace: ZtoSandboxTrace): WireRequest {
  const data = JSON.stringify(trace);
  const form = new URLSearchParams([
    ["data_digest", md5Base64(data + target.appSecret)],
    ["company_id", target.appKey],
    ["data", data],
    ["msg_type", "Traces"],
  ]);
  return {
    method: "POST",
    url: target.url,
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    body: form.toString(),
  };
}
