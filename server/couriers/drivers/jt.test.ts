import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type {
  CourierAccountConfig,
  CourierError,
  Party,
  WaybillOrder,
  WireRequest,
  WireResponse,
} from "@/server/couriers/contract";
import { jtDriver } from "./jt";

const account: CourierAccountConfig = {
  courier: "jt",
  environment: "sandbox",
  baseUrl: "https://uat-openapi.jtexpress.com.cn/webopenplatformapi/api/",
  credentials: {
    apiAccount: "178337126125932605",
    privateKey: "PRIVATEKEY01",
    customerCode: "J0086474299",
    password: "PASS01",
  },
};
// 2025-05-26 09:55:52 in Asia/Shanghai.
const ctx = { now: new Date("2025-05-26T01:55:52.000Z"), requestId: "req-0001" };
const TS = String(ctx.now.getTime());

// Both digests computed here with node:crypto, not with the signing module the driver uses.
const md5 = (text: string) => createHash("md5").update(text, "utf8");
const headerDigest = (bizContent: string) => md5(bizContent + "PRIVATEKEY01").digest("base64");
const CIPHER = md5("PASS01jadada236t2").digest("hex").toUpperCase();
const BUSINESS_DIGEST = md5(`J0086474299${CIPHER}PRIVATEKEY01`).digest("base64");

const sender: Party = {
  name: "张三",
  mobile: "13800000001",
  company: "清雅轩",
  province: "上海",
  city: "上海市",
  district: "青浦区",
  address: "华新镇华志路 100 号",
};
const recipient: Party = {
  name: "李四",
  mobile: "13900000002",
  province: "河南省",
  city: "郑州市",
  district: "中原区",
  address: "建设西路 1 号",
};
const order: WaybillOrder = {
  orderId: "P-3001",
  sender,
  recipient,
  weightG: 1250,
  goods: [{ name: "衬衫", quantity: 2, unitValueFen: 9900 }],
  remark: "轻放",
};

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("jtDriver lacks an operation the test needs");
  return value;
}
const subscribe = need(jtDriver.subscribe);

const reply = (body: unknown, status = 200): WireResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const ok = (data: unknown) => reply({ code: "1", msg: "success", data, requestId: "r1" });

const party = (p: Party) => ({
  name: p.name,
  company: p.company,
  mobile: p.mobile,
  countryCode: "CHN",
  prov: p.province,
  city: p.city,
  area: p.district,
  address: p.address,
});
const orderAuth = { customerCode: "J0086474299", digest: BUSINESS_DIGEST };

const builds: { name: string; request: () => WireRequest; path: string; biz: unknown }[] = [
  {
    name: "createWaybill (drop-off)",
    request: () => jtDriver.createWaybill.build(order, account, ctx),
    path: "order/addOrder",
    biz: {
      ...orderAuth,
      txlogisticId: "P-3001",
      expressType: "EZ",
      orderType: "2",
      serviceType: "02",
      deliveryType: "03",
      payType: "PP_PM",
      sender: party(sender),
      receiver: party(recipient),
      goodsType: "bm000006",
      weight: 1.25,
      remark: "轻放",
      items: [{ itemName: "衬衫", number: 2, priceCurrency: "RMB" }],
    },
  },
  {
    name: "createWaybill (door pickup)",
    request: () =>
      jtDriver.createWaybill.build(
        {
          ...order,
          remark: undefined,
          pickup: {
            start: new Date("2025-05-26T06:00:00Z"),
            end: new Date("2025-05-26T08:00:00Z"),
          },
        },
        account,
        ctx,
      ),
    path: "order/addOrder",
    biz: {
      ...orderAuth,
      txlogisticId: "P-3001",
      expressType: "EZ",
      orderType: "2",
      serviceType: "01",
      deliveryType: "03",
      payType: "PP_PM",
      sender: party(sender),
      receiver: party(recipient),
      sendStartTime: "2025-05-26 14:00:00",
      sendEndTime: "2025-05-26 16:00:00",
      goodsType: "bm000006",
      weight: 1.25,
      items: [{ itemName: "衬衫", number: 2, priceCurrency: "RMB" }],
    },
  },
  {
    name: "cancelWaybill",
    request: () =>
      jtDriver.cancelWaybill.build(
        { orderId: "P-3001", trackingNo: "JT5000000000001" },
        account,
        ctx,
      ),
    path: "order/cancelOrder",
    biz: { ...orderAuth, orderType: "2", txlogisticId: "P-3001", reason: "商家取消订单" },
  },
  {
    name: "queryTrack",
    request: () => jtDriver.queryTrack.build({ trackingNo: "JT5000000000001" }, account, ctx),
    path: "logistics/trace",
    biz: { billCodes: "JT5000000000001", lang: "zh", timeType: "1" },
  },
  {
    name: "subscribe",
    request: () =>
      subscribe.build(
        {
          trackingNo: "JT5000000000001",
          callbackUrl: "https://console.example/api/couriers/jt/push",
        },
        account,
        ctx,
      ),
    path: "trace/subscribe",
    biz: {
      id: "178337126125932605",
      list: [
        {
          traceNode: "1&3&4&5&6&7&8&9&10&11&12&13&14",
          waybillCode: "JT5000000000001",
          backUrl: "https://console.example/api/couriers/jt/push",
        },
      ],
    },
  },
];

