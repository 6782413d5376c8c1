import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, orders, shipments } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { DomainError } from "@/server/errors";
import { callerAs } from "@/server/testing/callers";
import { cancelOrder, getOrder, resolveOrderInput, upsertOrder } from "./service";
import { createTestOrder, orderInputFor, seedShop, testActor } from "./testing";

const t = withTestDb();
const db = () => t.current.db;

describe("orders", () => {
  it("creates a physical order awaiting shipment with one parcel and its history", async () => {
    const { shopId } = await seedShop(db());
    const id = await createTestOrder(db(), shopId);
    const order = await getOrder(db(), id);
    expect(order).toMatchObject({
      status: "AWAITING_SHIPMENT",
      provinceCode: "330000",
      cityCode: "330100",
      countyCode: "330106",
      regionText: "浙江省 杭州市 西湖区",
      addressDetail: "文三路100号",
      totalFen: 17600,
    });
    expect(order.parcels).toHaveLength(1);
    expect(order.parcels[0]!.status).toBe("AWAITING_PACK");
    expect(order.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      ["PAID", "AWAITING_SHIPMENT"],
    ]);
  });

  it("completes a virtual-only order at once, with no parcel", async () => {
    const { shopId } = await seedShop(db());
    const id = await createTestOrder(db(), shopId, {
      items: [
        {
          sku: "GIFT-100",
          name: "电子礼品卡 100元",
          quantity: 1,
          unitPriceFen: 10000,
          isVirtual: true,
        },
      ],
    });
    const order = await getOrder(db(), id);
    expect(order.status).toBe("COMPLETED");
    expect(order.parcels).toEqual([]);
  });

  it("ships only the physical items of a mixed order", async () => {
    const { shopId } = await seedShop(db());
    const id = await createTestOrder(db(), shopId, {
      items: [
        { sku: "BEAN", name: "咖啡豆", quantity: 1, unitPriceFen: 100, isVirtual: false },
        { sku: "CARD", name: "会员卡", quantity: 1, unitPriceFen: 100, isVirtual: true },
      ],
    });
    const order = await getOrder(db(), id);
    const { caller } = await callerAs(db(), "warehouse");
    const queue = await caller.shipping.queue({ shopId });
    const parcel = queue.items.find((p) => p.id === order.parcels[0]!.id)!;
    expect(parcel.items.map((i) => i.sku)).toEqual(["BEAN"]);
  });

  it("upserts by shop and platform order no: same again is a no-op, a change before packing applies", async () => {
    const { shopId } = await seedShop(db());
    const input = orderInputFor(shopId);
    const first = await upsertOrder(db(), testActor, await resolveOrderInput(db(), input, "api"));
    const again = await upsertOrder(db(), testActor, await resolveOrderInput(db(), input, "api"));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const changed = {
      ...input,
      recipient: { ...input.recipient, address: "浙江省杭州市余杭区文一西路969号" },
    };
    const updated = await upsertOrder(
      db(),
      testActor,
      await resolveOrderInput(db(), changed, "api"),
    );
    expect(updated).toEqual({ id: first.id, created: false });
    const order = await getOrder(db(), first.id);
    expect(order.countyCode).toBe("330110");
    expect(order.parcels).toHaveLength(1);
  });

  it("refuses a change once the parcel is packed", async () => {
    const { shopId } = await seedShop(db());
    const input = orderInputFor(shopId);
    const { id } = await upsertOrder(db(), testActor, await resolveOrderInput(db(), input, "api"));
    const order = await getOrder(db(), id);
    await db()
      .update(shipments)
      .set({ status: "PACKED", packedAt: new Date() })
      .where(eq(shipments.id, order.parcels[0]!.id));
    const changed = { ...input, items: [{ ...input.items[0]!, quantity: 5 }] };
    await expect(
      upsertOrder(db(), testActor, await resolveOrderInput(db(), changed, "api")),
    ).rejects.toThrow(/no longer accepted/);
  });

  it("reports an unknown region as a field error", async () => {
    const { shopId } = await seedShop(db());
    const input = orderInputFor(shopId, {
      recipient: { name: "李四", mobile: "13900000000", address: "火星省奥林匹斯市1号" },
    });
    const err = await resolveOrderInput(db(), input, "api").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).details.fields).toHaveProperty(["recipient.address"]);
  });

  it("cancels an open order with its parcel, and refuses once shipped", async () => {
    const { shopId } = await seedShop(db());
    const id = await createTestOrder(db(), shopId);
    await cancelOrder(db(), testActor, id, "买家申请退款");
    const order = await getOrder(db(), id);
    expect(order.status).toBe("CANCELLED");
    expect(order.cancelReason).toBe("买家申请退款");
    expect(order.parcels[0]!.status).toBe("CANCELLED");
    expect(await cancelOrder(db(), testActor, id, "again")).toEqual({ id, changed: false });

    const shipped = await createTestOrder(db(), shopId);
    await db().update(orders).set({ status: "SHIPPED" }).where(eq(orders.id, shipped));
    await expect(cancelOrder(db(), testActor, shipped, "late")).rejects.toThrow(
      /left the warehouse/,
    );
  });
});

