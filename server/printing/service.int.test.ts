import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, printBatches, printJobs, shipments, waybills } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { getOrder } from "@/server/orders/service";
import { createTestOrder, seedShop } from "@/server/orders/testing";
import { callerAs } from "@/server/testing/callers";
import { labelledParcel, seedAccount } from "./testing";

const t = withTestDb();
const db = () => t.current.db;

async function waybillState(id: number) {
  const [row] = await db()
    .select({ printedAt: waybills.printedAt, printCount: waybills.printCount })
    .from(waybills)
    .where(eq(waybills.id, id));
  return row!;
}

describe("labels", () => {
  it("builds label views for labelled parcels and reports the others", async () => {
    const { shopId } = await seedShop(db());
    const account = await seedAccount(db(), "sf", "100x150");
    const a = await labelledParcel(db(), shopId, account);
    const unlabelledOrder = await createTestOrder(db(), shopId);
    const unlabelled = (await getOrder(db(), unlabelledOrder)).parcels[0]!.id;
    const { caller } = await callerAs(db(), "warehouse");

    const out = await caller.printing.labels({ parcelIds: [unlabelled, a.parcelId, 99_999_999] });
    expect(out.errors).toEqual([
      { parcelId: unlabelled, code: "NO_WAYBILL" },
      { parcelId: 99_999_999, code: "NOT_FOUND" },
    ]);
    expect(out.labels).toHaveLength(1);
    expect(out.labels[0]).toMatchObject({
      parcelId: a.parcelId,
      waybillId: a.waybillId,
      template: "100x150",
      trackingNo: a.trackingNo,
      sortingCode: "020WA-012",
      packageCenter: "020WA",
      product: "标快",
      secondary: { kind: "qr" },
      courier: { code: "sf", nameZh: "顺丰速运" },
      recipient: {
        name: "张*丰",
        mobile: "138****5678",
        address: "浙江省杭州市西湖区文三路100号",
      },
      sender: { name: "仓管王", mobile: "13900139000" },
      goods: { count: 2 },
      remark: "请放门口",
      weightG: 1200,
      privacy: true,
    });
    expect(out.labels[0]!.sender.address).toContain("文一西路 1500 号");

    const wide = await caller.printing.labels({ parcelIds: [a.parcelId], template: "100x180" });
    expect(wide.labels[0]!.template).toBe("100x180");
  });

  it("prints the full recipient only for roles that may reveal it, and audits it", async () => {
    const { shopId } = await seedShop(db());
    const account = await seedAccount(db());
    const a = await labelledParcel(db(), shopId, account);
    const { caller: warehouse } = await callerAs(db(), "warehouse");
    await expect(
      warehouse.printing.labels({ parcelIds: [a.parcelId], privacy: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const { caller: manager, user } = await callerAs(db(), "manager");
    const out = await manager.printing.labels({ parcelIds: [a.parcelId], privacy: false });
    expect(out.labels[0]!.recipient).toMatchObject({ name: "张三丰", mobile: "13812345678" });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "parcel.reveal"), eq(auditLog.entityId, String(a.parcelId))));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(user.id);
  });
});

