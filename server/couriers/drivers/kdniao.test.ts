import { describe, expect, it } from "vitest";
import { z } from "zod";
import vectorsJson from "@/server/couriers/signing/vectors.json";
import { kdniaoDriver } from "./kdniao";
import { account, caught, ctx, form, order, reply, requestData, sign } from "./kdniao-testing";
import { kdniaoRequest } from "./kdniao-wire";

describe("kdniao request envelope", () => {
  const vector = z
    .object({
      vectors: z.array(
        z.object({ id: z.string(), input: z.record(z.string(), z.string()), expected: z.string() }),
      ),
    })
    .parse(vectorsJson)
    .vectors.find((v) => v.id === "kdniao-datasign-doc");

  it("reproduces the official vector byte for byte (kdniao-datasign-doc, PROTOCOLS.md §3.1)", () => {
    if (!vector) throw new Error("vector kdniao-datasign-doc missing");
    const { RequestData = "", EBusinessID = "", ApiKey = "" } = vector.input;
    const request = kdniaoRequest("1002", RequestData, {
      ...account,
      credentials: { EBusinessID, ApiKey },
    });
    expect(form(request).DataSign).toBe(vector.expected);
    // The .NET demo prints lower-case escapes; the bytes are otherwise identical.
    const lowered = request.body.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    expect(lowered).toBe(
      "RequestType=1002&EBusinessID=1237100&RequestData=%7b%27OrderCode%27%3a%27%27%2c%27ShipperCode%27%3a%27SF%27%2c%27LogisticCode%27%3a%27118954907573%27%7d&DataSign=OWFhM2I5N2ViM2U2MGRkMjc4YzU2NmVlZWI3ZDk0MmE%3d&DataType=2",
    );
  });

  it.each([
    [
      "createWaybill",
      () => kdniaoDriver.createWaybill.build(order, account, ctx),
      "/api/EOrderService",
      "1007",
    ],
    [
      "cancelWaybill",
      () =>
        kdniaoDriver.cancelWaybill.build(
          { orderId: "P-1", trackingNo: "T1", productCode: "ZTO" },
          account,
          ctx,
        ),
      "/api/EOrderService",
      "1147",
    ],
    [
      "queryTrack",
      () => kdniaoDriver.queryTrack.build({ trackingNo: "T1", productCode: "ZTO" }, account, ctx),
      "/Ebusiness/EbusinessOrderHandle.aspx",
      "1002",
    ],
    [
      "subscribe",
      () =>
        kdniaoDriver.subscribe.build(
          { trackingNo: "T1", callbackUrl: "https://x.test/p", productCode: "ZTO" },
          account,
          ctx,
        ),
      "/api/dist",
      "1008",
    ],
  ])("%s posts a signed form to its endpoint", (_name, build, path, type) => {
    const request = build();
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`https://console.test/api/sandbox/kdniao${path}`);
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded;charset=utf-8");
    const fields = form(request);
    expect(Object.keys(fields)).toEqual([
      "RequestType",
      "EBusinessID",
      "RequestData",
      "DataSign",
      "DataType",
    ]);
    expect(fields).toMatchObject({ RequestType: type, EBusinessID: "1237100", DataType: "2" });
    expect(fields.DataSign).toBe(sign(fields.RequestData ?? "", "test-api-key"));
  });

  it("sends everything to Kdniao's own single sandbox gateway as is", () => {
    const gateway = "http://sandboxapi.kdniao.com:8080/kdniaosandbox/gateway/exterfaceInvoke.json";
    const request = kdniaoDriver.queryTrack.build(
      { trackingNo: "T1", productCode: "SF" },
      { ...account, baseUrl: gateway },
      ctx,
    );
    expect(request.url).toBe(gateway);
  });

  it("refuses to build without credentials or a courier code", () => {
    const noKey = { ...account, credentials: { EBusinessID: "1237100" } };
    expect(caught(() => kdniaoDriver.createWaybill.build(order, noKey, ctx)).kind).toBe("AUTH");
    const noCourier = caught(() =>
      kdniaoDriver.queryTrack.build({ trackingNo: "T1" }, account, ctx),
    );
    expect([noCourier.kind, noCourier.courierCode]).toEqual(["INVALID", "NO_SHIPPER_CODE"]);
    const fallback = { ...account, credentials: { ...account.credentials, ShipperCode: "YTO" } };
    const request = kdniaoDriver.queryTrack.build({ trackingNo: "T1" }, fallback, ctx);
    expect(requestData(request)).toMatchObject({ ShipperCode: "YTO" });
  });
});