describe("orders list and detail", () => {
  it("finds orders by platform no, name, phone and last 4 digits, paging by keyset without gaps", async () => {
    const { shopId } = await seedShop(db());
    const ids: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      ids.push(
        await createTestOrder(db(), shopId, {
          paidAt: `2026-11-2${i}T10:00:00+08:00`,
          recipient: {
            name: `王${i}`,
            mobile: `1380013${String(i).padStart(4, "0")}`,
            address: "北京市朝阳区建国路1号",
          },
        }),
      );
    }
    const { caller } = await callerAs(db(), "cs");
    const seen: number[] = [];
    let cursor: { paidAt: Date; id: number } | undefined;
    do {
      const page = await caller.orders.list({ shopId, limit: 3, cursor });
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const byName = await caller.orders.list({ shopId, q: "王3" });
    expect(byName.items.map((o) => o.id)).toEqual([ids[3]]);
    const byLast4 = await caller.orders.list({ shopId, q: "0005" });
    expect(byLast4.items.map((o) => o.id)).toEqual([ids[5]]);
    // Another number ending in the same 4 digits: found by those, not by the full number.
    const sameLast4 = await createTestOrder(db(), shopId, {
      paidAt: "2026-11-19T10:00:00+08:00",
      recipient: { name: "赵六", mobile: "13900130006", address: "上海市浦东新区世纪大道2号" },
    });
    const byPhone = await caller.orders.list({ shopId, q: "13800130006" });
    expect(byPhone.items.map((o) => o.id)).toEqual([ids[6]]);
    const byShared4 = await caller.orders.list({ shopId, q: "0006" });
    expect(byShared4.items.map((o) => o.id)).toEqual([ids[6], sameLast4]);
    expect(byPhone.items[0]).toMatchObject({
      recipientMobile: "138****0006",
      recipientName: "王*",
    });
    const beijing = await caller.orders.list({
      shopId,
      provinceCode: "110000",
      status: "AWAITING_SHIPMENT",
    });
    expect(beijing.items).toHaveLength(7);
  });

  it("masks the recipient in the detail and audits a reveal", async () => {
    const { shopId } = await seedShop(db());
    const id = await createTestOrder(db(), shopId);
    const { caller, user } = await callerAs(db(), "cs");
    const detail = await caller.orders.byId({ id });
    expect(detail).toMatchObject({ recipientName: "张*", recipientMobile: "138****8000" });
    const revealed = await caller.orders.reveal({ id });
    expect(revealed.recipientMobile).toBe("13800138000");
    const audit = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(audit.filter((a) => a.action === "order.reveal" && a.actorId === user.id)).toHaveLength(
      1,
    );
    const { caller: warehouse } = await callerAs(db(), "warehouse");
    await expect(warehouse.orders.reveal({ id })).rejects.toThrow();
  });
});
