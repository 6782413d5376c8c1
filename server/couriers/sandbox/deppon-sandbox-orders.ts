/**
 * DOP standard-order createOrderNotify and cancelOrder played by the sandbox (PROTOCOLS.md §8).
 * The 渠道单号 (logisticID) must start with the account's `sign`; the rest is our order id. A
 * repeated logisticID is refused (3002), so a retried create learns it as DUPLICATE.
 */
import type { SandboxState } from "@/server/couriers/contract";
import {
  asRecord,
  asText,
  type DepponAccount,
  type DepponApiHandler,
  type DepponOrderDetails,
  depponOrderDetails,
  type DepponSandboxWaybill,
  digitsOf,
  ok,
  refuse,
  shortCity,
  syncPickup,
} from "./deppon-sandbox-wire";

/** 标准快递, 大件快递360, 精准卡航, 精准汽运(长途): the products the sandbox accepts. */
const TRANSPORT_TYPES = new Set(["PACKAGE", "RCP", "JZKH", "JZQY_LONG"]);

type Party = DepponOrderDetails["sender"];

function readParty(block: unknown, role: "sender" | "receiver"): Party | string {
  const record = asRecord(block) ?? {};
  for (const field of ["name", "province", "city", "address"]) {
    if (!asText(record[field])) return `${role}.${field}不能为空`;
  }
  const mobile = asText(record.mobile) ?? asText(record.phone);
  if (!mobile) return `${role}.mobile与phone不能同时为空`;
  if (!/^1\d{10}$/.test(mobile) && !/^[\d-]{7,20}$/.test(mobile)) return `${role}.mobile格式不正确`;
  return {
    province: asText(record.province) ?? "",
    city: asText(record.city) ?? "",
    district: asText(record.county) ?? "",
    mobile,
  };
}

/** Our order id inside a logisticID, or undefined when it is not this account's. */
export function orderIdOf(logisticID: string, account: DepponAccount): string | undefined {
  return logisticID.startsWith(account.sign) && logisticID.length > account.sign.length
    ? logisticID.slice(account.sign.length)
    : undefined;
}

function validate(params: Record<string, unknown>, account: DepponAccount) {
  const logisticID = asText(params.logisticID);
  if (!logisticID) return "logisticID不能为空";
  if (logisticID.length > 32) return "logisticID长度不能超过32位";
  const orderId = orderIdOf(logisticID, account);
  if (!orderId) return `logisticID须以sign(${account.sign})开头`;
  if (asText(params.companyCode) !== account.companyCode) return "companyCode与请求不一致";
  const transportType = asText(params.transportType) ?? "";
  if (!TRANSPORT_TYPES.has(transportType)) return `不支持的运输方式${transportType}`;
  const sender = readParty(params.sender, "sender");
  if (typeof sender === "string") return sender;
  const recipient = readParty(params.receiver, "receiver");
  if (typeof recipient === "string") return recipient;
  const pkg = asRecord(params.packageInfo) ?? {};
  if (!asText(pkg.cargoName)) return "packageInfo.cargoName不能为空";
  if (pkg.totalWeight !== undefined && !(Number(pkg.totalWeight) >= 0)) {
    return "packageInfo.totalWeight须为数字";
  }
  return { logisticID, orderId, sender, recipient };
}

export const createOrderNotify: DepponApiHandler = (
  params,
  { state, nowMs, account, requestKey },
) => {
  if (asText(params.customerCode) !== account.customerCode) {
    return refuse("2004", "客户编码不存在或未与companyCode绑定", requestKey);
  }
  const valid = validate(params, account);
  if (typeof valid === "string") return refuse("3001", valid, requestKey);
  const { logisticID, orderId, sender, recipient } = valid;
  if (state.waybills.has(orderId)) return refuse("3002", "渠道单号重复", requestKey);

  const waybill: DepponSandboxWaybill = {
    orderId,
    // DPK + 13 digits, like the documented DPK6234021100151.
    trackingNo: `DPK62${String(state.nextSeq()).padStart(11, "0")}`,
    cancelled: false,
    pickedUp: false,
    sortingCode: `${shortCity(recipient.city)}${recipient.district}营业部`,
    createdAt: new Date(nowMs),
  };
  const order: DepponOrderDetails = {
    companyCode: account.companyCode,
    logisticID,
    sender,
    recipient,
    arrivedOrgSimpleName: waybill.sortingCode,
    arrivedOutFieldName: `${shortCity(recipient.city)}转运场`,
    stationNo: `W${digitsOf(`${recipient.city}${recipient.district}`, 6)}`,
  };
  state.waybills.set(orderId, waybill);
  depponOrderDetails(state).set(orderId, order);
  return ok(requestKey, {
    mailNo: waybill.trackingNo,
    logisticID,
    arrivedOrgSimpleName: order.arrivedOrgSimpleName,
    arrivedOutFieldName: order.arrivedOutFieldName,
    stationNo: order.stationNo,
  });
};

function findOrder(state: SandboxState, logisticID: string, account: DepponAccount) {
  const orderId = orderIdOf(logisticID, account);
  const order = orderId === undefined ? undefined : depponOrderDetails(state).get(orderId);
  // Another company's order with the same id is not this account's to see.
  if (!orderId || !order || order.companyCode !== account.companyCode) return undefined;
  return state.waybills.get(orderId);
}

export const cancelOrder: DepponApiHandler = (params, { state, nowMs, account, requestKey }) => {
  const logisticID = asText(params.logisticID);
  if (!logisticID) return refuse("3001", "logisticID不能为空", requestKey);
  const waybill = findOrder(state, logisticID, account);
  const mailNo = asText(params.mailNo);
  if (!waybill || (mailNo !== undefined && mailNo !== waybill.trackingNo)) {
    return refuse("3003", "订单不存在", requestKey);
  }
  if (waybill.cancelled) return refuse("3005", "订单已撤销", requestKey);
  syncPickup(waybill, nowMs);
  if (waybill.pickedUp) return refuse("3004", "订单已揽收，不能撤销", requestKey);
  waybill.cancelled = true;
  return ok(requestKey, { logisticID, mailNo: waybill.trackingNo });
};
