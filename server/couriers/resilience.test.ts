import { describe, expect, it } from "vitest";
import { CourierError, type CourierErrorKind } from "./contract";
import {
  AccountLimiter,
  backoffDelay,
  BreakerRegistry,
  CIRCUIT_OPEN,
  CircuitBreaker,
  defaultBreakerOptions,
  withRetry,
  type Clock,
} from "./resilience";

/** A clock that only moves when told to; sleeping advances it and records the delay. */
function fakeClock(start = Date.parse("2026-11-24T06:00:00Z")) {
  let now = start;
  const slept: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
  return { clock, slept, advance: (ms: number) => (now += ms) };
}

const err = (kind: CourierErrorKind, code = "X") => new CourierError(kind, code, kind);

/** A call that fails with the given outcomes in turn ("ok" succeeds), counting its invocations. */
function scripted(outcomes: (CourierErrorKind | "ok" | "bug")[]) {
  let calls = 0;
  const fn = () => {
    const outcome = outcomes[Math.min(calls, outcomes.length - 1)]!;
    calls++;
    if (outcome === "ok") return Promise.resolve("done");
    if (outcome === "bug") return Promise.reject(new TypeError("bug"));
    return Promise.reject(err(outcome));
  };
  return { fn, calls: () => calls };
}

describe("backoffDelay (full jitter)", () => {
  it.each([
    { retry: 1, random: 0.999, expected: 99 },
    { retry: 2, random: 0.5, expected: 100 },
    { retry: 3, random: 0.999, expected: 399 },
    { retry: 6, random: 0.999, expected: 999 }, // 100·2^5 = 3200, capped at 1000
    { retry: 4, random: 0, expected: 0 },
  ])("retry $retry with random $random → $expected ms", ({ retry, random, expected }) => {
    expect(backoffDelay(retry, 100, 1000, () => random)).toBe(expected);
  });
});

describe("withRetry", () => {
  it.each([
    {
      name: "retries UNAVAILABLE until it succeeds",
      outcomes: ["UNAVAILABLE", "UNAVAILABLE", "ok"] as const,
      idempotent: true,
      calls: 3,
      result: "done",
      slept: [50, 100],
    },
    {
      name: "gives up after the attempts",
      outcomes: ["UNAVAILABLE"] as const,
      idempotent: true,
      calls: 3,
      result: "UNAVAILABLE",
      slept: [50, 100],
    },
    {
      name: "never repeats a non-idempotent call",
      outcomes: ["UNAVAILABLE", "ok"] as const,
      idempotent: false,
      calls: 1,
      result: "UNAVAILABLE",
      slept: [],
    },
    {
      name: "does not retry an answer (INVALID)",
      outcomes: ["INVALID", "ok"] as const,
      idempotent: true,
      calls: 1,
      result: "INVALID",
      slept: [],
    },
    {
      name: "does not retry DUPLICATE (the caller recovers instead)",
      outcomes: ["DUPLICATE", "ok"] as const,
      idempotent: true,
      calls: 1,
      result: "DUPLICATE",
      slept: [],
    },
    {
      name: "does not retry our own bugs",
      outcomes: ["bug", "ok"] as const,
      idempotent: true,
      calls: 1,
      result: "bug",
      slept: [],
    },
  ])("$name", async ({ outcomes, idempotent, calls, result, slept }) => {
    const c = fakeClock();
    const s = scripted([...outcomes]);
    const outcome = await withRetry(s.fn, {
      attempts: 3,
      baseMs: 100,
      maxMs: 1000,
      idempotent,
      clock: c.clock,
      random: () => 0.5,
    }).catch((e: unknown) =>
      e instanceof CourierError ? e.kind : e instanceof TypeError ? "bug" : "?",
    );
    expect(outcome).toBe(result);
    expect(s.calls()).toBe(calls);
    expect(c.slept).toEqual(slept);
  });

  it("does not retry a refusal from an open breaker", async () => {
    let calls = 0;
    const open = () => {
      calls++;
      return Promise.reject(new CourierError("UNAVAILABLE", CIRCUIT_OPEN, "open"));
    };
    await expect(
      withRetry(open, { attempts: 5, baseMs: 1, maxMs: 1, idempotent: true }),
    ).rejects.toMatchObject({ courierCode: CIRCUIT_OPEN });
    expect(calls).toBe(1);
  });
});

