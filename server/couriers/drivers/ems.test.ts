import { createDecipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  type WaybillOrder,
  type WireResponse,
} from "@/server/couriers/contract";
import { emsDriver } from "./ems";
import { demoRecipient, demoSender } from "@/server/couriers/testing/fixtures";

// Our own test key: Base64 of "0123456789abcdef".
const SIGN_KEY = "MDEyMzQ1Njc4OWFiY2RlZg==";
const account: CourierAccountConfig = {
  courier: "ems",
  environment: "production",
  baseUrl: "https://api.ems.com.cn/",
  credentials: { senderNo: "1100012345678", authorization: "AUTH-CODE-01", signKey: SIGN_KEY },
};
// 2025-05-22 15:07:46 in Asia/Shanghai.
const ctx = { now: new Date("2025-05-22T07:07:46.000Z"), requestId: "req-0001" };

const order: WaybillOrder = {
  orderId: "SJ20250522",
  sender: demoSender,
  recipient: demoRecipient,
  weightG: 1500,
  lengthMm: 300,
  widthMm: 205,
  heightMm: 100,
  goods: [{ name: "茶叶", quantity: 2, unitValueFen: 1999 }],
  remark: "易碎",
};

/** Decrypts with node:crypto, not with the signing module the driver uses. */
function openLogitcs(sealed: string): string {
  expect(sealed.startsWith("|$4|")).toBe(true);
  const decipher = createDecipheriv("sm4-ecb", Buffer.from(SIGN_KEY, "base64"), null);
  const data = Buffer.from(sealed.slice(4), "base64");
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}

