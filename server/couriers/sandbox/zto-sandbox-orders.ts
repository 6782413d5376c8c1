/**
 * zto.open.createOrder and zto.open.cancelPreOrder played by the sandbox (PROTOCOLS.md §4.2).
 * ZTO documents no reply for a repeated partnerOrderCode; the sandbox answers it with the first
 * order's waybill (idempotent), the behaviour our retried creates rely on.
 */
import type { SandboxState, WireResponse } from "@/server/couriers/contract";
import {
  asRecord,
  asText,
  findByBillCode,
  md5Hex,
  ok,
  refuse,
  shanghaiText,
  shortCity,
  syncPickup,
  type ZtoApiHandler,
  type ZtoOrderDetails,
  ztoOrderDetails,
  type ZtoSandboxWaybill,
} from "./zto-sandbox-wire";

type PartyDetails = ZtoOrderDetails["sender"];
const REQUIRED = ["Name", "Province", "City", "Address"] as const;

/** Reads one party block, or names its first missing field (S208 "XX不能为空"). */
function readParty(
  block: unknown,
  prefix: "sender" | "receiver",
): { party: PartyDetails } | { missing: string } {
  const record = asRecord(block) ?? {};
  const field = (name: string) => asText(record[`${prefix}${name}`]);
  for (const name of REQUIRED) if (!field(name)) return { missing: `${prefix}${name}` };
  // Either phone will do for ZTO; the mobile is what the trace query's last-4 check uses.
  const mobile = field("Mobile") ?? field("Phone");
  if (!mobile) return { missing: `${prefix}Mobile` };
  return { party: { city: field("City") ?? "", district: field("District") ?? "", mobile } };
}

/** The 大头笔 ("300- H12 09") and 集包地 ("沪西") ZTO prints, stable for a destination. */
function label(recipient: { city: string; district: string }, sender: { city: string }) {
  const dest = md5Hex(`zto:${recipient.city}${recipient.district}`);
  const origin = md5Hex(`zto:${sender.city}`);
  const digits = (hex: string, from: number, mod: number) =>
    parseInt(hex.slice(from, from + 6), 16) % mod;
  const letter = String.fromCharCode(65 + digits(dest, 6, 26));
  return {
    mark: `${300 + digits(dest, 0, 600)}- ${letter}${String(digits(dest, 12, 100)).padStart(2, "0")} ${String(digits(dest, 18, 100)).padStart(2, "0")}`,
    bagAddr: `${shortCity(recipient.city)}中心`,
    siteCode: String(digits(origin, 0, 100_000)).padStart(5, "0"),
    siteName: shortCity(sender.city),
  };
}

function createReply(waybill: ZtoSandboxWaybill, order: ZtoOrderDetails): WireResponse {
  return ok({
    bigMarkInfo: { bagAddr: order.bagAddr, mark: order.mark },
    verifyCode: null,
    siteCode: order.siteCode,
    signBillInfo: null,
    siteName: order.siteName,
    billCode: waybill.trackingNo,
    orderCode: order.orderCode,
    partnerOrderCode: waybill.orderId,
  });
}

export const createOrder: ZtoApiHandler = (body, { state, nowMs }) => {
  const orderId = asText(body.partnerOrderCode);
  if (!orderId) return refuse("S208", "partnerOrderCode不能为空");
  const sender = readParty(body.senderInfo, "sender");
  if ("missing" in sender) return refuse("S208", `${sender.missing}不能为空`);
  const recipient = readParty(body.receiveInfo, "receiver");
  if ("missing" in recipient) return refuse("S208", `${recipient.missing}不能为空`);

  const known = state.waybills.get(orderId);
  const knownDetails = ztoOrderDetails(state).get(orderId);
  if (known && knownDetails) return createReply(known, knownDetails);

  const seq = state.nextSeq();
  const waybill: ZtoSandboxWaybill = {
    orderId,
    // 14 digits starting 73, like the documented 73100196611386.
    trackingNo: `7310${String(seq).padStart(10, "0")}`,
    cancelled: false,
    pickedUp: false,
    sortingCode: "",
    createdAt: new Date(nowMs),
  };
  const parts = label(recipient.party, sender.party);
  waybill.sortingCode = parts.mark;
  const date = shanghaiText(nowMs).slice(2, 10).replaceAll("-", "");
  const order: ZtoOrderDetails = {
    ...parts,
    // 18 digits: yyMMdd + sequence, like the documented 250522000006047100.
    orderCode: `${date}${String(seq).padStart(12, "0")}`,
    orderType: asText(body.orderType) ?? "1",
    sender: sender.party,
    recipient: recipient.party,
  };
  state.waybills.set(orderId, waybill);
  ztoOrderDetails(state).set(orderId, order);
  return createReply(waybill, order);
};

function findOrder(state: SandboxState, billCode?: string, orderCode?: string) {
  if (billCode) return findByBillCode(state, billCode);
  for (const [orderId, order] of ztoOrderDetails(state)) {
    if (order.orderCode === orderCode) return state.waybills.get(orderId);
  }
  return undefined;
}

/**
 * Business refusals travel as S202 ("后端服务调用抛出异常") carrying the backend's message: ZOP
 * documents no codes of their own for them, and the message is what a client can act on.
 */
export const cancelPreOrder: ZtoApiHandler = (body, { state, nowMs }) => {
  const cancelType = asText(body.cancelType);
  if (!cancelType) return refuse("S208", "cancelType不能为空");
  if (!/^[1-7]$/.test(cancelType)) return refuse("S208", "cancelType不合法");
  const billCode = asText(body.billCode);
  const orderCode = asText(body.orderCode);
  if (!billCode && !orderCode) return refuse("S208", "orderCode与billCode必传其一");
  const waybill = findOrder(state, billCode, orderCode);
  if (!waybill) return refuse("S202", "订单不存在");
  if (waybill.cancelled) return refuse("S202", "订单已取消");
  syncPickup(waybill, nowMs);
  if (waybill.pickedUp) return refuse("S202", "订单已揽收，不能取消");
  waybill.cancelled = true;
  return ok({}, "SYS000", "请求成功");
};
