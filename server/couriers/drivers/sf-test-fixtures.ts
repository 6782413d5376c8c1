/**
 * Shared fixtures for the SF driver and sandbox tests: one account, a fixed clock, two parties,
 * an order, and builders for SF reply envelopes.
 */
import type {
  CourierAccountConfig,
  Party,
  WaybillOrder,
  WireResponse,
} from "@/server/couriers/contract";
import { sfDriver } from "./sf";

export const account: CourierAccountConfig = {
  courier: "sf",
  environment: "sandbox",
  baseUrl: "https://sfapi-sbox.sf-express.com/",
  credentials: { partnerID: "PARTNER01", checkWord: "CHECKWORD01", monthlyCard: "7551234567" },
};
// 2025-05-26 09:55:52 in Asia/Shanghai.
export const ctx = { now: new Date("2025-05-26T01:55:52.000Z"), requestId: "req-0001" };
export const TS = String(ctx.now.getTime());

export const sender: Party = {
  name: "张三丰",
  mobile: "17006805888",
  company: "清雅轩",
  province: "广东省",
  city: "深圳市",
  district: "南山区",
  address: "科技园 1 号",
};
export const recipient: Party = {
  name: "郭襄阳",
  mobile: "18963828829",
  province: "湖北省",
  city: "襄阳市",
  district: "襄城区",
  address: "环城东路122号",
};
export const order: WaybillOrder = {
  orderId: "P-1001",
  sender,
  recipient,
  weightG: 1500,
  goods: [{ name: "地毯", quantity: 2, unitValueFen: 30800 }],
  pickup: { start: new Date("2025-05-26T06:00:00Z"), end: new Date("2025-05-26T08:00:00Z") },
};
/** The optional operations of the driver, asserted present. */
export function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("sfDriver lacks an operation the test needs");
  return value;
}
export const bookPickup = need(sfDriver.bookPickup);
export const estimate = need(sfDriver.estimate);
export const push = need(sfDriver.push);
export const pickupWindow = need(order.pickup);

export const reply = (inner: unknown, outer: Record<string, unknown> = {}): WireResponse => ({
  status: 200,
  headers: { "content-type": "application/json;charset=UTF-8" },
  body: JSON.stringify({
    apiErrorMsg: "",
    apiResponseID: "0001744CC789C63FEA6B56FB9F4ED53F",
    apiResultCode: "A1000",
    apiResultData: JSON.stringify(inner),
    ...outer,
  }),
});
export const ok = (msgData: unknown) =>
  reply({ success: true, errorCode: "S0000", errorMsg: null, msgData });
export const fail = (errorCode: string, errorMsg: string) =>
  reply({ success: false, errorCode, errorMsg, msgData: null });
export const platform = (code: string, msg: string) =>
  reply(null, { apiResultCode: code, apiErrorMsg: msg, apiResultData: null });
