import { createCipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type CourierAccountConfig,
  CourierError,
  type WireRequest,
} from "@/server/couriers/contract";
import { emsPush } from "./ems-push";

const SIGN_KEY = "MDEyMzQ1Njc4OWFiY2RlZg==";
const account: CourierAccountConfig = {
  courier: "ems",
  environment: "production",
  baseUrl: "https://api.ems.com.cn",
  credentials: { senderNo: "1100012345678", authorization: "AUTH", signKey: SIGN_KEY },
};

/** Encrypts with node:crypto directly, as EMS would, not with the signing module. */
function seal(text: string, key = SIGN_KEY): string {
  const cipher = createCipheriv("sm4-ecb", Buffer.from(key, "base64"), null);
  return `|$4|${Buffer.concat([cipher.update(text, "utf8"), cipher.final()]).toString("base64")}`;
}

const trace = {
  waybillNo: "1100000000001",
  opTime: "2025-08-12 16:56:50",
  opCode: "203",
  opName: "收寄",
  opDesc: "【广州市黄埔揽投部】已收寄",
  opOrgProvName: "广东省",
  opOrgCity: "广州市",
  opOrgCode: "51000001",
  opOrgName: "广州市黄埔揽投部",
  operatorName: "陈师傅",
};

/** The envelope of the logged push (method 040002), around our own encrypted trace. */
function pushOf(logitcsInterface: string, senderNo = ""): WireRequest {
  return {
    method: "POST",
    url: "https://console.example/api/couriers/ems/push",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      logitcsInterface,
      method: "040002",
      msgType: "0",
      senderNo,
      serialNo: "C3E7E1A2E6F44EB9B09EB9116C89FC86",
      timeStamp: "2025-08-12 16:56:50",
      version: "v1.0.0",
    }),
  };
}

describe("emsPush", () => {
  const push = pushOf(seal(JSON.stringify(trace)));

  it("verifies and parses a push encrypted under the account's key", () => {
    expect(emsPush.verify(push, account)).toBe(true);
    expect(emsPush.parse(push, account)).toEqual([
      {
        trackingNo: "1100000000001",
        time: "2025-08-12T16:56:50+08:00",
        code: "203",
        description: "【广州市黄埔揽投部】已收寄",
        location: "广州市",
        raw: trace,
      },
    ]);
  });

  it("accepts a push naming our sender number, a form body and a list of traces", () => {
    expect(emsPush.verify(pushOf(seal(JSON.stringify(trace)), "1100012345678"), account)).toBe(
      true,
    );
    const later = { ...trace, opTime: "2025-08-13 09:00:00", opCode: "748" };
    const form: WireRequest = {
      ...push,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        logitcsInterface: seal(JSON.stringify([later, trace])),
        method: "040002",
        serialNo: "S2",
      }).toString(),
    };
    expect(emsPush.verify(form, account)).toBe(true);
    expect(emsPush.parse(form, account).map((e) => e.code)).toEqual(["203", "748"]);
  });

  it("rejects another key, another customer, tampered ciphertext and no ciphertext", () => {
    const otherKey = Buffer.from("fedcba9876543210").toString("base64");
    expect(emsPush.verify(pushOf(seal(JSON.stringify(trace), otherKey)), account)).toBe(false);
    expect(emsPush.verify(pushOf(seal(JSON.stringify(trace)), "9999"), account)).toBe(false);
    const sealed = seal(JSON.stringify(trace));
    // Flip one character inside the first cipher block: ECB turns that block into noise.
    const flipped = sealed.slice(0, 6) + (sealed[6] === "A" ? "B" : "A") + sealed.slice(7);
    expect(emsPush.verify(pushOf(flipped), account)).toBe(false);
    expect(emsPush.verify({ ...push, body: "{}" }, account)).toBe(false);
    expect(emsPush.verify(push, { ...account, credentials: {} })).toBe(false);
  });

  it("throws on a push it cannot read", () => {
    const noNumber = pushOf(seal(JSON.stringify({ ...trace, waybillNo: "" })));
    const badTime = pushOf(seal(JSON.stringify({ ...trace, opTime: "12/08/2025" })));
    const notJson = pushOf(seal("not json"));
    for (const request of [noNumber, badTime, notJson, { ...push, body: "garbage" }]) {
      expect(() => emsPush.parse(request, account)).toThrow(CourierError);
    }
  });

  it("acknowledges with the exact bytes, echoing serialNo and senderNo", () => {
    const named = pushOf(seal(JSON.stringify(trace)), "1100012345678");
    expect(emsPush.acknowledge(true, named)).toEqual({
      status: 200,
      headers: { "content-type": "application/json;charset=UTF-8" },
      body: '{"serialNo":"C3E7E1A2E6F44EB9B09EB9116C89FC86","code":"00000","codeMessage":"","senderNo":"1100012345678"}',
    });
    expect(emsPush.acknowledge(false, named).body).toBe(
      '{"serialNo":"C3E7E1A2E6F44EB9B09EB9116C89FC86","code":"S00001","codeMessage":"处理失败","senderNo":"1100012345678"}',
    );
  });
});
