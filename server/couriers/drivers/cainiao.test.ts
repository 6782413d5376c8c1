import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  type WaybillOrder,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import vectors from "@/server/couriers/signing/vectors.json";
import { cainiaoDriver } from "./cainiao";

const account: CourierAccountConfig = {
  courier: "cainiao",
  environment: "production",
  baseUrl: "https://link.cainiao.com/",
  credentials: { logisticProviderId: "RES-CODE-01", secretKey: "SECRET01", appCode: "102905" },
};
const ctx = { now: new Date("2025-05-22T07:07:46.000Z"), requestId: "req-0001" };
const order: WaybillOrder = {
  orderId: "SJ20250522",
  sender: {
    name: "杨犁",
    mobile: "15685585514",
    province: "浙江省",
    city: "杭州市",
    district: "余杭区",
    address: "文一西路969号",
  },
  recipient: {
    name: "董航",
    mobile: "13500000000",
    province: "上海",
    city: "上海市",
    district: "闵行区",
    address: "申贵路1500号",
  },
  weightG: 1500,
  goods: [{ name: "茶叶", quantity: 2 }],
  productCode: "YTO",
};

/** The LINK digest computed here with node:crypto, not with the signing module. */
const digest = (text: string): string => createHash("md5").update(text, "utf8").digest("base64");

/** Checks the form (field order, to_code, digest over the raw interface) and returns its JSON. */
function sent(req: WireRequest, msgType: string, toCode?: string): unknown {
  expect(req.method).toBe("POST");
  expect(req.url).toBe("https://link.cainiao.com/gateway/link.do");
  expect(req.headers).toEqual({
    "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
  });
  const form = [...new URLSearchParams(req.body)];
  expect(form.map(([k]) => k)).toEqual([
    "logistic_provider_id",
    "msg_type",
    ...(toCode ? ["to_code"] : []),
    "logistics_interface",
    "data_digest",
  ]);
  const fields = Object.fromEntries(form);
  const content = fields.logistics_interface ?? "";
  expect(fields).toMatchObject({
    logistic_provider_id: "RES-CODE-01",
    msg_type: msgType,
    ...(toCode ? { to_code: toCode } : {}),
    data_digest: digest(`${content}SECRET01`),
  });
  // A `+` in the digest must travel encoded, or it arrives as a space (§9).
  expect(req.body).not.toMatch(/data_digest=[^&]*\+/);
  return JSON.parse(content);
}

const reply = (body: unknown, status = 200): WireResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

function thrown(run: () => unknown): CourierError {
  try {
    run();
  } catch (error) {
    if (error instanceof CourierError) return error;
    throw error;
  }
  throw new Error("expected a CourierError");
}

const contact = (
  name: string,
  mobile: string,
  province: string,
  city: string,
  district: string,
  detail: string,
) => ({
  name,
  mobile,
  address: { province, city, district, detail },
});

