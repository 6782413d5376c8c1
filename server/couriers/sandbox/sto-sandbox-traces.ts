/**
 * STO traces in the sandbox: a realistic trajectory that unfolds with the sandbox clock (收件,
 * 发件/到件 through the hubs, 派件, 签收 — STO's own Chinese scan types), the trace query and
 * subscription APIs, and the signed STO_TRACE_PLATFORM_PUSH STO would POST to a merchant.
 */
import type { SandboxState, WireRequest } from "@/server/couriers/contract";
import {
  asRecord,
  asText,
  findByWaybillNo,
  md5Base64,
  md5Hex,
  ok,
  PICKUP_AFTER_MS,
  refuse,
  shanghaiText,
  shortCity,
  type StoApiHandler,
  type StoOrderDetails,
  stoOrderDetails,
  type StoSandboxWaybill,
  syncPickup,
} from "./sto-sandbox-wire";

/** One trace as STO sends it: an item of the trace query and the `trace` of a push. */
export type StoSandboxTrace = Record<string, string>;

const HOUR = 3_600_000;
type Org = "fromOutlet" | "fromHub" | "toHub" | "toOutlet";
type Places = Record<Org, string> & { from: string; to: string };

type Step = {
  afterMs: number;
  scanType: string;
  at: Org;
  next?: Org;
  memo: (p: Places) => string;
  extra?: Record<string, string>;
};

const COLLECTOR = { opEmpName: "陈明", bizEmpName: "陈明", bizEmpPhone: "13900002222" };
const COURIER = { opEmpName: "李强", bizEmpName: "李强", bizEmpPhone: "13900001111" };

/** The trajectory, `afterMs` after collection. */
const STEPS: Step[] = [
  {
    afterMs: 0,
    scanType: "收件",
    at: "fromOutlet",
    memo: (p) => `【${p.fromOutlet}】的收件员【陈明】已收件`,
    extra: COLLECTOR,
  },
  {
    afterMs: HOUR,
    scanType: "发件",
    at: "fromOutlet",
    next: "fromHub",
    memo: (p) => `快件由【${p.fromOutlet}】发往【${p.fromHub}】`,
  },
  { afterMs: 3 * HOUR, scanType: "到件", at: "fromHub", memo: (p) => `快件已到达【${p.fromHub}】` },
  {
    afterMs: 4 * HOUR,
    scanType: "发件",
    at: "fromHub",
    next: "toHub",
    memo: (p) => `快件由【${p.fromHub}】发往【${p.toHub}】`,
  },
  { afterMs: 14 * HOUR, scanType: "到件", at: "toHub", memo: (p) => `快件已到达【${p.toHub}】` },
  {
    afterMs: 15 * HOUR,
    scanType: "发件",
    at: "toHub",
    next: "toOutlet",
    memo: (p) => `快件由【${p.toHub}】发往【${p.toOutlet}】`,
  },
  {
    afterMs: 18 * HOUR,
    scanType: "到件",
    at: "toOutlet",
    memo: (p) => `快件已到达【${p.toOutlet}】`,
  },
  {
    afterMs: 19 * HOUR,
    scanType: "派件",
    at: "toOutlet",
    memo: (p) => `【${p.toOutlet}】的派件员【李强】正在派件，电话：13900001111`,
    extra: COURIER,
  },
  {
    afterMs: 22 * HOUR,
    scanType: "签收",
    at: "toOutlet",
    memo: () => "快件已签收，签收人：本人，如有疑问请联系派件员【李强】，电话：13900001111",
    extra: { ...COURIER, signoffPeople: "本人" },
  },
];

function places(order: StoOrderDetails | undefined): Places {
  const from = order?.sender.city ?? "上海市";
  const to = order?.receiver.city ?? "上海市";
  return {
    from,
    to,
    fromOutlet: `${shortCity(from)}${order?.sender.area ?? ""}公司`,
    fromHub: `${shortCity(from)}转运中心`,
    toHub: `${shortCity(to)}转运中心`,
    toOutlet: `${shortCity(to)}${order?.receiver.area ?? ""}公司`,
  };
}

/** Stable 6-digit organisation code for an outlet or hub name. */
const orgCode = (name: string) => String(parseInt(md5Hex(name).slice(0, 6), 16) % 1_000_000);

