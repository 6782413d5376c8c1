import { describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  type WaybillOrder,
  type WireResponse,
} from "@/server/couriers/contract";
import { readTime } from "./engine-reply";
import { builtInProfiles, profileDriver, profileStatus } from "./index";

const yunda = builtInProfiles.yunda;
const deppon = builtInProfiles.deppon;
const yundaAccount: CourierAccountConfig = {
  courier: "yunda",
  environment: "sandbox",
  baseUrl: "https://u-openapi.yundasys.com",
  credentials: { appKey: "APPKEY", appSecret: "APPSECRET", partnerId: "PID", secret: "BMSECRET" },
};
const party = {
  name: "董航",
  mobile: "13500000000",
  province: "上海市",
  city: "上海市",
  district: "闵行区",
  address: "申贵路1500号",
};
const order: WaybillOrder = {
  orderId: "SO1",
  sender: party,
  recipient: party,
  weightG: 800,
  goods: [],
};

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

describe("reading replies", () => {
  const driver = profileDriver(yunda);
  const parseCreate = (response: WireResponse) => () =>
    driver.createWaybill.parse(response, order, yundaAccount);
  const parseTrack = (response: WireResponse) => () =>
    driver.queryTrack.parse(response, { trackingNo: "4312000000001" }, yundaAccount);

  it.each([
    [
      "a mapped gateway code",
      reply({ code: "4001", message: "签名验证失败", result: false }),
      "SIGNATURE",
      "4001",
    ],
    ["a 4xx JSON envelope", reply({ code: "4003", message: "参数错误" }, 400), "INVALID", "4003"],
    ["an unknown code", reply({ code: "9999", message: "奇怪" }), "INVALID", "9999"],
    [
      "an item refusal known by its message",
      reply({ code: "0000", data: [{ status: "0", msg: "超区" }] }),
      "UNSERVICEABLE",
      "0",
    ],
    ["HTML on 200", reply("<html>busy</html>"), "UNAVAILABLE", "MALFORMED"],
    ["a 404 page", reply("not found", 404), "UNAVAILABLE", "HTTP_404"],
    ["HTTP 429", reply("slow down", 429), "RATE_LIMITED", "HTTP_429"],
    [
      "success without a waybill number",
      reply({ code: "0000", data: [{ status: "1" }] }),
      "UNAVAILABLE",
      "MALFORMED",
    ],
  ])("maps %s", (_, response, kind, courierCode) => {
    expect(thrown(parseCreate(response))).toMatchObject({ kind, courierCode });
  });

  it("says which courier refused an unknown code, keeping the courier's words", () => {
    const error = thrown(parseCreate(reply({ code: "9999", message: "奇怪" })));
    expect(error.message).toBe(
      "Yunda Express refused the request (code 9999): see Yunda Express's message",
    );
    expect(error.courierMessage).toBe("奇怪");
  });

  it("reads label data through JSON text nested in the reply, tolerating bad nested JSON", () => {
    const item = { status: "1", mail_no: "4312000000001", order_serial_no: "SO_1" };
    const good = { ...item, pdf_info: '[{"position":"510 023-06","package_wdjc":"上海分拨中心"}]' };
    expect(parseCreate(reply({ code: "0000", data: [good] }))()).toEqual({
      trackingNo: "4312000000001",
      sortingCode: "510 023-06",
      packageCenter: "上海分拨中心",
      originCode: undefined,
      destCode: undefined,
      labelData: { orderSerialNo: "SO_1" },
    });
    const bad = parseCreate(reply({ code: "0000", data: [{ ...item, pdf_info: "{oops" }] }))();
    expect(bad.sortingCode).toBeUndefined();
  });

  it("reads events oldest first in +08:00, drops other numbers, and treats null as none", () => {
    const steps = [
      { time: "2025/05/22 15:07", action: "SENT", description: "派件中", city: "上海市" },
      { time: "2025-05-22 09:00:00", action: "GOT", description: "已揽收" },
    ];
    const events = parseTrack(reply({ code: "0000", data: { mailno: "4312000000001", steps } }))();
    expect(events.map((e) => [e.time, e.code, e.location])).toEqual([
      ["2025-05-22T09:00:00+08:00", "GOT", undefined],
      ["2025-05-22T15:07:00+08:00", "SENT", "上海市"],
    ]);
    expect(parseTrack(reply({ code: "0000", data: { mailno: "other", steps } }))()).toEqual([]);
    expect(parseTrack(reply({ code: "0000", data: { steps: null } }))()).toEqual([]);
  });

  it("refuses an event whose time does not exist as UNAVAILABLE", () => {
    const steps = [{ time: "2025-02-30 10:00:00", action: "GOT", description: "x" }];
    expect(thrown(parseTrack(reply({ code: "0000", data: { steps } })))).toMatchObject({
      kind: "UNAVAILABLE",
    });
  });

  it.each([
    ["1747897666000", "epochMs", "2025-05-22T15:07:46+08:00"],
    ["1747897666", "epochS", "2025-05-22T15:07:46+08:00"],
    ["2025-05-22T07:07:46Z", "iso", "2025-05-22T15:07:46+08:00"],
    ["yesterday", "iso", undefined],
    ["12:00", "shanghai", undefined],
  ] as const)("reads %s as %s", (text, format, expected) => {
    expect(readTime(text, format)).toBe(expected);
  });

  it("maps courier event codes to level-1 statuses", () => {
    expect(profileStatus(yunda, "SIGNFAIL")).toBe("DELIVERY_FAILED");
    expect(profileStatus(deppon, "SENT_SCAN")).toBe("OUT_FOR_DELIVERY");
    expect(profileStatus(yunda, "constructor")).toBeUndefined();
  });
});
