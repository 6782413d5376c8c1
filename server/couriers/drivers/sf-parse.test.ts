import { describe, expect, it } from "vitest";
import { CourierError, type CourierErrorKind, type WireResponse } from "@/server/couriers/contract";
import { sfDriver } from "./sf";
import { SF_SIGNATURE_MESSAGE } from "./sf-errors";
import {
  account,
  bookPickup,
  ctx,
  estimate,
  fail,
  ok,
  order,
  pickupWindow,
  platform,
  recipient,
  reply,
  sender,
} from "./sf-test-fixtures";

// The create-order reply of PROTOCOLS.md §1.4 (shortened there too).
const createdMsg = {
  orderId: "P-1001",
  originCode: "020",
  destCode: "020",
  filterResult: 2,
  remark: "",
  waybillNoInfoList: [{ waybillType: 1, waybillNo: "SF7444496931331" }],
  routeLabelInfo: [
    {
      code: "1000",
      routeLabelData: {
        waybillNo: "SF7444496931331",
        destTransferCode: "020W",
        destRouteLabel: "020W-F0-CK",
        codingMapping: "K35",
        twoDimensionCode: "MMM={'k1':'020W'}",
        proCode: "特快",
        xbFlag: null,
      },
      message: "SF7444496931331:",
    },
  ],
};
const createdResult = {
  trackingNo: "SF7444496931331",
  sortingCode: "020W-F0-CK",
  packageCenter: "020W",
  originCode: "020",
  destCode: "020",
  labelData: {
    destTransferCode: "020W",
    destRouteLabel: "020W-F0-CK",
    codingMapping: "K35",
    twoDimensionCode: "MMM={'k1':'020W'}",
    proCode: "特快",
  },
};