describe("cainiaoDriver build", () => {
  it("checks requests with a digest that reproduces every Cainiao vector of vectors.json", () => {
    const link = vectors.vectors.filter((v) => v.id.startsWith("cainiao-"));
    expect(link.length).toBeGreaterThan(0);
    for (const v of link) {
      const input = v.input as { logistics_interface: string; secretKey: string };
      expect(digest(input.logistics_interface + input.secretKey)).toBe(v.expected);
    }
  });

  it("createWaybill sends TMS_WAYBILL_GET for the target cpCode, without to_code", () => {
    const req = cainiaoDriver.createWaybill.build(order, account, ctx);
    expect(sent(req, "TMS_WAYBILL_GET")).toEqual({
      cpCode: "YTO",
      sender: contact("杨犁", "15685585514", "浙江省", "杭州市", "余杭区", "文一西路969号"),
      tradeOrderInfoDtos: [
        {
          objectId: "1",
          orderInfo: { orderChannelsType: "OTHERS", tradeOrderList: ["SJ20250522"] },
          packageInfo: { id: "SJ20250522", items: [{ name: "茶叶", count: 2 }], weight: 1500 },
          recipient: contact("董航", "13500000000", "上海", "上海市", "闵行区", "申贵路1500号"),
        },
      ],
      needEncrypt: false,
    });
  });

  it("createWaybill adds templateUrl and userId, and falls back to the account's cpCode", () => {
    const configured = {
      ...account,
      credentials: {
        ...account.credentials,
        cpCode: "ZTO",
        templateUrl: "http://cloudprint.cainiao.com/template/standard/401/177",
        userId: "2220576876930",
      },
    };
    const req = cainiaoDriver.createWaybill.build(
      { ...order, productCode: undefined },
      configured,
      ctx,
    );
    const body = sent(req, "TMS_WAYBILL_GET") as { cpCode: string; tradeOrderInfoDtos: unknown[] };
    expect(body.cpCode).toBe("ZTO");
    expect(body.tradeOrderInfoDtos[0]).toMatchObject({
      templateUrl: "http://cloudprint.cainiao.com/template/standard/401/177",
      userId: 2220576876930,
    });
    const error = thrown(() =>
      cainiaoDriver.createWaybill.build({ ...order, productCode: undefined }, account, ctx),
    );
    expect(error).toMatchObject({ kind: "INVALID", courierCode: "NO_CP_CODE" });
  });

  it("cancel, track and subscribe name the courier; the CNTECH_LV calls carry the appCode", () => {
    const target = { trackingNo: "YT0000000000001", productCode: "YTO" };
    const cancel = cainiaoDriver.cancelWaybill.build({ ...target, orderId: "SJ1" }, account, ctx);
    expect(sent(cancel, "TMS_WAYBILL_DISCARD")).toEqual({
      cpCode: "YTO",
      waybillCode: "YT0000000000001",
    });
    const arg0 = { arg0: { appCode: "102905", cpCode: "YTO", mailNo: "YT0000000000001" } };
    const track = cainiaoDriver.queryTrack.build(target, account, ctx);
    expect(sent(track, "CNTECH_LV_LOGISTICS_DETAIL_GET", "CNTECH_LV")).toEqual(arg0);
    const sub = { ...target, callbackUrl: "https://x.example/p" };
    const subscribe = cainiaoDriver.subscribe.build(sub, account, ctx);
    expect(sent(subscribe, "CNTECH_LV_LOGISTICS_DETAIL_SUBSCRIBE", "CNTECH_LV")).toEqual(arg0);
  });

  it("refuses to sign without credentials, and to track without an appCode", () => {
    const bare = { ...account, credentials: { logisticProviderId: "RES-CODE-01" } };
    expect(thrown(() => cainiaoDriver.createWaybill.build(order, bare, ctx)).kind).toBe("AUTH");
    const noApp = { ...account, credentials: { logisticProviderId: "R", secretKey: "S" } };
    const error = thrown(() =>
      cainiaoDriver.queryTrack.build({ trackingNo: "1", productCode: "YTO" }, noApp, ctx),
    );
    expect(error).toMatchObject({ kind: "AUTH", courierCode: "MISSING_APP_CODE" });
  });
});

