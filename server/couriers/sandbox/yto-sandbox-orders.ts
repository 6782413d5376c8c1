/**
 * privacy_create_adapter and korder_cancel_adapter played by the sandbox (PROTOCOLS.md §6). YTO
 * documents no reply for a repeated logisticsNo; the sandbox answers it with the first order's
 * waybill (idempotent), the behaviour our retried creates rely on.
 */
import {
  asRecord,
  asText,
  md5Hex,
  ok,
  refuse,
  shortCity,
  syncPickup,
  YTO_CODE,
  type YtoMethodHandler,
  type YtoOrderDetails,
  ytoOrderDetails,
  type YtoSandboxWaybill,
} from "./yto-sandbox-wire";

type Place = YtoOrderDetails["sender"];
const REQUIRED = ["Name", "ProvinceName", "CityName", "Address", "Mobile"] as const;

/** One party's flat fields (`senderName`, `recipientCityName`, …), or its first missing one. */
function readPlace(
  param: Record<string, unknown>,
  prefix: "sender" | "recipient",
): { place: Place } | { missing: string } {
  const field = (name: string) => asText(param[`${prefix}${name}`]);
  for (const name of REQUIRED) if (!field(name)) return { missing: `${prefix}${name}` };
  return {
    place: {
      province: field("ProvinceName") ?? "",
      city: field("CityName") ?? "",
      district: field("CountyName") ?? "",
      mobile: field("Mobile") ?? "",
    },
  };
}

/** The 三段码 YTO prints ("210-091 044"), stable for a destination. */
function shortAddress(recipient: Place): string {
  const hex = md5Hex(`yto:${recipient.province}${recipient.city}${recipient.district}`);
  const n = (from: number) =>
    String(parseInt(hex.slice(from, from + 6), 16) % 1000).padStart(3, "0");
  return `${n(0)}-${n(6)} ${n(12)}`;
}

function createReply(waybill: YtoSandboxWaybill, order: YtoOrderDetails) {
  return ok({
    logisticsNo: waybill.orderId,
    mailNo: waybill.trackingNo,
    shortAddress: waybill.sortingCode,
    packageCenterName: order.packageCenterName,
  });
}

export const create: YtoMethodHandler = (param, { state, nowMs }) => {
  const orderId = asText(param.logisticsNo);
  if (!orderId) return refuse(YTO_CODE.missing, "logisticsNo不能为空");
  const sender = readPlace(param, "sender");
  if ("missing" in sender) return refuse(YTO_CODE.missing, `${sender.missing}不能为空`);
  const recipient = readPlace(param, "recipient");
  if ("missing" in recipient) return refuse(YTO_CODE.missing, `${recipient.missing}不能为空`);
  const goods = Array.isArray(param.goods) ? param.goods : [];
  if (!goods.every((item) => asText(asRecord(item)?.name))) {
    return refuse(YTO_CODE.missing, "goods.name不能为空");
  }

  const known = state.waybills.get(orderId);
  const knownDetails = ytoOrderDetails(state).get(orderId);
  if (known && knownDetails) return createReply(known, knownDetails);

  const waybill: YtoSandboxWaybill = {
    orderId,
    // YT + 13 digits, the shape of YTO numbers (YT9383342193097).
    trackingNo: `YT7${String(state.nextSeq()).padStart(12, "0")}`,
    cancelled: false,
    pickedUp: false,
    sortingCode: shortAddress(recipient.place),
    createdAt: new Date(nowMs),
  };
  const order: YtoOrderDetails = {
    sender: sender.place,
    recipient: recipient.place,
    packageCenterName: `${shortCity(recipient.place.city)}转运中心`,
  };
  state.waybills.set(orderId, waybill);
  ytoOrderDetails(state).set(orderId, order);
  return createReply(waybill, order);
};

export const cancel: YtoMethodHandler = (param, { state, nowMs }) => {
  const orderId = asText(param.logisticsNo);
  if (!orderId) return refuse(YTO_CODE.missing, "logisticsNo不能为空");
  if (!asText(param.cancelDesc)) return refuse(YTO_CODE.missing, "cancelDesc不能为空");
  const waybill = state.waybills.get(orderId);
  if (!waybill) return refuse(YTO_CODE.notFound, "订单不存在");
  if (waybill.cancelled) return refuse(YTO_CODE.cancelled, "订单已取消");
  syncPickup(waybill, nowMs);
  if (waybill.pickedUp) return refuse(YTO_CODE.pickedUp, "订单已揽收，不能取消");
  waybill.cancelled = true;
  return ok({ logisticsNo: orderId, mailNo: waybill.trackingNo });
};
