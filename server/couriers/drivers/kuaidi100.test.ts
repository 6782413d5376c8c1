import { describe, expect, it } from "vitest";
import { z } from "zod";
import { kuaidi100Driver } from "./kuaidi100";
import { account, caught, ctx, form, md5Upper, order, reply } from "./kuaidi100-testing";

const base = "https://console.test/api/sandbox/kuaidi100";

describe("kuaidi100 requests", () => {
  it("query: customer, sign = UPPER(MD5(param+key+customer)), param", () => {
    const request = kuaidi100Driver.queryTrack.build(
      { trackingNo: "ZT1", phoneLast4: "1234", productCode: "zhongtong" },
      account,
      ctx,
    );
    expect([request.method, request.url]).toEqual(["POST", `${base}/poll/query.do`]);
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded;charset=utf-8");
    const fields = form(request);
    expect(Object.keys(fields)).toEqual(["customer", "sign", "param"]);
    expect(fields.param).toBe('{"com":"zhongtong","num":"ZT1","phone":"1234","resultv2":"4"}');
    expect(fields.sign).toBe(md5Upper(`${fields.param}k100keyCUST`));
  });

  it("label order: key, method, t, sign = UPPER(MD5(param+t+key+secret)), param", () => {
    const request = kuaidi100Driver.createWaybill.build(order, account, ctx);
    expect(request.url).toBe(`${base}/label/order`);
    const fields = form(request);
    expect(Object.keys(fields)).toEqual(["key", "method", "t", "sign", "param"]);
    expect(fields).toMatchObject({ key: "k100key", method: "order", t: "1714528800000" });
    expect(fields.sign).toBe(md5Upper(`${fields.param}1714528800000k100keyk100secret`));
    expect(JSON.parse(fields.param ?? "")).toEqual({
      kuaidicom: "zhongtong",
      orderId: "P-1",
      recMan: {
        name: "李四",
        mobile: "13900005678",
        printAddr: "浙江省杭州市西湖区文三路 100 号",
        company: "收货公司",
      },
      sendMan: {
        name: "张三",
        mobile: "13800001234",
        printAddr: "浙江省杭州市西湖区文三路 100 号",
      },
      cargo: "鞋子，袜子",
      count: 1,
      weight: 1.5,
      payType: "SHIPPER",
      expType: "标准快递",
      valinsPay: 500,
      printType: "NON",
    });
  });

  it("label order forwards the courier account, overrides and a pickup window", () => {
    const credentials = {
      ...account.credentials,
      partnerId: "all",
      "partnerId.zhongtong": "zt-id",
      payType: "MONTHLY",
      tempId: "tpl",
    };
    const pickup = { start: new Date(1714550400000), end: new Date(1714564800000) };
    const request = kuaidi100Driver.createWaybill.build(
      { ...order, pickup },
      { ...account, credentials },
      ctx,
    );
    expect(JSON.parse(form(request).param ?? "")).toMatchObject({
      partnerId: "zt-id",
      payType: "MONTHLY",
      tempId: "tpl",
      startGotTime: 1714550400000,
      endGotTime: 1714564800000,
    });
  });

  it("cancel names the courier, the number and the courier's order number", () => {
    const request = kuaidi100Driver.cancelWaybill.build(
      { orderId: "P-1", trackingNo: "ZT1", productCode: "zhongtong", courierOrderId: "KD1" },
      account,
      ctx,
    );
    expect(form(request).method).toBe("cancel");
    expect(JSON.parse(form(request).param ?? "")).toEqual({
      kuaidicom: "zhongtong",
      kuaidinum: "ZT1",
      orderId: "KD1",
      reason: "发货方取消",
    });
  });

  it("subscribe: schema=json and an unsigned param holding the key, callback and salt", () => {
    const input = {
      trackingNo: "ZT1",
      callbackUrl: "https://c.test/push",
      productCode: "zhongtong",
    };
    const request = kuaidi100Driver.subscribe.build(input, account, ctx);
    expect(request.url).toBe(`${base}/poll`);
    const fields = form(request);
    expect(Object.keys(fields)).toEqual(["schema", "param"]);
    expect(fields.param).toBe(
      '{"company":"zhongtong","number":"ZT1","key":"k100key","parameters":{"callbackurl":"https://c.test/push","salt":"pepper","resultv2":"4"}}',
    );
    const unsalted = { ...account, credentials: { key: "k100key" } };
    expect(form(kuaidi100Driver.subscribe.build(input, unsalted, ctx)).param).not.toContain("salt");
  });

  it("production splits across the documented hosts", () => {
    const production = { ...account, baseUrl: "https://poll.kuaidi100.com" };
    const target = { trackingNo: "ZT1", productCode: "zhongtong" };
    expect(kuaidi100Driver.queryTrack.build(target, production, ctx).url).toBe(
      "https://poll.kuaidi100.com/poll/query.do",
    );
    expect(
      kuaidi100Driver.subscribe.build({ ...target, callbackUrl: "https://c.test" }, production, ctx)
        .url,
    ).toBe("https://poll.kuaidi100.com/poll");
    expect(kuaidi100Driver.createWaybill.build(order, production, ctx).url).toBe(
      "https://api.kuaidi100.com/label/order",
    );
  });

  it("refuses to build without the credentials a call needs or a courier code", () => {
    const noSecret = { ...account, credentials: { customer: "CUST", key: "k100key" } };
    expect(caught(() => kuaidi100Driver.createWaybill.build(order, noSecret, ctx)).kind).toBe(
      "AUTH",
    );
    expect(() =>
      kuaidi100Driver.queryTrack.build({ trackingNo: "1", productCode: "ems" }, noSecret, ctx),
    ).not.toThrow();
    const noCourier = caught(() =>
      kuaidi100Driver.queryTrack.build({ trackingNo: "1" }, account, ctx),
    );
    expect([noCourier.kind, noCourier.courierCode]).toEqual(["INVALID", "NO_COURIER_CODE"]);
  });
});

