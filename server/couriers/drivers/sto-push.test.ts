import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  type WireRequest,
} from "@/server/couriers/contract";
import vectors from "@/server/couriers/signing/vectors.json";
import { STO_PUSH_ACK_OK, STO_PUSH_ACK_RETRY, stoPush } from "./sto-push";

const account: CourierAccountConfig = {
  courier: "sto",
  environment: "production",
  baseUrl: "https://cloudinter-linkgatewayonline.sto.cn",
  credentials: { appKey: "CAKAPPKEY01", resourceCode: "CAKCODE01", secretKey: "SECRET01" },
};

const digest = (text: string): string => createHash("md5").update(text, "utf8").digest("base64");

const content = JSON.stringify({
  waybillNo: "773000000001",
  linkCode: "SJ20250522",
  trace: {
    outBizCode: "b1",
    opOrgName: "上海闵行区公司",
    opOrgCode: "201100",
    opOrgCityName: "上海市",
    opTime: "2025-05-23 09:00:00",
    scanType: "签收",
    memo: "快件已签收，签收人：本人",
    signoffPeople: "本人",
  },
});

/** A push as STO sends it: LINK form fields, values raw, encoded once. */
function pushOf(fields: Record<string, string>): WireRequest {
  return {
    method: "POST",
    url: "https://console.example/api/couriers/sto/push",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  };
}

const push = pushOf({
  api_name: "STO_TRACE_PLATFORM_PUSH",
  content,
  from_appkey: "sto_trace_platform",
  to_appkey: "CAKAPPKEY01",
  to_code: "CAKCODE01",
  data_digest: digest(`${content}SECRET01`),
});

describe("stoPush", () => {
  it("reproduces every LINK data_digest vector of vectors.json", () => {
    const link = vectors.vectors.filter((v) => v.id.startsWith("cainiao-"));
    expect(link.length).toBeGreaterThan(0);
    for (const v of link) {
      const input = v.input as { logistics_interface: string; secretKey: string };
      const signed = pushOf({ content: input.logistics_interface, data_digest: v.expected });
      const vectorAccount = {
        ...account,
        credentials: { ...account.credentials, secretKey: input.secretKey },
      };
      expect(stoPush.verify(signed, vectorAccount)).toBe(true);
      const wrong = pushOf({ content: input.logistics_interface, data_digest: digest("x") });
      expect(stoPush.verify(wrong, vectorAccount)).toBe(false);
    }
  });

  it("verifies and parses a signed trace push", () => {
    expect(stoPush.verify(push, account)).toBe(true);
    const [event] = stoPush.parse(push, account);
    expect(event).toMatchObject({
      trackingNo: "773000000001",
      time: "2025-05-23T09:00:00+08:00",
      code: "签收",
      description: "快件已签收，签收人：本人",
      location: "上海市",
    });
    expect(event?.raw).toMatchObject({ linkCode: "SJ20250522" });
  });

  it("rejects tampered content, another secret, another app and a missing digest", () => {
    const tampered = {
      ...push,
      body: push.body.replace("%E7%AD%BE%E6%94%B6", "%E6%B4%BE%E4%BB%B6"),
    };
    expect(tampered.body).not.toBe(push.body);
    expect(stoPush.verify(tampered, account)).toBe(false);
    const other = { ...account, credentials: { ...account.credentials, secretKey: "OTHER" } };
    expect(stoPush.verify(push, other)).toBe(false);
    const foreignApp = pushOf({
      content,
      to_appkey: "SOMEONE",
      data_digest: digest(`${content}SECRET01`),
    });
    expect(stoPush.verify(foreignApp, account)).toBe(false);
    expect(stoPush.verify(pushOf({ content }), account)).toBe(false);
    expect(stoPush.verify(push, { ...account, credentials: {} })).toBe(false);
  });

  it("throws on a push it cannot read", () => {
    const bad = [
      pushOf({ content: "not json" }),
      pushOf({ content: JSON.stringify({ waybillNo: "1", trace: { opTime: "yesterday" } }) }),
      pushOf({ content: JSON.stringify({ trace: {} }) }),
      pushOf({ api_name: "OTHER_PUSH", content }),
      pushOf({}),
    ];
    for (const request of bad) expect(() => stoPush.parse(request, account)).toThrow(CourierError);
  });

  it("acknowledges with the exact bytes", () => {
    expect(stoPush.acknowledge(true, push)).toEqual({
      status: 200,
      headers: { "content-type": "application/json;charset=UTF-8" },
      body: '{"success":true,"errorCode":"","errorMsg":"","needRetry":false}',
    });
    expect(stoPush.acknowledge(true, push).body).toBe(STO_PUSH_ACK_OK);
    expect(stoPush.acknowledge(false, push).body).toBe(STO_PUSH_ACK_RETRY);
    expect(JSON.parse(STO_PUSH_ACK_RETRY)).toMatchObject({ success: false, needRetry: true });
  });
});
