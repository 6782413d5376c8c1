import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders, shipments } from "@/db/schema";
import { resultRows, sqlState } from "@/db/client";
import { foreignKeyViolations } from "@/db/testing/foreign-keys";
import { withTestDb } from "@/db/testing/test-db";
import {
  insertNewOrderGraphs,
  insertOrderGraphs,
  isUniqueViolation,
  SET_CHECK_MIN_ORDERS,
} from "./bulk";
import { resolveOrderInput } from "./service";
import { orderInputFor, seedShop } from "./testing";

const t = withTestDb();
const db = () => t.current.db;

async function newOrders(shopId: string, nos: string[]) {
  return Promise.all(
    nos.map((no) =>
      resolveOrderInput(db(), orderInputFor(shopId, { platformOrderNo: no }), "import"),
    ),
  );
}

const count = async (shopId: string) => {
  const [o] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(eq(orders.shopId, shopId));
  const [s] = await db()
    .select({ n: sql<number>`count(distinct ${shipments.id})::int` })
    .from(shipments)
    .innerJoin(sql`shipment_orders so`, sql`so.shipment_id = ${shipments.id}`)
    .innerJoin(orders, sql`${orders.id} = so.order_id`)
    .where(eq(orders.shopId, shopId));
  return { orders: Number(o!.n), parcels: Number(s!.n) };
};

describe("insertOrderGraphs", () => {
  it("skips orders that exist by default, and fails on them when told they were checked absent", async () => {
    const { shopId } = await seedShop(db());
    const [first] = await newOrders(shopId, ["B-1"]);
    await db().transaction((tx) => insertOrderGraphs(tx, [first!], "import:1"));
    const again = await newOrders(shopId, ["B-1", "B-2"]);
    const error = await db()
      .transaction((tx) => insertOrderGraphs(tx, again, "import:2", { existing: "fail" }))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(error)).toBe(true);
    // Nothing of the failed statement was written.
    expect(await count(shopId)).toEqual({ orders: 1, parcels: 1 });
    const ids = await db().transaction((tx) => insertOrderGraphs(tx, again, "import:2"));
    expect(ids[0]).toBeNull();
    expect(ids[1]).toEqual(expect.any(Number));
    expect(await count(shopId)).toEqual({ orders: 2, parcels: 2 });
  });
});

describe("insertNewOrderGraphs", () => {
  it("inserts orders checked absent, and skips one that arrived meanwhile", async () => {
    const { shopId } = await seedShop(db());
    const first = await newOrders(shopId, ["N-1", "N-2"]);
    const fresh = await db().transaction((tx) => insertNewOrderGraphs(tx, first, "import:1"));
    expect(fresh).toEqual([expect.any(Number), expect.any(Number)]);
    // N-3 arrives (say through the API) between the import's check and its insert.
    const [racing] = await newOrders(shopId, ["N-3"]);
    await db().transaction((tx) => insertOrderGraphs(tx, [racing!], "api:k"));
    const second = await newOrders(shopId, ["N-3", "N-4"]);
    const ids = await db().transaction((tx) => insertNewOrderGraphs(tx, second, "import:2"));
    expect(ids[0]).toBeNull();
    expect(ids[1]).toEqual(expect.any(Number));
    expect(await count(shopId)).toEqual({ orders: 4, parcels: 4 });
    const [kept] = await db()
      .select({ createdBy: orders.createdBy })
      .from(orders)
      .where(and(eq(orders.shopId, shopId), eq(orders.platformOrderNo, "N-3")));
    expect(kept).toEqual({ createdBy: "api:k" });
  });

  it("passes on errors other than an order that exists", async () => {
    const { shopId } = await seedShop(db());
    const [order] = await newOrders(shopId, ["E-1"]);
    const broken = { ...order!, warehouseId: "no-such-warehouse" };
    await expect(
      db().transaction((tx) => insertNewOrderGraphs(tx, [broken], "import:1")),
    ).rejects.toSatisfy((e: unknown) => !isUniqueViolation(e));
    expect(await count(shopId)).toEqual({ orders: 0, parcels: 0 });
  });
});

/** Every table the statement writes. */
const GRAPH_TABLES = ["orders", "order_items", "shipments", "shipment_orders"];

describe("foreign keys checked as a set", () => {
  it("writes a batch whose every reference holds, and the tables have no triggers it would skip", async () => {
    const { shopId } = await seedShop(db());
    const nos = Array.from({ length: SET_CHECK_MIN_ORDERS + 10 }, (_, i) => `S-${i}`);
    const input = await newOrders(shopId, nos);
    // Some orders with two lines, so items are more than one per order.
    input.forEach((o, i) => {
      if (i % 3 === 0) o.items = [...o.items, { ...o.items[0]!, sku: `${o.items[0]!.sku}-B` }];
    });
    const ids = await db().transaction((tx) => insertOrderGraphs(tx, input, "import:9"));
    expect(ids.every((id) => typeof id === "number")).toBe(true);
    expect(await count(shopId)).toEqual({ orders: nos.length, parcels: nos.length });
    const violations = await foreignKeyViolations(db(), GRAPH_TABLES);
    // orders → shops, warehouses; items → orders; parcels → warehouses, users; links.
    expect(violations.length).toBeGreaterThanOrEqual(7);
    expect(violations.filter((v) => v.orphans > 0)).toEqual([]);
    const triggers = resultRows<{ name: string }>(
      await db().execute(sql`select tgname as name from pg_trigger
        where not tgisinternal and tgrelid::regclass::text = any(${`{${GRAPH_TABLES.join(",")}}`}::text[])`),
    );
    expect(triggers).toEqual([]);
  });

  it("reports a missing warehouse as a foreign key violation and writes nothing", async () => {
    const { shopId } = await seedShop(db());
    const nos = Array.from({ length: SET_CHECK_MIN_ORDERS }, (_, i) => `W-${i}`);
    const input = await newOrders(shopId, nos);
    input[7] = { ...input[7]!, warehouseId: "no-such-warehouse" };
    const error = await db()
      .transaction((tx) => insertOrderGraphs(tx, input, "import:1", { references: "set" }))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(sqlState(error)).toBe("23503");
    expect(await count(shopId)).toEqual({ orders: 0, parcels: 0 });
  });
});
