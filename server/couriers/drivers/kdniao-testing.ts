/** Shared fixtures of the Kdniao driver tests: one account, one order, independent signing. */
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import {
  type CourierAccountConfig,
  CourierError,
  type WaybillOrder,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";

export const account: CourierAccountConfig = {
  courier: "kdniao",
  environment: "sandbox",
  baseUrl: "https://console.test/api/sandbox/kdniao/",
  credentials: { EBusinessID: "1237100", ApiKey: "test-api-key" },
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
  sender: { ...party, company: "仓库" },
  recipient: {
    ...party,
    name: "李四",
    mobile: "13900005678",
    city: "上海市",
    district: "浦东新区",
  },
  weightG: 1500,
  goods: [{ name: "鞋子", quantity: 2, unitValueFen: 1999 }],
  productCode: "ZTO",
};

/** Independent DataSign: Base64 of the lower-case hex MD5 string. */
export const sign = (data: string, key: string): string =>
  Buffer.from(
    createHash("md5")
      .update(data + key)
      .digest("hex"),
  ).toString("base64");
export const form = (request: WireRequest): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(request.body));
export const requestData = (request: WireRequest): unknown =>
  JSON.parse(form(request).RequestData ?? "");
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
