import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  type WireRequest,
} from "@/server/couriers/contract";
import { jtDriver } from "./jt";

const account: CourierAccountConfig = {
  courier: "jt",
  environment: "production",
  baseUrl: "https://openapi.jtexpress.com.cn/webopenplatformapi/api",
  credentials: { apiAccount: "A1", privateKey: "K1", customerCode: "C1", password: "P1" },
};
const push = jtDriver.push;
if (!push) throw new Error("jtDriver has no push protocol");

const scans = [
  {
    scanTime: "2025-05-26 18:00:00",
    desc: "快件到达【郑州转运中心】",
    scanTypeCode: "4",
    scanTypeName: "到件扫描",
    scanType: "到件扫描",
    scanNetworkName: "郑州转运中心",
    scanNetworkProvince: "河南省",
    scanNetworkCity: "郑州市",
    scanNetworkArea: "",
  },
  {
    scanTime: "2025-05-26 10:00:00",
    desc: "快件已由【上海青浦区网点】揽收",
    scanType: "快件揽收",
    scanNetworkName: "上海青浦区网点",
  },
];
const bizContent = JSON.stringify([
  { billCode: "JT5000000000001", txlogisticId: "P-1", details: scans },
]);
// Computed here with node:crypto, not with the signing module the driver uses.
const digestOf = (text: string, key = "K1") =>
  createHash("md5")
    .update(text + key, "utf8")
    .digest("base64");

function pushRequest(body: string, headers: Record<string, string>): WireRequest {
  return {
    method: "POST",
    url: "https://console.example/api/couriers/jt/push/acc_1",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
  };
}
const signed = pushRequest(new URLSearchParams([["bizContent", bizContent]]).toString(), {
  apiAccount: "A1",
  digest: digestOf(bizContent),
  timestamp: "1748224552000",
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

describe("jtDriver push", () => {
  it("verifies a push signed with the account's private key", () => {
    expect(push.verify(signed, account)).toBe(true);
  });

  it.each([
    ["a tampered bizContent", { ...signed, body: signed.body.replace("P-1", "P-2") }],
    [
      "a digest made with another key",
      { ...signed, headers: { ...signed.headers, digest: digestOf(bizContent, "K2") } },
    ],
    ["another apiAccount", { ...signed, headers: { ...signed.headers, apiAccount: "A2" } }],
    ["no digest header", pushRequest(signed.body, { apiAccount: "A1" })],
    ["no bizContent", pushRequest("other=1", signed.headers)],
  ])("refuses %s", (_, request) => {
    expect(push.verify(request, account)).toBe(false);
  });

  it("parses every scan, oldest first, in +08:00", () => {
    expect(push.parse(signed, account)).toEqual([
      {
        trackingNo: "JT5000000000001",
        time: "2025-05-26T10:00:00+08:00",
        code: "快件揽收",
        description: "快件已由【上海青浦区网点】揽收",
        location: "上海青浦区网点",
        raw: scans[1],
      },
      {
        trackingNo: "JT5000000000001",
        time: "2025-05-26T18:00:00+08:00",
        code: "到件扫描",
        description: "快件到达【郑州转运中心】",
        location: "郑州市",
        raw: scans[0],
      },
    ]);
  });

  it.each([
    ["no bizContent", "other=1"],
    ["bizContent that is not JSON", "bizContent=%7Boops"],
    ["a waybill without billCode", `bizContent=${encodeURIComponent('[{"details":[]}]')}`],
    [
      "a scan with a bad time",
      `bizContent=${encodeURIComponent('[{"billCode":"JT1","details":[{"scanTime":"x"}]}]')}`,
    ],
  ])("throws on %s", (_, body) => {
    expect(thrown(() => push.parse(pushRequest(body, {}), account))).toMatchObject({
      kind: "INVALID",
    });
  });

  it("acknowledges with the exact documented bytes", () => {
    const requestId = createHash("md5").update(`1748224552000${signed.body}`, "utf8").digest("hex");
    expect(push.acknowledge(true, signed)).toEqual({
      status: 200,
      headers: { "content-type": "application/json;charset=UTF-8" },
      body: `{"code":"1","msg":"success","data":"SUCCESS","requestId":"${requestId}"}`,
    });
    expect(push.acknowledge(false, signed).body).toBe(
      `{"code":"0","msg":"fail","data":"FAIL","requestId":"${requestId}"}`,
    );
  });
});
