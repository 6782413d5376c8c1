import { describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  type WaybillOrder,
  type WireResponse,
} from "@/server/couriers/contract";
import { ztoDriver } from "./zto";
import { ZTO_SIGNATURE_MESSAGE } from "./zto-errors";
import { demoSender } from "@/server/couriers/testing/fixtures";

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

const account: CourierAccountConfig = {
  courier: "zto",
  environment: "sandbox",
  baseUrl: "https://japi-test.zto.com/",
  credentials: { appKey: "APPKEY01", appSecret: "APPSECRET01" },
};

const order: WaybillOrder = {
  orderId: "SJ1",
  sender: demoSender,
  recipient: {
    name: "董航",
    mobile: "13500000000",
    province: "上海",
    city: "上海市",
    district: "闵行区",
    address: "申贵路1500号",
  },
  weightG: 1000,
  goods: [{ name: "书", quantity: 1 }],
};

const reply = (body: unknown, status = 200): WireResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const failure = (statusCode: string, message: string) =>
  reply({ result: null, message, status: false, statusCode });

describe("ztoDriver error mapping", () => {
  it.each([
    ["S211", "签名错误", "SIGNATURE"],
    ["S206", "api qos limit", "RATE_LIMITED"],
    ["S221", "api qps flow limit", "RATE_LIMITED"],
    ["S208", "senderName不能为空", "INVALID"],
    ["S210", "无权限访问", "AUTH"],
    ["S212", "IP黑白名单限制", "AUTH"],
    ["S214", "时间戳非法", "AUTH"],
    ["S200", "请求超时", "UNAVAILABLE"],
    ["S203", "服务暂不可用", "UNAVAILABLE"],
    ["S202", "发生错误", "UNAVAILABLE"],
    ["E404", "鉴权失败,未绑定电子面单账号", "AUTH"],
    ["E409", "鉴权失败,收寄人电话号码校验不一致", "INVALID"],
    ["E416", "不符合中通运单号规则校验", "INVALID"],
    ["S202", "订单已揽收，不能取消", "ALREADY_PICKED_UP"],
    ["S202", "订单已取消", "ALREADY_CANCELLED"],
    ["S202", "订单不存在", "NOT_FOUND"],
    ["X1", "订单号重复", "DUPLICATE"],
    ["X2", "收件地址超区", "UNSERVICEABLE"],
    ["X3", "寄件人姓名过长", "INVALID"],
  ] as const)("maps %s %s to %s and keeps ZTO's text", (code, message, kind) => {
    const input = { orderId: "SJ1", trackingNo: "73100196611386" };
    const error = thrown(() =>
      ztoDriver.cancelWaybill.parse(failure(code, message), input, account),
    );
    expect(error).toMatchObject({ kind, courierCode: code, courierMessage: message });
    expect(error.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("uses the fixed signature text support staff search for", () => {
    const error = thrown(() =>
      ztoDriver.createWaybill.parse(failure("S211", "签名错误"), order, account),
    );
    expect(error.message).toBe(ZTO_SIGNATURE_MESSAGE);
  });

  it.each([
    ["garbage", reply("<html>oops</html>"), "UNAVAILABLE", "MALFORMED"],
    ["an envelope without status", reply({ result: {} }), "UNAVAILABLE", "MALFORMED"],
    [
      "a result without billCode",
      reply({ result: {}, status: true, statusCode: "0000" }),
      "UNAVAILABLE",
      "MALFORMED",
    ],
    ["HTTP 429", reply("busy", 429), "RATE_LIMITED", "S206"],
    ["HTTP 404", reply("not found", 404), "UNAVAILABLE", "HTTP_404"],
  ] as const)("maps %s to %s", (_, response, kind, courierCode) => {
    const error = thrown(() => ztoDriver.createWaybill.parse(response, order, account));
    expect(error).toMatchObject({ kind, courierCode });
  });
});
