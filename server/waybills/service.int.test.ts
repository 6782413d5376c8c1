import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, shipmentOrders, shipments, waybills } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { breakers } from "@/server/couriers/resilience";
import { getOrder } from "@/server/orders/service";
import { seedShop, testActor } from "@/server/orders/testing";
import { holdParcels } from "@/server/shipping/service";
import { saveShop } from "@/server/shops/service";
import { callerAs, testCourierKey } from "@/server/testing/callers";
import { cancelWaybill } from "./cancel";
import { runIssuance } from "./issue-run";
import { courierOrderId } from "./parties";
import { accountsForIssuing, batchStatus, createIssuanceBatch, startIssuance } from "./service";
import {
  createSandboxAccount,
  packedParcel,
  parcelRow,
  startTestSandbox,
  unpackedParcel,
} from "./testing";

const t = withTestDb();
const db = () => t.current.db;
const key = testCourierKey;
/** Fast retries: the backoff itself is unit-tested with a fake clock. */
const opts = { deps: { retry: { attempts: 3, baseMs: 1, maxMs: 5 }, timeoutMs: 5_000 } };

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let shopId: string;
let warehouseId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox(["sf", "zto"]);
  const o = sandbox.origin;
  await createSandboxAccount(db(), key, o, "sf-main", "sf");
  await createSandboxAccount(db(), key, o, "zto-main", "zto");
  await createSandboxAccount(db(), key, o, "sf-off", "sf", { enabled: false });
  await createSandboxAccount(db(), key, o, "sf-flaky", "sf", { route: "sfdown" });
  await createSandboxAccount(db(), key, o, "sf-down", "sf", { route: "sfdown", maxConcurrency: 2 });
  ({ shopId, warehouseId } = await seedShop(db(), "wb-shop"));
  await saveShop(db(), null, {
    id: shopId,
    name: "运单测试店",
    platform: "tmall",
    defaultWarehouseId: warehouseId,
    autoShip: false,
    afterSalesDays: 7,
    active: true,
    defaultCourierAccountId: "sf-main",
  });
});
afterAll(() => sandbox.close());

/** The waybill the courier sandbox holds for a parcel's first courier order id. */
const atCourier = (courier: "sf" | "zto", parcelId: number, cancelled = 0) =>
  sandbox.states.get(courier)!.waybills.get(courierOrderId(parcelId, cancelled));

async function orderOf(parcelId: number) {
  const [link] = await db()
    .select({ orderId: shipmentOrders.orderId })
    .from(shipmentOrders)
    .where(eq(shipmentOrders.shipmentId, parcelId));
  return getOrder(db(), link!.orderId);
}

async function activeWaybills(d: Db, parcelId: number) {
  return d
    .select()
    .from(waybills)
    .where(and(eq(waybills.shipmentId, parcelId), eq(waybills.status, "active")));
}

