/**
 * Cainiao logistics details in the sandbox: a realistic trajectory in the target courier's words
 * that unfolds with the sandbox clock, CNTECH_LV_LOGISTICS_DETAIL_GET (`fullTraceDetail` items
 * `{time, desc, city, status}`, statuses ACCEPT / TRANSPORT / DELIVERING / SIGN as public Cainiao
 * clients read them) and CNTECH_LV_LOGISTICS_DETAIL_SUBSCRIBE.
 */
import type { SandboxState, WireResponse } from "@/server/couriers/contract";
import {
  asRecord,
  asText,
  type CainiaoApiHandler,
  type CainiaoOrderDetails,
  cainiaoOrderDetails,
  type CainiaoSandboxWaybill,
  COURIERS,
  findWaybill,
  ok,
  PICKUP_AFTER_MS,
  refuse,
  shanghaiText,
  shortCity,
  syncPickup,
} from "./cainiao-sandbox-wire";

/** One `fullTraceDetail` item. */
export type CainiaoSandboxTrace = { time: string; desc: string; city: string; status: string };

const HOUR = 3_600_000;
type Places = { from: string; fromOutlet: string; fromHub: string } & {
  to: string;
  toHub: string;
  toOutlet: string;
  courier: string;
};
type Step = { afterMs: number; status: string; at: "from" | "to"; desc: (p: Places) => string };

/** The trajectory, `afterMs` after collection. */
const STEPS: Step[] = [
  {
    afterMs: 0,
    status: "ACCEPT",
    at: "from",
    desc: (p) => `【${p.from}】${p.courier}【${p.fromOutlet}】已揽收`,
  },
  {
    afterMs: HOUR,
    status: "TRANSPORT",
    at: "from",
    desc: (p) => `【${p.from}】快件离开【${p.fromOutlet}】已发往【${p.fromHub}】`,
  },
  {
    afterMs: 3 * HOUR,
    status: "TRANSPORT",
    at: "from",
    desc: (p) => `【${p.from}】快件已到达【${p.fromHub}】`,
  },
  {
    afterMs: 4 * HOUR,
    status: "TRANSPORT",
    at: "from",
    desc: (p) => `【${p.from}】快件离开【${p.fromHub}】已发往【${p.toHub}】`,
  },
  {
    afterMs: 14 * HOUR,
    status: "TRANSPORT",
    at: "to",
    desc: (p) => `【${p.to}】快件已到达【${p.toHub}】`,
  },
  {
    afterMs: 19 * HOUR,
    status: "DELIVERING",
    at: "to",
    desc: (p) => `【${p.to}】【${p.toOutlet}】快递员王伟(13800002222)正在为您派件`,
  },
  {
    afterMs: 22 * HOUR,
    status: "SIGN",
    at: "to",
    desc: (p) => `【${p.to}】快件已签收，签收人：本人。如有疑问请联系快递员王伟(13800002222)`,
  },
];

const STATUS_TEXT: Record<string, string> = {
  WAIT_ACCEPT: "待揽收",
  ACCEPT: "已揽件",
  TRANSPORT: "运输中",
  DELIVERING: "派件中",
  SIGN: "已签收",
};

function places(order: CainiaoOrderDetails | undefined): Places {
  const from = order?.sender.city ?? "杭州市";
  const to = order?.recipient.city ?? "杭州市";
  return {
    courier: COURIERS[order?.cpCode ?? ""]?.name ?? "快递",
    from,
    fromOutlet: `${shortCity(from)}${order?.sender.district ?? ""}网点`,
    fromHub: `${shortCity(from)}转运中心`,
    to,
    toHub: `${shortCity(to)}转运中心`,
    toOutlet: `${shortCity(to)}${order?.recipient.district ?? ""}网点`,
  };
}

/** The traces visible at `nowMs`, oldest first: none before collection or once cancelled. */
export function cainiaoTraces(
  state: SandboxState,
  waybill: CainiaoSandboxWaybill,
  nowMs: number,
): CainiaoSandboxTrace[] {
  syncPickup(waybill, nowMs);
  if (!waybill.pickedUp) return [];
  const createdMs = waybill.createdAt.getTime();
  // Collected on schedule, or "now" when a test flagged pickedUp before the schedule.
  const collectedMs = Math.max(createdMs, Math.min(createdMs + PICKUP_AFTER_MS, nowMs));
  const where = places(cainiaoOrderDetails(state).get(waybill.orderId));
  return STEPS.filter((step) => collectedMs + step.afterMs <= nowMs).map((step) => ({
    time: shanghaiText(collectedMs + step.afterMs),
    desc: step.desc(where),
    city: step.at === "from" ? where.from : where.to,
    status: step.status,
  }));
}

/** The `arg0` of a logistics-detail call after the appCode check, or the refusal. */
function detailTarget(
  body: Record<string, unknown>,
  account: Record<string, string>,
): { refusal: WireResponse } | { cpCode: string; mailNo: string } {
  const arg0 = asRecord(body.arg0) ?? {};
  const cpCode = asText(arg0.cpCode);
  const mailNo = asText(arg0.mailNo);
  const appCode = asText(arg0.appCode);
  if (!appCode || !cpCode || !mailNo) {
    return { refusal: refuse("isv.invalid-parameter", "appCode、cpCode和mailNo不能为空") };
  }
  if (account.appCode && account.appCode !== appCode) {
    return { refusal: refuse("isv.app-code-invalid", "appCode无效或未授权") };
  }
  return { cpCode, mailNo };
}

/** CNTECH_LV_LOGISTICS_DETAIL_GET: an unknown number simply has no traces yet. */
export const detailGet: CainiaoApiHandler = (body, { state, nowMs, account }) => {
  const target = detailTarget(body, account);
  if ("refusal" in target) return target.refusal;
  const waybill = findWaybill(state, target.cpCode, target.mailNo);
  const traces = waybill ? cainiaoTraces(state, waybill, nowMs) : [];
  const status = traces.at(-1)?.status ?? "WAIT_ACCEPT";
  return ok({
    mailNo: target.mailNo,
    cpCode: target.cpCode,
    logisticsStatus: status,
    logisticsStatusDesc: STATUS_TEXT[status] ?? status,
    fullTraceDetail: traces,
  });
};

const subscriptions = new WeakMap<SandboxState, Set<string>>();

/** `cpCode:mailNo` pairs subscribed through CNTECH_LV_LOGISTICS_DETAIL_SUBSCRIBE. */
export function cainiaoSubscriptions(state: SandboxState): ReadonlySet<string> {
  return subscriptions.get(state) ?? new Set();
}

/** CNTECH_LV_LOGISTICS_DETAIL_SUBSCRIBE. */
export const detailSubscribe: CainiaoApiHandler = (body, { state, account }) => {
  const target = detailTarget(body, account);
  if ("refusal" in target) return target.refusal;
  const subscribed = subscriptions.get(state) ?? new Set<string>();
  subscribed.add(`${target.cpCode}:${target.mailNo}`);
  subscriptions.set(state, subscribed);
  return ok({});
};
