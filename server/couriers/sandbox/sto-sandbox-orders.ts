/**
 * OMS_EXPRESS_ORDER_CREATE and EDI_MODIFY_ORDER_CANCEL played by the sandbox. Field names and the
 * reply (`orderNo`, `waybillNo`, `bigWord`, `packagePlace`, `safeNo`; cancel answers "成功")
 * follow public STO clients. STO documents no reply for a repeated orderNo in PROTOCOLS.md; the
 * sandbox answers it with the first order's waybill (idempotent), which our retried creates
 * rely on.
 */
import type { SandboxState } from "@/server/couriers/contract";
import {
  asRecord,
  asText,
  findByWaybillNo,
  md5Hex,
  ok,
  refuse,
  shortCity,
  type StoApiHandler,
  type StoOrderDetails,
  stoOrderDetails,
  type StoSandboxWaybill,
  syncPickup,
} from "./sto-sandbox-wire";

type PartyDetails = StoOrderDetails["sender"];
const REQUIRED = ["name", "province", "city", "address"] as const;

/** Reads one party block, or names its first missing field ("receiver.address不能为空"). */
function readParty(
  block: unknown,
  prefix: "sender" | "receiver",
): { party: PartyDetails } | { missing: string } {
  const record = asRecord(block) ?? {};
  for (const name of REQUIRED) if (!asText(record[name])) return { missing: `${prefix}.${name}` };
  const mobile = asText(record.mobile) ?? asText(record.tel);
  if (!mobile) return { missing: `${prefix}.mobile` };
  return { party: { city: asText(record.city) ?? "", area: asText(record.area) ?? "", mobile } };
}

/** 大头笔 ("877-342-213"), 集包地 and 安全号 as STO prints them, stable for a destination. */
function label(receiver: PartyDetails, seq: number) {
  const hex = md5Hex(`sto:${receiver.city}${receiver.area}`);
  const part = (from: number) => String(parseInt(hex.slice(from, from + 6), 16) % 1000);
  return {
    bigWord: `${part(0).padStart(3, "0")}-${part(6).padStart(3, "0")}-${part(12).padStart(3, "0")}`,
    packagePlace: `${shortCity(receiver.city)}转运中心`,
    safeNo: `950${String(seq).padStart(11, "0")}`,
  };
}

function createdData(waybill: StoSandboxWaybill, order: StoOrderDetails) {
  return {
    orderNo: waybill.orderId,
    waybillNo: waybill.trackingNo,
    bigWord: order.bigWord,
    packagePlace: order.packagePlace,
    sourceOrderId: waybill.orderId,
    safeNo: order.safeNo,
  };
}

/** The branch e-waybill account in `customer` must be the one the branch issued, when it has one. */
function customerRefusal(content: Record<string, unknown>, branch: Record<string, string>) {
  if (!branch.siteCode) return undefined;
  const sent = asRecord(content.customer) ?? {};
  const same = (key: string) => asText(sent[key]) === branch[key];
  if (!same("siteCode") || !same("customerName")) return "网点编号或客户编码不存在";
  if (!same("sitePwd")) return "网点密码错误";
  return undefined;
}

/** Builds the create handler for the account that signed the request. */
export function createOrder(branch: Record<string, string>): StoApiHandler {
  return (content, { state, nowMs }) => {
    const orderId = asText(content.orderNo);
    if (!orderId) return refuse("PARAM_ERROR", "orderNo不能为空");
    if (!asText(content.orderSource)) return refuse("PARAM_ERROR", "orderSource不能为空");
    const sender = readParty(content.sender, "sender");
    if ("missing" in sender) return refuse("PARAM_ERROR", `${sender.missing}不能为空`);
    const receiver = readParty(content.receiver, "receiver");
    if ("missing" in receiver) return refuse("PARAM_ERROR", `${receiver.missing}不能为空`);
    const refusal = customerRefusal(content, branch);
    if (refusal) return refuse("CUSTOMER_ERROR", refusal);

    const known = state.waybills.get(orderId);
    const knownDetails = stoOrderDetails(state).get(orderId);
    if (known && knownDetails) return ok(createdData(known, knownDetails));

    const seq = state.nextSeq();
    const order: StoOrderDetails = {
      ...label(receiver.party, seq),
      sender: sender.party,
      receiver: receiver.party,
    };
    const waybill: StoSandboxWaybill = {
      orderId,
      // 13 digits starting 773, the shape of STO's current numbers.
      trackingNo: `773${String(seq).padStart(10, "0")}`,
      cancelled: false,
      pickedUp: false,
      sortingCode: order.bigWord,
      createdAt: new Date(nowMs),
    };
    state.waybills.set(orderId, waybill);
    stoOrderDetails(state).set(orderId, order);
    return ok(createdData(waybill, order));
  };
}

function findOrder(state: SandboxState, billCode?: string, sourceOrderId?: string) {
  if (billCode) return findByWaybillNo(state, billCode);
  return sourceOrderId ? state.waybills.get(sourceOrderId) : undefined;
}

/** EDI_MODIFY_ORDER_CANCEL: refused once the courier has collected the parcel. */
export const cancelOrder: StoApiHandler = (content, { state, nowMs }) => {
  const billCode = asText(content.billCode);
  const sourceOrderId = asText(content.sourceOrderId);
  if (!billCode && !sourceOrderId) return refuse("PARAM_ERROR", "billCode与sourceOrderId必传其一");
  if (!asText(content.orderSource)) return refuse("PARAM_ERROR", "orderSource不能为空");
  const waybill = findOrder(state, billCode, sourceOrderId);
  if (!waybill) return refuse("ORDER_NOT_EXIST", "订单不存在");
  if (waybill.cancelled) return refuse("ORDER_CANCELED", "订单已取消");
  syncPickup(waybill, nowMs);
  if (waybill.pickedUp) return refuse("ORDER_COLLECTED", "该订单已揽收，不允许取消");
  waybill.cancelled = true;
  return ok("成功");
};
