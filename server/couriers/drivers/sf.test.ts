import { describe, expect, it } from "vitest";
import { CourierError, type Party, type WireRequest } from "@/server/couriers/contract";
import { formUrlEncode } from "@/server/couriers/signing/primitives";
import { sfMsgDigest } from "@/server/couriers/signing/schemes";
import { sfDriver, sfSearchOrder } from "./sf";
import {
  account,
  bookPickup,
  ctx,
  estimate,
  order,
  pickupWindow,
  push,
  recipient,
  sender,
  TS,
} from "./sf-test-fixtures";

const contact = (p: Party, contactType: number) => ({
  contactType,
  contact: p.name,
  mobile: p.mobile,
  company: p.company,
  province: p.province,
  city: p.city,
  county: p.district,
  address: p.address,
});

const builds: { name: string; request: () => WireRequest; service: string; msg: unknown }[] = [
  {
    name: "createWaybill",
    request: () => sfDriver.createWaybill.build(order, account, ctx),
    service: "EXP_RECE_CREATE_ORDER",
    msg: {
      language: "zh-CN",
      orderId: "P-1001",
      monthlyCard: "7551234567",
      payMethod: 1,
      expressTypeId: 1,
      parcelQty: 1,
      totalWeight: 1.5,
      isReturnRoutelabel: 1,
      contactInfoList: [contact(sender, 1), contact(recipient, 2)],
      cargoDetails: [{ name: "地毯", count: 2, unit: "件", amount: 308, currency: "CNY" }],
      isDocall: 1,
      sendStartTm: "2025-05-26 14:00:00",
    },
  },
  {
    name: "cancelWaybill",
    request: () =>
      sfDriver.cancelWaybill.build({ orderId: "P-1001", trackingNo: "SF1" }, account, ctx),
    service: "EXP_RECE_UPDATE_ORDER",
    msg: { dealType: 2, orderId: "P-1001" },
  },
  {
    name: "queryTrack",
    request: () =>
      sfDriver.queryTrack.build({ trackingNo: "SF1", phoneLast4: "8829" }, account, ctx),
    service: "EXP_RECE_SEARCH_ROUTES",
    msg: {
      language: "0",
      trackingType: "1",
      trackingNumber: ["SF1"],
      methodType: "1",
      checkPhoneNo: "8829",
    },
  },
  {
    name: "sfSearchOrder",
    request: () => sfSearchOrder.build({ orderId: "P-1001" }, account, ctx),
    service: "EXP_RECE_SEARCH_ORDER_RESP",
    msg: { searchType: "1", orderId: "P-1001", language: "zh-cn" },
  },
  {
    name: "bookPickup",
    request: () =>
      bookPickup.build({ orderId: "P-1001", sender, weightG: 1500, ...pickupWindow }, account, ctx),
    service: "EXP_EXCE_CHECK_PICKUP_TIME",
    msg: {
      address: sender.address,
      addressType: 1,
      sendTime: "2025-05-26 14:00:00",
      province: "广东省",
      city: "深圳市",
      county: "南山区",
      version: "V1.1",
    },
  },
  {
    name: "estimate",
    request: () =>
      estimate.build({ sender, recipient, weightG: 500, shipAt: ctx.now }, account, ctx),
    service: "EXP_RECE_QUERY_DELIVERTM",
    msg: {
      srcAddress: {
        province: "广东省",
        city: "深圳市",
        district: "南山区",
        address: sender.address,
      },
      destAddress: {
        province: "湖北省",
        city: "襄阳市",
        district: "襄城区",
        address: recipient.address,
      },
      weight: 0.5,
      consignedTime: "2025-05-26 09:55:52",
      searchPrice: 1,
      monthlyCard: "7551234567",
    },
  },
];