describe("batch issuance", () => {
  it("issues what it can and records a clear error for each parcel it cannot", async () => {
    const ok1 = await packedParcel(db(), shopId);
    const ok2 = await packedParcel(db(), shopId);
    const outOfArea = await packedParcel(db(), shopId, {
      recipient: {
        name: "李四",
        mobile: "13912345678",
        address: "浙江省杭州市西湖区文三路100号超区",
      },
    });
    const onDisabled = await packedParcel(db(), shopId);
    const onDown = await packedParcel(db(), shopId);
    const held = await packedParcel(db(), shopId);
    await holdParcels(db(), testActor, [held], "买家要求改地址");
    const unpacked = await unpackedParcel(db(), shopId);
    const onZto = await packedParcel(db(), shopId);

    const { caller } = await callerAs(db(), "warehouse");
    // Through the router with the default transport: the accounts carry the sandbox's URL.
    const { batchId, rejected } = await caller.waybills.issue({
      parcelIds: [ok1, ok2, outOfArea, onDisabled, onDown, held, unpacked, onZto, 99_999_999],
      accountByParcel: { [onDisabled]: "sf-off", [onDown]: "sf-flaky", [onZto]: "zto-main" },
    });
    expect(rejected).toEqual([
      { parcelId: 99_999_999, code: "NOT_FOUND", reason: "parcel P99999999 not found" },
    ]);

    const status = await caller.waybills.batch({ batchId });
    expect(status).toMatchObject({ status: "done", total: 8, issued: 3, failed: 5, pending: 0 });
    const byParcel = new Map(status.items.map((i) => [i.parcelId, i]));
    expect(byParcel.get(outOfArea)).toMatchObject({ status: "failed", errorKind: "UNSERVICEABLE" });
    expect(byParcel.get(onDisabled)).toMatchObject({ status: "failed", errorKind: "AUTH" });
    expect(byParcel.get(onDisabled)?.error).toMatch(/disabled/);
    expect(byParcel.get(onDown)).toMatchObject({ status: "failed", errorKind: "UNAVAILABLE" });
    expect(byParcel.get(held)).toMatchObject({ status: "failed", errorKind: "STATE" });
    expect(byParcel.get(held)?.error).toMatch(/买家要求改地址/);
    expect(byParcel.get(unpacked)?.error).toMatch(/AWAITING_PACK/);

    for (const [id, courier] of [
      [ok1, "sf"],
      [ok2, "sf"],
      [onZto, "zto"],
    ] as const) {
      const parcel = await parcelRow(db(), id);
      expect(parcel.status).toBe("LABELLED");
      expect(parcel.trackingNo).toBe(atCourier(courier, id)?.trackingNo);
      expect(byParcel.get(id)).toMatchObject({ status: "issued", trackingNo: parcel.trackingNo });
      const [w] = await activeWaybills(db(), id);
      expect(w).toMatchObject({ courier, sortingCode: expect.any(String) as string });
    }
    const orderOf = await db()
      .select({ status: shipments.status })
      .from(shipments)
      .where(eq(shipments.id, onDown));
    expect(orderOf[0]?.status).toBe("PACKED");

    // Move the two account failures to ZTO: both issue; the batch counts them once.
    const retried = await caller.waybills.retry({
      batchId,
      parcelIds: [onDisabled, onDown, ok1],
      accountId: "zto-main",
    });
    expect(retried.retried).toBe(2);
    const after = await batchStatus(db(), batchId);
    expect(after).toMatchObject({ status: "done", issued: 5, failed: 3 });
    expect((await parcelRow(db(), onDown)).trackingNo).toBe(atCourier("zto", onDown)?.trackingNo);
  });

  it("fails a parcel at once when it has no account, and never issues a second waybill", async () => {
    const { shopId: bare } = await seedShop(db(), "wb-bare");
    const orphan = await packedParcel(db(), bare);
    await expect(
      startIssuance(db(), key, testActor, { parcelIds: [orphan] }, opts),
    ).rejects.toMatchObject({ code: "INVALID", message: /no courier account/ });

    const first = await startIssuance(
      db(),
      key,
      testActor,
      { parcelIds: [orphan], accountId: "sf-main" },
      opts,
    );
    const hits = sandbox.hits.get("sf");
    const again = await startIssuance(
      db(),
      key,
      testActor,
      { parcelIds: [orphan], accountId: "zto-main" },
      opts,
    );
    expect(sandbox.hits.get("sf")).toBe(hits);
    const status = await batchStatus(db(), again.batchId);
    expect(status.items[0]).toMatchObject({ status: "issued", accountId: "sf-main" });
    expect(status.items[0]?.trackingNo).toBe(
      (await batchStatus(db(), first.batchId)).items[0]?.trackingNo,
    );
    expect(await activeWaybills(db(), orphan)).toHaveLength(1);
  });
});

describe("kill and re-run", () => {
  it("finds the waybills a crashed run was given: one per parcel, the courier's numbers", async () => {
    const parcels = [];
    for (let i = 0; i < 10; i++) parcels.push(await packedParcel(db(), shopId));
    const byParcel = Object.fromEntries(
      parcels.map((id, i) => [id, i % 2 ? "zto-main" : "sf-main"]),
    );
    const { batchId } = await createIssuanceBatch(db(), testActor, {
      parcelIds: parcels,
      accountByParcel: byParcel,
    });
    // The worker dies after its first write: later results never reach the database, although
    // the couriers did answer (and issued) them.
    let writes = 0;
    const dying = new Proxy(db(), {
      get(target, prop, receiver) {
        if (prop !== "transaction") return Reflect.get(target, prop, receiver) as unknown;
        return (fn: Parameters<Db["transaction"]>[0]) => {
          writes++;
          return writes === 1 ? target.transaction(fn) : Promise.reject(new Error("worker killed"));
        };
      },
    });
    await expect(runIssuance(dying, key, batchId, { ...opts, chunk: 3 })).rejects.toThrow(
      "worker killed",
    );
    const mid = await batchStatus(db(), batchId);
    expect(mid.status).toBe("running");
    expect(mid.issued).toBeGreaterThan(0);
    expect(mid.issued).toBeLessThanOrEqual(3);
    const issuedAtCourier = parcels.filter((id) =>
      atCourier(byParcel[id] === "sf-main" ? "sf" : "zto", id),
    );
    expect(issuedAtCourier.length).toBeGreaterThan(mid.issued);

    await runIssuance(db(), key, batchId, opts);
    expect(await batchStatus(db(), batchId)).toMatchObject({
      status: "done",
      issued: 10,
      failed: 0,
    });
    for (const id of parcels) {
      const courier = byParcel[id] === "sf-main" ? "sf" : "zto";
      const active = await activeWaybills(db(), id);
      expect(active).toHaveLength(1);
      expect(active[0]!.trackingNo).toBe(atCourier(courier, id)?.trackingNo);
      expect((await parcelRow(db(), id)).trackingNo).toBe(active[0]!.trackingNo);
    }
    const [{ n }] = (await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(waybills)
      .where(inArray(waybills.shipmentId, parcels))) as [{ n: number }];
    expect(n).toBe(10);
  });
});

