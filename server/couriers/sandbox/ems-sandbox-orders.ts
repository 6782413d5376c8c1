/**
 * 020003 (订单接入) and 020006 (订单取消) played by the sandbox. The order fields follow public EMS
 * clients (PROTOCOLS.md §10 names none). EMS documents no reply for a repeated logisticsOrderNo
 * there; the sandbox answers it with the first order's waybill (idempotent), which is what our
 * retried creates rely on.
 */
import type { SandboxState } from "@/server/couriers/contract";
import {
  asRecord,
  asText,
  type EmsApiHandler,
  type EmsOrderDetails,
  emsOrderDetails,
  type EmsSandboxWaybill,
  findByWaybillNo,
  md5Hex,
  RET,
  reply,
  shortCity,
  syncPickup,
} from "./ems-sandbox-wire";

type PartyDetails = EmsOrderDetails["sender"];
const REQUIRED = ["name", "prov", "city", "address"] as const;

/** Reads one party block, or names its first missing field ("sender.name不能为空"). */
function readParty(
  block: unknown,
  prefix: "sender" | "receiver",
): { party: PartyDetails } | { missing: string } {
  const record = asRecord(block) ?? {};
  for (const name of REQUIRED) if (!asText(record[name])) return { missing: `${prefix}.${name}` };
  const mobile = asText(record.mobile) ?? asText(record.phone);
  if (!mobile) return { missing: `${prefix}.mobile` };
  return {
    party: {
      city: asText(record.city) ?? "",
      county: asText(record.county) ?? "",
      mobile,
    },
  };
}

/** Route code, 大头笔 and 集包地 EMS prints, stable for a destination. */
function label(receiver: PartyDetails): Omit<EmsOrderDetails, "sender" | "receiver"> {
  const hex = md5Hex(`ems:${receiver.city}${receiver.county}`);
  const n = (from: number, mod: number) => parseInt(hex.slice(from, from + 6), 16) % mod;
  const city = shortCity(receiver.city);
  const post = String(100 + n(0, 800)).padStart(3, "0");
  return {
    routeCode: `${post}-${String(n(6, 100)).padStart(2, "0")}-${String(n(12, 100)).padStart(2, "0")}`,
    markDestinationName: `${city} ${receiver.county.replace(/[区县市]$/, "")}`.trim(),
    markDestinationCode: `${post}${String(n(18, 1000)).padStart(3, "0")}`,
    packageCode: `${post}00100`,
    packageCodeName: `${city}邮区中心局`,
  };
}

function createdBody(waybill: EmsSandboxWaybill, order: EmsOrderDetails) {
  return {
    logisticsOrderNo: waybill.orderId,
    waybillNo: waybill.trackingNo,
    routeCode: order.routeCode,
    packageCode: order.packageCode,
    packageCodeName: order.packageCodeName,
    markDestinationCode: order.markDestinationCode,
    markDestinationName: order.markDestinationName,
  };
}

/** 020003 (订单接入). Public clients send a one-element list; a bare object is accepted too. */
export const createOrder: EmsApiHandler = (body, { state, nowMs }) => {
  const refuse = (message: string) => reply(RET.business, message, null, nowMs);
  const record = asRecord(Array.isArray(body) ? (body as unknown[])[0] : body);
  if (!record) return refuse("订单信息不能为空");
  const orderId = asText(record.logisticsOrderNo);
  if (!orderId) return refuse("logisticsOrderNo不能为空");
  const sender = readParty(record.sender, "sender");
  if ("missing" in sender) return refuse(`${sender.missing}不能为空`);
  const receiver = readParty(record.receiver, "receiver");
  if ("missing" in receiver) return refuse(`${receiver.missing}不能为空`);
  const cargos = Array.isArray(record.cargos) ? (record.cargos as unknown[]) : [];
  if (!cargos.length || !cargos.every((c) => asText(asRecord(c)?.cargoName))) {
    return refuse("cargos.cargoName不能为空");
  }

  const known = state.waybills.get(orderId);
  const knownDetails = emsOrderDetails(state).get(orderId);
  if (known && knownDetails) return reply(RET.ok, "成功", createdBody(known, knownDetails), nowMs);

  const waybill: EmsSandboxWaybill = {
    orderId,
    // 13 digits starting 1100, like the EMS e-commerce numbers of the logged pushes.
    trackingNo: `1100${String(state.nextSeq()).padStart(9, "0")}`,
    cancelled: false,
    pickedUp: false,
    sortingCode: "",
    createdAt: new Date(nowMs),
  };
  const order: EmsOrderDetails = {
    ...label(receiver.party),
    sender: sender.party,
    receiver: receiver.party,
  };
  waybill.sortingCode = order.markDestinationName;
  state.waybills.set(orderId, waybill);
  emsOrderDetails(state).set(orderId, order);
  return reply(RET.ok, "成功", createdBody(waybill, order), nowMs);
};

function findOrder(state: SandboxState, waybillNo?: string, orderId?: string) {
  if (waybillNo) return findByWaybillNo(state, waybillNo);
  return orderId ? state.waybills.get(orderId) : undefined;
}

/** 020006: refused once the postman has collected the parcel (收寄). */
export const cancelOrder: EmsApiHandler = (body, { state, nowMs }) => {
  const refuse = (message: string) => reply(RET.business, message, null, nowMs);
  const record = asRecord(Array.isArray(body) ? (body as unknown[])[0] : body) ?? {};
  const waybillNo = asText(record.waybillNo);
  const orderId = asText(record.logisticsOrderNo);
  if (!waybillNo && !orderId) return refuse("waybillNo与logisticsOrderNo不能同时为空");
  if (!asText(record.cancelReason)) return refuse("cancelReason不能为空");
  const waybill = findOrder(state, waybillNo, orderId);
  if (!waybill) return refuse("订单不存在");
  if (waybill.cancelled) return refuse("订单已取消，请勿重复操作");
  syncPickup(waybill, nowMs);
  if (waybill.pickedUp) return refuse("邮件已收寄，不能取消订单");
  waybill.cancelled = true;
  return reply(RET.ok, "成功", null, nowMs);
};
