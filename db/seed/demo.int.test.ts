import { and, count, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  assignmentRules,
  freightTemplates,
  orders,
  shipmentOrders,
  shipments,
  shops,
} from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { testCourierKey } from "@/server/testing/callers";
import { sweepAutoShip } from "@/server/waybills/auto-ship";
import { AUTO_SHIP_DEMO_SHOP, DEMO_ORDER_COUNT, DEMO_PACKED_PARCELS } from "./demo-commerce";
import { seedDemo } from "./demo";

const t = withTestDb();
const db = () => t.current.db;

describe("demo seed", () => {
  it("seeds shops, orders and example freight once, and one auto-shipping shop gets assigned", async () => {
    expect(await seedDemo(db(), testCourierKey)).toBe(true);
    const [orderCount] = await db().select({ n: count() }).from(orders);
    expect(orderCount!.n).toBe(DEMO_ORDER_COUNT);
    const [templates] = await db()
      .select({ n: count() })
      .from(freightTemplates)
      .where(eq(freightTemplates.isExample, true));
    expect(templates!.n).toBeGreaterThanOrEqual(7);
    const rules = await db().select().from(assignmentRules);
    expect(rules.map((r) => [r.action, r.condition])).toEqual([
      [{ kind: "pin", accountIds: ["sandbox-sf"] }, { declaredValueOverFen: 200_000 }],
    ]);
    const autoShops = await db()
      .select({ id: shops.id })
      .from(shops)
      .where(eq(shops.autoShip, true));
    expect(autoShops.map((s) => s.id)).toEqual([AUTO_SHIP_DEMO_SHOP]);

    // Some of the flagship's parcels are packed, with weight and box, so waybills can be issued.
    const packed = await db()
      .select({ weightG: shipments.weightG, lengthMm: shipments.lengthMm })
      .from(shipments)
      .where(eq(shipments.status, "PACKED"));
    expect(packed).toHaveLength(DEMO_PACKED_PARCELS);
    expect(packed.every((p) => p.weightG! > 120 && p.lengthMm! >= 200)).toBe(true);
    const [packedOrders] = await db()
      .select({ n: count() })
      .from(orders)
      .where(and(eq(orders.shopId, "demo-shop"), eq(orders.status, "PACKED")));
    expect(packedOrders!.n).toBe(DEMO_PACKED_PARCELS);

    // A second start writes nothing.
    expect(await seedDemo(db(), testCourierKey)).toBe(false);

    // The minute sweep assigns the auto-shipping shop's parcels (no courier call before packing),
    // from its Guangzhou warehouse too: the examples price from anywhere.
    const swept = await sweepAutoShip(db(), testCourierKey);
    expect(swept.parcels).toBeGreaterThan(0);
    const assigned = await db()
      .selectDistinct({ id: shipments.id, account: shipments.assignedAccountId })
      .from(shipments)
      .innerJoin(shipmentOrders, eq(shipmentOrders.shipmentId, shipments.id))
      .innerJoin(orders, eq(orders.id, shipmentOrders.orderId))
      .where(and(eq(orders.shopId, AUTO_SHIP_DEMO_SHOP), isNotNull(shipments.assignment)));
    expect(assigned.length).toBe(swept.parcels);
    expect(assigned.every((p) => p.account !== null)).toBe(true);
  });
});
