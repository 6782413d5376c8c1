import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  type WaybillOrder,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import { ytoDriver } from "./yto";
import { YTO_SIGNATURE_MESSAGE } from "./yto-errors";

const account: CourierAccountConfig = {
  courier: "yto",
  environment: "sandbox",
  baseUrl: "https://openuat.yto56test.com:6443/",
  credentials: { apiKey: "APIKEY01", customerCode: "K21000119", secret: "testsecret" },
};
// 2025-05-26 09:55:52 in Asia/Shanghai.
const ctx = { now: new Date("2025-05-26T01:55:52.000Z"), requestId: "req-0001" };

// Computed here with node:crypto, not with the signing module the driver uses.
const sign = (param: string, method: string) =>
  createHash("md5").update(`${param}${method}v1testsecret`, "utf8").digest("base64");

const order: WaybillOrder = {
  orderId: "P-4001",
  sender: {
    name: "王五",
    mobile: "13800000003",
    province: "浙江省",
    city: "杭州市",
    district: "萧山区",
    address: "宁围街道 8 号",
  },
  recipient: {
    name: "赵六",
    mobile: "13900000004",
    province: "北京",
    city: "北京市",
    district: "朝阳区",
    address: "建国路 88 号",
  },
  weightG: 2000,
  goods: [{ name: "图书", quantity: 3 }],
  pickup: { start: new Date("2025-05-26T06:00:00Z"), end: new Date("2025-05-26T08:00:00Z") },
};

const reply = (body: unknown, status = 200): WireResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const failure = (code: string, message: string) =>
  reply({ map: {}, code, success: false, message });

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

const builds: { name: string; request: () => WireRequest; method: string; param: unknown }[] = [
  {
    name: "createWaybill",
    request: () => ytoDriver.createWaybill.build(order, account, ctx),
    method: "privacy_create_adapter",
    param: {
      logisticsNo: "P-4001",
      senderName: "王五",
      senderProvinceName: "浙江省",
      senderCityName: "杭州市",
      senderCountyName: "萧山区",
      senderAddress: "宁围街道 8 号",
      senderMobile: "13800000003",
      recipientName: "赵六",
      recipientProvinceName: "北京",
      recipientCityName: "北京市",
      recipientCountyName: "朝阳区",
      recipientAddress: "建国路 88 号",
      recipientMobile: "13900000004",
      weight: 2,
      goods: [{ name: "图书", quantity: 3 }],
      startTime: "2025-05-26 14:00:00",
      endTime: "2025-05-26 16:00:00",
    },
  },
  {
    name: "cancelWaybill",
    request: () =>
      ytoDriver.cancelWaybill.build({ orderId: "P-4001", trackingNo: "YT1" }, account, ctx),
    method: "korder_cancel_adapter",
    param: { logisticsNo: "P-4001", cancelDesc: "商家取消订单" },
  },
  {
    name: "queryTrack",
    request: () => ytoDriver.queryTrack.build({ trackingNo: "YT0000000000000" }, account, ctx),
    method: "track_query_adapter",
    param: { NUMBER: "YT0000000000000" },
  },
];

describe("ytoDriver build", () => {
  it.each(builds)("$name posts the exact signed JSON body", ({ request, method, param }) => {
    const req = request();
    expect(req.method).toBe("POST");
    expect(req.url).toBe(`https://openuat.yto56test.com:6443/open/${method}/v1/APIKEY01/K21000119`);
    expect(req.headers).toEqual({ "content-type": "application/json;charset=UTF-8" });
    const body = JSON.parse(req.body) as { param: string };
    expect(JSON.parse(body.param)).toEqual(param);
    expect(body).toEqual({
      timestamp: ctx.now.getTime(),
      param: body.param,
      sign: sign(body.param, method),
      format: "JSON",
    });
  });

  it("reproduces the self-computed §6 sign for the track query", () => {
    const req = ytoDriver.queryTrack.build({ trackingNo: "YT0000000000000" }, account, ctx);
    const body = JSON.parse(req.body) as { param: string; sign: string };
    expect(body.param).toBe('{"NUMBER":"YT0000000000000"}');
    expect(body.sign).toBe("s7p1crhWfdM/U/8G1CoLVQ==");
  });

  it("refuses to sign without a secret", () => {
    const bad = { ...account, credentials: { apiKey: "A", customerCode: "C" } };
    expect(thrown(() => ytoDriver.createWaybill.build(order, bad, ctx)).kind).toBe("AUTH");
  });
});

