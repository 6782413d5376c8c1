/**
 * The time-lapse's pushes against the real drivers: every push verifies with the driver's own
 * push.verify and parses back into the events it carries; then the faults — spoiled signatures
 * that must not verify, duplicates, reordering, stalls — and the API faults.
 */
import { describe, expect, it } from "vitest";
import type { CourierAccountConfig, PushProtocol, WireRequest } from "@/server/couriers/contract";
import { jtDriver } from "@/server/couriers/drivers/jt";
import { kdniaoDriver } from "@/server/couriers/drivers/kdniao";
import { kuaidi100Driver } from "@/server/couriers/drivers/kuaidi100";
import { sfDriver } from "@/server/couriers/drivers/sf";
import { ztoDriver } from "@/server/couriers/drivers/zto";
import { sandboxAccounts } from "./accounts";
import {
  buildPushes,
  SCENARIOS,
  type TimelapseEvent,
  timelapseEvents,
  type TimelapseScenario,
} from "./timelapse";
import {
  apiFault,
  applyPushFaults,
  corruptSignature,
  type Rng,
  seededRng,
  timelapseFaultsSchema,
} from "./timelapse-faults";
import { TIMELAPSE_COURIERS, type TimelapseCourier } from "./timelapse-vocab";

const T0 = new Date("2024-05-01T02:00:00Z");
const URL_BASE = "https://console.test/api/couriers/acc-1/push";

const drivers = {
  sf: sfDriver,
  zto: ztoDriver,
  jt: jtDriver,
  kdniao: kdniaoDriver,
  kuaidi100: kuaidi100Driver,
};
const credentials: Record<TimelapseCourier, Record<string, string>> = {
  sf: {},
  zto: { ...sandboxAccounts.zto },
  jt: { ...sandboxAccounts.jt },
  kdniao: { ...sandboxAccounts.kdniao },
  kuaidi100: { salt: sandboxAccounts.kuaidi100.salt },
};
const account = (courier: TimelapseCourier): CourierAccountConfig => ({
  courier,
  environment: "sandbox",
  baseUrl: "https://sandbox.test/",
  credentials: credentials[courier],
});
const target = (courier: TimelapseCourier) => ({
  url: `${URL_BASE}?token=Tok3nAbc9`,
  credentials: credentials[courier],
});
function pushOf(courier: TimelapseCourier): PushProtocol {
  const push = drivers[courier].push;
  if (!push) throw new Error(`${courier} driver has no push protocol`);
  return push;
}

const TRACKING_NOS: Record<TimelapseCourier, string> = {
  sf: "SF1234567890123",
  zto: "73100196611386",
  jt: "JT0001234567890",
  kdniao: "SF7444496931331",
  kuaidi100: "SF7444496931332",
};
const trackingNo = (courier: TimelapseCourier) => TRACKING_NOS[courier];
const eventsOf = (courier: TimelapseCourier, name: TimelapseScenario["name"] = "normal") =>
  timelapseEvents(
    {
      orderId: "P-1",
      trackingNo: trackingNo(courier),
      cancelled: false,
      pickedUp: false,
      sortingCode: "",
      createdAt: T0,
    },
    { name, courier, senderCity: "杭州市", recipientCity: "北京市" },
  );

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("missing");
  return value;
}

/** The runner's way: push what is new in three batches, naming what was pushed before. */
function runnerPushes(courier: TimelapseCourier, events: TimelapseEvent[]) {
  const cuts = [0, 3, 7, events.length];
  return cuts.slice(1).map((end, i) => {
    const start = cuts[i] ?? 0;
    const batch = events.slice(start, end);
    const pushes = buildPushes(courier, target(courier), batch, events.slice(0, start));
    return { batch, sentBefore: start, pushes };
  });
}

const signed = TIMELAPSE_COURIERS.filter((c) => c !== "sf");
const cases = TIMELAPSE_COURIERS.flatMap((courier) => SCENARIOS.map((name) => ({ courier, name })));

