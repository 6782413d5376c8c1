/**
 * Deppon traces in the sandbox: a realistic trajectory that unfolds with the caller's clock (the
 * GOT / DEPARTURE / ARRIVAL / SENT_SCAN / SIGNED statuses of PROTOCOLS.md §8), the trace query
 * and subscription APIs, and the signed trace push Deppon would POST to a merchant.
 */
import type { SandboxState, WireRequest } from "@/server/couriers/contract";
import {
  asText,
  type DepponApiHandler,
  depponDigestOf,
  type DepponOrderDetails,
  depponOrderDetails,
  type DepponSandboxWaybill,
  findByMailNo,
  ok,
  PICKUP_AFTER_MS,
  refuse,
  shanghaiText,
  shortCity,
  syncPickup,
} from "./deppon-sandbox-wire";

/** One trace record, keys in the order of the documented push (§8). */
export type DepponSandboxTrace = {
  city: string;
  description: string;
  site: string;
  status: string;
  time: string;
};

const HOUR = 3_600_000;

type Places = {
  from: string;
  fromDept: string;
  fromYard: string;
  to: string;
  toYard: string;
  toDept: string;
};

type Step = {
  afterMs: number;
  status: string;
  at: "from" | "to";
  site: (p: Places) => string;
  description: (p: Places) => string;
};

/** The trajectory, `afterMs` after collection, in Deppon's wording. */
const STEPS: Step[] = [
  {
    afterMs: 0,
    status: "GOT",
    at: "from",
    site: (p) => p.fromDept,
    description: (p) => `您的快件已被【${p.fromDept}】揽收`,
  },
  {
    afterMs: HOUR,
    status: "DEPARTURE",
    at: "from",
    site: (p) => p.fromDept,
    description: (p) => `运输中，快件离开【${p.fromDept}】，下一站【${p.fromYard}】`,
  },
  {
    afterMs: 3 * HOUR,
    status: "ARRIVAL",
    at: "from",
    site: (p) => p.fromYard,
    description: (p) => `运输中，快件到达【${p.fromYard}】`,
  },
  {
    afterMs: 4 * HOUR,
    status: "DEPARTURE",
    at: "from",
    site: (p) => p.fromYard,
    description: (p) => `运输中，快件离开【${p.fromYard}】，下一站【${p.toYard}】`,
  },
  {
    afterMs: 14 * HOUR,
    status: "ARRIVAL",
    at: "to",
    site: (p) => p.toYard,
    description: (p) => `运输中，快件到达【${p.toYard}】`,
  },
  {
    afterMs: 15 * HOUR,
    status: "DEPARTURE",
    at: "to",
    site: (p) => p.toYard,
    description: (p) => `运输中，快件离开【${p.toYard}】，下一站【${p.toDept}】`,
  },
  {
    afterMs: 18 * HOUR,
    status: "ARRIVAL",
    at: "to",
    site: (p) => p.toDept,
    description: (p) => `运输中，快件到达【${p.toDept}】`,
  },
  {
    afterMs: 19 * HOUR,
    status: "SENT_SCAN",
    at: "to",
    site: (p) => p.toDept,
    description: (p) => `派送中，【${p.toDept}】派送人：李四，电话：18212345741`,
  },
  {
    afterMs: 22 * HOUR,
    status: "SIGNED",
    at: "to",
    site: (p) => p.toDept,
    description: () => "已签收，签收人：本人，感谢使用德邦快递，期待再次为您服务",
  },
];

function places(order: DepponOrderDetails | undefined): Places {
  const from = order?.sender.city ?? "上海市";
  const to = order?.recipient.city ?? from;
  return {
    from,
    fromDept: `${shortCity(from)}${order?.sender.district ?? ""}营业部`,
    fromYard: `${shortCity(from)}转运场`,
    to,
    toYard: `${shortCity(to)}转运场`,
    toDept: order?.arrivedOrgSimpleName ?? `${shortCity(to)}营业部`,
  };
}