describe("sfDriver parse", () => {
  const parseCreate = (response: WireResponse) =>
    sfDriver.createWaybill.parse(response, order, account);

  it("reads a double-encoded create reply, and an object apiResultData too", () => {
    expect(parseCreate(ok(createdMsg))).toEqual(createdResult);
    const asObject = JSON.parse(ok(createdMsg).body) as Record<string, string>;
    const body = JSON.stringify({
      ...asObject,
      apiResultData: JSON.parse(asObject.apiResultData ?? "") as unknown,
    });
    expect(parseCreate({ ...ok(createdMsg), body })).toEqual(createdResult);
  });

  const failures: [string, WireResponse, CourierErrorKind, string, string?][] = [
    ["8016 duplicate", fail("8016", "重复下单"), "DUPLICATE", "8016"],
    [
      "A1006 signature",
      platform("A1006", "数字签名无效"),
      "SIGNATURE",
      "A1006",
      SF_SIGNATURE_MESSAGE,
    ],
    ["A1005 rate limit", platform("A1005", "流量受控"), "RATE_LIMITED", "A1005"],
    ["A1009 target down", platform("A1009", "目标服务异常"), "UNAVAILABLE", "A1009"],
    ["A1099 system error", platform("A1099", "系统异常"), "UNAVAILABLE", "A1099"],
    ["A1004 no permission", platform("A1004", "无对应服务权限"), "AUTH", "A1004"],
    ["8119 monthly card", fail("8119", "月结卡号不合法"), "AUTH", "8119"],
    ["6126 monthly card", fail("6126", "月结卡号不合法"), "AUTH", "6126"],
    ["1012 sender phone", fail("1012", "寄件方联系电话不能为空"), "INVALID", "1012"],
    ["20035 prohibited", fail("20035", "禁寄品"), "UNSERVICEABLE", "20035"],
    ["20036 product", fail("20036", "产品不适用"), "UNSERVICEABLE", "20036"],
    ["filterResult 3", ok({ ...createdMsg, filterResult: 3 }), "UNSERVICEABLE", "FILTER_3"],
    ["unknown business code", fail("9999", "未知"), "INVALID", "9999"],
    [
      "malformed body",
      { status: 200, headers: {}, body: "<html>502</html>" },
      "UNAVAILABLE",
      "MALFORMED",
    ],
    ["apiResultData not JSON", reply(null, { apiResultData: "{oops" }), "UNAVAILABLE", "MALFORMED"],
    ["no master waybill", ok({ orderId: "P-1001" }), "UNAVAILABLE", "MALFORMED"],
    ["HTTP 404", { status: 404, headers: {}, body: "Not Found" }, "UNAVAILABLE", "HTTP_404"],
  ];

  it.each(failures)("maps %s", (_, response, kind, code, message) => {
    const error = (() => {
      try {
        parseCreate(response);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CourierError);
    expect(error).toMatchObject({ kind, courierCode: code, ...(message ? { message } : {}) });
  });

  it("keeps SF's own text in courierMessage", () => {
    expect(() => parseCreate(fail("8016", "重复下单"))).toThrow(
      expect.objectContaining({ courierMessage: "重复下单" }) as CourierError,
    );
  });

  it("maps cancel refusals", () => {
    const cancel = (r: WireResponse) =>
      sfDriver.cancelWaybill.parse(r, { orderId: "P-1001", trackingNo: "SF1" }, account);
    expect(() => cancel(fail("8037", "已消单"))).toThrow(
      expect.objectContaining({ kind: "ALREADY_CANCELLED" }) as CourierError,
    );
    expect(() => cancel(fail("8168", "已收件"))).toThrow(
      expect.objectContaining({ kind: "ALREADY_PICKED_UP" }) as CourierError,
    );
    expect(cancel(ok({ orderId: "P-1001", resStatus: 2 }))).toBeUndefined();
  });

  it("returns routes oldest first with +08:00 times", () => {
    const route = (acceptTime: string, opCode: string, remark: string) => ({
      acceptAddress: "深圳市",
      acceptTime,
      remark,
      opCode,
    });
    const late = route("2025-05-27 09:00:00", "80", "已签收");
    const early = route("2025-05-26 12:00:00", "50", "顺丰速运 已收取快件");
    const msg = { routeResps: [{ mailNo: "SF1", routes: [late, early] }] };
    const events = sfDriver.queryTrack.parse(ok(msg), { trackingNo: "SF1" }, account);
    expect(events).toEqual([
      {
        trackingNo: "SF1",
        time: "2025-05-26T12:00:00+08:00",
        code: "50",
        description: "顺丰速运 已收取快件",
        location: "深圳市",
        raw: early,
      },
      {
        trackingNo: "SF1",
        time: "2025-05-27T09:00:00+08:00",
        code: "80",
        description: "已签收",
        location: "深圳市",
        raw: late,
      },
    ]);
    expect(Date.parse(events[0]?.time ?? "")).toBe(Date.parse("2025-05-26T04:00:00Z"));
  });

  it("reads pickup windows and delivery estimates", () => {
    const input = { orderId: "P-1001", sender, weightG: 1500, ...pickupWindow };
    const window = { status: true, startTm: "2025-05-26 14:00:00", endTm: "2025-05-26 16:00:00" };
    expect(bookPickup.parse(ok(window), input, account)).toEqual({
      pickupId: "P-1001",
      windowStart: new Date("2025-05-26T06:00:00Z"),
      windowEnd: new Date("2025-05-26T08:00:00Z"),
    });
    expect(() => bookPickup.parse(ok(false), input, account)).toThrow(
      expect.objectContaining({ kind: "UNSERVICEABLE" }) as CourierError,
    );
    const dto = [
      {
        businessType: "1",
        businessTypeDesc: "顺丰标快",
        deliverTime: "2025-05-28 09:55:52",
        fee: 23.5,
      },
    ];
    const estimateInput = { sender, recipient, weightG: 500, shipAt: ctx.now };
    expect(estimate.parse(ok({ deliverTmDto: dto }), estimateInput, account)).toEqual([
      { productCode: "1", productName: "顺丰标快", priceFen: 2350, promisedHours: 48 },
    ]);
  });
});
