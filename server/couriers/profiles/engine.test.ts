import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  type WaybillOrder,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import { execute, type Transport } from "@/server/couriers/execute";
import { builtInProfiles, type CourierProfile, dryRun, profileDriver } from "./index";
import { demoSender } from "@/server/couriers/testing/fixtures";

const yunda = builtInProfiles.yunda;
const deppon = builtInProfiles.deppon;
// 2025-05-22 15:07:46 in Asia/Shanghai.
const ctx = { now: new Date("2025-05-22T07:07:46.000Z"), requestId: "req-0001" };
const MS = ctx.now.getTime();

const yundaAccount: CourierAccountConfig = {
  courier: "yunda",
  environment: "sandbox",
  baseUrl: "https://u-openapi.yundasys.com/",
  credentials: { appKey: "APPKEY", appSecret: "APPSECRET", partnerId: "PID", secret: "BMSECRET" },
};
const depponAccount: CourierAccountConfig = {
  courier: "deppon",
  environment: "sandbox",
  baseUrl: "http://dpsanbox.deppon.com/sandbox-web",
  credentials: { companyCode: "COMP", appKey: "AK", sign: "EXPD", customerCode: "400" },
};

const order: WaybillOrder = {
  orderId: "SO-2025/001",
  sender: demoSender,
  recipient: {
    name: "董航",
    mobile: "13500000000",
    province: "上海市",
    city: "上海市",
    district: "闵行区",
    address: "申贵路1500号",
  },
  weightG: 800,
  goods: [
    { name: "茶叶", quantity: 2 },
    { name: "紫砂壶", quantity: 1 },
  ],
};

const md5Hex = (bytes: Buffer) => createHash("md5").update(bytes).digest("hex");
const reply = (body: unknown, status = 200): WireResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("missing a value the test needs");
  return value;
}

function thrown(run: () => unknown): CourierError {
  try {
    run();
  } catch (error) {
    if (error instanceof CourierError) return error;
    throw error;
  }
  throw new Error("expected a CourierError");
}

/** A copy of the Yunda profile whose queryTrack body is `body`. */
function withTrackBody(body: CourierProfile["operations"]["queryTrack"]["body"]): CourierProfile {
  const operations = { ...yunda.operations, queryTrack: { ...yunda.operations.queryTrack, body } };
  return { ...yunda, operations };
}

