/**
 * Every scenario in every courier's own vocabulary (PROTOCOLS.md §1.5, §2.1, §3.4, §4.3, §5.1):
 * the codes in order, the terminal step, numbering and spacing, and the fields of the push items.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { WireRequest } from "@/server/couriers/contract";
import {
  buildPushes,
  SCENARIOS,
  type ScenarioName,
  type SandboxWaybill,
  type TimelapseEvent,
  timelapseEvents,
  type TimelapseScenario,
} from "./timelapse";
import { TIMELAPSE_COURIERS, type TimelapseCourier } from "./timelapse-vocab";

const MIN = 60_000;
const HOUR = 60 * MIN;
/** 10:00 in Shanghai. */
const T0 = new Date("2024-05-01T02:00:00Z");

const waybill = (trackingNo: string, orderId = "P-1"): SandboxWaybill => ({
  orderId,
  trackingNo,
  cancelled: false,
  pickedUp: false,
  sortingCode: "",
  createdAt: T0,
});
const hangzhouToBeijing = {
  senderCity: "杭州市",
  senderDistrict: "西湖区",
  recipientCity: "北京市",
  recipientDistrict: "朝阳区",
};
const scenario = (courier: TimelapseCourier, name: ScenarioName): TimelapseScenario => ({
  name,
  courier,
  ...hangzhouToBeijing,
});
const codes = (events: TimelapseEvent[]) => events.map((e) => e.code);
/**
 * Each courier's words for one inter-city trip: up to leaving the origin hub (`head`), on to the
 * delivery outlet (`rest`), out for delivery (`out`), then each scenario's ending.
 */
const WORDS: Record<
  TimelapseCourier,
  { head: string[]; rest: string[]; out: string[]; end: Record<string, string[]> }
> = {
  sf: {
    head: ["50", "30", "36", "31", "30", "36"],
    rest: ["31", "30", "36", "31"],
    out: ["204", "44"],
    end: {
      normal: ["80"],
      delivery_failed: ["70"],
      refused_return: ["33", "648", "631"],
      locker: ["125", "80"],
      lost: [],
    },
  },
  zto: {
    head: ["GOT", "DEPARTURE", "ARRIVAL", "DEPARTURE"],
    rest: ["ARRIVAL", "DEPARTURE", "ARRIVAL"],
    out: ["DISPATCH"],
    end: {
      normal: ["SIGNED"],
      delivery_failed: ["问题件"],
      refused_return: ["问题件", "退件", "退件签收"],
      locker: ["INBOUND", "DEPARTURE_SIGNED"],
      lost: ["问题件"],
    },
  },
  jt: {
    head: ["快件揽收", "发件扫描", "到件扫描", "发件扫描"],
    rest: ["到件扫描", "发件扫描", "到件扫描"],
    out: ["出仓扫描"],
    end: {
      normal: ["快件签收"],
      delivery_failed: ["问题件扫描"],
      refused_return: ["问题件扫描", "退件", "快件签收"],
      locker: ["代理点收入扫描", "快件取出扫描"],
      lost: ["问题件扫描"],
    },
  },
  kdniao: {
    head: ["1", "2", "2", "2"],
    rest: ["201", "2", "201"],
    out: ["202"],
    end: {
      normal: ["3"],
      delivery_failed: ["4"],
      refused_return: ["404", "404", "404"],
      locker: ["211", "311"],
      lost: ["4"],
    },
  },
  kuaidi100: {
    head: ["1", "0", "0", "0"],
    rest: ["0", "0", "0"],
    out: ["5"],
    end: {
      normal: ["3"],
      delivery_failed: ["2"],
      refused_return: ["14", "6", "4"],
      locker: ["5", "3"],
      lost: ["2"],
    },
  },
};

function expectedCodes(courier: TimelapseCourier, name: ScenarioName): string[] {
  const w = WORDS[courier];
  if (name === "stall") return w.head;
  if (name === "lost") return [...w.head, ...(w.end.lost ?? [])];
  return [...w.head, ...w.rest, ...w.out, ...(w.end[name] ?? [])];
}

const cases = TIMELAPSE_COURIERS.flatMap((courier) => SCENARIOS.map((name) => ({ courier, name })));

