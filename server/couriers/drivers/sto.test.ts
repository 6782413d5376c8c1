import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  type WaybillOrder,
  type WireRequest,
  type WireResponse,
} from "@/server/couriers/contract";
import { stoDriver } from "./sto";
import { demoSender } from "@/server/couriers/testing/fixtures";

const account: CourierAccountConfig = {
  courier: "sto",
  environment: "production",
  baseUrl: "https://cloudinter-linkgatewayonline.sto.cn/",
  credentials: { appKey: "CAKAPPKEY01", resourceCode: "CAKCODE01", secretKey: "SECRET01" },
};
const ctx = { now: new Date("2025-05-22T07:07:46.000Z"), requestId: "req-0001" };
const order: WaybillOrder = {
  orderId: "SJ20250522",
  sender: demoSender,
  recipient: {
    name: "董航",
    mobile: "13500000000",
    province: "上海",
    city: "上海市",
    district: "闵行区",
    address: "申贵路1500号",
  },
  weightG: 1500,
  lengthMm: 300,
  widthMm: 200,
  heightMm: 105,
  goods: [
    { name: "茶叶", quantity: 2 },
    { name: "茶具", quantity: 1 },
  ],
  declaredValueFen: 29900,
  remark: "易碎",
};

/** The digest computed here with node:crypto, not with the signing module the driver uses. */
const digest = (text: string): string => createHash("md5").update(text, "utf8").digest("base64");

