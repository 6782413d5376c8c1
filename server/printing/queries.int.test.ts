import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { shipments } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { seedShop } from "@/server/orders/testing";
import { callerAs } from "@/server/testing/callers";
import { listPrintable } from "./queries";
import { labelledParcel, seedAccount } from "./testing";

const t = withTestDb();
const db = () => t.current.db;

describe("printable list", () => {
  it("splits labelled parcels into not printed and printed, newest waybill first", async () => {
    const { shopId, warehouseId } = await seedShop(db());
    const account = await seedAccount(db(), "sf", "100x180");
    const base = Date.parse("2026-11-24T10:00:00+08:00");
    const parcels: Awaited<ReturnType<typeof labelledParcel>>[] = [];
    for (let i = 0; i < 5; i += 1) {
      parcels.push(
        await labelledParcel(db(), shopId, account, { issuedAt: new Date(base + i * 60_000) }),
      );
    }
    const { caller } = await callerAs(db(), "warehouse");
    await caller.printing.record({ parcelIds: [parcels[1]!.parcelId], template: "100x180" });

    const notPrinted = await caller.printing.printable({ warehouseId });
    expect(notPrinted.items.map((p) => p.parcelId)).toEqual(
      [4, 3, 2, 0].map((i) => parcels[i]!.parcelId),
    );
    expect(notPrinted.items[0]).toMatchObject({
      trackingNo: parcels[4]!.trackingNo,
      accountId: account,
      template: "100x180",
      courierName: { zh: "顺丰速运", en: "SF Express" },
      recipientName: "张*丰",
      recipientMobile: "138****5678",
      printedAt: null,
      printCount: 0,
      units: 2,
      parcelStatus: "LABELLED",
    });
    expect(notPrinted.items[0]!.orders[0]!.shopName).toContain(shopId);

    const printed = await caller.printing.printable({ warehouseId, printed: true });
    expect(printed.items.map((p) => [p.parcelId, p.printCount])).toEqual([
      [parcels[1]!.parcelId, 1],
    ]);
    expect(printed.items[0]!.printedAt).toBeInstanceOf(Date);
  });

  it("pages by keyset without gaps or repeats, and finds a parcel by tracking number", async () => {
    const { shopId, warehouseId } = await seedShop(db());
    const account = await seedAccount(db());
    // Same issue time for all: the id breaks the tie, so no row is skipped or repeated.
    const issuedAt = new Date("2026-11-24T12:00:00+08:00");
    const parcels: Awaited<ReturnType<typeof labelledParcel>>[] = [];
    for (let i = 0; i < 5; i += 1) {
      parcels.push(await labelledParcel(db(), shopId, account, { issuedAt }));
    }
    const seen: number[] = [];
    let cursor: { issuedAt: Date; id: number } | undefined;
    do {
      const page = await listPrintable(db(), { printed: false, warehouseId, limit: 2, cursor });
      seen.push(...page.items.map((p) => p.parcelId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(parcels.map((p) => p.parcelId).reverse());

    const found = await listPrintable(db(), {
      printed: false,
      q: parcels[2]!.trackingNo,
      limit: 10,
    });
    expect(found.items.map((p) => p.parcelId)).toEqual([parcels[2]!.parcelId]);
    const byCode = await listPrintable(db(), {
      printed: false,
      q: `p${parcels[3]!.parcelId}`,
      limit: 10,
    });
    expect(byCode.items.map((p) => p.parcelId)).toEqual([parcels[3]!.parcelId]);
  });

  it("the shipping queue shows waybills issued but not printed, and marks the printed ones", async () => {
    const { shopId, warehouseId } = await seedShop(db());
    const account = await seedAccount(db(), "zto", "76x130");
    const a = await labelledParcel(db(), shopId, account);
    const b = await labelledParcel(db(), shopId, account);
    const { caller } = await callerAs(db(), "warehouse");
    await caller.printing.record({ parcelIds: [a.parcelId], template: "76x130" });

    const unprinted = await caller.shipping.queue({
      status: "LABELLED",
      printed: false,
      warehouseId,
    });
    expect(unprinted.items.map((p) => p.id)).toEqual([b.parcelId]);
    expect(unprinted.items[0]!.printedAt).toBeNull();
    const printed = await caller.shipping.queue({ status: "LABELLED", printed: true, warehouseId });
    expect(printed.items.map((p) => p.id)).toEqual([a.parcelId]);
    expect(printed.items[0]!.printedAt).toBeInstanceOf(Date);
    const all = await caller.shipping.queue({ status: "LABELLED", warehouseId });
    expect(all.items.map((p) => p.id).sort()).toEqual([a.parcelId, b.parcelId].sort());
  });

  it("leaves out cancelled parcels", async () => {
    const { shopId, warehouseId } = await seedShop(db());
    const account = await seedAccount(db());
    const a = await labelledParcel(db(), shopId, account);
    const b = await labelledParcel(db(), shopId, account);
    // Arranged directly: cancelling a labelled parcel is the issuance side's (cancel the waybill).
    await db().update(shipments).set({ status: "CANCELLED" }).where(eq(shipments.id, b.parcelId));
    const list = await listPrintable(db(), { printed: false, warehouseId, limit: 10 });
    expect(list.items.map((p) => p.parcelId)).toEqual([a.parcelId]);
  });
});
