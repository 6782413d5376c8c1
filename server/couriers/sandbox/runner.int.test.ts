import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { courierAccounts, courierPushInbox } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { testCourierKey } from "@/server/testing/callers";
import { createAccount } from "../accounts";
import { createSandboxState, type WireRequest } from "../contract";
import { execute } from "../execute";
import { receivePush } from "../push";
import { driverFor, sandboxFor } from "../registry";
import { sampleOrder } from "../sample";
import { sandboxAccounts, sandboxRegistry } from "./accounts";
import { createTimelapse } from "./runner";
import { seededRng } from "./timelapse-faults";
import type { TimelapseCourier } from "./timelapse-vocab";

const t = withTestDb();
const couriers: TimelapseCourier[] = ["sf", "kdniao"];
// Real time: aggregator sandboxes stamp waybills with their own clock, as real couriers do.
const startedAt = new Date();

/** The console's push receiver, reached the way HTTP would reach it (account id + ?token= from the URL). */
async function deliver(request: WireRequest) {
  const url = new URL(request.url);
  const accountId = url.pathname.split("/")[3]!;
  return receivePush(t.current.db, testCourierKey, accountId, request, {
    token: url.searchParams.get("token"),
  });
}

async function setup() {
  const states = new Map(couriers.map((c) => [c, createSandboxState(sandboxRegistry(c))]));
  const targets = new Map<TimelapseCourier, { url: string; credentials: Record<string, string> }>();
  for (const courier of couriers) {
    const id = `tl-${courier}-${Math.random().toString(36).slice(2, 8)}`;
    await createAccount(t.current.db, testCourierKey, null, {
      id,
      courier,
      name: id,
      environment: "sandbox",
      credentials: { ...sandboxAccounts[courier] },
    });
    const [row] = await t.current.db
      .select({ token: courierAccounts.pushToken })
      .from(courierAccounts)
      .where(eq(courierAccounts.id, id));
    targets.set(courier, {
      url: `http://console.test/api/couriers/${id}/push?token=${row!.token}`,
      credentials: { ...sandboxAccounts[courier] },
    });
    // Issue two waybills through the real driver against this courier's sandbox.
    const state = states.get(courier)!;
    for (const n of [1, 2]) {
      const order = {
        ...sampleOrder(startedAt),
        orderId: `TL${courier}${n}`,
        productCode: courier === "kdniao" ? "ZTO" : undefined,
      };
      await execute(
        driverFor(courier)!.createWaybill,
        order,
        {
          courier,
          environment: "sandbox",
          baseUrl: "http://sandbox",
          credentials: { ...sandboxAccounts[courier] },
        },
        async (r) => sandboxFor(courier)!(r, state),
        { now: startedAt, requestId: `r${n}` },
      );
    }
  }
  return { states, targets };
}

describe("sandbox time-lapse pushes into the console's push receiver", () => {
  it("delivers each trajectory once, in the courier's own format, accepted and stored", async () => {
    const { states, targets } = await setup();
    const outcomes: string[] = [];
    const runner = createTimelapse({
      startedAt,
      factor: 3600,
      states: (c) => states.get(c),
      target: (c) => targets.get(c),
      send: async (r) => void outcomes.push((await deliver(r)).kind),
      rng: seededRng(7),
    });
    const first = await runner.tick(new Date(startedAt.getTime() + 10_000));
    const second = await runner.tick(new Date(startedAt.getTime() + 400_000));
    expect(first.events + second.events).toBeGreaterThan(4);
    expect(outcomes.every((o) => o === "stored")).toBe(true);
    const again = await runner.tick(new Date(startedAt.getTime() + 400_000));
    expect(again).toEqual({ pushes: 0, events: 0 });
    expect([...states.get("sf")!.waybills.values()].every((w) => w.pickedUp)).toBe(true);
  });

  it("with faults: duplicates are stored again, forged pushes are refused and kept, a stalled channel sends nothing", async () => {
    const { states, targets } = await setup();
    const replies: { kind: string; reason?: string }[] = [];
    const runner = createTimelapse({
      startedAt,
      factor: 3600,
      states: (c) => states.get(c),
      target: (c) => targets.get(c),
      send: async (r) => void replies.push(await deliver(r)),
      rng: seededRng(11),
    });
    runner.faults.set("sf", { duplicate: 1 });
    runner.faults.set("kdniao", { badSignature: true });
    const { pushes } = await runner.tick(new Date(startedAt.getTime() + 400_000));
    expect(pushes).toBe(replies.length);
    expect(replies.some((r) => r.kind === "stored")).toBe(true);
    expect(
      replies.filter((r) => r.kind === "rejected").every((r) => r.reason === "bad_signature"),
    ).toBe(true);
    expect(replies.some((r) => r.kind === "rejected")).toBe(true);
    const refused = await t.current.db
      .select()
      .from(courierPushInbox)
      .where(eq(courierPushInbox.outcome, "bad_signature"));
    expect(refused.length).toBeGreaterThan(0);

    runner.faults.set("sf", { stall: true });
    runner.faults.set("kdniao", { stall: true });
    const before = replies.length;
    await runner.tick(new Date(startedAt.getTime() + 2_000_000));
    expect(replies.length).toBe(before);
  });
});
