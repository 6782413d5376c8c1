import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { shipmentItems } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { getOrder } from "@/server/orders/service";
import { createTestOrder, seedShop, testActor } from "@/server/orders/testing";
import { callerAs } from "@/server/testing/callers";
import { cancelOrder } from "@/server/orders/service";

const t = withTestDb();
const db = () => t.current.db;
const box = { weightG: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 };
const twoLines = [
  {
    sku: "BEAN",
    name: "咖啡豆 500g",
    barcode: "6900000000017",
    quantity: 2,
    unitPriceFen: 8800,
    isVirtual: false,
  },
  {
    sku: "MUG",
    name: "马克杯",
    barcode: "6900000000024",
    quantity: 1,
    unitPriceFen: 3900,
    isVirtual: false,
  },
];

async function parcelOf(orderId: number) {
  return (await getOrder(db(), orderId)).parcels.filter((p) => p.status !== "CANCELLED");
}

/** The lines parcels hold of their own (a parcel without any carries its orders whole). */
async function ownLines(parcelIds: number[]) {
  return db().select().from(shipmentItems).where(inArray(shipmentItems.shipmentId, parcelIds));
}

describe("pack station", () => {
  it("packs a parcel when every item is scanned, and refuses a wrong or missing item", async () => {
    const { shopId } = await seedShop(db());
    const id = await createTestOrder(db(), shopId, { items: twoLines });
    const { caller } = await callerAs(db(), "warehouse");
    const order = await getOrder(db(), id);
    const [found] = await caller.shipping.scan({ code: order.platformOrderNo });
    expect(found!.items.map((i) => [i.barcode, i.quantity])).toEqual([
      ["6900000000017", 2],
      ["6900000000024", 1],
    ]);
    await expect(
      caller.shipping.pack({
        id: found!.id,
        ...box,
        scans: { "6900000000017": 2, "6900000000099": 1 },
      }),
    ).rejects.toThrow(/6900000000024 missing ×1, 6900000000099 extra ×1/);
    expect((await getOrder(db(), id)).status).toBe("AWAITING_SHIPMENT");
    await caller.shipping.pack({
      id: found!.id,
      ...box,
      scans: { "6900000000017": 2, "6900000000024": 1 },
    });
    const packed = await getOrder(db(), id);
    expect(packed.status).toBe("PACKED");
    expect(packed.parcels[0]).toMatchObject({ status: "PACKED", weightG: 1200 });
    expect(packed.events.at(-1)).toMatchObject({
      fromStatus: "AWAITING_SHIPMENT",
      toStatus: "PACKED",
    });
  });

  it("holds a parcel so it cannot be packed, until released", async () => {
    const { shopId } = await seedShop(db());
    const id = await createTestOrder(db(), shopId, { items: [twoLines[1]!] });
    const { caller } = await callerAs(db(), "warehouse");
    const [p] = await parcelOf(id);
    await caller.shipping.hold({ ids: [p!.id], reason: "买家要求改地址" });
    const held = await caller.shipping.queue({ shopId, held: true });
    expect(held.items.map((x) => x.id)).toEqual([p!.id]);
    await expect(
      caller.shipping.pack({ id: p!.id, ...box, scans: { "6900000000024": 1 } }),
    ).rejects.toThrow(/on hold/);
    await caller.shipping.release({ ids: [p!.id] });
    await caller.shipping.pack({ id: p!.id, ...box, scans: { "6900000000024": 1 } });
    expect((await getOrder(db(), id)).status).toBe("PACKED");
  });
});