/** The traces visible at `nowMs`, oldest first: none before collection or once cancelled. */
export function depponTraces(
  state: SandboxState,
  waybill: DepponSandboxWaybill,
  nowMs: number,
): DepponSandboxTrace[] {
  syncPickup(waybill, nowMs);
  if (!waybill.pickedUp) return [];
  const createdMs = waybill.createdAt.getTime();
  // Collected on schedule, or "now" when a test flagged pickedUp before the schedule.
  const collectedMs = Math.max(createdMs, Math.min(createdMs + PICKUP_AFTER_MS, nowMs));
  const where = places(depponOrderDetails(state).get(waybill.orderId));
  return STEPS.filter((step) => collectedMs + step.afterMs <= nowMs).map((step) => ({
    city: step.at === "from" ? where.from : where.to,
    description: step.description(where),
    site: step.site(where),
    status: step.status,
    time: shanghaiText(collectedMs + step.afterMs),
  }));
}

/** The waybill a trace API names, if this account issued it. */
function ownWaybill(state: SandboxState, mailNo: string, companyCode: string) {
  const waybill = findByMailNo(state, mailNo);
  const order = waybill && depponOrderDetails(state).get(waybill.orderId);
  return order?.companyCode === companyCode ? waybill : undefined;
}

/** standard-query/newTraceQuery: params `{mailNo}`, traces in `responseParam`. */
export const newTraceQuery: DepponApiHandler = (params, { state, nowMs, account, requestKey }) => {
  const mailNo = asText(params.mailNo);
  if (!mailNo) return refuse("3001", "mailNo不能为空", requestKey);
  const waybill = ownWaybill(state, mailNo, account.companyCode);
  if (!waybill) return refuse("3006", "运单号不存在", requestKey);
  const traces = depponTraces(state, waybill, nowMs);
  return ok(requestKey, { responseParam: { trace_list: traces, tracking_number: mailNo } });
};

const subscriptions = new WeakMap<SandboxState, Set<string>>();

/** Waybill numbers subscribed through standTraceSubscribe, for the time-lapse. */
export function depponSubscriptions(state: SandboxState): ReadonlySet<string> {
  return subscriptions.get(state) ?? new Set();
}

/** dop-nonstandard-extension/standTraceSubscribe: params `{tracking_number}`. */
export const standTraceSubscribe: DepponApiHandler = (params, { state, account, requestKey }) => {
  const mailNo = asText(params.tracking_number);
  if (!mailNo) return refuse("3001", "tracking_number不能为空", requestKey);
  if (!ownWaybill(state, mailNo, account.companyCode)) {
    return refuse("3006", "运单号不存在", requestKey);
  }
  const subscribed = subscriptions.get(state) ?? new Set<string>();
  subscribed.add(mailNo);
  subscriptions.set(state, subscribed);
  return ok(requestKey);
};

/** Where and as which account the sandbox pushes. */
export type DepponPushTarget = { url: string; companyCode: string; appKey: string };

/**
 * The trace push Deppon would POST (§8): form fields `params` = `{"track_list":[{"trace_list":
 * […],"tracking_number":…}]}`, `digest` over params + appkey + timestamp, `timestamp` (ms) and
 * `companyCode`.
 */
export function depponPushRequest(
  target: DepponPushTarget,
  trackingNo: string,
  traces: readonly DepponSandboxTrace[],
  timestampMs: number,
): WireRequest {
  const params = JSON.stringify({
    track_list: [{ trace_list: traces, tracking_number: trackingNo }],
  });
  const timestamp = String(timestampMs);
  const form = new URLSearchParams([
    ["params", params],
    ["digest", depponDigestOf(params, target.appKey, timestamp)],
    ["timestamp", timestamp],
    ["companyCode", target.companyCode],
  ]);
  return {
    method: "POST",
    url: target.url,
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    body: form.toString(),
  };
}
