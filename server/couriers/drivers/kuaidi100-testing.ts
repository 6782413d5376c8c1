/** Shared fixtures of the Kuaidi100 driver tests: one account, one order, independent signing. */
import { createHash } from "node:crypto";
import {
  type CourierAccountConfig,
  CourierError,
  type WaybillOrder,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";

export const account: CourierAccountConfig = {
  courier: "kuaidi100",
  environment: "sandbox",
  baseUrl: "https://console.test/api/sandbox/kuaidi100",
  credentials: { customer: "CUST", key: "k100key", secret: "k100secret", salt: "pepper" },
};
export const ctx = { now: new Date("2024-05-01T02:00:00Z"), requestId: "req-1" };

const party = {
  name: "张三",
  mobile: "13800001234",
  province: "浙江省",
  city: "杭州市",
  district: "西湖区",
  address: "文三路 100 号",
};
export const order: WaybillOrder = {
  orderId: "P-1",
  sender: party,
  recipient: { ...party, name: "李四", mobile: "13900005678", company: "收货公司" },
  weightG: 1500,
  goods: [
    { name: "鞋子", quantity: 2 },
    { name: "袜子", quantity: 1 },
  ],
  declaredValueFen: 50000,
  productCode: "ZhongTong",
};

/** Independent UPPER(HEX(MD5(text))). */
export const md5Upper = (text: string): string =>
  createHash("md5").update(text).digest("hex").toUpperCase();
export const form = (request: WireRequest): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(request.body));
export const reply = (body: unknown, status = 200): WireResponse => ({
  status,
  headers: {},
  body: typeof body === "string" ? body : JSON.stringify(body),
});

export function caught(run: () => unknown): CourierError {
  try {
    run();
  } catch (error) {
    if (error instanceof CourierError) return error;
    throw error;
  }
  throw new Error("expected a CourierError");
}