describe("cancel", () => {
  it("cancels before pickup: the parcel is packed again and re-issues under a fresh order id", async () => {
    const id = await packedParcel(db(), shopId);
    await startIssuance(db(), key, testActor, { parcelIds: [id] }, opts);
    const first = (await parcelRow(db(), id)).trackingNo;
    const { caller } = await callerAs(db(), "warehouse");
    await expect(caller.waybills.cancel({ parcelId: id, reason: "换快递" })).resolves.toMatchObject(
      {
        status: "PACKED",
        trackingNo: first,
      },
    );
    expect(await parcelRow(db(), id)).toMatchObject({ status: "PACKED", trackingNo: null });
    expect(atCourier("sf", id)?.cancelled).toBe(true);
    expect((await orderOf(id)).status).toBe("PACKED");
    const audits = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(audits.map((a) => a.action)).toContain("waybill.cancel");

    await startIssuance(db(), key, testActor, { parcelIds: [id] }, opts);
    const second = await parcelRow(db(), id);
    expect(second.status).toBe("LABELLED");
    expect(second.trackingNo).not.toBe(first);
    expect(second.trackingNo).toBe(atCourier("sf", id, 1)?.trackingNo);
  });

  it("is refused with the reason once the courier has collected the parcel", async () => {
    const id = await packedParcel(db(), shopId);
    await startIssuance(db(), key, testActor, { parcelIds: [id] }, opts);
    atCourier("sf", id)!.pickedUp = true;
    await expect(
      cancelWaybill(db(), key, testActor, { parcelId: id, reason: "客户取消" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: /collected/ });
    expect((await parcelRow(db(), id)).status).toBe("LABELLED");

    await db().update(shipments).set({ status: "SHIPPED" }).where(eq(shipments.id, id));
    await expect(
      cancelWaybill(db(), key, testActor, { parcelId: id, reason: "客户取消" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: /SHIPPED/ });
  });
});

describe("circuit breaker", () => {
  it("opens after repeated 5xx, then rejects the rest of the batch without calling", async () => {
    breakers.reset("sf-down");
    const parcels = [];
    for (let i = 0; i < 12; i++) parcels.push(await packedParcel(db(), shopId));
    const before = sandbox.hits.get("sfdown") ?? 0;
    const { batchId } = await startIssuance(
      db(),
      key,
      testActor,
      { parcelIds: parcels, accountId: "sf-down" },
      opts,
    );
    const status = await batchStatus(db(), batchId);
    expect(status).toMatchObject({ status: "done", issued: 0, failed: 12 });
    expect(status.items.every((i) => i.errorKind === "UNAVAILABLE")).toBe(true);
    const fast = status.items.filter((i) => /circuit open/.test(i.error ?? ""));
    expect(fast.length).toBeGreaterThanOrEqual(8);
    // Five failures open it; at most the calls already in flight (2) still went out.
    expect((sandbox.hits.get("sfdown") ?? 0) - before).toBeLessThanOrEqual(7);
    const shown = (await accountsForIssuing(db())).find((a) => a.id === "sf-down");
    expect(shown?.breaker).toMatchObject({ state: "open", retryAt: expect.any(Date) as Date });
  });
});

describe("order status follows", () => {
  it("moves the order to LABELLED with the batch in its history", async () => {
    const id = await packedParcel(db(), shopId);
    await startIssuance(db(), key, testActor, { parcelIds: [id] }, opts);
    const order = await orderOf(id);
    expect(order.status).toBe("LABELLED");
    expect(order.events.at(-1)?.note).toMatch(/waybill issued \(batch #\d+\)/);
  });
});
