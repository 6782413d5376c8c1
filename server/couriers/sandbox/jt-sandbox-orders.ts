/**
 * order/addOrder and order/cancelOrder played by the sandbox (PROTOCOLS.md §5.1). Both carry the
 * business digest inside bizContent. The refusal codes beyond §5.1 follow the J&T code table in
 * the public simulator lovemaoli/oomall (`ReturnError.java`) [?]; in particular a repeated
 * txlogisticId is refused with 145003101 rather than answered with the first waybill.
 */
import {
  asRecord,
  asText,
  type JtAccount,
  type JtApiHandler,
  type JtOrderDetails,
  jtOrderDetails,
  type JtOutcome,
  type JtSandboxWaybill,
  jtSandboxBusinessDigest,
  md5Hex,
  refuse,
  shanghaiText,
  shortCity,
  success,
  syncPickup,
} from "./jt-sandbox-wire";

/** The business digest check of every order API (§5.1), or the refusal. */
export function checkOrderAuth(
  biz: Record<string, unknown>,
  account: JtAccount,
): JtOutcome | undefined {
  const customerCode = asText(biz.customerCode);
  const digest = asText(biz.digest);
  if (!customerCode || !digest) return refuse("145003050", "非法参数");
  const { customerCode: issued, password, privateKey } = account;
  if (!issued || password === undefined || customerCode !== issued) {
    return refuse("145002002", "业务参数签名失败");
  }
  if (jtSandboxBusinessDigest(customerCode, password, privateKey) !== digest) {
    return refuse("145002002", "业务参数签名失败");
  }
  return undefined;
}

type Place = JtOrderDetails["sender"];

/** A sender / receiver block with its required fields, or undefined when incomplete. */
function readPlace(value: unknown): Place | undefined {
  const block = asRecord(value) ?? {};
  const name = asText(block.name);
  const mobile = asText(block.mobile) ?? asText(block.phone);
  const prov = asText(block.prov);
  const city = asText(block.city);
  const address = asText(block.address);
  if (!name || !mobile || !prov || !city || !address) return undefined;
  return { prov, city, area: asText(block.area) ?? "", mobile };
}

/** The 三段码 J&T prints ("755 V01-12"), stable for a destination. */
function sortingCode(receiver: Place): string {
  const hex = md5Hex(`jt:${receiver.prov}${receiver.city}${receiver.area}`);
  const n = (from: number, mod: number) => parseInt(hex.slice(from, from + 6), 16) % mod;
  const letter = String.fromCharCode(65 + n(6, 26));
  return `${100 + n(0, 900)} ${letter}${String(n(12, 100)).padStart(2, "0")}-${String(n(18, 100)).padStart(2, "0")}`;
}

/** 首重 8 元 + 2 元 per further started kilogram, as a yuan string like "10.00". */
function freight(weightKg: number): string {
  return (8 + 2 * Math.max(0, Math.ceil(weightKg) - 1)).toFixed(2);
}

export const addOrder: JtApiHandler = (biz, { state, nowMs, account }) => {
  const denied = checkOrderAuth(biz, account);
  if (denied) return denied;
  const orderId = asText(biz.txlogisticId);
  if (!orderId || orderId.length > 50) return refuse("145003082", "客户订单号不能为空或过长");
  const serviceType = asText(biz.serviceType);
  if (serviceType !== "01" && serviceType !== "02") {
    return refuse("145003200", "请检查服务类型是否合法值为 01或 02");
  }
  const sender = readPlace(biz.sender);
  if (!sender) return refuse("145003083", "发件人信息不全");
  const receiver = readPlace(biz.receiver);
  if (!receiver) return refuse("145003084", "收件人信息不全");
  if (serviceType === "01" && (!asText(biz.sendStartTime) || !asText(biz.sendEndTime))) {
    return refuse("145003088", "上门服务时间信息不全");
  }
  const weight = Number(biz.weight);
  if (!Number.isFinite(weight) || weight <= 0) return refuse("145003092", "重量信息不合法");
  const items = Array.isArray(biz.items) ? biz.items : [];
  if (items.length === 0 || !items.every((item) => asText(asRecord(item)?.itemName))) {
    return refuse("145003093", "物品信息不全");
  }
  if (state.waybills.has(orderId)) return refuse("145003101", "客户订单号已存在,无法下单！");

  const waybill: JtSandboxWaybill = {
    orderId,
    // JT + 13 digits, the shape of J&T China numbers.
    trackingNo: `JT5${String(state.nextSeq()).padStart(12, "0")}`,
    cancelled: false,
    pickedUp: false,
    sortingCode: sortingCode(receiver),
    createdAt: new Date(nowMs),
  };
  const lastCenterName = `${shortCity(receiver.city)}转运中心`;
  state.waybills.set(orderId, waybill);
  jtOrderDetails(state).set(orderId, { sender, receiver, lastCenterName });
  return success({
    txlogisticId: orderId,
    billCode: waybill.trackingNo,
    sortingCode: waybill.sortingCode,
    lastCenterName,
    sumFreight: freight(weight),
    createOrderTime: shanghaiText(nowMs),
  });
};

export const cancelOrder: JtApiHandler = (biz, { state, nowMs, account }) => {
  const denied = checkOrderAuth(biz, account);
  if (denied) return denied;
  const orderId = asText(biz.txlogisticId);
  if (!orderId) return refuse("145003082", "客户订单号不能为空或过长");
  if (!asText(biz.reason)) return refuse("145003089", "取消原因不能为空");
  const waybill = state.waybills.get(orderId);
  if (!waybill) return refuse("145003064", "查不到数据");
  if (waybill.cancelled) return refuse("145003202", "已取消状态不可修改");
  syncPickup(waybill, nowMs);
  if (waybill.pickedUp) return refuse("145003201", "已取件状态不可修改");
  waybill.cancelled = true;
  return success({ billCode: waybill.trackingNo, txlogisticId: orderId });
};
