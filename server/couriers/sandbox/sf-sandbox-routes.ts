/**
 * EXP_RECE_SEARCH_ROUTES (PROTOCOLS.md §1.4, opCodes §1.5): a realistic trajectory that unfolds
 * with the caller's clock — 50 收件 when collected, 30 / 36 / 31 through the hubs, 44 派送 and
 * finally 80 签收 — oldest first, times in Asia/Shanghai.
 */
import {
  findByTrackingNo,
  orderDetails,
  PICKUP_AFTER_MS,
  type SandboxWaybill,
  type SfOrderDetails,
  type SfService,
  syncPickup,
} from "./sf-sandbox-store";
import { asRecord, asText, missing, refuse, shanghaiText, success } from "./sf-sandbox-wire";

const HOUR = 3_600_000;

type Places = { from: string; fromOutlet: string; to: string; toOutlet: string };

/** One route node, `afterMs` after collection. */
const STEPS: {
  afterMs: number;
  opCode: string;
  at: "from" | "to";
  remark: (p: Places) => string;
}[] = [
  { afterMs: 0, opCode: "50", at: "from", remark: () => "顺丰速运 已收取快件" },
  {
    afterMs: 2 * HOUR,
    opCode: "30",
    at: "from",
    remark: (p) => `快件在【${p.fromOutlet}】完成分拣,准备发往 【${p.from}中转场】`,
  },
  { afterMs: 3 * HOUR, opCode: "36", at: "from", remark: () => "快件已发车" },
  { afterMs: 10 * HOUR, opCode: "31", at: "to", remark: (p) => `快件到达 【${p.to}中转场】` },
  {
    afterMs: 12 * HOUR,
    opCode: "30",
    at: "to",
    remark: (p) => `快件在【${p.to}中转场】完成分拣,准备发往 【${p.toOutlet}】`,
  },
  { afterMs: 16 * HOUR, opCode: "31", at: "to", remark: (p) => `快件到达 【${p.toOutlet}】` },
  {
    afterMs: 18 * HOUR,
    opCode: "44",
    at: "to",
    remark: () => "正在派送途中,请您准备签收(派件人:王师傅,电话:95338)",
  },
  {
    afterMs: 22 * HOUR,
    opCode: "80",
    at: "to",
    remark: () => "已签收,感谢使用顺丰,期待再次为您服务",
  },
];

function places(details: SfOrderDetails | undefined): Places {
  const from = details?.sender.city ?? "深圳市";
  const to = details?.recipient.city ?? "深圳市";
  return {
    from,
    fromOutlet: `${from}${details?.sender.district ?? ""}营业点`,
    to,
    toOutlet: `${to}${details?.recipient.district ?? ""}营业点`,
  };
}

/** The routes visible at `nowMs`: none before collection, none for a cancelled order. */
export function trajectory(
  waybill: SandboxWaybill,
  details: SfOrderDetails | undefined,
  nowMs: number,
) {
  syncPickup(waybill, nowMs);
  if (!waybill.pickedUp) return [];
  const createdMs = waybill.createdAt.getTime();
  // Collected on schedule, or "now" when a test flagged pickedUp before the schedule.
  const collectedMs = Math.max(createdMs, Math.min(createdMs + PICKUP_AFTER_MS, nowMs));
  const where = places(details);
  return STEPS.filter((step) => collectedMs + step.afterMs <= nowMs).map((step) => ({
    acceptAddress: step.at === "from" ? where.from : where.to,
    acceptTime: shanghaiText(collectedMs + step.afterMs),
    remark: step.remark(where),
    opCode: step.opCode,
  }));
}

/** Whether `last4` matches the sender's or recipient's phone (checkPhoneNo, §1.4). */
function phoneMatches(last4: string, details: SfOrderDetails | undefined): boolean {
  if (!details) return true;
  return [details.sender.mobile, details.recipient.mobile].some((m) => m.endsWith(last4));
}

/** EXP_RECE_SEARCH_ROUTES by waybill number (trackingType 1) or order id (2). */
export const searchRoutes: SfService = (msgData, { state, nowMs }) => {
  const query = asRecord(msgData);
  if (!query) return missing("trackingNumber");
  const type = asText(query.trackingType) ?? "1";
  if (type !== "1" && type !== "2") return missing("trackingType");
  const raw = query.trackingNumber;
  const numbers = (Array.isArray(raw) ? raw.map(asText) : (asText(raw)?.split(",") ?? [])).filter(
    (n): n is string => n !== undefined && n !== "",
  );
  if (numbers.length === 0) return refuse("8013", "未传入查询单号");
  if (numbers.length > 10) return refuse("8003", "查询单号超过最大数量10");
  const last4 = asText(query.checkPhoneNo);
  return success({
    routeResps: numbers.map((number) => {
      const waybill = type === "1" ? findByTrackingNo(state, number) : state.waybills.get(number);
      if (!waybill) return { mailNo: number, routes: [] };
      const details = orderDetails(state).get(waybill.orderId);
      // A wrong phone check hides the routes rather than failing the whole query.
      if (last4 && !phoneMatches(last4, details)) return { mailNo: waybill.trackingNo, routes: [] };
      return { mailNo: waybill.trackingNo, routes: trajectory(waybill, details, nowMs) };
    }),
  });
};