describe("sfDriver build", () => {
  it.each(builds)("$name sends the exact signed std/service form", ({ request, service, msg }) => {
    const req = request();
    const msgData = JSON.stringify(msg);
    const form = [...new URLSearchParams(req.body)];
    expect(req.method).toBe("POST");
    expect(req.url).toBe("https://sfapi-sbox.sf-express.com/std/service");
    expect(req.headers).toEqual({
      "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
    });
    expect(form.map(([key]) => key)).toEqual([
      "partnerID",
      "requestID",
      "serviceCode",
      "timestamp",
      "msgDigest",
      "msgData",
    ]);
    const fields = Object.fromEntries(form);
    expect(fields).toEqual({
      partnerID: "PARTNER01",
      requestID: "req-0001",
      serviceCode: service,
      timestamp: TS,
      msgDigest: sfMsgDigest({ msgData, timestamp: TS, checkWord: "CHECKWORD01" }),
      msgData,
    });
    // Compact JSON, form-encoded once with the shared encoder.
    expect(fields.msgData).not.toMatch(/": |, "/);
    expect(req.body).toBe(formUrlEncode(form));
  });

  it("signs msgData with spaces and ~!'() using Java URLEncoder semantics", () => {
    const req = sfDriver.createWaybill.build({ ...order, remark: "a b*c~d(e)'f!" }, account, ctx);
    const fields = Object.fromEntries(new URLSearchParams(req.body));
    const msgData = fields.msgData ?? "";
    expect(msgData).toContain('"remark":"a b*c~d(e)\'f!"');
    expect(req.body).toContain("a+b*c%7Ed%28e%29%27f%21");
    expect(fields.msgDigest).toBe(
      sfMsgDigest({ msgData, timestamp: TS, checkWord: "CHECKWORD01" }),
    );
  });

  it.each([
    ["no check word", { partnerID: "P" }, "AUTH"],
    ["a non-numeric product", { partnerID: "P", checkWord: "C" }, "INVALID"],
  ])("refuses to build with %s", (_, credentials, kind) => {
    const bad = { ...account, credentials };
    const build = () => sfDriver.createWaybill.build({ ...order, productCode: "STD" }, bad, ctx);
    expect(build).toThrow(expect.objectContaining({ kind }) as CourierError);
  });
});

describe("sfDriver push", () => {
  const route = {
    mailno: "SF7444496931331",
    acceptAddress: "深圳市",
    reasonName: null,
    orderid: "OrderNum20250523",
    acceptTime: "2025-05-26 09:55:52",
    remark: "顺丰速运 已收取快件",
    opCode: "50",
    id: "363636015985819",
    reasonCode: null,
  };
  const request: WireRequest = {
    method: "POST",
    url: "https://console.example/api/couriers/sf/push/acc_x7Yq",
    headers: { "Content-Type": "application/json;charset=UTF-8" },
    body: JSON.stringify({ Body: { WaybillRoute: [route] } }),
  };

  it("accepts the unsigned JSON push and parses WaybillRoute", () => {
    expect(push.verify(request, account)).toBe(true);
    expect(push.parse(request, account)).toEqual([
      {
        trackingNo: "SF7444496931331",
        time: "2025-05-26T09:55:52+08:00",
        code: "50",
        description: "顺丰速运 已收取快件",
        location: "深圳市",
        raw: route,
      },
    ]);
  });

  it.each([
    ["not JSON", { body: "{" }],
    ["no Body", { body: "{}" }],
    ["form/XML mode", { headers: { "content-type": "application/x-www-form-urlencoded" } }],
  ])("throws on a %s push", (_, change) => {
    expect(() => push.parse({ ...request, ...change }, account)).toThrow(CourierError);
  });

  it.each([
    [true, '{"return_code":"0000","return_msg":"成功"}'],
    [false, '{"return_code":"1000","return_msg":"处理失败"}'],
  ])("acknowledges ok=%s with the exact bytes SF expects", (okFlag, body) => {
    expect(push.acknowledge(okFlag, request)).toEqual({
      status: 200,
      headers: { "content-type": "application/json;charset=UTF-8" },
      body,
    });
  });
});
