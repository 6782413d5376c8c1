import { describe, expect, it } from "vitest";
import { type WireResponse } from "@/server/couriers/contract";
import { kdniaoDriver } from "./kdniao";
import { account, caught, order, reply } from "./kdniao-testing";

describe("kdniao error mapping", () => {
  const op = (name: "create" | "cancel" | "query" | "subscribe") =>
    ({
      create: (r: WireResponse) => kdniaoDriver.createWaybill.parse(r, order, account),
      cancel: (r: WireResponse) =>
        kdniaoDriver.cancelWaybill.parse(r, { orderId: "P-1", trackingNo: "T1" }, account),
      query: (r: WireResponse) => kdniaoDriver.queryTrack.parse(r, { trackingNo: "T1" }, account),
      subscribe: (r: WireResponse) =>
        kdniaoDriver.subscribe.parse(r, { trackingNo: "T1", callbackUrl: "" }, account),
    })[name];

  it.each([
    ["create", "101", "缺少必要参数", "INVALID"],
    ["query", "102", "DataSign签名校验失败", "SIGNATURE"],
    ["cancel", "102", "快件已揽收", "SIGNATURE"],
    ["create", "103", "格式错误", "INVALID"],
    ["subscribe", "104", "用户不存在", "AUTH"],
    ["query", "405", "超出查询次数", "RATE_LIMITED"],
    ["create", "999", "其他", "INVALID"],
    ["cancel", "105", "快件已揽收，不能取消", "ALREADY_PICKED_UP"],
    ["cancel", "105", "该运单已取消，请勿重复操作", "ALREADY_CANCELLED"],
    ["cancel", "105", "运单不存在", "NOT_FOUND"],
    ["create", "105", "快件已揽收", "INVALID"],
  ] as const)("%s ResultCode %s (%s) -> %s", (name, code, reason, kind) => {
    const error = caught(() =>
      op(name)(reply({ EBusinessID: "1237100", Success: false, ResultCode: code, Reason: reason })),
    );
    expect([error.kind, error.courierCode, error.courierMessage]).toEqual([kind, code, reason]);
    expect(error.message).toMatch(/^[ -~]+$/);
  });

  it.each([
    ["not JSON", reply("Server Error")],
    ["a JSON array", reply("[]")],
    ["no Success flag", reply({ ResultCode: "100" })],
    ["Success as text", reply({ Success: "true" })],
    ["success without Order", reply({ Success: true, ResultCode: "100" })],
    [
      "Order without LogisticCode",
      reply({ Success: true, ResultCode: "100", Order: { OrderCode: "P-1" } }),
    ],
  ])("create: %s -> UNAVAILABLE", (_name, response) => {
    expect(caught(() => op("create")(response)).kind).toBe("UNAVAILABLE");
  });

  it.each([
    [
      "a trace with a bad time",
      { Success: true, State: "2", Traces: [{ AcceptTime: "yesterday", AcceptStation: "x" }] },
    ],
    ["Traces not a list", { Success: true, State: "2", Traces: "none" }],
  ])("query: %s -> UNAVAILABLE", (_name, body) => {
    expect(caught(() => op("query")(reply(body))).kind).toBe("UNAVAILABLE");
  });

  it("an HTML 404 names the HTTP status", () => {
    const error = caught(() => op("query")(reply("<h1>404</h1>", 404)));
    expect([error.kind, error.courierCode]).toEqual(["UNAVAILABLE", "HTTP_404"]);
  });
});
