import { describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  type WireResponse,
} from "@/server/couriers/contract";
import { jtDriver } from "./jt";
import { JT_SIGNATURE_MESSAGE } from "./jt-errors";

const account: CourierAccountConfig = {
  courier: "jt",
  environment: "sandbox",
  baseUrl: "https://uat-openapi.jtexpress.com.cn/webopenplatformapi/api",
  credentials: { apiAccount: "A1", privateKey: "K1", customerCode: "C1", password: "P1" },
};
const input = { orderId: "P-1", trackingNo: "JT5000000000001" };

const reply = (body: unknown, status = 200): WireResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const failure = (code: string, msg: string) => reply({ code, msg, data: null, requestId: "r" });

/** The thrown CourierError, for assertions on kind and texts. */
function thrown(run: () => unknown): CourierError {
  try {
    run();
  } catch (error) {
    if (error instanceof CourierError) return error;
    throw error;
  }
  throw new Error("expected a CourierError");
}

describe("jtDriver error mapping", () => {
  it.each([
    ["145003030", "Headers签名失败", "SIGNATURE"],
    ["145002002", "业务参数签名失败", "SIGNATURE"],
    ["145003051", "apiAccount为空", "INVALID"],
    ["145003052", "digest为空", "INVALID"],
    ["145003053", "timestamp为空", "INVALID"],
    ["145003050", "非法参数", "INVALID"],
    ["145003010", "账号不存在", "AUTH"],
    ["145003012", "无权限", "AUTH"],
    ["145003101", "客户订单号已存在,无法下单！", "DUPLICATE"],
    ["145002001", "订单重复,无需重复下单！", "DUPLICATE"],
    ["145003201", "已取件状态不可修改", "ALREADY_PICKED_UP"],
    ["145003202", "已取消状态不可修改", "ALREADY_CANCELLED"],
    ["145003064", "查不到数据", "NOT_FOUND"],
    ["145005000", "系统错误", "UNAVAILABLE"],
    ["145003084", "收件人信息不全", "INVALID"],
    ["145003088", "上门服务时间信息不全", "INVALID"],
    ["999", "未知错误", "INVALID"],
  ] as const)("maps %s %s to %s and keeps J&T's text", (code, msg, kind) => {
    const error = thrown(() => jtDriver.cancelWaybill.parse(failure(code, msg), input, account));
    expect(error).toMatchObject({ kind, courierCode: code, courierMessage: msg });
    expect(error.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("maps a numeric error code like its string form", () => {
    const error = thrown(() =>
      jtDriver.cancelWaybill.parse(reply({ code: 145003030, msg: "x" }), input, account),
    );
    expect(error).toMatchObject({ kind: "SIGNATURE", courierCode: "145003030" });
    expect(error.message).toBe(JT_SIGNATURE_MESSAGE);
  });

  it.each([
    ["garbage", reply("<html>502</html>"), "UNAVAILABLE", "MALFORMED"],
    ["a reply without code", reply({ msg: "success" }), "UNAVAILABLE", "MALFORMED"],
    ["success without billCode", reply({ code: "1", data: {} }), "UNAVAILABLE", "MALFORMED"],
    ["HTTP 429", reply("busy", 429), "RATE_LIMITED", "HTTP_429"],
    ["HTTP 403", reply("forbidden", 403), "UNAVAILABLE", "HTTP_403"],
  ] as const)("maps %s to %s", (_, response, kind, courierCode) => {
    const order = {
      orderId: "P-1",
      sender: { name: "a", mobile: "1", province: "p", city: "c", district: "d", address: "x" },
      recipient: { name: "b", mobile: "2", province: "p", city: "c", district: "d", address: "y" },
      weightG: 100,
      goods: [{ name: "g", quantity: 1 }],
    };
    const error = thrown(() => jtDriver.createWaybill.parse(response, order, account));
    expect(error).toMatchObject({ kind, courierCode });
  });

  it("treats a scan with an unreadable time as a malformed reply", () => {
    const data = [{ billCode: "JT1", details: [{ scanTime: "26/05/2025", scanType: "快件揽收" }] }];
    const response = reply({ code: "1", msg: "success", data });
    const error = thrown(() => jtDriver.queryTrack.parse(response, { trackingNo: "JT1" }, account));
    expect(error).toMatchObject({ kind: "UNAVAILABLE", courierCode: "MALFORMED" });
  });
});
