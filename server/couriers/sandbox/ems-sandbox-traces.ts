/**
 * EMS traces in the sandbox: a realistic trajectory that unfolds with the caller's clock (收寄,
 * mail centres, 投递, 妥投), the 040001 trace query, and the SM4-encrypted 040002 push EMS would
 * POST to a merchant. Trace fields follow public EMS clients; the operation codes are those a
 * public push receiver switches on (203 收寄 … 748 妥投), the others are illustrative [?].
 */
import type { SandboxState, WireRequest } from "@/server/couriers/contract";
import {
  asText,
  type EmsApiHandler,
  type EmsOrderDetails,
  emsOrderDetails,
  type EmsSandboxWaybill,
  findByWaybillNo,
  md5Hex,
  PICKUP_AFTER_MS,
  RET,
  reply,
  shanghaiText,
  shortCity,
  sm4Seal,
  syncPickup,
} from "./ems-sandbox-wire";

/** One trace as EMS sends it: an item of the trace query and the decrypted push. */
export type EmsSandboxTrace = Record<string, string>;

const HOUR = 3_600_000;

type Places = {
  from: string;
  fromOffice: string;
  fromCentre: string;
  to: string;
  toCentre: string;
  toOffice: string;
};

type Step = {
  afterMs: number;
  opCode: string;
  opName: string;
  at: "from" | "to";
  org: (p: Places) => string;
  desc: (p: Places) => string;
  operator?: string;
};

/** The trajectory, `afterMs` after collection. */
const STEPS: Step[] = [
  {
    afterMs: 0,
    opCode: "203",
    opName: "收寄",
    at: "from",
    org: (p) => p.fromOffice,
    desc: (p) => `【${p.fromOffice}】已收寄，揽投员：陈师傅，电话：18900001111`,
    operator: "陈师傅",
  },
  {
    afterMs: 2 * HOUR,
    opCode: "305",
    opName: "离开处理中心",
    at: "from",
    org: (p) => p.fromCentre,
    desc: (p) => `离开【${p.fromCentre}】，下一站【${p.toCentre}】`,
  },
  {
    afterMs: 14 * HOUR,
    opCode: "306",
    opName: "到达处理中心",
    at: "to",
    org: (p) => p.toCentre,
    desc: (p) => `到达【${p.toCentre}】`,
  },
  {
    afterMs: 16 * HOUR,
    opCode: "305",
    opName: "离开处理中心",
    at: "to",
    org: (p) => p.toCentre,
    desc: (p) => `离开【${p.toCentre}】，下一站【${p.toOffice}】`,
  },
  {
    afterMs: 20 * HOUR,
    opCode: "702",
    opName: "投递",
    at: "to",
    org: (p) => p.toOffice,
    desc: (p) => `【${p.toOffice}】安排投递，投递员：王师傅，电话：18900002222`,
    operator: "王师傅",
  },
  {
    afterMs: 23 * HOUR,
    opCode: "748",
    opName: "妥投",
    at: "to",
    org: (p) => p.toOffice,
    desc: (p) =>
      `【${p.toOffice}】已签收，本人收，投递员：王师傅，电话：18900002222。感谢使用中国邮政！`,
    operator: "王师傅",
  },
];

function places(order: EmsOrderDetails | undefined): Places {
  const from = order?.sender.city ?? "北京市";
  const to = order?.receiver.city ?? "北京市";
  return {
    from,
    fromOffice: `${shortCity(from)}${order?.sender.county ?? ""}揽投部`,
    fromCentre: `${shortCity(from)}邮区中心局`,
    to,
    toCentre: `${shortCity(to)}邮区中心局`,
    toOffice: `${shortCity(to)}${order?.receiver.county ?? ""}揽投部`,
  };
}

/** The traces visible at `nowMs`, oldest first: none before collection or once cancelled. */
export function emsTraces(
  state: SandboxState,
  waybill: EmsSandboxWaybill,
  nowMs: number,
): EmsSandboxTrace[] {
  syncPickup(waybill, nowMs);
  if (!waybill.pickedUp) return [];
  const createdMs = waybill.createdAt.getTime();
  // Collected on schedule, or "now" when a test flagged pickedUp before the schedule.
  const collectedMs = Math.max(createdMs, Math.min(createdMs + PICKUP_AFTER_MS, nowMs));
  const where = places(emsOrderDetails(state).get(waybill.orderId));
  return STEPS.filter((step) => collectedMs + step.afterMs <= nowMs).map((step) => {
    const org = step.org(where);
    return {
      waybillNo: waybill.trackingNo,
      opTime: shanghaiText(collectedMs + step.afterMs),
      opCode: step.opCode,
      opName: step.opName,
      opDesc: step.desc(where),
      opOrgCity: step.at === "from" ? where.from : where.to,
      opOrgName: org,
      // 8-digit organisation code, stable per office.
      opOrgCode: String(parseInt(md5Hex(org).slice(0, 8), 16) % 100_000_000).padStart(8, "0"),
      ...(step.operator ? { operatorName: step.operator } : {}),
    };
  });
}

/** 040001: an unknown but well-formed number simply has no traces yet. */
export const trackQuery: EmsApiHandler = (body, { state, nowMs }) => {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const waybillNo = asText(record.waybillNo);
  if (!waybillNo) return reply(RET.business, "waybillNo不能为空", null, nowMs);
  const waybill = findByWaybillNo(state, waybillNo);
  const responseItems = waybill ? emsTraces(state, waybill, nowMs) : [];
  return reply(RET.ok, "成功", { responseItems }, nowMs);
};

/** Where and as which customer the sandbox pushes. */
export type EmsPushTarget = { url: string; senderNo: string; signKey: string };

/**
 * The 040002 push EMS would POST: a JSON envelope whose `logitcsInterface` is the trace JSON
 * SM4-encrypted under the customer's key (no key suffix, unlike requests).
 */
export function emsPushRequest(target: EmsPushTarget, trace: EmsSandboxTrace): WireRequest {
  const data = JSON.stringify(trace);
  return {
    method: "POST",
    url: target.url,
    headers: { "content-type": "application/json;charset=UTF-8" },
    body: JSON.stringify({
      logitcsInterface: sm4Seal(data, target.signKey),
      method: "040002",
      msgType: "0",
      senderNo: target.senderNo,
      serialNo: md5Hex(data).toUpperCase(),
      timeStamp: trace.opTime ?? "",
      version: "v1.0.0",
    }),
  };
}
