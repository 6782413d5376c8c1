/**
 * The 白马 e-waybill APIs played by the sandbox: accountOrder/createBmOrder and cancelBmOrder
 * (PROTOCOLS.md §7, jellyfrank/yd-sdk order.py). Both take `{appid, partner_id, secret,
 * orders:[…]}` and answer one item per order with `status` "1" (done) or "0" and a Chinese `msg`.
 * A repeated order_serial_no answers the first order's waybill (idempotent), the behaviour our
 * retried creates rely on.
 */
import type { SandboxState, WireResponse } from "@/server/couriers/contract";
import {
  asRecord,
  asText,
  findByMailNo,
  hubName,
  md5Hex,
  ok,
  refuse,
  syncPickup,
  type YundaApiHandler,
  type YundaOrderDetails,
  yundaOrderDetails,
  type YundaSandboxWaybill,
} from "./yunda-sandbox-wire";

type Item = Record<string, unknown>;
type Party = YundaOrderDetails["sender"];

/** The 白马 account fields every BM API carries, checked against the app's account. */
function bmAccountRefusal(
  body: Record<string, unknown>,
  account: Record<string, string>,
  appKey: string,
): WireResponse | undefined {
  if (asText(body.appid) !== appKey) return refuse("4003", "appid与app-key不一致");
  if (asText(body.partner_id) !== account.partnerId || asText(body.secret) !== account.secret) {
    return refuse("4004", "白马账号或密码错误");
  }
  if (!Array.isArray(body.orders) || body.orders.length === 0) {
    return refuse("4003", "orders不能为空");
  }
  return undefined;
}

/** Reads one party; the address must hold province, city and district comma-separated. */
function readParty(block: unknown, role: "sender" | "receiver"): Party | string {
  const record = asRecord(block) ?? {};
  const name = asText(record.name);
  const address = asText(record.address);
  const mobile = asText(record.mobile) ?? asText(record.phone);
  if (!name) return `${role}.name不能为空`;
  if (!mobile) return `${role}.mobile与phone不能同时为空`;
  if (!address) return `${role}.address不能为空`;
  const parts = address.split(",");
  if (parts.length < 4) return `${role}.address须包含省市区并以半角逗号隔开`;
  return {
    province: asText(record.province) ?? parts[0] ?? "",
    city: asText(record.city) ?? parts[1] ?? "",
    district: asText(record.county) ?? parts[2] ?? "",
    mobile,
  };
}

/** The label parts Yunda prints: 三段码 (position), its short number and the 集包地. */
function label(recipient: Party) {
  const hex = md5Hex(`yunda:${recipient.city}${recipient.district}`);
  const digits = (from: number, mod: number, width: number) =>
    String(parseInt(hex.slice(from, from + 6), 16) % mod).padStart(width, "0");
  return {
    position: `${100 + Number(digits(0, 800, 3))} ${digits(6, 1000, 3)}-${digits(12, 100, 2)}`,
    positionNo: digits(18, 100, 2),
    packageCenter: hubName(recipient),
  };
}

const failed = (serialNo: string | undefined, msg: string) => ({
  order_serial_no: serialNo ?? "",
  mail_no: "",
  status: "0",
  msg,
});

function done(waybill: YundaSandboxWaybill, order: YundaOrderDetails, msg: string) {
  const pdfInfo = [
    {
      mail_no: waybill.trackingNo,
      position: order.position,
      position_no: order.positionNo,
      package_wdjc: order.packageCenter,
    },
  ];
  return {
    order_serial_no: order.orderSerialNo,
    mail_no: waybill.trackingNo,
    pdf_info: JSON.stringify(pdfInfo),
    status: "1",
    msg,
  };
}

function findBySerial(state: SandboxState, serialNo: string) {
  for (const [orderId, order] of yundaOrderDetails(state)) {
    const waybill = state.waybills.get(orderId);
    if (order.orderSerialNo === serialNo && waybill) return { waybill, order };
  }
  return undefined;
}

function createOne(item: Item, state: SandboxState, nowMs: number) {
  const serialNo = asText(item.order_serial_no);
  if (!serialNo) return failed(serialNo, "order_serial_no不能为空");
  if (!/^\w{1,50}$/.test(serialNo)) {
    return failed(serialNo, "order_serial_no只能由字母、数字、下划线组成");
  }
  const known = findBySerial(state, serialNo);
  if (known) return done(known.waybill, known.order, "订单已存在，返回原运单号");
  if (asText(item.order_type) !== "common") return failed(serialNo, "order_type不合法");
  const sender = readParty(item.sender, "sender");
  if (typeof sender === "string") return failed(serialNo, sender);
  const recipient = readParty(item.receiver, "receiver");
  if (typeof recipient === "string") return failed(serialNo, recipient);
  if (item.weight !== undefined && !(Number(item.weight) >= 0)) {
    return failed(serialNo, "weight须为数字");
  }
  const orderId = asText(item.khddh) ?? serialNo;
  const waybill: YundaSandboxWaybill = {
    orderId,
    // 13 digits starting 4312, like Yunda's e-waybill numbers.
    trackingNo: `4312${String(state.nextSeq()).padStart(9, "0")}`,
    cancelled: false,
    pickedUp: false,
    sortingCode: "",
    createdAt: new Date(nowMs),
  };
  const order: YundaOrderDetails = {
    orderSerialNo: serialNo,
    sender,
    recipient,
    ...label(recipient),
  };
  waybill.sortingCode = order.position;
  state.waybills.set(orderId, waybill);
  yundaOrderDetails(state).set(orderId, order);
  return done(waybill, order, "下单成功");
}

export const createBmOrder: YundaApiHandler = (body, { state, nowMs, appKey, account }) => {
  const refusal = bmAccountRefusal(body, account, appKey);
  if (refusal) return refusal;
  const orders = body.orders as unknown[];
  return ok(orders.map((item) => createOne(asRecord(item) ?? {}, state, nowMs)));
};

function cancelOne(item: Item, state: SandboxState, nowMs: number) {
  const serialNo = asText(item.order_serial_no);
  const mailNo = asText(item.mailno);
  const reply = (status: "0" | "1", msg: string) => ({
    order_serial_no: serialNo ?? "",
    mailno: mailNo ?? "",
    status,
    msg,
  });
  if (!serialNo && !mailNo) return reply("0", "order_serial_no与mailno不能同时为空");
  const waybill = serialNo
    ? findBySerial(state, serialNo)?.waybill
    : findByMailNo(state, mailNo ?? "");
  if (!waybill || (mailNo && waybill.trackingNo !== mailNo)) return reply("0", "订单不存在");
  if (waybill.cancelled) return reply("0", "订单已取消，请勿重复操作");
  syncPickup(waybill, nowMs);
  if (waybill.pickedUp) return reply("0", "运单已揽收，不能取消");
  waybill.cancelled = true;
  return reply("1", "取消成功");
}

export const cancelBmOrder: YundaApiHandler = (body, { state, nowMs, appKey, account }) => {
  const refusal = bmAccountRefusal(body, account, appKey);
  if (refusal) return refusal;
  const orders = body.orders as unknown[];
  return ok(orders.map((item) => cancelOne(asRecord(item) ?? {}, state, nowMs)));
};
