import { describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing/test-db";
import { insertOrderGraphs } from "./bulk";
import { listOrders, orderPageQuery } from "./list";
import type { NewOrder } from "./queries";
import { listFilter, type ListFilter } from "./schemas";
import { seedShop } from "./testing";

const t = withTestDb();
const db = () => t.current.db;

const ORDERS = 3000;

/** `ORDERS` orders paid over a month in scrambled order, a tenth of them cancelled. */
async function seedOrders() {
  const { shopId, warehouseId } = await seedShop(db());
  const start = Date.parse("2026-10-24T00:00:00Z");
  const all: NewOrder[] = [];
  for (let i = 0; i < ORDERS; i++) {
    all.push({
      shopId,
      platformOrderNo: `L${i}`,
      source: "import",
      warehouseId,
      // Several orders share a paid time, so the id breaks ties within a page and across pages.
      paidAt: new Date(start + ((i * 7919) % 997) * 2_600_000),
      recipientName: `张${i % 50}`,
      recipientMobile: `1380013${String(i).padStart(4, "0")}`,
      recipientMobileExt: null,
      provinceCode: "330000",
      cityCode: "330100",
      countyCode: "330106",
      regionText: "浙江省 杭州市 西湖区",
      addressDetail: `文三路${i}号`,
      buyerRemark: null,
      sellerRemark: null,
      importBatchId: null,
      items: [
        {
          sku: "MT-BEAN-500",
          name: "意式拼配豆",
          barcode: null,
          quantity: 1,
          unitPriceFen: 8800,
          weightG: 520,
          lengthMm: null,
          widthMm: null,
          heightMm: null,
          isVirtual: false,
        },
      ],
    });
  }
  for (let i = 0; i < all.length; i += 1000) {
    await db().transaction((tx) => insertOrderGraphs(tx, all.slice(i, i + 1000), "system"));
  }
  await t.current.raw(`update orders set status = 'CANCELLED' where shop_id = $1 and id % 10 = 0`, [
    shopId,
  ]);
  await t.current.raw("analyze orders, shops, warehouses");
  return shopId;
}

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
};
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

async function planOf(f: Partial<ListFilter>): Promise<PlanNode[]> {
  const q = orderPageQuery(db(), listFilter.parse(f)).toSQL();
  const { rows } = await t.current.raw(`explain (format json) ${q.sql}`, q.params);
  const cell = (rows[0] as Record<string, unknown>)["QUERY PLAN"];
  const plan = (typeof cell === "string" ? JSON.parse(cell) : cell) as [{ Plan: PlanNode }];
  return nodes(plan[0].Plan);
}

describe("orders list", () => {
  it("pages through every order exactly once, newest first", async () => {
    const shopId = await seedOrders();
    const seen: { id: number; paidAt: Date }[] = [];
    let cursor: ListFilter["cursor"];
    for (let page = 0; page < 100; page++) {
      const { items, nextCursor } = await listOrders(
        db(),
        listFilter.parse({ shopId, limit: 200, cursor }),
      );
      seen.push(...items.map((o) => ({ id: o.id, paidAt: new Date(o.paidAt) })));
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    expect(seen).toHaveLength(ORDERS);
    expect(new Set(seen.map((o) => o.id)).size).toBe(ORDERS);
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      const newerFirst =
        a.paidAt.getTime() > b.paidAt.getTime() ||
        (a.paidAt.getTime() === b.paidAt.getTime() && a.id > b.id);
      expect(newerFirst).toBe(true);
    }
  });

  it.each([
    ["the first page", {}],
    ["a page deep in the list", { cursor: { paidAt: new Date("2026-11-08T00:00:00Z"), id: 1500 } }],
    ["a status tab", { status: "CANCELLED" as const }],
    [
      "a status tab, deep",
      {
        status: "CANCELLED" as const,
        cursor: { paidAt: new Date("2026-11-08T00:00:00Z"), id: 1500 },
      },
    ],
  ])("reads %s in index order, without sorting the table", async (_, filter) => {
    const plan = await planOf(filter);
    expect(plan.map((n) => n["Node Type"])).not.toContain("Sort");
    expect(
      plan.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "orders"),
    ).toEqual([]);
    const onOrders = plan.filter((n) => n["Index Name"]?.startsWith("orders_"));
    expect(onOrders.map((n) => n["Index Name"])).toEqual([
      expect.stringMatching(/^orders_(status_)?paid_at/),
    ]);
  });

  it.each([
    ["a full phone number", "13800130042", "orders_recipient_mobile_last4_idx"],
    ["the last 4 digits of a phone", "0042", "orders_recipient_mobile_last4_idx"],
    ["a recipient name", "张7", "orders_recipient_name_idx"],
    ["a platform order no", "L42", "orders_platform_order_no_shop_id_key"],
  ])("searches %s through its own index, not by walking the list", async (_, q, index) => {
    const shopId = await seedOrders();
    const plan = await planOf({ q });
    const used = plan.map((n) => n["Index Name"]);
    expect(used).toContain(index);
    expect(used).not.toContain("orders_paid_at_id_idx");
    // A name shared by 1 in 50 orders may well be joined by a scan of this small table.
    if (q !== "张7") {
      expect(
        plan.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "orders"),
      ).toEqual([]);
    }
    const { items } = await listOrders(db(), listFilter.parse({ shopId, q, limit: 200 }));
    expect(items.length).toBeGreaterThan(0);
    if (q !== "张7") expect(items.map((o) => o.platformOrderNo)).toEqual(["L42"]);
    else expect(items).toHaveLength(ORDERS / 50);
  });
});
