import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import {
  courierAccounts,
  orders as ordersTable,
  shipmentOrders,
  shipments,
  shops,
} from "../schema";
import { ensureDemoApiKey } from "@/server/api-keys/service";
import { demoShops, demoWarehouses } from "@/server/demo-data/catalog";
import { orderStream, type DemoOrder } from "@/server/demo-data/orders";
import { insertOrderGraphs } from "@/server/orders/bulk";
import type { NewOrder } from "@/server/orders/queries";
import { parcelContents } from "@/server/shipping/queries";
import { packParcel } from "@/server/shipping/service";
import { saveShop, saveWarehouse } from "@/server/shops/service";

/**
 * Each demo shop's default courier account, among the sandbox accounts db/seed/demo.ts creates:
 * SF for the flagship and the own site (coffee buyers pay for speed), J&T for JD, ZTO for the
 * price-sensitive PDD and Douyin shops. Kept only when the account exists.
 */
export const demoShopCouriers: Record<string, string> = {
  "demo-shop": "sandbox-sf",
  "demo-jd": "sandbox-jt",
  "demo-pdd": "sandbox-zto",
  "demo-douyin": "sandbox-zto",
  "demo-own": "sandbox-sf",
};

/** How many paid orders a fresh demo starts with: enough to fill queues and lists, quick to seed. */
export const DEMO_ORDER_COUNT = 300;
export const AUTO_SHIP_DEMO_SHOP = "demo-douyin";
/** Parcels of the flagship shop the demo packs, so Shipping › 已打包 has waybills to issue. */
export const DEMO_PACKED_PARCELS = 24;

export function demoOrderToNew(o: DemoOrder, warehouseOf: Map<string, string>): NewOrder {
  const r = o.recipient;
  return {
    shopId: o.shopCode,
    platformOrderNo: o.platformOrderNo,
    source: "demo",
    warehouseId: warehouseOf.get(o.shopCode)!,
    paidAt: o.paidAt,
    recipientName: r.name,
    recipientMobile: r.mobile,
    recipientMobileExt: null,
    provinceCode: r.provinceCode,
    cityCode: r.cityCode,
    countyCode: r.countyCode,
    regionText: [r.provinceName, r.cityName, r.countyName].join(" "),
    addressDetail: r.detail,
    buyerRemark: o.buyerRemark,
    sellerRemark: null,
    importBatchId: null,
    items: o.items.map((it) => ({ ...it, barcode: it.barcode || null })),
  };
}

/**
 * The demo merchant (码头咖啡): three warehouses, five shops, the documented REST API key and a few
 * hundred paid orders from the last three days. Runs once: nothing is written when the demo shop exists.
 */
export async function seedDemoCommerce(db: Db, now = new Date()): Promise<boolean> {
  const [exists] = await db.select({ id: shops.id }).from(shops).where(eq(shops.id, "demo-shop"));
  if (exists) return false;
  for (const w of demoWarehouses) {
    await saveWarehouse(db, null, {
      id: w.code,
      name: w.name,
      contactName: w.contact,
      contactMobile: w.mobile,
      countyCode: w.countyCode,
      address: w.address,
      active: true,
    });
  }
  const accounts = new Set(
    (await db.select({ id: courierAccounts.id }).from(courierAccounts)).map((a) => a.id),
  );
  for (const s of demoShops) {
    const courierAccount = demoShopCouriers[s.code];
    await saveShop(db, null, {
      id: s.code,
      name: s.name,
      platform: s.platform,
      defaultWarehouseId: s.warehouseCode,
      // One shop shows auto-shipping: its parcels are assigned within a minute of the start, and
      // each gets its waybill as soon as it is packed.
      autoShip: s.code === AUTO_SHIP_DEMO_SHOP,
      afterSalesDays: 7,
      active: true,
      defaultCourierAccountId:
        courierAccount && accounts.has(courierAccount) ? courierAccount : null,
    });
  }
  await ensureDemoApiKey(db, "demo-shop");
  const warehouseOf = new Map(demoShops.map((s) => [s.code, s.warehouseCode]));
  const orders = [
    ...orderStream({
      count: DEMO_ORDER_COUNT,
      seed: "demo",
      startAt: new Date(now.getTime() - 3 * 24 * 3600 * 1000),
      endAt: now,
    }),
  ].map((o) => demoOrderToNew(o, warehouseOf));
  await db.transaction((tx) => insertOrderGraphs(tx, orders, "system"));
  await packDemoParcels(db, DEMO_PACKED_PARCELS);
  return true;
}

/**
 * Packs the flagship shop's oldest parcels as the pack station would: every item scanned, the
 * weight its goods plus a 120 g box, a box size by weight. Through the real service, so orders
 * move to PACKED with their history.
 */
async function packDemoParcels(db: Db, count: number) {
  const rows = await db
    .selectDistinct({ id: shipments.id })
    .from(shipments)
    .innerJoin(shipmentOrders, eq(shipmentOrders.shipmentId, shipments.id))
    .innerJoin(ordersTable, eq(ordersTable.id, shipmentOrders.orderId))
    .where(
      and(
        eq(ordersTable.shopId, "demo-shop"),
        eq(shipments.status, "AWAITING_PACK"),
        isNull(shipments.heldAt),
      ),
    )
    .orderBy(asc(shipments.id))
    .limit(count);
  const ids = rows.map((r) => r.id);
  const contents = await parcelContents(db, ids);
  for (const id of ids) {
    const items = contents.get(id)?.items ?? [];
    const scans: Record<string, number> = {};
    let weightG = 120;
    for (const item of items) {
      const code = item.barcode ?? item.sku;
      scans[code] = (scans[code] ?? 0) + item.quantity;
      weightG += (item.weightG ?? 250) * item.quantity;
    }
    const [lengthMm, widthMm, heightMm] =
      weightG < 600 ? [200, 150, 100] : weightG < 1500 ? [300, 200, 150] : [400, 300, 200];
    await packParcel(
      db,
      { userId: null, label: "demo" },
      {
        id,
        weightG,
        lengthMm,
        widthMm,
        heightMm,
        scans,
      },
    );
  }
}
