/**
 * The time-lapse clock, the scenario picker, the shape and timing of each scenario, and
 * dueEvents' incremental delivery.
 */
import { describe, expect, it } from "vitest";
import {
  dueEvents,
  pickScenario,
  SCENARIOS,
  type ScenarioName,
  type SandboxWaybill,
  simulatedNow,
  type TimelapseEvent,
  timelapseEvents,
  type TimelapseScenario,
} from "./timelapse";
import { TIMELAPSE_COURIERS, type TimelapseCourier } from "./timelapse-vocab";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
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
const cases = TIMELAPSE_COURIERS.flatMap((courier) => SCENARIOS.map((name) => ({ courier, name })));

describe("simulatedNow", () => {
  it("runs `factor` times faster than real time from the start", () => {
    const start = new Date("2024-05-01T00:00:00Z");
    const real = new Date(start.getTime() + 2_000);
    expect(simulatedNow(real, start, 3600).toISOString()).toBe("2024-05-01T02:00:00.000Z");
    expect(simulatedNow(start, start, 3600).toISOString()).toBe(start.toISOString());
  });

  it("is real time before the start, so older waybills keep their creation time", () => {
    const start = new Date("2024-05-01T00:00:00Z");
    const before = new Date("2024-04-30T12:00:00Z");
    expect(simulatedNow(before, start, 3600).toISOString()).toBe(before.toISOString());
  });
});

