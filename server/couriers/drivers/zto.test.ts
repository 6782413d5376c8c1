import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  type Party,
  type WaybillOrder,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import { ztoDriver } from "./zto";

const account: CourierAccountConfig = {
  courier: "zto",
  environment: "sandbox",
  baseUrl: "https://japi-test.zto.com/",
  credentials: { appKey: "APPKEY01", appSecret: "APPSECRET01" },
};
// 2025-05-22 15:07:46 in Asia/Shanghai.
const ctx = { now: new Date("2025-05-22T07:07:46.000Z"), requestId: "req-0001" };
const TS = String(ctx.now.getTime());

const sender: Party = {
  name: "杨犁",
  mobile: "15685585514",
  province: "广东省",
  city: "广州市",
  district: "黄埔区",
  address: "骏业路255号",
};
const recipient: Party = {
  name: "董航",
  mobile: "13500000000",
  province: "上海",
  city: "上海市",
  district: "闵行区",
  address: "申贵路1500号",
};
const order: WaybillOrder = {
  orderId: "SJ20250522",
  sender,
  recipient,
  weightG: 1500,
  lengthMm: 500,
  widthMm: 495,
  heightMm: 501,
  goods: [{ name: "联想笔记本电脑", quantity: 3, unitValueFen: 50000 }],
  remark: "易碎",
};

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("ztoDriver lacks an operation the test needs");
  return value;
}
const subscribe = need(ztoDriver.subscribe);

/** The digest computed here with node:crypto, not with the signing module the driver uses. */
const digest = (text: string): string => createHash("md5").update(text, "utf8").digest("base64");

const reply = (body: unknown, status = 200): WireResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

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

const party = {
  senderInfo: {
    senderName: "杨犁",
    senderMobile: "15685585514",
    senderProvince: "广东省",
    senderCity: "广州市",
    senderDistrict: "黄埔区",
    senderAddress: "骏业路255号",
  },
  receiveInfo: {
    receiverName: "董航",
    receiverMobile: "13500000000",
    receiverProvince: "上海",
    receiverCity: "上海市",
    receiverDistrict: "闵行区",
    receiverAddress: "申贵路1500号",
  },
};

const builds: { name: string; request: () => WireRequest; api: string; body: unknown }[] = [
  {
    name: "createWaybill",
    request: () => ztoDriver.createWaybill.build(order, account, ctx),
    api: "zto.open.createOrder",
    body: {
      partnerType: "2",
      orderType: "1",
      partnerOrderCode: "SJ20250522",
      ...party,
      summaryInfo: { quantity: 1, size: "50,50,51" },
      orderItems: [{ name: "联想笔记本电脑", quantity: 3, unitprice: 50000 }],
      remark: "易碎",
    },
  },
  {
    name: "createWaybill with pickup and an unbound e-waybill account",
    request: () =>
      ztoDriver.createWaybill.build(
        {
          ...order,
          lengthMm: undefined,
          remark: undefined,
          pickup: {
            start: new Date("2025-05-22T03:00:00Z"),
            end: new Date("2025-05-22T04:00:00Z"),
          },
        },
        {
          ...account,
          credentials: { ...account.credentials, accountId: "test", accountPassword: "ZTO123" },
        },
        ctx,
      ),
    api: "zto.open.createOrder",
    body: {
      partnerType: "2",
      orderType: "2",
      partnerOrderCode: "SJ20250522",
      accountInfo: { accountId: "test", accountPassword: "ZTO123", type: 1 },
      ...party,
      summaryInfo: {
        quantity: 1,
        startTime: "2025-05-22 11:00:00",
        endTime: "2025-05-22 12:00:00",
      },
      orderItems: [{ name: "联想笔记本电脑", quantity: 3, unitprice: 50000 }],
    },
  },
  {
    name: "cancelWaybill",
    request: () =>
      ztoDriver.cancelWaybill.build({ orderId: "SJ1", trackingNo: "73100196611386" }, account, ctx),
    api: "zto.open.cancelPreOrder",
    body: { cancelType: "1", orderCode: "", billCode: "73100196611386" },
  },
  {
    name: "queryTrack",
    request: () =>
      ztoDriver.queryTrack.build(
        { trackingNo: "73100196611386", phoneLast4: "5514" },
        account,
        ctx,
      ),
    api: "zto.merchant.waybill.track.query",
    body: { billCode: "73100196611386", mobilePhone: "5514" },
  },
  {
    name: "subscribe",
    request: () =>
      subscribe.build(
        { trackingNo: "73100196611386", callbackUrl: "https://x.example/p" },
        account,
        ctx,
      ),
    api: "zto.merchant.waybill.track.subsrcibe",
    body: { billCode: "73100196611386" },
  },
];

