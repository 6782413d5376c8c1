import { afterEach, describe, expect, it, vi } from "vitest";
import { type WireRequest } from "@/server/couriers/contract";
import { kdniaoDriver } from "./kdniao";
import { account, caught, sign } from "./kdniao-testing";

describe("kdniao push", () => {
  afterEach(() => vi.useRealTimers());
  const data = JSON.stringify({
    EBusinessID: "1237100",
    PushTime: "2024-05-01 12:00:00",
    Count: "1",
    Data: [
      {
        EBusinessID: "1237100",
        ShipperCode: "ZTO",
        LogisticCode: "Z1",
        Success: true,
        State: "2",
        StateEx: "201",
        Traces: [
          { AcceptTime: "2024-05-01 10:00:00", AcceptStation: "已揽收", Action: "1" },
          { AcceptTime: "2024-05-01 20:00:00", AcceptStation: "到达杭州", Location: "杭州" },
        ],
      },
    ],
  });
  const push = (body: string): WireRequest => ({
    method: "POST",
    url: "https://console.test/push",
    headers: {},
    body,
  });
  const raw = push(
    `RequestData=${encodeURIComponent(data)}&RequestType=101&DataSign=${sign(data, "test-api-key")}`,
  );

  it.each([
    ["a raw DataSign (checkSign page)", raw, true],
    [
      "a URL-encoded DataSign",
      push(
        new URLSearchParams({
          RequestData: data,
          RequestType: "101",
          DataSign: sign(data, "test-api-key"),
        }).toString(),
      ),
      true,
    ],
    ["tampered RequestData", push(raw.body.replace("Z1", "Z2")), false],
    [
      "another account's key",
      push(`RequestData=${encodeURIComponent(data)}&DataSign=${sign(data, "other")}`),
      false,
    ],
    ["no DataSign", push(`RequestData=${encodeURIComponent(data)}`), false],
  ])("verify: %s -> %s", (_name, request, expected) => {
    expect(kdniaoDriver.push.verify(request, account)).toBe(expected);
  });

  it("parses Data[].Traces[] with the StateEx on the newest trace", () => {
    const events = kdniaoDriver.push.parse(raw, account);
    expect(events.map((e) => [e.trackingNo, e.time, e.code, e.location])).toEqual([
      ["Z1", "2024-05-01T10:00:00+08:00", "1", undefined],
      ["Z1", "2024-05-01T20:00:00+08:00", "201", "杭州"],
    ]);
    expect(kdniaoDriver.push.parse(push("RequestType=107&RequestData=%7B%7D"), account)).toEqual(
      [],
    );
    expect(caught(() => kdniaoDriver.push.parse(push("RequestData=nope"), account)).kind).toBe(
      "UNAVAILABLE",
    );
  });

  it("acknowledges with the exact documented JSON", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2024-05-01T04:05:06Z"));
    const ok = kdniaoDriver.push.acknowledge(true, raw);
    expect(ok.status).toBe(200);
    expect(ok.body).toBe(
      '{"EBusinessID":"1237100","UpdateTime":"2024-05-01 12:05:06","Success":true,"Reason":""}',
    );
    const retry = kdniaoDriver.push.acknowledge(false, push(`EBusinessID=42&${raw.body}`));
    expect(JSON.parse(retry.body)).toMatchObject({ EBusinessID: "42", Success: false });
  });
});