describe("pickScenario", () => {
  const ids = Array.from({ length: 4000 }, (_, i) => `P-${i}`);

  it("is a pure function of the order id", () => {
    expect(ids.slice(0, 50).map((id) => pickScenario(id))).toEqual(
      ids.slice(0, 50).map((id) => pickScenario(id)),
    );
  });

  it("makes most parcels normal and every scenario occur with the default weights", () => {
    const counts = new Map<ScenarioName, number>();
    for (const id of ids) {
      const name = pickScenario(id);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    expect((counts.get("normal") ?? 0) / ids.length).toBeGreaterThan(0.75);
    expect((counts.get("normal") ?? 0) / ids.length).toBeLessThan(0.85);
    for (const name of SCENARIOS) expect(counts.get(name) ?? 0).toBeGreaterThan(0);
  });

  it("follows configured weights; no positive weight means normal", () => {
    expect(new Set(ids.slice(0, 200).map((id) => pickScenario(id, { lost: 1 })))).toEqual(
      new Set(["lost"]),
    );
    const half = ids.map((id) => pickScenario(id, { stall: 1, locker: 1 }));
    expect(new Set(half)).toEqual(new Set(["stall", "locker"]));
    expect(half.filter((n) => n === "stall").length / ids.length).toBeCloseTo(0.5, 1);
    expect(pickScenario("P-1", { normal: 0, lost: -3 })).toBe("normal");
  });
});

describe("scenario shapes", () => {
  const run = (courier: TimelapseCourier, name: ScenarioName, trackingNo = "SF1234567890123") =>
    timelapseEvents(waybill(trackingNo), scenario(courier, name));
  const ms = (e: TimelapseEvent | undefined) => e?.time.getTime() ?? Number.NaN;
  const gap = (a: TimelapseEvent | undefined, b: TimelapseEvent | undefined) => ms(b) - ms(a);
  const shanghaiHour = (e: TimelapseEvent | undefined) => ((ms(e) + 8 * HOUR) % DAY) / HOUR;
  const trackingNos = ["SF1", "SF2", "SF3", "SF4", "SF5", "SF6", "SF7", "SF8"];

  it.each(trackingNos)(
    "delivers a normal parcel %s in about two to three days, by day, in the recipient's city",
    (trackingNo) => {
      const events = run("sf", "normal", trackingNo);
      const last = events.at(-1);
      expect((ms(last) - T0.getTime()) / DAY).toBeGreaterThan(1.5);
      expect((ms(last) - T0.getTime()) / DAY).toBeLessThan(3.2);
      const rounds = events.find((e) => e.kind === "assigned");
      expect(shanghaiHour(rounds)).toBeGreaterThanOrEqual(8);
      expect(shanghaiHour(rounds)).toBeLessThan(18);
      expect(shanghaiHour(last)).toBeLessThan(22);
      expect(last?.city).toBe("北京市");
    },
  );

  it.each(trackingNos)("has people act by day in the exceptions of %s", (trackingNo) => {
    const hours = [
      run("kdniao", "locker", trackingNo).at(-1),
      run("kdniao", "refused_return", trackingNo).at(-1),
      run("kdniao", "lost", trackingNo).at(-1),
    ].map(shanghaiHour);
    for (const hour of hours) expect(hour >= 8 && hour < 22).toBe(true);
  });

  it("stalls after leaving the first hub, bound for the next one", () => {
    const last = run("zto", "stall").at(-1);
    expect(last?.facility).toBe("杭州中转部");
    expect(last?.description).toContain("已发往【北京中转部】");
  });

  it("reports a parcel lost days after it went quiet, where the vocabulary has a word for it", () => {
    const [quiet, lost] = run("jt", "lost").slice(-2);
    expect(gap(quiet, lost)).toBeGreaterThan(3 * DAY);
    expect(lost?.description).toContain("遗失");
    expect(run("sf", "lost").at(-1)?.kind).toBe("departed");
  });

  it("fails delivery for want of the recipient", () => {
    expect(run("sf", "delivery_failed").at(-1)?.description).toContain("联系不上收件人");
    expect(run("sf", "delivery_failed").at(-1)?.extra).toEqual({ reasonName: "联系不上收件人" });
  });

  it("returns a refused parcel to the sender's city over a line haul", () => {
    const [refused, returning, returned] = run("kuaidi100", "refused_return").slice(-3);
    expect(refused?.description).toContain("拒收");
    expect(returning?.description).toContain("杭州西湖区营业点");
    expect(returned?.city).toBe("杭州市");
    expect(gap(returning, returned)).toBeGreaterThan(DAY);
  });

  it("puts a locker parcel into a locker or station and has it picked up hours later", () => {
    const [into, out] = run("kdniao", "locker").slice(-2);
    expect(into?.description).toMatch(/丰巢|驿站/);
    expect(gap(into, out)).toBeGreaterThanOrEqual(4 * HOUR);
    expect(run("sf", "locker").at(-2)?.description).toContain("丰巢智能快递柜");
  });

  it("sends a same-city parcel through one hub", () => {
    const local = {
      ...scenario("sf", "normal"),
      recipientCity: "杭州市",
      recipientDistrict: "上城区",
    };
    expect(codes(timelapseEvents(waybill("SF1"), local))).toEqual([
      "50",
      "30",
      "36",
      "31",
      "30",
      "36",
      "31",
      "204",
      "44",
      "80",
    ]);
  });

  it("uses stable default cities when the order is unknown, and starts at startAt", () => {
    const bare: TimelapseScenario = { name: "normal", courier: "zto" };
    const a = timelapseEvents(waybill("73100196611386"), bare);
    expect(a).toEqual(timelapseEvents(waybill("73100196611386"), bare));
    expect(a[0]?.city).toMatch(/市$/);
    const later = new Date(T0.getTime() + DAY);
    const b = timelapseEvents(waybill("73100196611386"), { ...bare, startAt: later });
    expect(b[0]?.time.getTime()).toBe(later.getTime() + 2 * HOUR);
  });

  it("has nothing for a cancelled waybill", () => {
    const cancelled = { ...waybill("SF1"), cancelled: true };
    expect(timelapseEvents(cancelled, scenario("sf", "normal"))).toEqual([]);
  });
});

describe("dueEvents", () => {
  it.each(cases)("$courier $name: every event exactly once, whatever the steps", (c) => {
    const wb = waybill("SF9876543210123", "P-9");
    const s = scenario(c.courier, c.name);
    const all = timelapseEvents(wb, s);
    for (const stepMs of [17 * MIN, 53 * MIN, 5 * HOUR, 2 * DAY]) {
      const sent: TimelapseEvent[] = [];
      for (let now = T0.getTime(); now < T0.getTime() + 9 * DAY; now += stepMs) {
        const due = dueEvents(wb, s, new Date(now), sent.length);
        expect(due.every((e) => e.time.getTime() <= now)).toBe(true);
        sent.push(...due);
      }
      expect(sent.map((e) => e.id)).toEqual(all.map((e) => e.id));
    }
  });

  it("has nothing before collection, and nothing once everything was sent", () => {
    const wb = waybill("SF1");
    const s = scenario("sf", "normal");
    expect(dueEvents(wb, s, new Date(T0.getTime() + HOUR), 0)).toEqual([]);
    const end = new Date(T0.getTime() + 30 * DAY);
    const total = timelapseEvents(wb, s).length;
    expect(dueEvents(wb, s, end, 0)).toHaveLength(total);
    expect(dueEvents(wb, s, end, total)).toEqual([]);
    expect(dueEvents(wb, s, end, total + 5)).toEqual([]);
  });
});
