/**
 * The sandbox time-lapse: a simulated clock running `factor` times faster than real time, and per
 * waybill a scenario (normal, stall, delivery_failed, refused_return, lost, locker) that unfolds
 * on it as events in the courier's own vocabulary (./timelapse-vocab.ts). The runner asks
 * `dueEvents` what happened since its last push and sends `buildPushes`' requests, signed by the
 * sandboxes' own builders — never by a driver, so a driver that misreads a push fails here.
 */
import type { SandboxState } from "@/server/couriers/contract";
import {
  shortCity,
  type StepContext,
  type StepKind,
  type TimelapseCourier,
  VOCABULARIES,
  type VocabEvent,
} from "./timelapse-vocab";

export { buildPushes, type PushTarget } from "./timelapse-faults";

/** A waybill as the sandboxes store it. */
export type SandboxWaybill = SandboxState["waybills"] extends Map<string, infer W> ? W : never;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Collection comes this long after creation, as in every sandbox's PICKUP_AFTER_MS. */
const PICKUP_AFTER_MS = 2 * HOUR;

/**
 * Simulated time: `factor` simulated ms per real ms since `startedAt` (3600 = one hour per
 * second). Before the start it is real time, so a waybill created earlier keeps its createdAt.
 */
export function simulatedNow(realNow: Date, startedAt: Date, factor: number): Date {
  const elapsed = realNow.getTime() - startedAt.getTime();
  if (elapsed <= 0) return new Date(realNow.getTime());
  return new Date(startedAt.getTime() + elapsed * factor);
}