describe("cainiaoDriver parse", () => {
  const routingInfo = {
    sortation: { name: "上海 闵行 021" },
    consolidation: { name: "上海转运中心", code: "201100" },
    origin: { code: "571001", name: "杭州余杭" },
    routeCode: "201 A12",
  };
  const printData = JSON.stringify({
    data: { routingInfo },
    templateURL: "http://t/1",
    signature: "x",
  });

  it("reads the waybill, 大头笔 and 集包地 from the cloud-print data", () => {
    const ok = reply({
      success: true,
      waybillCloudPrintResponseList: [{ objectId: "1", waybillCode: "YT0000000000001", printData }],
    });
    expect(cainiaoDriver.createWaybill.parse(ok, order, account)).toEqual({
      trackingNo: "YT0000000000001",
      sortingCode: "上海 闵行 021",
      packageCenter: "上海转运中心",
      originCode: "571001",
      labelData: {
        printData,
        templateURL: "http://t/1",
        routeCode: "201 A12",
        consolidationCode: "201100",
      },
    });
    const encrypted = reply({
      success: "true",
      waybillCloudPrintResponseList: [{ waybillCode: "YT0000000000002", printData: "ENCRYPTED" }],
    });
    expect(cainiaoDriver.createWaybill.parse(encrypted, order, account)).toEqual({
      trackingNo: "YT0000000000002",
      labelData: { printData: "ENCRYPTED" },
    });
  });

  it("accepts a discard, refuses discardResult false, returns traces oldest first", () => {
    const input = { orderId: "SJ1", trackingNo: "YT1", productCode: "YTO" };
    const discarded = reply({ success: true, discardResult: true });
    expect(cainiaoDriver.cancelWaybill.parse(discarded, input, account)).toBeUndefined();
    const notDiscarded = reply({ success: true, discardResult: false });
    expect(thrown(() => cainiaoDriver.cancelWaybill.parse(notDiscarded, input, account)).kind).toBe(
      "INVALID",
    );
    const trace = (time: string, status: string) => ({
      time,
      status,
      desc: `快件${status}`,
      city: "上海市",
    });
    const detail = reply({
      success: true,
      mailNo: "YT1",
      logisticsStatus: "SIGN",
      fullTraceDetail: [
        trace("2025-05-23 09:00:00", "SIGN"),
        trace("2025-05-22 11:00:00", "ACCEPT"),
      ],
    });
    const query = { trackingNo: "YT1", productCode: "YTO" };
    const events = cainiaoDriver.queryTrack.parse(detail, query, account);
    expect(events.map((e) => [e.trackingNo, e.time, e.code, e.location])).toEqual([
      ["YT1", "2025-05-22T11:00:00+08:00", "ACCEPT", "上海市"],
      ["YT1", "2025-05-23T09:00:00+08:00", "SIGN", "上海市"],
    ]);
    const empty = reply({ success: true, mailNo: "YT1", fullTraceDetail: [] });
    expect(cainiaoDriver.queryTrack.parse(empty, query, account)).toEqual([]);
  });

  it.each([
    ["S02", "验签或加密失败:digist sign check not pass", "SIGNATURE"],
    ["S05", "logistic_provider_id不存在或无权限", "AUTH"],
    ["isv.app-code-invalid", "appCode无效或未授权", "AUTH"],
    ["isv.waybill-collected", "该运单已揽收，不能取消", "ALREADY_PICKED_UP"],
    ["isv.waybill-discarded", "该运单已取消（回收）", "ALREADY_CANCELLED"],
    ["isv.waybill-not-exist", "运单号不存在", "NOT_FOUND"],
    ["isv.cp-not-supported", "不支持的快递公司：XYZ", "UNSERVICEABLE"],
    ["isv.invalid-parameter", "recipient.address.detail不能为空", "INVALID"],
  ])("maps %s %s to %s with Cainiao's text kept", (errorCode, errorMsg, kind) => {
    const error = thrown(() =>
      cainiaoDriver.createWaybill.parse(
        reply({ success: false, errorCode, errorMsg }),
        order,
        account,
      ),
    );
    expect(error).toMatchObject({ kind, courierCode: errorCode, courierMessage: errorMsg });
  });

  it.each([
    ["a non-JSON body", reply("<html>busy</html>")],
    ["a reply without success", reply({ waybillCloudPrintResponseList: [] })],
    ["a success without a waybill", reply({ success: true, waybillCloudPrintResponseList: [] })],
    ["an HTTP 404", reply("not found", 404)],
  ])("treats %s as UNAVAILABLE", (_, response) => {
    expect(thrown(() => cainiaoDriver.createWaybill.parse(response, order, account)).kind).toBe(
      "UNAVAILABLE",
    );
  });

  it("maps HTTP 429 to RATE_LIMITED and a reply for another number to UNAVAILABLE", () => {
    const query = { trackingNo: "YT1", productCode: "YTO" };
    expect(thrown(() => cainiaoDriver.queryTrack.parse(reply("", 429), query, account)).kind).toBe(
      "RATE_LIMITED",
    );
    const other = reply({ success: true, mailNo: "YT2", fullTraceDetail: [] });
    expect(thrown(() => cainiaoDriver.queryTrack.parse(other, query, account)).kind).toBe(
      "UNAVAILABLE",
    );
  });
});