describe("kdniao createWaybill", () => {
  it("builds the 1007 RequestData", () => {
    expect(requestData(kdniaoDriver.createWaybill.build(order, account, ctx))).toEqual({
      OrderCode: "P-1",
      ShipperCode: "ZTO",
      PayType: 1,
      ExpType: 1,
      IsNotice: 1,
      Sender: {
        Company: "仓库",
        Name: "张三",
        Mobile: "13800001234",
        ProvinceName: "浙江省",
        CityName: "杭州市",
        ExpAreaName: "西湖区",
        Address: "文三路 100 号",
      },
      Receiver: {
        Name: "李四",
        Mobile: "13900005678",
        ProvinceName: "浙江省",
        CityName: "上海市",
        ExpAreaName: "浦东新区",
        Address: "文三路 100 号",
      },
      Commodity: [{ GoodsName: "鞋子", Goodsquantity: 2, GoodsPrice: 19.99 }],
      Weight: 1.5,
      Quantity: 1,
      IsReturnPrintTemplate: 0,
    });
  });

  it("forwards the courier's e-waybill account, monthly payment and a pickup window", () => {
    const withAccount = {
      ...account,
      credentials: {
        ...account.credentials,
        CustomerName: "all",
        "CustomerName.ZTO": "zto-user",
        MonthCode: "M1",
      },
    };
    const pickup = {
      start: new Date("2024-05-01T06:00:00Z"),
      end: new Date("2024-05-01T10:00:00Z"),
    };
    const data = requestData(
      kdniaoDriver.createWaybill.build(
        { ...order, pickup, lengthMm: 100, widthMm: 200, heightMm: 300 },
        withAccount,
        ctx,
      ),
    );
    expect(data).toMatchObject({
      CustomerName: "zto-user",
      MonthCode: "M1",
      PayType: 3,
      IsNotice: 0,
      StartDate: "2024-05-01 14:00:00",
      EndDate: "2024-05-01 18:00:00",
      Volume: 0.006,
    });
  });

  it("reads the e-waybill reply", () => {
    const body = {
      EBusinessID: "1237100",
      Order: {
        OrderCode: "P-1",
        ShipperCode: "ZTO",
        LogisticCode: "ZTO1",
        MarkDestination: "上海 浦东",
        PackageName: "上海转运中心",
        OriginCode: "571",
        DestinatioCode: "021",
        SortingCode: "",
      },
      PrintTemplate: "<html></html>",
      Success: true,
      ResultCode: "100",
      Reason: "成功",
      UniquerRequestNumber: "U1",
    };
    expect(kdniaoDriver.createWaybill.parse(reply(body), order, account)).toEqual({
      trackingNo: "ZTO1",
      sortingCode: "上海 浦东",
      packageCenter: "上海转运中心",
      originCode: "571",
      destCode: "021",
      labelData: {
        OrderCode: "P-1",
        ShipperCode: "ZTO",
        LogisticCode: "ZTO1",
        MarkDestination: "上海 浦东",
        PackageName: "上海转运中心",
        OriginCode: "571",
        DestinatioCode: "021",
        PrintTemplate: "<html></html>",
        UniquerRequestNumber: "U1",
      },
    });
  });

  it("hands back the first waybill for a repeated OrderCode (106), DUPLICATE without one", () => {
    const repeat = {
      Success: true,
      ResultCode: "106",
      Reason: "该订单号已下单成功",
      Order: { LogisticCode: "ZTO1" },
    };
    expect(kdniaoDriver.createWaybill.parse(reply(repeat), order, account).trackingNo).toBe("ZTO1");
    const bare = caught(() =>
      kdniaoDriver.createWaybill.parse(
        reply({ Success: false, ResultCode: "106", Reason: "重复" }),
        order,
        account,
      ),
    );
    expect([bare.kind, bare.courierMessage]).toEqual(["DUPLICATE", "重复"]);
  });
});