describe("buildPushes", () => {
  it.each(cases)(
    "$courier $name: verifies with the driver and parses back",
    ({ courier, name }) => {
      const push = pushOf(courier);
      const events = eventsOf(courier, name);
      for (const { batch, sentBefore, pushes } of runnerPushes(courier, events)) {
        if (batch.length === 0) {
          expect(pushes).toEqual([]);
          continue;
        }
        const parsed = pushes.flatMap((request) => {
          expect(push.verify(request, account(courier))).toBe(true);
          return push.parse(request, account(courier));
        });
        // Kdniao and Kuaidi100 repeat the whole trajectory; the others push only what is new.
        const whole = courier === "kdniao" || courier === "kuaidi100";
        const expected = whole ? events.slice(0, sentBefore + batch.length) : batch;
        expect(parsed).toHaveLength(expected.length);
        expect(parsed.map((e) => e.code)).toEqual(expected.map((e) => e.code));
        expect(parsed.map((e) => Date.parse(e.time))).toEqual(
          expected.map((e) => e.time.getTime()),
        );
        expect(parsed.every((e) => e.trackingNo === trackingNo(courier))).toBe(true);
      }
    },
  );

  it("sends a Kuaidi100 push unsigned when the subscription had no salt", () => {
    const unsalted = { url: URL_BASE, credentials: {} };
    const [request] = buildPushes("kuaidi100", unsalted, eventsOf("kuaidi100"));
    expect(new URLSearchParams(request?.body).has("sign")).toBe(false);
    const noSalt = { ...account("kuaidi100"), credentials: {} };
    expect(pushOf("kuaidi100").verify(need(request), noSalt)).toBe(true);
  });

  it("refuses to sign without the account's credentials", () => {
    const bare = { url: URL_BASE, credentials: {} };
    expect(() => buildPushes("zto", bare, eventsOf("zto"))).toThrow(/appKey/);
  });
});

/** Every push of every courier, two waybills each, for the fault tests. */
const allPushes = (courier: TimelapseCourier): WireRequest[] => [
  ...buildPushes(courier, target(courier), eventsOf(courier, "normal").slice(0, 4)),
  ...buildPushes(courier, target(courier), eventsOf(courier, "locker").slice(4, 6)),
];
const ids = (requests: WireRequest[], from: WireRequest[]) => requests.map((r) => from.indexOf(r));
/** An rng that replays fixed numbers. */
const fixed = (...values: number[]): Rng => {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
};

