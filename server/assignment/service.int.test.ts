import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, orderItems, orders, shipmentOrders, shipments } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { createAccount } from "@/server/couriers/accounts";
import { sandboxAccounts } from "@/server/couriers/sandbox/accounts";
import { DomainError } from "@/server/errors";
import { exampleRegionSets, exampleTemplates } from "@/server/freight/examples";
import { upsertRegionSetRow, upsertTemplateRow } from "@/server/freight/queries";
import { createTestOrder, seedShop } from "@/server/orders/testing";
import { testCourierKey } from "@/server/testing/callers";
import { loadCandidates, parcelFacts } from "./queries";
import { assignParcels, overrideAssignment, whatIf } from "./service";
import { deleteRule, moveRule, saveRule } from "./settings";
import type { AssignmentResult } from "./types";

const t = withTestDb();
const db = () => t.current.db;
const actor = { userId: null };
let shopId = "";

// The demo's sandbox accounts with the example templates, as the demo seed would have them.
const COURIERS = ["sf", "zto", "yto", "yunda", "jt", "ems", "deppon"] as const;

beforeAll(async () => {
  for (const courier of COURIERS) {
    await createAccount(db(), testCourierKey, null, {
      id: `sandbox-${courier}`,
      courier,
      name: `${courier} 沙箱`,
      environment: "sandbox",
      credentials: sandboxAccounts[courier],
    });
  }
  for (const set of exampleRegionSets) await upsertRegionSetRow(db(), set);
  for (const tpl of exampleTemplates) await upsertTemplateRow(db(), tpl, true);
  ({ shopId } = await seedShop(db()));
});

/** A paid order to 北京市东城区 (the 全国 tier) and its parcel id. */
async function parcelFor(
  opts: { unitPriceFen?: number; attributes?: string[]; preference?: { exclude?: string[] } } = {},
) {
  const orderId = await createTestOrder(db(), shopId, {
    recipient: { name: "李四", mobile: "13800138001", address: "北京市东城区东长安街1号" },
    items: [
      {
        sku: "SKU-1",
        name: "测试商品",
        quantity: 1,
        unitPriceFen: opts.unitPriceFen ?? 5000,
        weightG: 800,
        isVirtual: false,
      },
    ],
  });
  if (opts.attributes) {
    await db()
      .update(orderItems)
      .set({ attributes: opts.attributes })
      .where(eq(orderItems.orderId, orderId));
  }
  if (opts.preference) {
    await db()
      .update(orders)
      .set({ courierPreference: opts.preference })
      .where(eq(orders.id, orderId));
  }
  const [link] = await db()
    .select({ id: shipmentOrders.shipmentId })
    .from(shipmentOrders)
    .where(eq(shipmentOrders.orderId, orderId));
  return link!.id;
}

async function stored(parcelId: number) {
  const [row] = await db().select().from(shipments).where(eq(shipments.id, parcelId));
  return { ...row!, assignment: row!.assignment as AssignmentResult };
}

