/**
 * Yunda traces in the sandbox: a realistic trajectory that unfolds with the caller's clock (揽收,
 * 分拨中心 hops, 派件, 签收 with the scan actions of PROTOCOLS.md §7), and the trace query
 * `/openapi/outer/logictis/query` answering `data {mailno, status, steps:[…]}`.
 */
import type { SandboxState } from "@/server/couriers/contract";
import {
  asText,
  findByMailNo,
  hubName,
  ok,
  PICKUP_AFTER_MS,
  refuse,
  shanghaiText,
  shortName,
  syncPickup,
  type YundaApiHandler,
  type YundaOrderDetails,
  yundaOrderDetails,
  type YundaSandboxWaybill,
} from "./yunda-sandbox-wire";

/** One step as the trace query returns it. */
export type YundaSandboxStep = {
  time: string;
  city: string;
  action: string;
  description: string;
  station: string;
};

const HOUR = 3_600_000;

type Places = {
  from: string;
  fromBranch: string;
  fromHub: string;
  to: string;
  toHub: string;
  toBranch: string;
};

type Step = {
  afterMs: number;
  action: string;
  at: "from" | "to";
  station: (p: Places) => string;
  description: (p: Places) => string;
};

const COURIER = "李四 18212345741";

/** The trajectory, `afterMs` after collection, in Yunda's wording. */
const STEPS: Step[] = [
  {
    afterMs: 0,
    action: "GOT",
    at: "from",
    station: (p) => p.fromBranch,
    description: (p) => `【${p.fromBranch}】已揽收`,
  },
  {
    afterMs: HOUR,
    action: "DEPARTURE",
    at: "from",
    station: (p) => p.fromBranch,
    description: (p) => `【${p.fromBranch}】已发出，下一站【${p.fromHub}】`,
  },
  {
    afterMs: 3 * HOUR,
    action: "ARRIVAL",
    at: "from",
    station: (p) => p.fromHub,
    description: (p) => `快件已到达【${p.fromHub}】`,
  },
  {
    afterMs: 4 * HOUR,
    action: "DEPARTURE",
    at: "from",
    station: (p) => p.fromHub,
    description: (p) => `【${p.fromHub}】已发出，下一站【${p.toHub}】`,
  },
  {
    afterMs: 14 * HOUR,
    action: "ARRIVAL",
    at: "to",
    station: (p) => p.toHub,
    description: (p) => `快件已到达【${p.toHub}】`,
  },
  {
    afterMs: 15 * HOUR,
    action: "DEPARTURE",
    at: "to",
    station: (p) => p.toHub,
    description: (p) => `【${p.toHub}】已发出，下一站【${p.toBranch}】`,
  },
  {
    afterMs: 18 * HOUR,
    action: "ARRIVAL",
    at: "to",
    station: (p) => p.toBranch,
    description: (p) => `快件已到达【${p.toBranch}】`,
  },
  {
    afterMs: 19 * HOUR,
    action: "SENT",
    at: "to",
    station: (p) => p.toBranch,
    description: (p) => `【${p.toBranch}】派件员：${COURIER} 正在为您派件`,
  },
  {
    afterMs: 22 * HOUR,
    action: "SIGNED",
    at: "to",
    station: (p) => p.toBranch,
    description: () => `快件已被 本人 签收，如有疑问请联系派件员：${COURIER}，感谢使用韵达快递！`,
  },
];

function places(order: YundaOrderDetails | undefined): Places {
  const sender = order?.sender ?? { province: "上海市", city: "上海市", district: "", mobile: "" };
  const recipient = order?.recipient ?? sender;
  const branch = (p: typeof sender) =>
    `${shortName(p.province)}${shortName(p.city)}${p.district}公司`;
  return {
    from: sender.city,
    fromBranch: branch(sender),
    fromHub: hubName(sender),
    to: recipient.city,
    toHub: hubName(recipient),
    toBranch: branch(recipient),
  };
}

/** The steps visible at `nowMs`, oldest first: none before collection or once cancelled. */
export function yundaSteps(
  state: SandboxState,
  waybill: YundaSandboxWaybill,
  nowMs: number,
): YundaSandboxStep[] {
  syncPickup(waybill, nowMs);
  if (!waybill.pickedUp) return [];
  const createdMs = waybill.createdAt.getTime();
  // Collected on schedule, or "now" when a test flagged pickedUp before the schedule.
  const collectedMs = Math.max(createdMs, Math.min(createdMs + PICKUP_AFTER_MS, nowMs));
  const where = places(yundaOrderDetails(state).get(waybill.orderId));
  return STEPS.filter((step) => collectedMs + step.afterMs <= nowMs).map((step) => ({
    time: shanghaiText(collectedMs + step.afterMs),
    city: step.at === "from" ? where.from : where.to,
    action: step.action,
    description: step.description(where),
    station: step.station(where),
  }));
}

/**
 * The trace query. A malformed number is refused (4003); a well-formed number Yunda never
 * issued simply has no steps yet, as a real courier answers a number it has not scanned.
 */
export const logisticsQuery: YundaApiHandler = (body, { state, nowMs }) => {
  const mailNo = asText(body.mailno);
  if (!mailNo) return refuse("4003", "mailno不能为空");
  if (!/^\d{13,15}$/.test(mailNo)) return refuse("4003", "mailno格式不正确");
  const waybill = findByMailNo(state, mailNo);
  const steps = waybill ? yundaSteps(state, waybill, nowMs) : [];
  return ok({ mailno: mailNo, status: steps.at(-1)?.action ?? "", steps });
};