describe("ztoDriver build", () => {
  it.each(builds)("$name sends the exact signed JSON request", ({ request, api, body }) => {
    const req = request();
    expect(req.method).toBe("POST");
    expect(req.url).toBe(`https://japi-test.zto.com/${api}`);
    expect(JSON.parse(req.body)).toEqual(body);
    // Compact JSON, Chinese as UTF-8 rather than \u escapes: the bytes signed are the bytes sent.
    expect(req.body).not.toMatch(/": |\\u/);
    expect(req.headers).toEqual({
      "content-type": "application/json; charset=UTF-8",
      "x-appKey": "APPKEY01",
      "x-timestamp": TS,
      "x-dataDigest": digest(TS + req.body + "APPSECRET01"),
    });
  });

  it("refuses to sign without an app secret", () => {
    const bad = { ...account, credentials: { appKey: "APPKEY01" } };
    const error = thrown(() => ztoDriver.createWaybill.build(order, bad, ctx));
    expect(error.kind).toBe("AUTH");
  });
});

describe("ztoDriver parse", () => {
  it("reads the documented createOrder reply into a waybill with 大头笔 and 集包地", () => {
    const result = ztoDriver.createWaybill.parse(
      reply({
        result: {
          bigMarkInfo: { bagAddr: "沪西", mark: "300- H12 09" },
          verifyCode: null,
          siteCode: "02100",
          signBillInfo: null,
          siteName: "上海",
          billCode: "73100196611386",
          orderCode: "250522000006047100",
          partnerOrderCode: "SJ20250522",
        },
        message: "成功",
        status: true,
        statusCode: "0000",
      }),
      order,
      account,
    );
    expect(result).toEqual({
      trackingNo: "73100196611386",
      sortingCode: "300- H12 09",
      packageCenter: "沪西",
      originCode: "02100",
      labelData: {
        orderCode: "250522000006047100",
        siteCode: "02100",
        siteName: "上海",
        mark: "300- H12 09",
        bagAddr: "沪西",
      },
    });
  });

  it("reads the documented cancel and subscribe replies", () => {
    const ok = reply({ result: {}, message: "请求成功", status: true, statusCode: "SYS000" });
    const input = { orderId: "SJ1", trackingNo: "73100196611386" };
    expect(ztoDriver.cancelWaybill.parse(ok, input, account)).toBeUndefined();
    const subscribed = reply({
      result: null,
      message: "操作成功",
      statusCode: "SYS000",
      status: true,
    });
    const sub = { trackingNo: "73100196611386", callbackUrl: "https://x.example/p" };
    expect(subscribe.parse(subscribed, sub, account)).toBeUndefined();
  });

  it("returns traces oldest first with times in +08:00 and ignores other waybills", () => {
    const traces = [
      {
        billCode: "73100196611386",
        actionTime: "2025-05-22 15:07:46",
        action: "ARRIVAL",
        city: "郑州市",
        desc: "到达",
      },
      {
        billCode: "73100196611386",
        actionTime: "2025-05-22 15:06:35",
        action: "GOT",
        city: "上海市",
        desc: "揽收",
      },
      {
        billCode: "73100000000000",
        actionTime: "2025-05-22 15:00:00",
        action: "GOT",
        desc: "别的",
      },
      { scanType: "派件", scanDate: Date.parse("2025-05-22T15:09:00+08:00"), desc: "派件" },
    ];
    const ok = reply({ result: traces, message: "成功", status: true, statusCode: "SYS000" });
    const events = ztoDriver.queryTrack.parse(ok, { trackingNo: "73100196611386" }, account);
    expect(events.map((e) => [e.time, e.code, e.location])).toEqual([
      ["2025-05-22T15:06:35+08:00", "GOT", "上海市"],
      ["2025-05-22T15:07:46+08:00", "ARRIVAL", "郑州市"],
      ["2025-05-22T15:09:00+08:00", "派件", undefined],
    ]);
    expect(events[0]?.raw).toEqual(traces[1]);
  });
});