/** What can happen to a parcel, from the happy path to the exceptions a console must surface. */
export const SCENARIOS = [
  "normal",
  "stall",
  "delivery_failed",
  "refused_return",
  "lost",
  "locker",
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** Relative weights of the scenarios; most parcels simply arrive. */
export const DEFAULT_SCENARIO_WEIGHTS: Readonly<Record<ScenarioName, number>> = {
  normal: 80,
  stall: 4,
  delivery_failed: 5,
  refused_return: 4,
  lost: 2,
  locker: 5,
};

/** FNV-1a 32-bit: a stable, well-spread hash so every choice is the same on every run. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The scenario of an order, from its id's hash; weights missing from `weights` count as 0. */
export function pickScenario(
  orderId: string,
  weights: Partial<Record<ScenarioName, number>> = DEFAULT_SCENARIO_WEIGHTS,
): ScenarioName {
  const usable = SCENARIOS.map((name) => [name, Math.max(0, weights[name] ?? 0)] as const);
  const total = usable.reduce((sum, [, w]) => sum + w, 0);
  if (total <= 0) return "normal";
  let point = (hashOf(orderId) / 2 ** 32) * total;
  for (const [name, weight] of usable) {
    if (point < weight) return name;
    point -= weight;
  }
  return "normal";
}

/** How one waybill's trajectory unfolds. */
export type TimelapseScenario = {
  name: ScenarioName;
  courier: TimelapseCourier;
  /** Full city names ("杭州市") and districts when the order is known; stable defaults otherwise. */
  senderCity?: string;
  senderDistrict?: string;
  recipientCity?: string;
  recipientDistrict?: string;
  /** The carrier behind an aggregator: Kdniao ShipperCode ("SF"), Kuaidi100 com ("shunfeng"). */
  carrierCode?: string;
  /** The waybill's creation on the simulated clock; defaults to `waybill.createdAt`. */
  startAt?: Date;
};

/** One step of a waybill's trajectory, in its courier's vocabulary, at a simulated time. */
export type TimelapseEvent = VocabEvent & {
  /** `${trackingNo}:${seq}`, stable across runs; `seq` counts from 0 along the trajectory. */
  id: string;
  seq: number;
  trackingNo: string;
  orderId: string;
  time: Date;
  city: string;
  facility: string;
  kind: StepKind;
  courier: TimelapseCourier;
  carrierCode: string;
  /** The scenario's last event: nothing follows it. */
  terminal: boolean;
};

// "city/district" pairs for waybills whose order the sandbox does not know.
const SENDERS = ["杭州市/西湖区", "深圳市/南山区", "广州市/白云区", "义乌市/稠城街道"] as const;
const RECIPIENTS = ["北京市/朝阳区", "成都市/武侯区", "武汉市/洪山区", "西安市/雁塔区"] as const;
const NAMES = ["王伟", "李强", "张敏", "刘洋", "陈杰", "赵磊", "周芳", "吴涛"] as const;
const STREETS = ["文三路", "人民路", "解放路", "建设路", "中山路"] as const;

type Site = StepContext["staff"] & { city: string; facility: string };
type Planned = { kind: StepKind; time: number; at: Site; next?: Site };
type Hours = readonly [open: number, close: number];
// People act in daytime: couriers start rounds 8–17, recipients fetch from lockers 8–22, customer
// service and senders deal with problems 9–18. Sorting and line hauls run around the clock.
const ROUNDS: Hours = [8, 17];
const AWAKE: Hours = [8, 22];
const OFFICE: Hours = [9, 18];

/** A stable pick from `list` for this waybill and purpose. */
function pick<T>(seed: string, salt: string, list: readonly [T, ...T[]]): T {
  return list[hashOf(`${seed}:${salt}`) % list.length] ?? list[0];
}

/** A stable duration in [min, max] minutes for this waybill and purpose. */
function minutes(seed: string, salt: string, min: number, max: number): number {
  return (min + (hashOf(`${seed}:${salt}`) % (max - min + 1))) * MIN;
}

/** `ms` if within [open, close) o'clock Asia/Shanghai, else up to 50 min after the next opening. */
function within(ms: number, [open, close]: Hours, seed: string): number {
  const local = ms + 8 * HOUR;
  const hour = (local % DAY) / HOUR;
  if (hour >= open && hour < close) return ms;
  const opening = local - (local % DAY) + open * HOUR + (hour >= close ? DAY : 0);
  return opening - 8 * HOUR + minutes(seed, `open${ms}`, 0, 50);
}

/** Both ends of the trip: the scenario's cities when known, a stable default pair otherwise. */
function ends(seed: string, s: TimelapseScenario) {
  const end = (city: string | undefined, district: string | undefined, fallback: string) => {
    const [defaultCity = "", defaultDistrict = ""] = fallback.split("/");
    return city === undefined
      ? { city: defaultCity, district: defaultDistrict }
      : { city, district: district ?? "" };
  };
  return {
    from: end(s.senderCity, s.senderDistrict, pick(seed, "from", SENDERS)),
    to: end(s.recipientCity, s.recipientDistrict, pick(seed, "to", RECIPIENTS)),
  };
}

/** Every step of the scenario with its time, before the courier's vocabulary filters it. */
function plan(waybill: SandboxWaybill, s: TimelapseScenario): Planned[] {
  const seed = waybill.trackingNo;
  const vocab = VOCABULARIES[s.courier];
  const { from, to } = ends(seed, s);
  const site = (city: string, district: string | undefined, who: "o" | "d"): Site => {
    const h = hashOf(`${who}:${seed}`);
    return {
      city,
      facility:
        district === undefined
          ? vocab.hub(shortCity(city))
          : vocab.outlet(shortCity(city), district),
      name: pick(seed, who, NAMES),
      phone: `1${3 + (h % 7)}${String(h % 1e9).padStart(9, "0")}`,
    };
  };
  const fromOutlet = site(from.city, from.district, "o");
  const toOutlet = site(to.city, to.district, "d");
  const hubs = [site(from.city, undefined, "o")];
  // A same-city parcel goes through one hub; otherwise a line haul links two.
  if (shortCity(from.city) !== shortCity(to.city)) hubs.push(site(to.city, undefined, "d"));
  const lineHaul = minutes(seed, "haul", 20 * 60, 36 * 60);

  const steps: Planned[] = [];
  let t = (s.startAt ?? waybill.createdAt).getTime();
  const add = (kind: StepKind, gapMs: number, at: Site, next?: Site, hours?: Hours) => {
    t = hours ? within(t + gapMs, hours, seed) : t + gapMs;
    steps.push({ kind, time: t, at, ...(next ? { next } : {}) });
  };
  const firstHub = hubs[0] ?? fromOutlet;
  add("collected", PICKUP_AFTER_MS, fromOutlet);
  add("sorted", minutes(seed, "s", 30, 60), fromOutlet, firstHub);
  add("departed", minutes(seed, "d", 20, 50), fromOutlet, firstHub);
  add("arrived", minutes(seed, "a", 90, 180), firstHub);
  for (const [i, hub] of hubs.entries()) {
    const next = hubs[i + 1] ?? toOutlet;
    add("sorted", minutes(seed, `s${i}`, 40, 80), hub, next);
    add("departed", minutes(seed, `d${i}`, 30, 60), hub, next);
    // Stall and lost both go quiet once the parcel has left its first hub.
    if (i === 0 && s.name === "stall") return steps;
    if (i === 0 && s.name === "lost") {
      add("lost", 3 * DAY + minutes(seed, "lost", 0, 600), hub, undefined, OFFICE);
      return steps;
    }
    add("arrived", next === toOutlet ? minutes(seed, "last", 120, 240) : lineHaul, next);
  }

  add("assigned", minutes(seed, "wait", 30, 60), toOutlet, undefined, ROUNDS);
  add("out_for_delivery", minutes(seed, "go", 10, 25), toOutlet);
  if (s.name === "normal") add("delivered", minutes(seed, "sign", 90, 240), toOutlet);
  if (s.name === "delivery_failed") {
    add("delivery_failed", minutes(seed, "fail", 120, 180), toOutlet);
  }
  if (s.name === "locker") {
    add("locker_in", minutes(seed, "in", 60, 120), toOutlet);
    add("locker_out", minutes(seed, "out", 4 * 60, 30 * 60), toOutlet, undefined, AWAKE);
  }
  if (s.name === "refused_return") {
    add("refused", minutes(seed, "refuse", 60, 120), toOutlet);
    add("returning", minutes(seed, "back", 150, 210), toOutlet, fromOutlet);
    add("returned", lineHaul + DAY, fromOutlet, undefined, OFFICE);
  }
  return steps;
}

/**
 * The whole trajectory of a waybill under a scenario, oldest first, in its courier's vocabulary:
 * steps the courier has no word for are left out. Nothing for a cancelled waybill.
 */
export function timelapseEvents(
  waybill: SandboxWaybill,
  scenario: TimelapseScenario,
): TimelapseEvent[] {
  if (waybill.cancelled) return [];
  const vocab = VOCABULARIES[scenario.courier];
  const seed = waybill.trackingNo;
  const brand = pick(seed, "locker", vocab.lockerBrands);
  const { to } = ends(seed, scenario);
  const locker = { brand, name: `${brand}(${to.district}${pick(seed, "street", STREETS)}店)` };
  const rendered = plan(waybill, scenario).flatMap((step) => {
    const render = vocab.steps[step.kind];
    if (!render) return [];
    const words = render({
      trackingNo: waybill.trackingNo,
      city: step.at.city,
      facility: step.at.facility,
      ...(step.next ? { next: { city: step.next.city, facility: step.next.facility } } : {}),
      inDestinationCity: shortCity(step.at.city) === shortCity(to.city),
      staff: { name: step.at.name, phone: step.at.phone },
      locker,
    });
    return [{ step, words }];
  });
  return rendered.map(({ step, words }, seq) => ({
    ...words,
    id: `${waybill.trackingNo}:${seq}`,
    seq,
    kind: step.kind,
    courier: scenario.courier,
    trackingNo: waybill.trackingNo,
    orderId: waybill.orderId,
    carrierCode: scenario.carrierCode ?? DEFAULT_CARRIER[scenario.courier],
    time: new Date(step.time),
    city: step.at.city,
    facility: step.at.facility,
    terminal: seq === rendered.length - 1,
  }));
}

/** The carrier an aggregator reports for when the scenario names none; direct couriers: own. */
const DEFAULT_CARRIER: Readonly<Record<TimelapseCourier, string>> = {
  sf: "SF",
  zto: "ZTO",
  jt: "JTSD",
  kdniao: "SF",
  kuaidi100: "shunfeng",
};

/**
 * The events that became due by `simulatedNow` and were not pushed yet: the trajectory is fixed
 * and oldest first, so "already sent" is a count, and stepping the clock in any increments yields
 * every event exactly once.
 */
export function dueEvents(
  waybill: SandboxWaybill,
  scenario: TimelapseScenario,
  simulatedNow: Date,
  alreadySent: number,
): TimelapseEvent[] {
  const now = simulatedNow.getTime();
  const due = timelapseEvents(waybill, scenario).filter((e) => e.time.getTime() <= now);
  return due.slice(Math.max(0, Math.floor(alreadySent)));
}