describe("kuaidi100 replies", () => {
  const query = { trackingNo: "ZT1" };

  it("query data (newest first) becomes events oldest first", () => {
    const data = [
      {
        time: "2024-05-02 08:30:00",
        ftime: "2024-05-02 08:30:00",
        context: "已签收",
        areaName: "上海",
        statusCode: "3",
      },
      {
        time: "2024-05-01 10:00:00",
        ftime: "2024-05-01 10:00:00",
        context: "已揽收",
        location: "杭州",
      },
    ];
    const body = {
      message: "ok",
      nu: "ZT1",
      ischeck: "1",
      com: "zhongtong",
      status: "200",
      state: "3",
      data,
    };
    expect(kuaidi100Driver.queryTrack.parse(reply(body), query, account)).toEqual([
      {
        trackingNo: "ZT1",
        time: "2024-05-01T10:00:00+08:00",
        code: "",
        description: "已揽收",
        location: "杭州",
        raw: data[1],
      },
      {
        trackingNo: "ZT1",
        time: "2024-05-02T08:30:00+08:00",
        code: "3",
        description: "已签收",
        location: "上海",
        raw: data[0],
      },
    ]);
    const stateOnly = { ...body, data: [{ time: "2024-05-01 10:00:00", context: "已揽收" }] };
    expect(kuaidi100Driver.queryTrack.parse(reply(stateOnly), query, account)[0]?.code).toBe("3");
  });

  it("no trajectory yet is an empty list", () => {
    const none = { result: false, returnCode: "500", message: "查询无结果，请隔段时间再查" };
    expect(kuaidi100Driver.queryTrack.parse(reply(none), query, account)).toEqual([]);
  });

  it("reads the label reply", () => {
    const data = {
      taskId: "T1",
      kuaidinum: "ZT1",
      bulkpen: "上海 浦东",
      pkgName: "上海转运中心",
      orgCode: "571",
      destCode: "021",
      childNum: "",
      kdComOrderNum: "KD1",
    };
    const body = { success: true, code: 200, message: "success", data, time: 12 };
    expect(kuaidi100Driver.createWaybill.parse(reply(body), order, account)).toEqual({
      trackingNo: "ZT1",
      sortingCode: "上海 浦东",
      packageCenter: "上海转运中心",
      originCode: "571",
      destCode: "021",
      labelData: {
        taskId: "T1",
        kuaidinum: "ZT1",
        bulkpen: "上海 浦东",
        pkgName: "上海转运中心",
        orgCode: "571",
        destCode: "021",
        kdComOrderNum: "KD1",
      },
    });
    const cancelled = { success: true, code: 200, message: "success", data: null };
    expect(
      kuaidi100Driver.cancelWaybill.parse(
        reply(cancelled),
        { orderId: "P-1", trackingNo: "ZT1" },
        account,
      ),
    ).toBeUndefined();
  });

  it("subscribe accepts 200 and 501 (already subscribed)", () => {
    const input = { trackingNo: "ZT1", callbackUrl: "" };
    for (const returnCode of ["200", "501"]) {
      const body = { result: returnCode === "200", returnCode, message: "x" };
      expect(kuaidi100Driver.subscribe.parse(reply(body), input, account)).toBeUndefined();
    }
  });

  const poll = (returnCode: string, message: string) =>
    reply({ result: false, returnCode, message });
  const label = (code: number, message: string) =>
    reply({ success: false, code, message, data: null });
  const ops = {
    query: (r: ReturnType<typeof reply>) => kuaidi100Driver.queryTrack.parse(r, query, account),
    subscribe: (r: ReturnType<typeof reply>) =>
      kuaidi100Driver.subscribe.parse(r, { trackingNo: "ZT1", callbackUrl: "" }, account),
    create: (r: ReturnType<typeof reply>) => kuaidi100Driver.createWaybill.parse(r, order, account),
    cancel: (r: ReturnType<typeof reply>) =>
      kuaidi100Driver.cancelWaybill.parse(r, { orderId: "P-1", trackingNo: "ZT1" }, account),
  };

  it.each([
    ["query", poll("400", "找不到对应公司"), "INVALID", "400"],
    ["query", poll("408", "验证码错误"), "INVALID", "408"],
    ["query", poll("503", "验证签名失败"), "SIGNATURE", "503"],
    ["query", poll("500", "服务器错误"), "UNAVAILABLE", "500"],
    ["query", poll("601", "key已过期"), "AUTH", "601"],
    ["subscribe", poll("600", "您不是合法的订阅者"), "AUTH", "600"],
    ["subscribe", poll("701", "拒绝订阅的快递公司"), "UNSERVICEABLE", "701"],
    ["subscribe", poll("702", "POLL:识别不到该单号对应的快递公司"), "INVALID", "702"],
    ["create", label(503, "签名错误"), "SIGNATURE", "503"],
    ["create", label(400, "参数不完整：缺少cargo"), "INVALID", "400"],
    ["create", label(30001, "面单余额不足"), "INVALID", "30001"],
    ["cancel", label(400, "快件已揽收，无法取消"), "ALREADY_PICKED_UP", "400"],
    ["cancel", label(400, "该运单已取消，请勿重复操作"), "ALREADY_CANCELLED", "400"],
    ["cancel", label(400, "运单不存在"), "NOT_FOUND", "400"],
    ["cancel", label(503, "签名错误，揽收"), "SIGNATURE", "503"],
  ] as const)("%s %s -> %s", (op, response, kind, code) => {
    const error = caught(() => ops[op](response));
    expect([error.kind, error.courierCode]).toEqual([kind, code]);
    expect(error.message).toMatch(/^[ -~]+$/);
    const sent = z.object({ message: z.string() }).parse(JSON.parse(response.body));
    expect(error.courierMessage).toBe(sent.message);
  });

  it.each([
    ["query", reply("<html>502</html>")],
    ["query", reply("[]")],
    [
      "query",
      reply({ message: "ok", nu: "ZT1", state: "0", data: [{ time: "soon", context: "x" }] }),
    ],
    ["query", reply({ message: "ok", nu: "ZT1", state: "0", data: "none" })],
    ["create", reply({ success: true, message: "success" })],
    ["create", reply({ success: true, code: 200, data: { taskId: "T1" } })],
    ["create", reply({ success: true, code: 200, data: [] })],
    ["subscribe", reply({ result: "yes" })],
  ] as const)("%s: malformed %# -> UNAVAILABLE", (op, response) => {
    expect(caught(() => ops[op](response)).kind).toBe("UNAVAILABLE");
  });

  it("an HTML 404 names the HTTP status", () => {
    const error = caught(() => ops.create(reply("<h1>404</h1>", 404)));
    expect([error.kind, error.courierCode]).toEqual(["UNAVAILABLE", "HTTP_404"]);
  });
});