describe("template rendering", () => {
  it("renders the Yunda e-waybill body byte-exact, Chinese unescaped, absent fields left out", () => {
    const request = dryRun(yunda, "createWaybill", order, yundaAccount, ctx);
    const party = (p: typeof order.sender) =>
      `{"name":"${p.name}","province":"${p.province}","city":"${p.city}","county":"${p.district}",` +
      `"address":"${p.province},${p.city},${p.district},${p.address}","mobile":"${p.mobile}"}`;
    const expected =
      '{"appid":"APPKEY","partner_id":"PID","secret":"BMSECRET","orders":[{"order_serial_no":"SO_2025_001",' +
      `"khddh":"SO-2025/001","sender":${party(order.sender)},"receiver":${party(order.recipient)},` +
      '"weight":0.8,"items":[{"name":"茶叶","number":"2"},{"name":"紫砂壶","number":"1"}],' +
      '"order_type":"common","node_id":"350"}]}';
    expect(request.body).toBe(expected);
    expect(Buffer.byteLength(request.body, "utf8")).toBe(Buffer.from(expected, "utf8").length);
    // The sign covers those exact UTF-8 bytes.
    expect(request.headers.sign).toBe(md5Hex(Buffer.from(`${expected}_APPSECRET`, "utf8")));
  });

  it("keeps lone placeholders typed, applies formatters and drops absent values", () => {
    const profile = withTrackBody({
      no: "{{input.trackingNo|upper}}",
      order: "{{input.orderId|default:none}}",
      last4: "{{input.phoneLast4|number}}",
      at: "{{ctx.now}}",
      day: "{{ctx.now|date}}",
      ms: "{{ctx.now|epochMs}}",
      s: "{{ctx.timestampS}}",
      text: "单号 {{input.trackingNo}} / {{input.productCode}}!",
      wrapped: "{{input.trackingNo|json}}",
      gone: "{{input.productCode}}",
      literal: 5,
      flag: true,
      nothing: null,
      list: ["{{input.productCode}}", "x"],
    });
    const query = { trackingNo: "yd1", phoneLast4: "0123" };
    const body = JSON.parse(
      dryRun(profile, "queryTrack", query, yundaAccount, ctx).body,
    ) as unknown;
    expect(body).toEqual({
      no: "YD1",
      order: "none",
      last4: 123,
      at: "2025-05-22 15:07:46",
      day: "2025-05-22",
      ms: MS,
      s: Math.floor(MS / 1000),
      text: "单号 yd1 / !",
      wrapped: '"yd1"',
      literal: 5,
      flag: true,
      nothing: null,
      list: ["x"],
    });
  });

  it("renders order conversions: kg, m³, yuan, pickup window in Shanghai time", () => {
    const rich: WaybillOrder = {
      ...order,
      weightG: 12_345,
      lengthMm: 600,
      widthMm: 400,
      heightMm: 300,
      declaredValueFen: 19_999,
      remark: "易碎",
      pickup: { start: new Date("2025-05-22T01:00:00Z"), end: new Date("2025-05-22T03:30:00Z") },
    };
    const params = new URLSearchParams(
      dryRun(deppon, "createWaybill", rich, depponAccount, ctx).body,
    );
    expect(JSON.parse(params.get("params") ?? "")).toMatchObject({
      logisticID: "EXPDSO-2025/001",
      packageInfo: { cargoName: "茶叶,紫砂壶", totalWeight: 12.345, totalVolume: 0.072 },
      sendStartTime: "2025-05-22 09:00:00",
      sendEndTime: "2025-05-22 11:30:00",
      remark: "易碎",
    });
    const yd = JSON.parse(dryRun(yunda, "createWaybill", rich, yundaAccount, ctx).body) as {
      orders: { value: number }[];
    };
    expect(yd.orders[0]?.value).toBe(199.99);
  });
});

describe("signature placement", () => {
  it("puts the Yunda sign in a header, with app-key and req-time", () => {
    const request = dryRun(yunda, "queryTrack", { trackingNo: "4312000000001" }, yundaAccount, ctx);
    expect(request).toEqual({
      method: "POST",
      url: "https://u-openapi.yundasys.com/openapi/outer/logictis/query",
      headers: {
        "content-type": "application/json; charset=UTF-8",
        "app-key": "APPKEY",
        "req-time": String(MS),
        sign: md5Hex(Buffer.from('{"mailno":"4312000000001"}_APPSECRET')),
      },
      body: '{"mailno":"4312000000001"}',
    });
  });

  it("appends the Deppon digest as a form field after companyCode, params and timestamp", () => {
    const request = dryRun(deppon, "queryTrack", { trackingNo: "DPK1" }, depponAccount, ctx);
    const params = '{"mailNo":"DPK1"}';
    const digest = Buffer.from(md5Hex(Buffer.from(`${params}AK${MS}`))).toString("base64");
    expect(request.headers).toEqual({
      "content-type": "application/x-www-form-urlencoded; charset=UTF-8",
    });
    expect([...new URLSearchParams(request.body)]).toEqual([
      ["companyCode", "COMP"],
      ["params", params],
      ["timestamp", String(MS)],
      ["digest", digest],
    ]);
  });

  it("adds the signature as a top-level field of a JSON envelope around the payload", () => {
    const profile = {
      ...yunda,
      transport: {
        contentType: "json" as const,
        envelope: { timestamp: "{{ctx.timestampMs}}", param: "{{payload}}", format: "JSON" },
      },
      sign: { ...need(yunda.sign), target: { in: "json" as const, name: "sign" } },
    };
    const request = dryRun(profile, "queryTrack", { trackingNo: "1" }, yundaAccount, ctx);
    const param = '{"mailno":"1"}';
    expect(request.body).toBe(
      JSON.stringify({
        timestamp: MS,
        param,
        format: "JSON",
        sign: md5Hex(Buffer.from(`${param}_APPSECRET`)),
      }),
    );
    expect(request.headers).not.toHaveProperty("sign");
  });
});