describe("recording prints", () => {
  it("stamps the first print, counts every print and requires a reason to reprint", async () => {
    const { shopId } = await seedShop(db());
    const account = await seedAccount(db(), "zto", "76x130");
    const a = await labelledParcel(db(), shopId, account, { courier: "zto", labelData: {} });
    const b = await labelledParcel(db(), shopId, account, { courier: "zto", labelData: {} });
    const { caller, user } = await callerAs(db(), "warehouse");

    const first = await caller.printing.record({ parcelIds: [a.parcelId], template: "76x130" });
    expect(first).toMatchObject({ count: 1, reprinted: 0 });
    const afterFirst = await waybillState(a.waybillId);
    expect(afterFirst.printCount).toBe(1);
    expect(afterFirst.printedAt).toBeInstanceOf(Date);

    // b is new but a was printed: the batch is a reprint, so it needs a reason.
    await expect(
      caller.printing.record({ parcelIds: [a.parcelId, b.parcelId], template: "76x130" }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    await expect(
      caller.printing.record({
        parcelIds: [a.parcelId],
        template: "76x130",
        reprintReason: "   ",
      }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    expect((await waybillState(a.waybillId)).printCount).toBe(1);

    const again = await caller.printing.record({
      parcelIds: [a.parcelId, b.parcelId, a.parcelId],
      template: "76x130",
      reprintReason: "卡纸",
    });
    expect(again).toMatchObject({ count: 2, reprinted: 1 });
    const afterReprint = await waybillState(a.waybillId);
    expect(afterReprint.printCount).toBe(2);
    expect(afterReprint.printedAt).toEqual(afterFirst.printedAt);
    expect((await waybillState(b.waybillId)).printCount).toBe(1);

    const [batch] = await db()
      .select()
      .from(printBatches)
      .where(eq(printBatches.id, again.batchId));
    expect(batch).toMatchObject({
      kind: "label",
      template: "76x130",
      reprintReason: "卡纸",
      count: 2,
      createdBy: user.id,
    });
    const jobs = await db().select().from(printJobs).where(eq(printJobs.batchId, again.batchId));
    expect(jobs.map((j) => j.waybillId).sort()).toEqual([a.waybillId, b.waybillId].sort());

    const audit = await db().select().from(auditLog).where(eq(auditLog.action, "label.reprint"));
    expect(audit.map((e) => e.entityId)).toEqual([String(a.parcelId)]);
    expect(audit[0]!.after).toMatchObject({
      reason: "卡纸",
      printCount: 2,
      batchId: again.batchId,
    });

    const history = await caller.printing.history({ kind: "label", parcelId: a.parcelId });
    expect(history.items.map((h) => [h.reprintReason, h.count, h.createdByName])).toEqual([
      ["卡纸", 2, user.name],
      [null, 1, user.name],
    ]);
    expect(history.items[0]!.parcels.map((p) => p.trackingNo).sort()).toEqual(
      [a.trackingNo, b.trackingNo].sort(),
    );
  });

  it("refuses parcels without a waybill or cancelled, and roles that do not ship", async () => {
    const { shopId } = await seedShop(db());
    const orderId = await createTestOrder(db(), shopId);
    const parcelId = (await getOrder(db(), orderId)).parcels[0]!.id;
    const { caller } = await callerAs(db(), "warehouse");
    await expect(
      caller.printing.record({ parcelIds: [parcelId], template: "100x180" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      caller.printing.record({ parcelIds: [parcelId], template: "A4" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const account = await seedAccount(db());
    const cancelled = await labelledParcel(db(), shopId, account);
    await db()
      .update(shipments)
      .set({ status: "CANCELLED" })
      .where(eq(shipments.id, cancelled.parcelId));
    await expect(
      caller.printing.record({ parcelIds: [cancelled.parcelId], template: "100x150" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const { caller: cs } = await callerAs(db(), "cs");
    await expect(
      cs.printing.record({ parcelIds: [parcelId], kind: "packing_slip", template: "A4" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("records packing slips on A4 without touching the waybills", async () => {
    const { shopId } = await seedShop(db());
    const account = await seedAccount(db());
    const a = await labelledParcel(db(), shopId, account);
    const { caller } = await callerAs(db(), "warehouse");
    const slips = await caller.printing.packingSlips({ parcelIds: [a.parcelId] });
    expect(slips).toHaveLength(1);
    expect(slips[0]).toMatchObject({
      parcelId: a.parcelId,
      trackingNo: a.trackingNo,
      recipient: { name: "张*丰", mobile: "138****5678" },
      units: 2,
    });
    expect(slips[0]!.recipient.address).not.toContain("100号");
    expect(slips[0]!.orders[0]).toMatchObject({
      buyerRemark: "请放门口",
      lines: [{ sku: "MT-BEAN-500", quantity: 2 }],
    });
    const rec = await caller.printing.record({
      parcelIds: [a.parcelId],
      kind: "packing_slip",
      template: "A4",
    });
    expect(rec.reprinted).toBe(0);
    expect((await waybillState(a.waybillId)).printCount).toBe(0);
  });
});
