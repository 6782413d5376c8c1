import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type WireRequest } from "@/server/couriers/contract";
import vectorsJson from "@/server/couriers/signing/vectors.json";
import { kuaidi100Driver } from "./kuaidi100";
import { account, caught, md5Upper } from "./kuaidi100-testing";

const push = (fields: Record<string, string>): WireRequest => ({
  method: "POST",
  url: "https://console.test/push",
  headers: {},
  body: new URLSearchParams(fields).toString(),
});

const param = JSON.stringify({
  status: "polling",
  message: "",
  lastResult: {
    message: "ok",
    state: "0",
    status: "200",
    ischeck: "0",
    com: "zhongtong",
    nu: "ZT1",
    data: [
      {
        time: "2024-05-01 20:00:00",
        ftime: "2024-05-01 20:00:00",
        context: "到达上海",
        areaName: "上海",
        statusCode: "0",
      },
      {
        time: "2024-05-01 10:00:00",
        ftime: "2024-05-01 10:00:00",
        context: "已揽收",
        statusCode: "1",
      },
    ],
  },
});

describe("kuaidi100 push", () => {
  it("verifies the formula vector kuaidi100-push-sign-formula", () => {
    const vector = z
      .object({
        vectors: z.array(
          z.object({
            id: z.string(),
            input: z.record(z.string(), z.string()),
            expected: z.string(),
          }),
        ),
      })
      .parse(vectorsJson)
      .vectors.find((v) => v.id === "kuaidi100-push-sign-formula");
    if (!vector) throw new Error("vector kuaidi100-push-sign-formula missing");
    const { param: vectorParam = "", salt = "" } = vector.input;
    const salted = { ...account, credentials: { salt } };
    expect(
      kuaidi100Driver.push.verify(push({ param: vectorParam, sign: vector.expected }), salted),
    ).toBe(true);
    expect(
      kuaidi100Driver.push.verify(
        push({ param: vectorParam, sign: vector.expected.toLowerCase() }),
        salted,
      ),
    ).toBe(false);
  });

  it.each([
    ["signed with the account's salt", { param, sign: md5Upper(`${param}pepper`) }, true],
    [
      "tampered param",
      { param: param.replace("ZT1", "ZT2"), sign: md5Upper(`${param}pepper`) },
      false,
    ],
    ["another salt", { param, sign: md5Upper(`${param}salt`) }, false],
    ["no sign although the account has a salt", { param }, false],
    ["no param", { sign: md5Upper("pepper") }, false],
  ])("verify: %s -> %s", (_name, fields, expected) => {
    expect(kuaidi100Driver.push.verify(push(fields), account)).toBe(expected);
  });

  it("accepts unsigned pushes for an account that subscribed without a salt", () => {
    const unsalted = { ...account, credentials: { key: "k100key" } };
    expect(kuaidi100Driver.push.verify(push({ param }), unsalted)).toBe(true);
  });

  it("parses lastResult.data[] oldest first", () => {
    const events = kuaidi100Driver.push.parse(push({ param }), account);
    expect(events.map((e) => [e.trackingNo, e.time, e.code, e.description, e.location])).toEqual([
      ["ZT1", "2024-05-01T10:00:00+08:00", "1", "已揽收", undefined],
      ["ZT1", "2024-05-01T20:00:00+08:00", "0", "到达上海", "上海"],
    ]);
  });

  it.each([
    ["no param", {}],
    ["param not JSON", { param: "status=polling" }],
    ["no lastResult", { param: '{"status":"abort"}' }],
    ["a bad item", { param: '{"lastResult":{"nu":"ZT1","data":[{"context":"x"}]}}' }],
  ])("parse: %s -> UNAVAILABLE", (_name, fields) => {
    expect(caught(() => kuaidi100Driver.push.parse(push(fields), account)).kind).toBe(
      "UNAVAILABLE",
    );
  });

  it("acknowledges with the exact documented bytes", () => {
    const ok = kuaidi100Driver.push.acknowledge(true, push({ param }));
    expect([ok.status, ok.body]).toEqual([
      200,
      '{"result":true,"returnCode":"200","message":"成功"}',
    ]);
    const retry = kuaidi100Driver.push.acknowledge(false, push({ param }));
    expect(JSON.parse(retry.body)).toMatchObject({ result: false });
  });
});
