import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  type CourierAccountConfig,
  CourierError,
  type WireRequest,
} from "@/server/couriers/contract";
import vectorsJson from "@/server/couriers/signing/vectors.json";
import { ztoDriver } from "./zto";
import { ZTO_PUSH_ACK_OK, ZTO_PUSH_ACK_RETRY } from "./zto-push";

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

const account: CourierAccountConfig = {
  courier: "zto",
  environment: "sandbox",
  baseUrl: "https://japi-test.zto.com/",
  credentials: { appKey: "APPKEY01", appSecret: "APPSECRET01" },
};

const push = ztoDriver.push;
if (!push) throw new Error("ztoDriver has no push protocol");

const vectorSchema = z.object({
  id: z.string(),
  input: z.record(z.string(), z.string()),
  expected: z.string(),
});
const vector = z
  .object({ vectors: z.array(vectorSchema) })
  .parse(vectorsJson)
  .vectors.find((v) => v.id === "zto-trace-push-logged");
if (!vector) throw new Error('vectors.json has no "zto-trace-push-logged"');
const pushData = vector.input.data ?? "";
const pushAccount: CourierAccountConfig = {
  ...account,
  credentials: { appKey: vector.input.company_id ?? "", appSecret: vector.input.appSecret ?? "" },
};

function pushRequest(fields: [string, string][]): WireRequest {
  return {
    method: "POST",
    url: "https://console.example/api/couriers/zto/push/acc_1",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  };
}
const logged = pushRequest([
  ["data_digest", vector.expected],
  ["company_id", vector.input.company_id ?? ""],
  ["data", pushData],
  ["msg_type", "Traces"],
]);

describe("ztoDriver push", () => {
  it("verifies the published logged push (vector zto-trace-push-logged)", () => {
    expect(push.verify(logged, pushAccount)).toBe(true);
  });

  it.each([
    [
      "a tampered data field",
      [
        ["data_digest", vector.expected],
        ["data", pushData.replace("郑州", "杭州")],
      ],
    ],
    [
      "a wrong digest",
      [
        ["data_digest", "AAAAAAAAAAAAAAAAAAAAAA=="],
        ["data", pushData],
      ],
    ],
    [
      "another app's company_id",
      [
        ["data_digest", vector.expected],
        ["company_id", "other"],
        ["data", pushData],
      ],
    ],
    ["no digest", [["data", pushData]]],
  ] as [string, [string, string][]][])("refuses %s", (_, fields) => {
    expect(push.verify(pushRequest(fields), pushAccount)).toBe(false);
  });

  it("refuses the logged push under another app secret", () => {
    const other = { ...pushAccount, credentials: { ...pushAccount.credentials, appSecret: "x" } };
    expect(push.verify(logged, other)).toBe(false);
  });

  it("parses the logged push into one event", () => {
    expect(push.parse(logged, pushAccount)).toEqual([
      {
        trackingNo: "73100196611386",
        time: "2025-05-22T15:07:46+08:00",
        code: "ARRIVAL",
        description: "【郑州市】快件已到达【郑州高新区】",
        location: "郑州市",
        raw: JSON.parse(pushData) as unknown,
      },
    ]);
  });

  it.each([
    ["no data", pushRequest([["msg_type", "Traces"]])],
    ["data that is not JSON", pushRequest([["data", "{oops"]])],
    ["a trace without billCode", pushRequest([["data", '{"actionTime":"2025-05-22 15:07:46"}']])],
    ["a bad actionTime", pushRequest([["data", '{"billCode":"731","actionTime":"22/05/2025"}']])],
    [
      "another msg_type",
      pushRequest([
        ["data", pushData],
        ["msg_type", "NEW_TRACES"],
      ]),
    ],
  ])("throws on %s", (_, request) => {
    expect(thrown(() => push.parse(request, pushAccount))).toMatchObject({ kind: "INVALID" });
  });

  it("acknowledges with the exact bytes", () => {
    expect(push.acknowledge(true, logged)).toEqual({
      status: 200,
      headers: { "content-type": "application/json;charset=UTF-8" },
      body: ZTO_PUSH_ACK_OK,
    });
    expect(ZTO_PUSH_ACK_OK).toBe('{"status":true,"message":"success","statusCode":"0000"}');
    expect(push.acknowledge(false, logged).body).toBe(ZTO_PUSH_ACK_RETRY);
  });
});