describe("timelapseFaultsSchema", () => {
  it("takes the documented settings and refuses nonsense", () => {
    const ok = {
      duplicate: 0.2,
      outOfOrder: true,
      badSignature: false,
      http5xx: 0.1,
      timeoutMs: 30_000,
    };
    expect(timelapseFaultsSchema.parse(ok)).toEqual(ok);
    expect(timelapseFaultsSchema.parse({})).toEqual({});
    for (const bad of [{ duplicate: 1.5 }, { http5xx: -0.1 }, { timeoutMs: 0 }, { surprise: 1 }]) {
      expect(timelapseFaultsSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe("corruptSignature", () => {
  it.each(signed)("%s: one character off, and the driver refuses it", (courier) => {
    for (const [i, request] of allPushes(courier).entries()) {
      const spoiled = corruptSignature(request, seededRng(i));
      expect(pushOf(courier).verify(spoiled, account(courier))).toBe(false);
      // Still readable: the receiver refuses it for its signature, not as garbage.
      expect(pushOf(courier).parse(spoiled, account(courier)).length).toBeGreaterThan(0);
      const before = signatureOf(request);
      const after = signatureOf(spoiled);
      expect(after).toHaveLength(before.length);
      expect([...after].filter((ch, j) => ch !== before[j])).toHaveLength(1);
    }
  });

  it("spoils the SF push token, the only secret an unsigned SF push carries", () => {
    const [request] = allPushes("sf");
    const spoiled = corruptSignature(need(request), seededRng(1));
    const token = new URL(spoiled.url).searchParams.get("token") ?? "";
    expect(token).not.toBe("Tok3nAbc9");
    expect([...token].filter((ch, j) => ch !== "Tok3nAbc9"[j])).toHaveLength(1);
    expect(spoiled.body).toBe(request?.body);
  });
});

/** The signature a push carries, wherever its protocol puts it. */
function signatureOf(request: WireRequest): string {
  const form = new URLSearchParams(request.body);
  return (
    request.headers.digest ??
    form.get("DataSign") ??
    form.get("sign") ??
    form.get("data_digest") ??
    ""
  );
}

describe("applyPushFaults", () => {
  const requests = allPushes("zto");

  it("changes nothing without faults, and delivers nothing when stalled", () => {
    expect(applyPushFaults(requests, {}, seededRng(1))).toEqual(requests);
    expect(applyPushFaults(requests, { stall: true, duplicate: 1 }, seededRng(1))).toEqual([]);
  });

  it("redelivers each push right after itself, byte for byte, with probability `duplicate`", () => {
    const doubled = applyPushFaults(requests, { duplicate: 1 }, seededRng(1));
    expect(doubled).toEqual(requests.flatMap((r) => [r, r]));
    const some = applyPushFaults(requests, { duplicate: 0.5 }, seededRng(7));
    expect(some).toEqual(applyPushFaults(requests, { duplicate: 0.5 }, seededRng(7)));
    expect(some.length).toBeGreaterThan(requests.length);
    expect(some.length).toBeLessThan(2 * requests.length);
    expect(new Set(some.map((r) => r.body))).toEqual(new Set(requests.map((r) => r.body)));
  });

  it("swaps adjacent pushes when out of order: each moves by at most one place", () => {
    const always = applyPushFaults(requests, { outOfOrder: true }, fixed(0));
    expect(ids(always, requests)).toEqual([1, 0, 3, 2, 5, 4]);
    const seeded = ids(applyPushFaults(requests, { outOfOrder: true }, seededRng(3)), requests);
    expect([...seeded].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(seeded.every((from, to) => Math.abs(from - to) <= 1)).toBe(true);
    expect(ids(applyPushFaults(requests, { outOfOrder: true }, fixed(0.9)), requests)).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
  });

  it.each(signed)("%s: a bad-signature account's pushes all fail to verify", (courier) => {
    const spoiled = applyPushFaults(allPushes(courier), { badSignature: true }, seededRng(5));
    expect(spoiled).toHaveLength(allPushes(courier).length);
    for (const request of spoiled) {
      expect(pushOf(courier).verify(request, account(courier))).toBe(false);
    }
  });

  it("does not modify the requests it was given", () => {
    const copy = structuredClone(requests);
    applyPushFaults(requests, { badSignature: true, duplicate: 1, outOfOrder: true }, fixed(0));
    expect(requests).toEqual(copy);
  });
});

describe("apiFault", () => {
  it("answers normally without faults", () => {
    expect(apiFault({}, seededRng(1))).toEqual({ kind: "none" });
  });

  it("fails with a 5xx at the configured rate", () => {
    const rng = seededRng(11);
    const faults = Array.from({ length: 2000 }, () => apiFault({ http5xx: 0.25 }, rng));
    const errors = faults.filter((f) => f.kind === "5xx");
    expect(errors.length / faults.length).toBeCloseTo(0.25, 1);
    expect(new Set(errors.map((f) => f.status))).toEqual(new Set([500, 502, 503, 504]));
    expect(apiFault({ http5xx: 1 }, fixed(0))).toEqual({ kind: "5xx", status: 500 });
  });

  it("hangs for timeoutMs, on every call or on a timeoutRate share", () => {
    expect(apiFault({ timeoutMs: 30_000 }, fixed(0.99))).toEqual({ kind: "timeout", ms: 30_000 });
    expect(apiFault({ timeoutMs: 30_000, timeoutRate: 0.1 }, fixed(0.5))).toEqual({ kind: "none" });
    expect(apiFault({ http5xx: 0.1, timeoutMs: 5 }, fixed(0.5))).toEqual({
      kind: "timeout",
      ms: 5,
    });
  });
});