describe("split and merge", () => {
  it("splits a parcel; the order follows its least advanced parcel", async () => {
    const { shopId } = await seedShop(db());
    const id = await createTestOrder(db(), shopId, { items: twoLines });
    const { caller } = await callerAs(db(), "warehouse");
    const [p] = await caller.shipping.scan({ code: String(id) });
    const [bean, mug] = p!.items;
    const { parcels } = await caller.shipping.split({
      id: p!.id,
      parts: [
        [{ orderItemId: bean!.orderItemId, quantity: 1 }],
        [
          { orderItemId: bean!.orderItemId, quantity: 1 },
          { orderItemId: mug!.orderItemId, quantity: 1 },
        ],
      ],
    });
    expect(parcels).toHaveLength(2);
    await caller.shipping.pack({ id: parcels[0]!, ...box, scans: { "6900000000017": 1 } });
    expect((await getOrder(db(), id)).status).toBe("AWAITING_SHIPMENT");
    await caller.shipping.pack({
      id: parcels[1]!,
      ...box,
      scans: { "6900000000017": 1, "6900000000024": 1 },
    });
    expect((await getOrder(db(), id)).status).toBe("PACKED");
    await expect(
      caller.shipping.split({
        id: parcels[0]!,
        parts: [[{ orderItemId: bean!.orderItemId, quantity: 1 }], []],
      }),
    ).rejects.toThrow();
  });

  it("suggests and merges parcels of the same recipient and address, refusing another recipient", async () => {
    const { shopId, warehouseId } = await seedShop(db());
    const a = await createTestOrder(db(), shopId, { items: [twoLines[0]!] });
    const b = await createTestOrder(db(), shopId, {
      items: [twoLines[1]!],
      recipient: {
        name: "张三",
        mobile: "13800138000",
        address: "浙江省 杭州市 西湖区 文三路 100 号",
      },
    });
    const other = await createTestOrder(db(), shopId, {
      recipient: { name: "李四", mobile: "13900139000", address: "浙江省杭州市西湖区文三路100号" },
    });
    const { caller } = await callerAs(db(), "warehouse");
    const [pa] = await parcelOf(a);
    const [pb] = await parcelOf(b);
    const [po] = await parcelOf(other);
    const groups = await caller.shipping.mergeCandidates({ warehouseId });
    expect(groups).toContainEqual({ warehouseId, ids: [pa!.id, pb!.id] });
    await expect(caller.shipping.merge({ ids: [pa!.id, po!.id] })).rejects.toThrow(
      /another recipient/,
    );
    const merged = await caller.shipping.merge({ ids: [pa!.id, pb!.id] });
    expect(merged).toEqual({ id: pa!.id, merged: [pb!.id] });
    const [scanned] = await caller.shipping.scan({ code: String(b) });
    expect(scanned!.id).toBe(pa!.id);
    expect(scanned!.orders.map((o) => o.id).sort()).toEqual([a, b].sort());

    const pick = await caller.shipping.pickList({ ids: [pa!.id, po!.id] });
    expect(pick.lines.map((l) => [l.sku, l.quantity, l.parcelCount])).toEqual([
      ["BEAN", 2, 1],
      ["MT-BEAN-500", 2, 1],
      ["MUG", 1, 1],
    ]);

    await cancelOrder(db(), testActor, b, "买家取消");
    const [left] = await caller.shipping.scan({ code: String(a) });
    expect(left!.items.map((i) => i.sku)).toEqual(["BEAN"]);
    await caller.shipping.pack({ id: pa!.id, ...box, scans: { "6900000000017": 2 } });
    expect((await getOrder(db(), a)).status).toBe("PACKED");
    expect((await getOrder(db(), b)).status).toBe("CANCELLED");
  });

  it("merges a split part with a parcel carrying its order whole: the merged parcel carries both", async () => {
    const { shopId } = await seedShop(db());
    const a = await createTestOrder(db(), shopId, { items: twoLines });
    const b = await createTestOrder(db(), shopId, { items: [twoLines[1]!] });
    const { caller } = await callerAs(db(), "warehouse");
    const [pa] = await caller.shipping.scan({ code: String(a) });
    const [pb] = await parcelOf(b);
    // Made with their orders, both parcels carry them whole without lines of their own.
    expect(await ownLines([pa!.id, pb!.id])).toEqual([]);
    expect(pa!.items.map((i) => [i.sku, i.quantity])).toEqual([
      ["BEAN", 2],
      ["MUG", 1],
    ]);
    const [bean, mug] = pa!.items;
    const { parcels } = await caller.shipping.split({
      id: pa!.id,
      parts: [
        [{ orderItemId: bean!.orderItemId, quantity: 1 }],
        [
          { orderItemId: bean!.orderItemId, quantity: 1 },
          { orderItemId: mug!.orderItemId, quantity: 1 },
        ],
      ],
    });
    const merged = await caller.shipping.merge({ ids: [parcels[1]!, pb!.id] });
    const [target] = await caller.shipping.scan({ code: String(b) });
    expect(target!.id).toBe(merged.id);
    const carried = target!.items.map((i) => [i.orderId, i.sku, i.quantity]);
    expect(carried.sort()).toEqual(
      [
        [a, "BEAN", 1],
        [a, "MUG", 1],
        [b, "MUG", 1],
      ].sort(),
    );
    expect(await ownLines([merged.id])).toHaveLength(3);
    await caller.shipping.pack({
      id: merged.id,
      ...box,
      scans: { "6900000000017": 1, "6900000000024": 2 },
    });
    // The other part of order a still carries its one bean.
    const rest = (await caller.shipping.scan({ code: String(a) })).find((p) => p.id === parcels[0]);
    expect(rest?.items.map((i) => [i.sku, i.quantity])).toEqual([["BEAN", 1]]);
  });
});