describe.each(cases)("$courier $name", ({ courier, name }) => {
  const events = timelapseEvents(waybill("SF1234567890123"), scenario(courier, name));

  it("speaks the courier's vocabulary in the scenario's order", () => {
    expect(codes(events)).toEqual(expectedCodes(courier, name));
  });

  it("numbers the events and marks only the last one terminal", () => {
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => `SF1234567890123:${i}`));
    expect(events.map((e) => e.terminal)).toEqual(events.map((_, i) => i === events.length - 1));
  });

  it("spaces events in time, starting with collection two hours after creation", () => {
    expect(events[0]?.time.getTime()).toBe(T0.getTime() + 2 * HOUR);
    for (const [i, e] of events.entries()) {
      const previous = events[i - 1];
      if (previous) expect(e.time.getTime() - previous.time.getTime()).toBeGreaterThan(5 * MIN);
    }
  });

  it("starts in the sender's city and describes places by name", () => {
    expect(events[0]?.city).toBe("杭州市");
    expect(events.every((e) => e.description.length > 4)).toBe(true);
    expect(events.some((e) => /杭州/.test(e.description + e.facility))).toBe(true);
  });
});

/** The codes PROTOCOLS.md gives for each courier (§1.5, §4.3, §5.1, §3.4, §2.1). */
const DOCUMENTED: Record<TimelapseCourier, string[]> = {
  sf: "50 54 607 30 31 36 3036 105 106 310 123 130 44 204 125 33 70 80 8000 99 648 631".split(" "),
  zto: [
    ...["GOT", "DEPARTURE", "ARRIVAL", "DISPATCH", "INBOUND", "HANDOVERSCAN_SIGNED"],
    ...["DEPARTURE_SIGNED", "SIGNED", "收件", "发件", "到件", "派件", "签收", "第三方签收"],
    ...["退件", "退件签收", "问题件"],
  ],
  jt: [
    ...["快件揽收", "发件扫描", "到件扫描", "出仓扫描", "入库扫描", "代理点收入扫描"],
    ...["快件取出扫描", "出库扫描", "快件签收", "问题件扫描", "退件"],
  ],
  kdniao: "0 1 2 201 202 211 3 311 4 401 402 403 404 412".split(" "),
  kuaidi100: "0 1 2 3 4 5 6 7 8 10 11 12 13 14".split(" "),
};

describe("vocabularies", () => {
  it.each(TIMELAPSE_COURIERS)("%s uses only codes its documents give", (courier) => {
    const used = SCENARIOS.flatMap((name) =>
      codes(timelapseEvents(waybill("SF1"), scenario(courier, name))),
    );
    expect(used.filter((code) => !DOCUMENTED[courier].includes(code))).toEqual([]);
  });
});

const eventsOf = (courier: TimelapseCourier, name: ScenarioName = "normal") =>
  timelapseEvents(waybill("SF1234567890123"), scenario(courier, name));
const target = (credentials: Record<string, string>) => ({
  url: "https://console.test/push?token=Tok3nAbc9",
  credentials,
});
const sfPushSchema = z.object({
  Body: z.object({ WaybillRoute: z.array(z.record(z.string(), z.unknown())) }),
});
const k100ParamSchema = z.object({
  lastResult: z.object({ data: z.array(z.record(z.string(), z.unknown())) }),
});
/** A JSON form field of a push, as an opaque value for toMatchObject. */
const formJson = (request: WireRequest | undefined, field: string): unknown =>
  JSON.parse(new URLSearchParams(request?.body).get(field) ?? "null");

describe("push items", () => {
  it("puts at most 10 routes into one SF push, in order, with the documented fields", () => {
    const events = [...eventsOf("sf"), ...eventsOf("sf", "refused_return")];
    const pushes = buildPushes("sf", target({}), events);
    const routes = pushes.map((p) => sfPushSchema.parse(JSON.parse(p.body)).Body.WaybillRoute);
    expect(routes.map((r) => r.length)).toEqual([10, 10, 8]);
    const route = routes[0]?.[0] ?? {};
    expect(Object.keys(route)).toEqual(
      "mailno orderid acceptTime acceptAddress remark opCode id reasonName reasonCode".split(" "),
    );
    expect(route).toMatchObject({ mailno: "SF1234567890123", orderid: "P-1", opCode: "50" });
    expect(route.acceptTime).toBe("2024-05-01 12:00:00");
    expect(pushes[0]?.url).toContain("token=Tok3nAbc9");
  });

  it("names the aggregators' carrier and their shipment state", () => {
    const [kdniao] = buildPushes(
      "kdniao",
      target({ EBusinessID: "1237100", ApiKey: "k" }),
      eventsOf("kdniao"),
    );
    const data = formJson(kdniao, "RequestData");
    expect(data).toMatchObject({ Data: [{ ShipperCode: "SF", State: "3", StateEx: "3" }] });
    const [k100] = buildPushes("kuaidi100", target({ salt: "s" }), eventsOf("kuaidi100"));
    const param = formJson(k100, "param");
    expect(param).toMatchObject({ status: "shutdown" });
    expect(param).toMatchObject({ lastResult: { com: "shunfeng", state: "3", ischeck: "1" } });
    const newest = k100ParamSchema.parse(param).lastResult.data[0];
    expect(newest).toMatchObject({ status: "签收", statusCode: "3" });
  });
});