/** The traces visible at `nowMs`, oldest first: none before collection or once cancelled. */
export function stoTraces(
  state: SandboxState,
  waybill: StoSandboxWaybill,
  nowMs: number,
): StoSandboxTrace[] {
  syncPickup(waybill, nowMs);
  if (!waybill.pickedUp) return [];
  const createdMs = waybill.createdAt.getTime();
  // Collected on schedule, or "now" when a test flagged pickedUp before the schedule.
  const collectedMs = Math.max(createdMs, Math.min(createdMs + PICKUP_AFTER_MS, nowMs));
  const where = places(stoOrderDetails(state).get(waybill.orderId));
  return STEPS.filter((step) => collectedMs + step.afterMs <= nowMs).map((step) => ({
    waybillNo: waybill.trackingNo,
    opOrgName: where[step.at],
    opOrgCode: orgCode(where[step.at]),
    opOrgCityName: step.at.startsWith("from") ? where.from : where.to,
    opOrgTypeCode: step.at.endsWith("Hub") ? "2" : "1",
    opTime: shanghaiText(collectedMs + step.afterMs),
    scanType: step.scanType,
    memo: step.memo(where),
    ...(step.next ? { nextOrgName: where[step.next], nextOrgCode: orgCode(where[step.next]) } : {}),
    ...step.extra,
  }));
}

/** STO_TRACE_QUERY_COMMON: `data` maps each number to its traces ("asc" or "desc"). */
export const traceQuery: StoApiHandler = (content, { state, nowMs }) => {
  const list = Array.isArray(content.waybillNoList) ? (content.waybillNoList as unknown[]) : [];
  const numbers = list.map(asText).filter((no): no is string => no !== undefined);
  if (!list.length || numbers.length !== list.length) {
    return refuse("PARAM_ERROR", "waybillNoList不能为空");
  }
  const data: Record<string, StoSandboxTrace[]> = {};
  for (const no of numbers) {
    const waybill = findByWaybillNo(state, no);
    const traces = waybill ? stoTraces(state, waybill, nowMs) : [];
    data[no] = content.order === "desc" ? traces.reverse() : traces;
  }
  return ok(data);
};

const subscriptions = new WeakMap<SandboxState, Set<string>>();

/** Waybill numbers subscribed through STO_TRACE_PLATFORM_SUBSCRIBE, for the time-lapse. */
export function stoSubscriptions(state: SandboxState): ReadonlySet<string> {
  return subscriptions.get(state) ?? new Set();
}

/** STO_TRACE_PLATFORM_SUBSCRIBE: one result per number; malformed numbers are refused. */
export const traceSubscribe: StoApiHandler = (content, { state }) => {
  const infos = Array.isArray(content.subscribeInfoList)
    ? (content.subscribeInfoList as unknown[])
    : [];
  if (!infos.length) return refuse("PARAM_ERROR", "subscribeInfoList不能为空");
  const subscribed = subscriptions.get(state) ?? new Set<string>();
  subscriptions.set(state, subscribed);
  return ok(
    infos.map((info) => {
      const waybillNo = asText(asRecord(info)?.waybillNo) ?? "";
      if (!/^\d{12,15}$/.test(waybillNo)) {
        return { waybillNo, status: false, message: "运单号不符合申通单号规则" };
      }
      subscribed.add(waybillNo);
      return { waybillNo, status: true, message: "订阅成功" };
    }),
  );
};

/** Where and as which app the sandbox pushes. */
export type StoPushTarget = {
  url: string;
  appKey: string;
  resourceCode: string;
  secretKey: string;
};

/**
 * The trace push STO would POST: api_name STO_TRACE_PLATFORM_PUSH, `content` =
 * `{"waybillNo","linkCode","trace"}` and `data_digest` = Base64(MD5_raw(content + secretKey)).
 */
export function stoPushRequest(
  target: StoPushTarget,
  trace: StoSandboxTrace,
  linkCode = "",
): WireRequest {
  const content = JSON.stringify({
    waybillNo: trace.waybillNo ?? "",
    linkCode,
    trace: { outBizCode: md5Hex(JSON.stringify(trace)), ...trace },
  });
  const form = new URLSearchParams([
    ["api_name", "STO_TRACE_PLATFORM_PUSH"],
    ["content", content],
    ["from_appkey", "sto_trace_platform"],
    ["from_code", "sto_trace_platform"],
    ["to_appkey", target.appKey],
    ["to_code", target.resourceCode],
    ["data_digest", md5Base64(content + target.secretKey)],
  ]);
  return {
    method: "POST",
    url: target.url,
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    body: form.toString(),
  };
}