describe("AccountLimiter", () => {
  it("keeps at most max calls in flight per account, and accounts apart", async () => {
    const limiter = new AccountLimiter();
    const peak = new Map<string, number>();
    const releases: (() => void)[] = [];
    const task = (account: string) =>
      limiter.run(account, 2, async () => {
        const now = limiter.inFlight(account);
        peak.set(account, Math.max(peak.get(account) ?? 0, now));
        await new Promise<void>((resolve) => releases.push(resolve));
      });
    const all = [
      ...Array.from({ length: 5 }, () => task("a")),
      ...Array.from({ length: 3 }, () => task("b")),
    ];
    await Promise.resolve();
    expect(limiter.inFlight("a")).toBe(2);
    expect(limiter.inFlight("b")).toBe(2);
    while (releases.length > 0) {
      releases.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(all);
    expect(peak.get("a")).toBe(2);
    expect(peak.get("b")).toBe(2);
    expect(limiter.inFlight("a")).toBe(0);
  });

  it("releases the slot when the call throws", async () => {
    const limiter = new AccountLimiter();
    await expect(limiter.run("a", 1, () => Promise.reject(new Error("x")))).rejects.toThrow("x");
    await expect(limiter.run("a", 1, () => Promise.resolve(7))).resolves.toBe(7);
  });
});

describe("CircuitBreaker", () => {
  const options = (clock: Clock) => ({
    ...defaultBreakerOptions,
    failureThreshold: 3,
    minCalls: 6,
    failureRate: 0.5,
    windowMs: 10_000,
    coolDownMs: 30_000,
    clock,
  });

  async function feed(breaker: CircuitBreaker, outcomes: (CourierErrorKind | "ok" | "bug")[]) {
    for (const o of outcomes) {
      await breaker.call(scripted([o]).fn).catch(() => undefined);
    }
  }

  it.each([
    { name: "stays closed on success", outcomes: ["ok", "ok"], state: "closed", failures: 0 },
    {
      name: "opens after N consecutive UNAVAILABLE",
      outcomes: ["UNAVAILABLE", "UNAVAILABLE", "UNAVAILABLE"],
      state: "open",
      failures: 3,
    },
    {
      name: "a success resets the consecutive count",
      outcomes: ["UNAVAILABLE", "UNAVAILABLE", "ok", "UNAVAILABLE", "UNAVAILABLE"],
      state: "closed",
      failures: 2,
    },
    {
      name: "opens on the failure rate over the window",
      outcomes: ["UNAVAILABLE", "ok", "UNAVAILABLE", "UNAVAILABLE", "ok", "UNAVAILABLE"],
      state: "open",
      failures: 4,
    },
    {
      name: "refusals (INVALID, UNSERVICEABLE) mean the courier is up",
      outcomes: ["INVALID", "UNSERVICEABLE", "AUTH", "INVALID"],
      state: "closed",
      failures: 0,
    },
    {
      name: "our own bugs are not the courier's failures",
      outcomes: ["bug", "bug", "bug", "bug"],
      state: "closed",
      failures: 0,
    },
  ] as const)("$name", async ({ outcomes, state, failures }) => {
    const c = fakeClock();
    const breaker = new CircuitBreaker("acc", options(c.clock));
    await feed(breaker, [...outcomes]);
    expect(breaker.snapshot()).toMatchObject({ state, failures });
  });

  it("rejects fast while open, with a clear UNAVAILABLE error and the retry time", async () => {
    const c = fakeClock();
    const breaker = new CircuitBreaker("sf-main", options(c.clock));
    await feed(breaker, ["UNAVAILABLE", "UNAVAILABLE", "UNAVAILABLE"]);
    const s = scripted(["ok"]);
    const error = await breaker.call(s.fn).catch((e: unknown) => e);
    expect(s.calls()).toBe(0);
    expect(error).toBeInstanceOf(CourierError);
    expect(error).toMatchObject({ kind: "UNAVAILABLE", courierCode: CIRCUIT_OPEN });
    // 06:00:00Z + 30 s = 14:00:30 in Asia/Shanghai.
    expect((error as Error).message).toMatch(/sf-main.*3 failed calls.*14:00:30/);
    expect(breaker.snapshot().retryAt?.toISOString()).toBe("2026-11-24T06:00:30.000Z");
  });

  it("lets one probe through after the cool-down: success closes, failure re-opens", async () => {
    const c = fakeClock();
    const breaker = new CircuitBreaker("acc", options(c.clock));
    await feed(breaker, ["UNAVAILABLE", "UNAVAILABLE", "UNAVAILABLE"]);
    c.advance(30_000);
    expect(breaker.snapshot().state).toBe("half-open");

    // While the probe is in flight, everyone else is still refused.
    let finishProbe: (v: string) => void = () => undefined;
    const probe = breaker.call(() => new Promise<string>((r) => (finishProbe = r)));
    await expect(breaker.call(() => Promise.resolve("x"))).rejects.toMatchObject({
      courierCode: CIRCUIT_OPEN,
    });
    finishProbe("ok");
    await probe;
    expect(breaker.snapshot()).toMatchObject({ state: "closed", failures: 0 });

    await feed(breaker, ["UNAVAILABLE", "UNAVAILABLE", "UNAVAILABLE"]);
    c.advance(30_000);
    await feed(breaker, ["UNAVAILABLE"]);
    expect(breaker.snapshot()).toMatchObject({ state: "open", failures: 4 });
  });

  it("the registry reports closed for accounts it never saw", () => {
    const registry = new BreakerRegistry();
    expect(registry.stateOf("nobody")).toEqual({
      state: "closed",
      failures: 0,
      openedAt: null,
      retryAt: null,
    });
    expect(registry.for("a")).toBe(registry.for("a"));
    expect(Object.keys(registry.all())).toEqual(["a"]);
  });
});