/** Checks the LINK form (field order, to_code, digest over the raw content) and returns content. */
function sentContent(req: WireRequest, apiName: string, toCode: string): unknown {
  expect(req.method).toBe("POST");
  expect(req.url).toBe("https://cloudinter-linkgatewayonline.sto.cn/gateway/link.do");
  expect(req.headers).toEqual({
    "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
  });
  const form = [...new URLSearchParams(req.body)];
  expect(form.map(([k]) => k)).toEqual([
    "api_name",
    "content",
    "from_appkey",
    "from_code",
    "to_appkey",
    "to_code",
    "data_digest",
  ]);
  const fields = Object.fromEntries(form);
  const content = fields.content ?? "";
  expect(fields).toMatchObject({
    api_name: apiName,
    from_appkey: "CAKAPPKEY01",
    from_code: "CAKCODE01",
    to_appkey: toCode,
    to_code: toCode,
    data_digest: digest(`${content}SECRET01`),
  });
  // Compact JSON with Chinese as UTF-8: the bytes signed are the bytes sent.
  expect(content).not.toMatch(/": |\\u/);
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

describe("stoDriver build", () => {
  it("createWaybill sends OMS_EXPRESS_ORDER_CREATE to sto_oms with the branch account", () => {
    const withBranch = {
      ...account,
      credentials: {
        ...account.credentials,
        orderSource: "EXPRESS",
        siteCode: "666666",
        customerName: "666666000001",
        sitePwd: "abc123",
      },
    };
    const req = stoDriver.createWaybill.build(order, withBranch, ctx);
    expect(sentContent(req, "OMS_EXPRESS_ORDER_CREATE", "sto_oms")).toEqual({
      orderNo: "SJ20250522",
      orderSource: "EXPRESS",
      billType: "00",
      orderType: "01",
      sender: {
        name: "杨犁",
        mobile: "15685585514",
        province: "广东省",
        city: "广州市",
        area: "黄埔区",
        address: "骏业路255号",
      },
      receiver: {
        name: "董航",
        mobile: "13500000000",
        province: "上海",
        city: "上海市",
        area: "闵行区",
        address: "申贵路1500号",
      },
      cargo: {
        goodsType: "小件",
        goodsName: "茶叶,茶具",
        goodsCount: 3,
        weight: 1.5,
        spaceX: 30,
        spaceY: 20,
        spaceZ: 10.5,
        goodsAmount: "299.00",
      },
      customer: { siteCode: "666666", customerName: "666666000001", sitePwd: "abc123" },
      remark: "易碎",
    });
  });

  it("createWaybill without a branch account omits customer and uses the app key as source", () => {
    const req = stoDriver.createWaybill.build({ ...order, remark: undefined }, account, ctx);
    const content = sentContent(req, "OMS_EXPRESS_ORDER_CREATE", "sto_oms") as Record<
      string,
      unknown
    >;
    expect(content.orderSource).toBe("CAKAPPKEY01");
    expect(content).not.toHaveProperty("customer");
    expect(content).not.toHaveProperty("remark");
  });

  it("cancel, track and subscribe send their documented bodies and to_codes", () => {
    const no = "7730000000001";
    const cancel = stoDriver.cancelWaybill.build({ orderId: "SJ1", trackingNo: no }, account, ctx);
    expect(sentContent(cancel, "EDI_MODIFY_ORDER_CANCEL", "edi_modify_order")).toEqual({
      billCode: no,
      orderSource: "CAKAPPKEY01",
      orderType: "01",
    });
    const track = stoDriver.queryTrack.build({ trackingNo: no }, account, ctx);
    expect(sentContent(track, "STO_TRACE_QUERY_COMMON", "sto_trace_query")).toEqual({
      order: "asc",
      waybillNoList: [no],
    });
    const sub = stoDriver.subscribe.build(
      { trackingNo: no, callbackUrl: "https://x/p" },
      account,
      ctx,
    );
    expect(sentContent(sub, "STO_TRACE_PLATFORM_SUBSCRIBE", "sto_trace_platform")).toEqual({
      subscribeInfoList: [{ waybillNo: no }],
    });
  });

  it("refuses to sign without the app key, resource code and secret", () => {
    const bad = { ...account, credentials: { appKey: "A", secretKey: "S" } };
    expect(thrown(() => stoDriver.createWaybill.build(order, bad, ctx)).kind).toBe("AUTH");
  });
});

describe("stoDriver parse", () => {
  it("reads the create reply into a waybill with 大头笔 and 集包地", () => {
    const data = {
      orderNo: "88875485332",
      waybillNo: "773000000001",
      bigWord: "877-342-213",
      packagePlace: "上海青浦测试集包地",
      sourceOrderId: "88875485332",
      safeNo: "95013740109424",
    };
    expect(stoDriver.createWaybill.parse(reply({ success: "true", data }), order, account)).toEqual(
      {
        trackingNo: "773000000001",
        sortingCode: "877-342-213",
        packageCenter: "上海青浦测试集包地",
        labelData: {
          orderNo: "88875485332",
          bigWord: "877-342-213",
          packagePlace: "上海青浦测试集包地",
          safeNo: "95013740109424",
        },
      },
    );
  });

  it("returns traces oldest first in +08:00 and accepts cancel and subscribe replies", () => {
    const no = "773000000001";
    const trace = (opTime: string, scanType: string) => ({
      waybillNo: no,
      opTime,
      scanType,
      memo: `快件${scanType}`,
      opOrgName: "上海转运中心",
      opOrgCityName: "上海市",
    });
    const data = {
      [no]: [trace("2025-05-23 09:00:00", "签收"), trace("2025-05-22 11:00:00", "收件")],
    };
    const events = stoDriver.queryTrack.parse(
      reply({ success: true, data }),
      { trackingNo: no },
      account,
    );
    expect(events.map((e) => [e.time, e.code, e.location])).toEqual([
      ["2025-05-22T11:00:00+08:00", "收件", "上海市"],
      ["2025-05-23T09:00:00+08:00", "签收", "上海市"],
    ]);
    const none = reply({ success: true, data: { [no]: [] } });
    expect(stoDriver.queryTrack.parse(none, { trackingNo: no }, account)).toEqual([]);
    const input = { orderId: "SJ1", trackingNo: no };
    expect(
      stoDriver.cancelWaybill.parse(reply({ success: true, data: "成功" }), input, account),
    ).toBeUndefined();
    const sub = { trackingNo: no, callbackUrl: "https://x/p" };
    const subscribed = reply({ success: true, data: [{ waybillNo: no, status: true }] });
    expect(stoDriver.subscribe.parse(subscribed, sub, account)).toBeUndefined();
    const refused = reply({
      success: true,
      data: [{ waybillNo: no, status: false, message: "运单号不存在" }],
    });
    expect(thrown(() => stoDriver.subscribe.parse(refused, sub, account))).toMatchObject({
      kind: "NOT_FOUND",
      courierMessage: "运单号不存在",
    });
  });

  it.each([
    ["S02", "验签或加密失败:digist sign check not pass", "SIGNATURE"],
    ["S05", "from_appkey无权限访问", "AUTH"],
    ["CUSTOMER_ERROR", "网点密码错误", "AUTH"],
    ["ORDER_COLLECTED", "该订单已揽收，不允许取消", "ALREADY_PICKED_UP"],
    ["ORDER_CANCELED", "订单已取消", "ALREADY_CANCELLED"],
    ["B01", "订单号重复", "DUPLICATE"],
    ["ORDER_NOT_EXIST", "订单不存在", "NOT_FOUND"],
    ["B02", "收件地址超区", "UNSERVICEABLE"],
    ["B03", "请求过于频繁", "RATE_LIMITED"],
    ["PARAM_ERROR", "receiver.address不能为空", "INVALID"],
  ])("maps %s %s to %s with STO's text kept", (errorCode, errorMsg, kind) => {
    const error = thrown(() =>
      stoDriver.createWaybill.parse(
        reply({ success: "false", errorCode, errorMsg }),
        order,
        account,
      ),
    );
    expect(error).toMatchObject({ kind, courierCode: errorCode, courierMessage: errorMsg });
  });

  it.each([
    ["a non-JSON body", reply("<html>gateway</html>")],
    ["an envelope without success", reply({ data: {} })],
    ["a success without a waybill", reply({ success: true, data: { bigWord: "1" } })],
    ["traces that are not a list", reply({ success: true, data: { "773000000001": "x" } })],
  ])("treats %s as UNAVAILABLE", (_, response) => {
    const error = thrown(() =>
      response.body.includes("773000000001")
        ? stoDriver.queryTrack.parse(response, { trackingNo: "773000000001" }, account)
        : stoDriver.createWaybill.parse(response, order, account),
    );
    expect(error.kind).toBe("UNAVAILABLE");
  });

  it("maps HTTP 429 to RATE_LIMITED and other HTTP errors to UNAVAILABLE", () => {
    expect(thrown(() => stoDriver.createWaybill.parse(reply("", 429), order, account)).kind).toBe(
      "RATE_LIMITED",
    );
    expect(
      thrown(() => stoDriver.createWaybill.parse(reply("x", 403), order, account)),
    ).toMatchObject({ kind: "UNAVAILABLE", courierCode: "HTTP_403" });
  });
});