describe("dryRun", () => {
  const yd = profileDriver(yunda);
  const dp = profileDriver(deppon);
  const cancel = { orderId: "A1", trackingNo: "4312000000001" };
  const track = { trackingNo: "DPK1" };
  const subscription = { trackingNo: "DPK1", callbackUrl: "https://console.example/push" };
  const cases: [string, (t: Transport) => Promise<unknown>, () => WireRequest][] = [
    [
      "yunda createWaybill",
      (t) => execute(yd.createWaybill, order, yundaAccount, t, ctx),
      () => dryRun(yunda, "createWaybill", order, yundaAccount, ctx),
    ],
    [
      "yunda cancelWaybill",
      (t) => execute(yd.cancelWaybill, cancel, yundaAccount, t, ctx),
      () => dryRun(yunda, "cancelWaybill", cancel, yundaAccount, ctx),
    ],
    [
      "yunda queryTrack",
      (t) => execute(yd.queryTrack, track, yundaAccount, t, ctx),
      () => dryRun(yunda, "queryTrack", track, yundaAccount, ctx),
    ],
    [
      "deppon createWaybill",
      (t) => execute(dp.createWaybill, order, depponAccount, t, ctx),
      () => dryRun(deppon, "createWaybill", order, depponAccount, ctx),
    ],
    [
      "deppon cancelWaybill",
      (t) => execute(dp.cancelWaybill, cancel, depponAccount, t, ctx),
      () => dryRun(deppon, "cancelWaybill", cancel, depponAccount, ctx),
    ],
    [
      "deppon queryTrack",
      (t) => execute(dp.queryTrack, track, depponAccount, t, ctx),
      () => dryRun(deppon, "queryTrack", track, depponAccount, ctx),
    ],
    [
      "deppon subscribe",
      (t) => execute(need(dp.subscribe), subscription, depponAccount, t, ctx),
      () => dryRun(deppon, "subscribe", subscription, depponAccount, ctx),
    ],
  ];

  it.each(cases)("equals what execute() sends: %s", async (_, send, preview) => {
    const sent: WireRequest[] = [];
    const transport: Transport = (request) => {
      sent.push(request);
      return Promise.resolve(reply({ code: "0000", result: "true" }));
    };
    // The canned reply may not satisfy every parser; only the request matters here.
    await send(transport).catch((error: unknown) => {
      if (!(error instanceof CourierError)) throw error;
    });
    expect(sent).toEqual([preview()]);
  });

  it("sends production Deppon calls to the split order and query hosts", () => {
    const production = { ...depponAccount, environment: "production" as const };
    expect(dryRun(deppon, "createWaybill", order, production, ctx).url).toBe(
      "https://gwapi.deppon.com/dop-interface-async/standard-order/createOrderNotify.action",
    );
    expect(dryRun(deppon, "queryTrack", { trackingNo: "DPK1" }, production, ctx).url).toBe(
      "https://dpapi.deppon.com/dop-interface-sync/standard-query/newTraceQuery.action",
    );
  });

  it("refuses to build without a required credential (AUTH), naming it", () => {
    const { partnerId: _, ...rest } = yundaAccount.credentials;
    const error = thrown(() =>
      dryRun(yunda, "createWaybill", order, { ...yundaAccount, credentials: rest }, ctx),
    );
    expect(error).toMatchObject({ kind: "AUTH", courierCode: "MISSING_CREDENTIALS" });
    expect(error.message).toContain("白马 partner_id");
  });

  it("never builds a driver from an invalid profile", () => {
    expect(() => profileDriver({ ...yunda, code: "Not A Slug" })).toThrow(/lower-case/);
  });
});
