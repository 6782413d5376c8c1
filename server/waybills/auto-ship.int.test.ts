import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shipments, waybillBatchItems, waybills } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { overrideAssignment } from "@/server/assignment/service";
import type { AssignmentResult } from "@/server/assignment/types";
import { exampleRegionSets, exampleTemplates } from "@/server/freight/examples";
import { upsertRegionSetRow, upsertTemplateRow } from "@/server/freight/queries";
import { getOrder } from "@/server/orders/service";
import { createTestOrder, seedShop, testActor } from "@/server/orders/testing";
import { listQueue } from "@/server/shipping/queries";
import { packParcel } from "@/server/shipping/service";
import { saveShop } from "@/server/shops/service";
import { callerAs, testCourierKey } from "@/server/testing/callers";
import { runAutoShip, sweepCandidates } from "./auto-ship";
import { courierOrderId } from "./parties";
import { createSandboxAccount, packedParcel, parcelRow, startTestSandbox } from "./testing";

const t = withTestDb();
const db = () => t.current.db;
const key = testCourierKey;
const run = { deps: { retry: { attempts: 2, baseMs: 1, maxMs: 5 }, timeoutMs: 5_000 } };
const auto = { key, run };

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
let autoShopId: string;
let manualShopId: string;

async function shop(id: string, autoShip: boolean, defaultCourierAccountId?: string) {
  const { shopId, warehouseId } = await seedShop(db(), id);
  await saveShop(db(), null, {
    id: shopId,
    name: `自动发货 ${id}`,
    platform: "tmall",
    defaultWarehouseId: warehouseId,
    autoShip,
    afterSalesDays: 7,
    active: true,
    ...(defaultCourierAccountId ? { defaultCourierAccountId } : {}),
  });
  return shopId;
}

beforeAll(async () => {
  sandbox = await startTestSandbox(["sf", "zto"]);
  // The example freight templates belong to sandbox-sf and sandbox-zto: assignment quotes both.
  await createSandboxAccount(db(), key, sandbox.origin, "sandbox-sf", "sf");
  await createSandboxAccount(db(), key, sandbox.origin, "sandbox-zto", "zto");
  await createSandboxAccount(db(), key, sandbox.origin, "no-freight", "sf");
  for (const set of exampleRegionSets) await upsertRegionSetRow(db(), set);
  for (const tpl of exampleTemplates) {
    if (tpl.courierAccountId === "sandbox-sf" || tpl.courierAccountId === "sandbox-zto") {
      await upsertTemplateRow(db(), tpl, true);
    }
  }
  autoShopId = await shop("auto-shop", true, "no-freight");
  manualShopId = await shop("manual-shop", false, "no-freight");
});
afterAll(() => sandbox.close());

/** Packs the order's parcel at the pack station (every item scanned) with this weight. */
async function pack(orderId: number, weightG = 1200) {
  const order = await getOrder(db(), orderId);
  const parcelId = order.parcels[0]!.id;
  const scans: Record<string, number> = {};
  for (const item of order.items) {
    const code = item.barcode ?? item.sku;
    scans[code] = (scans[code] ?? 0) + item.quantity;
  }
  await packParcel(
    db(),
    testActor,
    { id: parcelId, weightG, lengthMm: 300, widthMm: 200, heightMm: 150, scans },
    auto,
  );
  return parcelId;
}

async function queueRow(parcelId: number, status: "PACKED" | "LABELLED" | "AWAITING_PACK") {
  const { items } = await listQueue(db(), { status, q: `P${parcelId}`, limit: 10 });
  return items.find((i) => i.id === parcelId);
}

const itemsOf = (parcelId: number) =>
  db().select().from(waybillBatchItems).where(eq(waybillBatchItems.shipmentId, parcelId));

