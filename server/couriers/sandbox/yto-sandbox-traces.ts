/**
 * track_query_adapter played by the sandbox (PROTOCOLS.md §6): a realistic YTO trajectory that
 * unfolds with the caller's clock (GOT 已收件, DEPARTURE/ARRIVAL through the centres, SENT_SCAN
 * 派件中, SIGNED 已签收), answered as a bare array of `{waybill_No, upload_Time, infoContent,
 * processInfo, city, district}` [?], or "1001 查询结果为空" when there is nothing to show.
 */
import type { SandboxState } from "@/server/couriers/contract";
import {
  asText,
  findByMailNo,
  ok,
  PICKUP_AFTER_MS,
  refuse,
  shanghaiText,
  shortCity,
  syncPickup,
  YTO_CODE,
  type YtoMethodHandler,
  type YtoOrderDetails,
  ytoOrderDetails,
  type YtoSandboxWaybill,
} from "./yto-sandbox-wire";

/** One trace as the trace query returns it. */
export type YtoSandboxTrace = Record<string, string>;

const HOUR = 3_600_000;

type Node = { name: string; city: string; district: string };
type Places = { fromCompany: Node; fromHub: Node; toHub: Node; toCompany: Node };

type Step = { afterMs: number; info: string; at: keyof Places; text: (p: Places) => string };

const STEPS: Step[] = [
  {
    afterMs: 0,
    info: "GOT",
    at: "fromCompany",
    text: (p) => `【${p.fromCompany.name}】 已收件 取件人: 王师傅 (13800138003)`,
  },
  {
    afterMs: HOUR,
    info: "DEPARTURE",
    at: "fromCompany",
    text: (p) => `【${p.fromCompany.name}】 已发出 下一站 【${p.fromHub.name}】`,
  },
  {
    afterMs: 3 * HOUR,
    info: "ARRIVAL",
    at: "fromHub",
    text: (p) => `【${p.fromHub.name}】 已收入`,
  },
  {
    afterMs: 4 * HOUR,
    info: "DEPARTURE",
    at: "fromHub",
    text: (p) => `【${p.fromHub.name}】 已发出 下一站 【${p.toHub.name}】`,
  },
  { afterMs: 14 * HOUR, info: "ARRIVAL", at: "toHub", text: (p) => `【${p.toHub.name}】 已收入` },
  {
    afterMs: 15 * HOUR,
    info: "DEPARTURE",
    at: "toHub",
    text: (p) => `【${p.toHub.name}】 已发出 下一站 【${p.toCompany.name}】`,
  },
  {
    afterMs: 18 * HOUR,
    info: "ARRIVAL",
    at: "toCompany",
    text: (p) => `【${p.toCompany.name}】 已收入`,
  },
  {
    afterMs: 19 * HOUR,
    info: "SENT_SCAN",
    at: "toCompany",
    text: (p) =>
      `【${p.toCompany.name}】 派件中 派件人: 李师傅 电话 13900139004 如有疑问，请联系：95554`,
  },
  {
    afterMs: 22 * HOUR,
    info: "SIGNED",
    at: "toCompany",
    text: () => "客户 签收人: 本人 已签收 感谢使用圆通速递，期待再次为您服务",
  },
];

function places(order: YtoOrderDetails | undefined): Places {
  const node = (place: YtoOrderDetails["sender"] | undefined, hub: boolean): Node => {
    const city = place?.city ?? "上海市";
    const district = place?.district ?? "";
    // "河南省郑州市中原区公司", but "上海市青浦区公司" where the province is the city itself.
    const province = place?.province ?? "";
    const prefix = province.startsWith(shortCity(city)) ? "" : province;
    const name = hub ? `${shortCity(city)}转运中心` : `${prefix}${city}${district}公司`;
    return { name, city, district: hub ? "" : district };
  };
  return {
    fromCompany: node(order?.sender, false),
    fromHub: node(order?.sender, true),
    toHub: node(order?.recipient, true),
    toCompany: node(order?.recipient, false),
  };
}

/** The traces visible at `nowMs`, oldest first: none before collection or once cancelled. */
export function ytoTraces(
  state: SandboxState,
  waybill: YtoSandboxWaybill,
  nowMs: number,
): YtoSandboxTrace[] {
  syncPickup(waybill, nowMs);
  if (!waybill.pickedUp) return [];
  const createdMs = waybill.createdAt.getTime();
  // Collected on schedule, or "now" when a test flagged pickedUp before the schedule.
  const collectedMs = Math.max(createdMs, Math.min(createdMs + PICKUP_AFTER_MS, nowMs));
  const where = places(ytoOrderDetails(state).get(waybill.orderId));
  return STEPS.filter((step) => collectedMs + step.afterMs <= nowMs).map((step) => ({
    waybill_No: waybill.trackingNo,
    upload_Time: shanghaiText(collectedMs + step.afterMs),
    infoContent: step.info,
    processInfo: step.text(where),
    city: where[step.at].city,
    district: where[step.at].district,
  }));
}

export const track: YtoMethodHandler = (param, { state, nowMs }) => {
  const number = asText(param.NUMBER);
  if (!number) return refuse(YTO_CODE.missing, "NUMBER不能为空");
  const waybill = findByMailNo(state, number);
  const traces = waybill ? ytoTraces(state, waybill, nowMs) : [];
  return traces.length > 0 ? ok(traces) : refuse(YTO_CODE.empty, "查询结果为空");
};