function formOf(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** The business JSON of a built request, after checking the envelope and the key suffix. */
function sentPayload(body: string, apiCode: string): unknown {
  const form = formOf(body);
  expect(Object.keys(form)).toEqual([
    "apiCode",
    "senderNo",
    "authorization",
    "msgType",
    "timeStamp",
    "version",
    "logitcsInterface",
  ]);
  expect(form).toMatchObject({
    apiCode,
    senderNo: "1100012345678",
    authorization: "AUTH-CODE-01",
    msgType: "0",
    timeStamp: "2025-05-22 15:07:46",
    version: "V1.0.0",
  });
  const text = openLogitcs(form.logitcsInterface ?? "");
  expect(text.endsWith(SIGN_KEY)).toBe(true);
  return JSON.parse(text.slice(0, -SIGN_KEY.length));
}

const reply = (body: unknown, status = 200): WireResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const ok = (retBody: unknown) =>
  reply({ serialNo: "S1", retCode: "00000", retMsg: "成功", retBody: JSON.stringify(retBody) });

function thrown(run: () => unknown): CourierError {
  try {
    run();
  } catch (error) {
    if (error instanceof CourierError) return error;
    throw error;
  }
  throw new Error("expected a CourierError");
}

describe("emsDriver build", () => {
  it("createWaybill posts the encrypted one-order list to the production gateway", () => {
    const req = emsDriver.createWaybill.build(order, account, ctx);
    expect(req.method).toBe("POST");
    expect(req.url).toBe("https://api.ems.com.cn/amp-prod-api/f/amp/api/open");
    expect(req.headers).toEqual({
      "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
    });
    expect(sentPayload(req.body, "020003")).toEqual([
      {
        ecommerceUserId: "1100012345678",
        logisticsOrderNo: "SJ20250522",
        createdTime: "2025-05-22 15:07:46",
        senderNo: "1100012345678",
        contentsAttribute: "3",
        bizProductNo: "10",
        weight: "1500",
        length: "30.00",
        width: "20.50",
        height: "10.00",
        sender: {
          name: "杨犁",
          mobile: "15685585514",
          prov: "广东省",
          city: "广州市",
          county: "黄埔区",
          address: "骏业路255号",
        },
        receiver: {
          name: "董航",
          mobile: "13500000000",
          prov: "河南省",
          city: "郑州市",
          county: "高新区",
          address: "科学大道100号",
        },
        cargos: [{ cargoName: "茶叶", cargoQuantity: 2, cargoValue: "19.99" }],
        remarks: "易碎",
      },
    ]);
  });

  it("createWaybill sends the pickup window, product and e-commerce id; sandbox uses /api/test", () => {
    const sandbox = {
      ...account,
      environment: "sandbox" as const,
      credentials: { ...account.credentials, ecommerceUserId: "ECU-9" },
    };
    const pickup = {
      start: new Date("2025-05-22T03:00:00Z"),
      end: new Date("2025-05-22T04:00:00Z"),
    };
    const req = emsDriver.createWaybill.build(
      { ...order, productCode: "1", pickup, lengthMm: undefined },
      sandbox,
      ctx,
    );
    expect(req.url).toBe("https://api.ems.com.cn/amp-prod-api/f/amp/api/test");
    const [sent] = sentPayload(req.body, "020003") as Record<string, unknown>[];
    expect(sent).toMatchObject({
      ecommerceUserId: "ECU-9",
      bizProductNo: "1",
      pickupType: "1",
      pickupPreBeginTime: "2025-05-22 11:00:00",
      pickupPreEndTime: "2025-05-22 12:00:00",
    });
    expect(sent).not.toHaveProperty("length");
  });

  it("cancelWaybill and queryTrack send the documented bodies", () => {
    const cancel = emsDriver.cancelWaybill.build(
      { orderId: "SJ1", trackingNo: "1100000000001" },
      account,
      ctx,
    );
    expect(sentPayload(cancel.body, "020006")).toEqual({
      logisticsOrderNo: "SJ1",
      waybillNo: "1100000000001",
      cancelReason: "客户取消",
    });
    const track = emsDriver.queryTrack.build({ trackingNo: "1100000000001" }, account, ctx);
    expect(sentPayload(track.body, "040001")).toEqual({
      waybillNo: "1100000000001",
      direction: "0",
    });
  });

  it("refuses to encrypt without credentials or with a key that is not 16 bytes", () => {
    const missing = { ...account, credentials: { senderNo: "1", authorization: "A" } };
    expect(thrown(() => emsDriver.createWaybill.build(order, missing, ctx))).toMatchObject({
      kind: "AUTH",
      courierCode: "MISSING_CREDENTIALS",
    });
    const short = { ...account, credentials: { ...account.credentials, signKey: "c2hvcnQ=" } };
    expect(thrown(() => emsDriver.createWaybill.build(order, short, ctx))).toMatchObject({
      kind: "AUTH",
      courierCode: "BAD_SIGN_KEY",
    });
  });
});

describe("emsDriver parse", () => {
  const created = {
    logisticsOrderNo: "SJ20250522",
    waybillNo: "1100000000001",
    routeCode: "450-12-07",
    packageCode: "45000100",
    packageCodeName: "郑州邮区中心局",
    markDestinationCode: "450123",
    markDestinationName: "郑州 高新",
  };

  it.each([
    ["an object", created],
    ["a one-element list", [created]],
  ])("reads the create reply as %s", (_, retBody) => {
    expect(emsDriver.createWaybill.parse(ok(retBody), order, account)).toEqual({
      trackingNo: "1100000000001",
      sortingCode: "郑州 高新",
      packageCenter: "郑州邮区中心局",
      destCode: "450123",
      labelData: {
        routeCode: "450-12-07",
        packageCode: "45000100",
        packageCodeName: "郑州邮区中心局",
        markDestinationCode: "450123",
        markDestinationName: "郑州 高新",
      },
    });
  });

  it("accepts the cancel reply and returns traces oldest first in +08:00", () => {
    const input = { orderId: "SJ1", trackingNo: "1100000000001" };
    expect(emsDriver.cancelWaybill.parse(ok(null), input, account)).toBeUndefined();
    const trace = (opTime: string, opCode: string, waybillNo = "1100000000001") => ({
      waybillNo,
      opTime,
      opCode,
      opName: "收寄",
      opDesc: `【广州黄埔揽投部】${opCode}`,
      opOrgCity: "广州市",
    });
    const events = emsDriver.queryTrack.parse(
      ok({
        responseItems: [
          trace("2025-05-23 09:00:00", "748"),
          trace("2025-05-22 11:00:00", "203"),
          trace("2025-05-22 12:00:00", "305", "1100000000999"),
        ],
      }),
      { trackingNo: "1100000000001" },
      account,
    );
    expect(events.map((e) => [e.time, e.code])).toEqual([
      ["2025-05-22T11:00:00+08:00", "203"],
      ["2025-05-23T09:00:00+08:00", "748"],
    ]);
    expect(events[0]).toMatchObject({ location: "广州市", description: "【广州黄埔揽投部】203" });
    const empty = reply({ retCode: "00000", retMsg: "成功", retBody: null });
    expect(emsDriver.queryTrack.parse(empty, { trackingNo: "1" }, account)).toEqual([]);
  });

  it.each([
    ["报文解密失败，请检查签名钥匙", "SIGNATURE"],
    ["授权码错误", "AUTH"],
    ["协议客户号不存在", "AUTH"],
    ["邮件已收寄，不能取消订单", "ALREADY_PICKED_UP"],
    ["订单已取消，请勿重复操作", "ALREADY_CANCELLED"],
    ["物流订单号重复", "DUPLICATE"],
    ["订单不存在", "NOT_FOUND"],
    ["收件地址超范围", "UNSERVICEABLE"],
    ["系统繁忙", "UNAVAILABLE"],
    ["sender.mobile不能为空", "INVALID"],
  ])("maps %s to %s with EMS's text kept", (retMsg, kind) => {
    const error = thrown(() =>
      emsDriver.createWaybill.parse(
        reply({ retCode: "B00001", retMsg, retBody: null }),
        order,
        account,
      ),
    );
    expect(error).toMatchObject({ kind, courierCode: "B00001", courierMessage: retMsg });
    expect(error.message).toMatch(/EMS/);
  });

  it.each([
    ["a non-JSON body", reply("<html>502</html>")],
    ["an envelope without retCode", reply({ retMsg: "x" })],
    ["a success without a waybill", ok({ routeCode: "1" })],
    ["a retBody that is broken JSON", reply({ retCode: "00000", retBody: "{oops" })],
  ])("treats %s as UNAVAILABLE", (_, response) => {
    expect(thrown(() => emsDriver.createWaybill.parse(response, order, account)).kind).toBe(
      "UNAVAILABLE",
    );
  });

  it("maps HTTP 429 to RATE_LIMITED and other HTTP errors to UNAVAILABLE", () => {
    const track = (response: WireResponse) => () =>
      emsDriver.queryTrack.parse(response, { trackingNo: "1" }, account);
    expect(thrown(track(reply("", 429))).kind).toBe("RATE_LIMITED");
    expect(thrown(track(reply("nope", 404)))).toMatchObject({
      kind: "UNAVAILABLE",
      courierCode: "HTTP_404",
    });
  });
});