describe("jtDriver build", () => {
  it.each(builds)("$name sends the exact signed bizContent form", ({ request, path, biz }) => {
    const req = request();
    const form = [...new URLSearchParams(req.body)];
    expect(form.map(([key]) => key)).toEqual(["bizContent"]);
    const bizContent = form[0]?.[1] ?? "";
    expect(req.method).toBe("POST");
    expect(req.url).toBe(`https://uat-openapi.jtexpress.com.cn/webopenplatformapi/api/${path}`);
    expect(JSON.parse(bizContent)).toEqual(biz);
    expect(bizContent).not.toMatch(/": |\\u/);
    expect(req.headers).toEqual({
      "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
      apiAccount: "178337126125932605",
      digest: headerDigest(bizContent),
      timestamp: TS,
    });
  });

  it("upper-cases the password cipher before the business digest (§0 trap 2)", () => {
    const lower = md5(`J0086474299${CIPHER.toLowerCase()}PRIVATEKEY01`).digest("base64");
    const req = jtDriver.cancelWaybill.build({ orderId: "P", trackingNo: "JT1" }, account, ctx);
    const biz = JSON.parse(new URLSearchParams(req.body).get("bizContent") ?? "") as {
      digest: string;
    };
    expect(biz.digest).toBe(BUSINESS_DIGEST);
    expect(biz.digest).not.toBe(lower);
  });

  it("keeps the UAT ?uuid= query after the path", () => {
    const uat = { ...account, baseUrl: "https://uat.example/webopenplatformapi/api?uuid=abc" };
    const req = jtDriver.queryTrack.build({ trackingNo: "JT1" }, uat, ctx);
    expect(req.url).toBe("https://uat.example/webopenplatformapi/api/logistics/trace?uuid=abc");
  });

  const bad = (credentials: Record<string, string>) => ({ ...account, credentials });
  it.each([
    [
      "no private key",
      () => jtDriver.queryTrack.build({ trackingNo: "JT1" }, bad({ apiAccount: "A" }), ctx),
    ],
    [
      "no password for an order API",
      () =>
        jtDriver.createWaybill.build(
          order,
          bad({ apiAccount: "A", privateKey: "K", customerCode: "C" }),
          ctx,
        ),
    ],
  ])("refuses to build with %s", (_, build) => {
    expect(build).toThrow(expect.objectContaining({ kind: "AUTH" }) as CourierError);
  });
});

describe("jtDriver parse", () => {
  it("reads addOrder into a waybill with 三段码 and 集包地", () => {
    const labelData = {
      txlogisticId: "P-3001",
      sortingCode: "755 V01-12",
      lastCenterName: "郑州转运中心",
      sumFreight: "10.00",
      createOrderTime: "2025-05-26 09:55:52",
    };
    const data = { ...labelData, billCode: "JT5000000000001" };
    expect(jtDriver.createWaybill.parse(ok(data), order, account)).toEqual({
      trackingNo: "JT5000000000001",
      sortingCode: "755 V01-12",
      packageCenter: "郑州转运中心",
      labelData,
    });
  });

  it("accepts a numeric success code and an empty cancel or subscribe reply", () => {
    const numeric = reply({
      code: 1,
      msg: "success",
      data: { billCode: "JT1", txlogisticId: "P" },
    });
    expect(
      jtDriver.cancelWaybill.parse(numeric, { orderId: "P", trackingNo: "JT1" }, account),
    ).toBeUndefined();
    const sub = { trackingNo: "JT1", callbackUrl: "https://x.example" };
    expect(subscribe.parse(ok(null), sub, account)).toBeUndefined();
  });

  it("returns the queried waybill's scans oldest first in +08:00", () => {
    const scans = [
      {
        scanTime: "2025-05-26 12:00:00",
        desc: "快件到达【郑州转运中心】",
        scanType: "到件扫描",
        scanNetworkCity: "郑州市",
      },
      {
        scanTime: "2025-05-26 08:00:00",
        desc: "快件已由【上海青浦区网点】揽收",
        scanType: "快件揽收",
        scanNetworkName: "上海青浦区网点",
      },
    ];
    const data = [
      { billCode: "JT9", details: [{ scanTime: "2025-05-26 07:00:00", scanType: "快件揽收" }] },
      { billCode: "JT5000000000001", details: scans },
    ];
    const events = jtDriver.queryTrack.parse(ok(data), { trackingNo: "JT5000000000001" }, account);
    expect(events).toEqual([
      {
        trackingNo: "JT5000000000001",
        time: "2025-05-26T08:00:00+08:00",
        code: "快件揽收",
        description: "快件已由【上海青浦区网点】揽收",
        location: "上海青浦区网点",
        raw: scans[1],
      },
      {
        trackingNo: "JT5000000000001",
        time: "2025-05-26T12:00:00+08:00",
        code: "到件扫描",
        description: "快件到达【郑州转运中心】",
        location: "郑州市",
        raw: scans[0],
      },
    ]);
  });

  it("returns no events for a waybill J&T left out of the reply", () => {
    expect(jtDriver.queryTrack.parse(ok([]), { trackingNo: "JT1" }, account)).toEqual([]);
    expect(jtDriver.queryTrack.parse(ok(null), { trackingNo: "JT1" }, account)).toEqual([]);
  });
});