describe("assignment over the database", () => {
  it("loads enabled accounts with their templates and the per-courier defaults", async () => {
    const candidates = await loadCandidates(db());
    expect(candidates).toHaveLength(COURIERS.length);
    const ems = candidates.find((c) => c.courier === "ems")!;
    expect(ems.templates.map((tp) => tp.id)).toEqual(["example-ems-standard"]);
    expect(ems.restrictions.refuses).toEqual(["liquid", "battery"]);
    expect(candidates.every((c) => !c.breakerOpen)).toBe(true);
  });

  it("derives the parcel's facts from its warehouse, address, items and shop", async () => {
    const id = await parcelFor({ unitPriceFen: 12_300, attributes: ["liquid"] });
    const ctx = await parcelFacts(db(), id);
    expect(ctx?.objective).toBe("cheapest");
    expect(ctx?.facts).toMatchObject({
      originCode: "330110",
      destinationCode: "110101",
      weightG: 800,
      declaredValueFen: 12_300,
      attributes: ["liquid"],
      shopId,
      allowedAccountIds: null,
    });
  });

  it("stores the chosen account, the ranked alternatives and the explanation", async () => {
    const id = await parcelFor();
    const [outcome] = await assignParcels(db(), actor, [id]);
    expect(outcome).toMatchObject({ parcelId: id, ok: true, accountId: "sandbox-jt" });
    const row = await stored(id);
    expect(row.assignedAccountId).toBe("sandbox-jt");
    // ¥4.60 freight + ¥1.00 minimum insurance on the ¥50 declared value (the items' price).
    expect(row.assignment.chosen?.quote.totalFen).toBe(560);
    expect(row.assignment.chosen?.quote.lines.map((l) => l.kind)).toContain("insurance");
    expect(row.assignment.ranked.map((r) => r.courier).slice(0, 3)).toEqual(["jt", "yunda", "yto"]);
    expect(row.assignment.ranked).toHaveLength(COURIERS.length);
    expect(row.assignment.explanation.zh).toContain("极兔");
    expect(row.assignment.explanation.en).toContain("J&T");
  });

  it("applies a pin rule: declared value over ¥2,000 ships with SF", async () => {
    const rule = await saveRule(db(), null, {
      name: "高价值走顺丰",
      enabled: true,
      condition: { declaredValueOverFen: 200_000 },
      action: { kind: "pin", couriers: ["sf"] },
    });
    try {
      const cheap = await parcelFor({ unitPriceFen: 150_000 });
      const dear = await parcelFor({ unitPriceFen: 250_000 });
      await assignParcels(db(), actor, [cheap, dear]);
      expect((await stored(cheap)).assignedAccountId).toBe("sandbox-jt");
      const row = await stored(dear);
      expect(row.assignedAccountId).toBe("sandbox-sf");
      expect(row.assignment.rules[0]).toMatchObject({ ruleId: rule.id, outcome: "pinned" });
      expect(row.assignment.chosen?.reasons.map((r) => r.code)).toContain("rule_pinned");
    } finally {
      await deleteRule(db(), null, rule.id);
    }
  });

  it("excludes a courier the customer does not want, and refused goods", async () => {
    const id = await parcelFor({ preference: { exclude: ["jt"] }, attributes: ["battery"] });
    await assignParcels(db(), actor, [id]);
    const row = await stored(id);
    expect(row.assignedAccountId).toBe("sandbox-yunda");
    const reasons = Object.fromEntries(
      row.assignment.excluded.map((e) => [e.courier, e.reason.code]),
    );
    expect(reasons).toMatchObject({ jt: "preference_excluded", ems: "goods_refused" });
  });

  it("requires a reason to override, and audits the override", async () => {
    const id = await parcelFor();
    await assignParcels(db(), actor, [id]);
    await expect(
      overrideAssignment(db(), actor, { parcelId: id, accountId: "sandbox-sf", reason: "  " }),
    ).rejects.toBeInstanceOf(DomainError);
    expect((await stored(id)).assignedAccountId).toBe("sandbox-jt");

    await overrideAssignment(db(), actor, {
      parcelId: id,
      accountId: "sandbox-sf",
      reason: "客户电话要求顺丰",
    });
    const row = await stored(id);
    expect(row.assignedAccountId).toBe("sandbox-sf");
    expect(row.assignmentOverrideReason).toBe("客户电话要求顺丰");
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "shipment"), eq(auditLog.entityId, String(id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "shipment.assignment_override",
      before: { accountId: "sandbox-jt" },
      after: { accountId: "sandbox-sf", reason: "客户电话要求顺丰" },
    });
  });

  it("answers what-if for a sample parcel with the rule trace, and reorders rules", async () => {
    const a = await saveRule(db(), null, {
      name: "不用极兔",
      enabled: true,
      condition: {},
      action: { kind: "exclude", couriers: ["jt"] },
    });
    const b = await saveRule(db(), null, {
      name: "江浙沪走中通",
      enabled: true,
      condition: { destinationIn: { type: "set", id: "jzh" } },
      action: { kind: "pin", couriers: ["zto"] },
    });
    expect(b.position).toBe(a.position + 1);
    await moveRule(db(), null, b.id, "up");
    const r = await whatIf(db(), {
      shopId,
      destination: { address: "上海市黄浦区南京东路1号" },
      weightG: 1000,
      declaredValueFen: 0,
      attributes: [],
    });
    expect(r.destination.code).toBe("310101");
    expect(r.result.chosen?.courier).toBe("zto");
    expect(r.result.rules.map((x) => [x.ruleId, x.outcome])).toEqual([
      [b.id, "pinned"],
      // The first pin that applies decides; later rules are not evaluated.
      [a.id, "not_evaluated"],
    ]);
    await deleteRule(db(), null, a.id);
    await deleteRule(db(), null, b.id);
  });
});