describe("ytoDriver parse", () => {
  it("reads the create reply into a waybill with 三段码 and 集包地", () => {
    const data = {
      logisticsNo: "P-4001",
      mailNo: "YT7000000000001",
      shortAddress: "210-091 044",
      packageCenterName: "北京转运中心",
    };
    expect(ytoDriver.createWaybill.parse(reply(data), order, account)).toEqual({
      trackingNo: "YT7000000000001",
      sortingCode: "210-091 044",
      packageCenter: "北京转运中心",
      labelData: {
        logisticsNo: "P-4001",
        shortAddress: "210-091 044",
        packageCenterName: "北京转运中心",
      },
    });
  });

  it("returns traces oldest first in +08:00, and none for 查询结果为空", () => {
    const traces = [
      {
        waybill_No: "YT7000000000001",
        upload_Time: "2025-05-26 18:00:00",
        infoContent: "ARRIVAL",
        processInfo: "【北京转运中心】 已收入",
        city: "北京市",
      },
      {
        waybill_No: "YT7000000000001",
        upload_Time: "2025-05-26 10:00:00",
        infoContent: "GOT",
        processInfo: "【浙江省杭州市萧山区公司】 已收件",
        city: "杭州市",
      },
    ];
    const query = { trackingNo: "YT7000000000001" };
    const events = ytoDriver.queryTrack.parse(reply(traces), query, account);
    expect(events).toEqual([
      {
        trackingNo: "YT7000000000001",
        time: "2025-05-26T10:00:00+08:00",
        code: "GOT",
        description: "【浙江省杭州市萧山区公司】 已收件",
        location: "杭州市",
        raw: traces[1],
      },
      {
        trackingNo: "YT7000000000001",
        time: "2025-05-26T18:00:00+08:00",
        code: "ARRIVAL",
        description: "【北京转运中心】 已收入",
        location: "北京市",
        raw: traces[0],
      },
    ]);
    expect(ytoDriver.queryTrack.parse(failure("1001", "查询结果为空"), query, account)).toEqual([]);
  });

  it.each([
    ["1003", "签名错误", "SIGNATURE"],
    ["1004", "未授权: apikey与客户编码不匹配", "AUTH"],
    ["1005", "订单已揽收，不能取消", "ALREADY_PICKED_UP"],
    ["1006", "订单已取消", "ALREADY_CANCELLED"],
    ["1007", "订单不存在", "NOT_FOUND"],
    ["E1", "物流单号重复", "DUPLICATE"],
    ["E2", "收件地址超区", "UNSERVICEABLE"],
    ["E3", "请求过于频繁", "RATE_LIMITED"],
    ["9999", "系统异常", "UNAVAILABLE"],
    ["1002", "senderName不能为空", "INVALID"],
  ] as const)("maps %s %s to %s and keeps YTO's text", (code, message, kind) => {
    const input = { orderId: "P-4001", trackingNo: "YT1" };
    const error = thrown(() =>
      ytoDriver.cancelWaybill.parse(failure(code, message), input, account),
    );
    expect(error).toMatchObject({ kind, courierCode: code, courierMessage: message });
    expect(error.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("uses the fixed signature text support staff search for", () => {
    const error = thrown(() =>
      ytoDriver.createWaybill.parse(failure("1003", "签名错误"), order, account),
    );
    expect(error.message).toBe(YTO_SIGNATURE_MESSAGE);
  });

  it.each([
    ["garbage", reply("<html>oops</html>"), "UNAVAILABLE", "MALFORMED"],
    ["a reply without mailNo", reply({ logisticsNo: "P-4001" }), "UNAVAILABLE", "MALFORMED"],
    ["HTTP 429", reply("busy", 429), "RATE_LIMITED", "HTTP_429"],
    ["HTTP 404", reply("not found", 404), "UNAVAILABLE", "HTTP_404"],
  ] as const)("maps %s to %s", (_, response, kind, courierCode) => {
    const error = thrown(() => ytoDriver.createWaybill.parse(response, order, account));
    expect(error).toMatchObject({ kind, courierCode });
  });

  it("treats a trace with an unreadable time as a malformed reply", () => {
    const response = reply([{ waybill_No: "YT1", upload_Time: "26/05/2025" }]);
    const error = thrown(() =>
      ytoDriver.queryTrack.parse(response, { trackingNo: "YT1" }, account),
    );
    expect(error).toMatchObject({ kind: "UNAVAILABLE", courierCode: "MALFORMED" });
  });
});