describe("auto-shipping", () => {
  it("assigns a paid order's parcel, then issues its waybill when packed: the order is LABELLED", async () => {
    // The REST API's path: resolveOrderInput + upsertOrder.
    const orderId = await createTestOrder(db(), autoShopId);
    const parcelId = (await getOrder(db(), orderId)).parcels[0]!.id;

    const assigned = await parcelRow(db(), parcelId);
    expect(assigned.status).toBe("AWAITING_PACK");
    expect(["sandbox-sf", "sandbox-zto"]).toContain(assigned.assignedAccountId);
    const result = assigned.assignment as AssignmentResult;
    expect(result.chosen?.accountId).toBe(assigned.assignedAccountId);
    expect(result.explanation.zh.length).toBeGreaterThan(0);
    // Estimated from the catalogue: 2 × 520 g.
    expect(result.chosen?.quote.actualWeightG ?? 1040).toBe(1040);
    const awaiting = await queueRow(parcelId, "AWAITING_PACK");
    expect(awaiting?.assignment).toMatchObject({
      account: { id: assigned.assignedAccountId },
      overridden: false,
      explanation: result.explanation,
    });

    await pack(orderId);
    const labelled = await parcelRow(db(), parcelId);
    expect(labelled.status).toBe("LABELLED");
    const courier = labelled.assignedAccountId === "sandbox-sf" ? "sf" : "zto";
    expect(labelled.trackingNo).toBe(
      sandbox.states.get(courier)!.waybills.get(courierOrderId(parcelId, 0))?.trackingNo,
    );
    expect((await getOrder(db(), orderId)).status).toBe("LABELLED");
    const [w] = await db()
      .select()
      .from(waybills)
      .where(and(eq(waybills.shipmentId, parcelId), eq(waybills.status, "active")));
    expect(w?.accountId).toBe(labelled.assignedAccountId);

    // A duplicate job or a sweep changes nothing: one waybill per parcel.
    await runAutoShip(db(), key, [parcelId], run);
    expect(await sweepCandidates(db())).not.toContain(parcelId);
    const all = await db().select().from(waybills).where(eq(waybills.shipmentId, parcelId));
    expect(all).toHaveLength(1);
    expect(await itemsOf(parcelId)).toHaveLength(1);
  });

  it("leaves shops without auto-shipping alone", async () => {
    const orderId = await createTestOrder(db(), manualShopId);
    const parcelId = (await getOrder(db(), orderId)).parcels[0]!.id;
    expect((await parcelRow(db(), parcelId)).assignment).toBeNull();
    await pack(orderId);
    expect((await parcelRow(db(), parcelId)).status).toBe("PACKED");
    expect(await itemsOf(parcelId)).toHaveLength(0);
  });

  it("a courier that refuses lands in the queue with its reason and is retried only after a backoff", async () => {
    const orderId = await createTestOrder(db(), autoShopId, {
      // The sandbox refuses addresses marked 超区 (out of its delivery area).
      recipient: {
        name: "李四",
        mobile: "13912345678",
        address: "浙江省杭州市西湖区文三路100号超区",
      },
    });
    // Only SF's sandbox knows 超区: a person sends this one with SF (not re-assigned at packing).
    const before = (await getOrder(db(), orderId)).parcels[0]!.id;
    await overrideAssignment(
      db(),
      { userId: null },
      {
        parcelId: before,
        accountId: "sandbox-sf",
        reason: "买家指定顺丰",
      },
    );
    const parcelId = await pack(orderId);
    const parcel = await parcelRow(db(), parcelId);
    expect(parcel).toMatchObject({ status: "PACKED", assignedAccountId: "sandbox-sf" });
    const row = await queueRow(parcelId, "PACKED");
    expect(row?.assignment).toMatchObject({
      account: { id: "sandbox-sf" },
      overridden: true,
      overrideReason: "买家指定顺丰",
    });
    expect(row?.lastFailure).toMatchObject({ kind: "UNSERVICEABLE" });
    expect(row?.lastFailure?.error.length).toBeGreaterThan(0);

    // Not picked up again right away…
    expect(await sweepCandidates(db())).not.toContain(parcelId);
    // …but after the backoff (10 min after one failure), it is.
    await db()
      .update(waybillBatchItems)
      .set({ updatedAt: sql`now() - interval '11 minutes'` })
      .where(eq(waybillBatchItems.shipmentId, parcelId));
    expect(await sweepCandidates(db())).toContain(parcelId);
  });

  it("no courier matched: a failed item with assignment's explanation, shown in the queue", async () => {
    const orderId = await createTestOrder(db(), autoShopId);
    // 80 kg: over every express network's limit.
    const parcelId = await pack(orderId, 80_000);
    const parcel = await parcelRow(db(), parcelId);
    expect(parcel.status).toBe("PACKED");
    expect(parcel.assignedAccountId).toBeNull();
    const [item] = await itemsOf(parcelId);
    expect(item).toMatchObject({ status: "failed", errorKind: "NO_COURIER", accountId: null });
    expect(item?.error).toContain((parcel.assignment as AssignmentResult).explanation.en);
    const row = await queueRow(parcelId, "PACKED");
    expect(row?.lastFailure).toMatchObject({ kind: "NO_COURIER" });
    expect(row?.assignment).toMatchObject({ account: null });
    expect(await sweepCandidates(db())).not.toContain(parcelId);

    // Re-weighed at 1.2 kg: "retry" assigns it again and issues on the courier found now.
    await db().update(shipments).set({ weightG: 1200 }).where(eq(shipments.id, parcelId));
    const { caller } = await callerAs(db(), "warehouse");
    const { retried } = await caller.waybills.retry({
      batchId: item!.batchId,
      parcelIds: [parcelId],
    });
    expect(retried).toBe(1);
    const after = await parcelRow(db(), parcelId);
    expect(after.status).toBe("LABELLED");
    expect(["sandbox-sf", "sandbox-zto"]).toContain(after.assignedAccountId);
    expect((await queueRow(parcelId, "LABELLED"))?.lastFailure).toBeNull();
  });
});

describe("batch waybills use the assignment by default", () => {
  it("assigns unassigned parcels first and issues on the chosen account, not the shop default", async () => {
    const parcelId = await packedParcel(db(), manualShopId);
    expect((await parcelRow(db(), parcelId)).assignedAccountId).toBeNull();
    const { caller } = await callerAs(db(), "warehouse");
    const { batchId } = await caller.waybills.issue({ parcelIds: [parcelId] });
    const parcel = await parcelRow(db(), parcelId);
    expect(["sandbox-sf", "sandbox-zto"]).toContain(parcel.assignedAccountId);
    const status = await caller.waybills.batch({ batchId });
    expect(status.items[0]).toMatchObject({
      status: "issued",
      accountId: parcel.assignedAccountId,
      trackingNo: parcel.trackingNo,
    });
  });

  it("the batch's own account still wins over the assignment", async () => {
    const parcelId = await packedParcel(db(), manualShopId);
    const { caller } = await callerAs(db(), "warehouse");
    const { batchId } = await caller.waybills.issue({
      parcelIds: [parcelId],
      accountId: "no-freight",
    });
    const status = await caller.waybills.batch({ batchId });
    expect(status.items[0]).toMatchObject({ status: "issued", accountId: "no-freight" });
  });
});
