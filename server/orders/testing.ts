import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { saveShop, saveWarehouse } from "@/server/shops/service";
import type { OrderInput } from "./schemas";
import { resolveOrderInput, upsertOrder, type OrderActor } from "./service";

/** Test factories: a warehouse in Hangzhou and a shop shipping from it. */
export async function seedShop(db: Db, id = `shop-${randomUUID().slice(0, 8)}`) {
  const warehouseId = `wh-${id}`.slice(0, 40);
  await saveWarehouse(db, null, {
    id: warehouseId,
    name: `杭州仓 ${id}`,
    contactName: "仓管王",
    contactMobile: "13900139000",
    countyCode: "330110",
    address: "仓前街道文一西路 1500 号",
    active: true,
  });
  await saveShop(db, null, {
    id,
    name: `测试店铺 ${id}`,
    platform: "tmall",
    defaultWarehouseId: warehouseId,
    autoShip: false,
    afterSalesDays: 7,
    active: true,
  });
  return { shopId: id, warehouseId };
}

let seq = 0;

export function orderInputFor(shop: string, overrides: Partial<OrderInput> = {}): OrderInput {
  seq += 1;
  return {
    shop,
    platformOrderNo: `T${Date.now()}${seq}`,
    paidAt: "2026-11-24T10:00:00+08:00",
    recipient: { name: "张三", mobile: "13800138000", address: "浙江省杭州市西湖区文三路100号" },
    items: [
      {
        sku: "MT-BEAN-500",
        name: "码头咖啡 意式拼配豆 500g",
        barcode: "6901234567892",
        quantity: 2,
        unitPriceFen: 8800,
        weightG: 520,
        isVirtual: false,
      },
    ],
    ...overrides,
  };
}

export const testActor: OrderActor = { userId: null, label: "system" };

/** Creates an order through the same path the API uses and returns its id. */
export async function createTestOrder(db: Db, shop: string, overrides: Partial<OrderInput> = {}) {
  const order = await resolveOrderInput(db, orderInputFor(shop, overrides), "console");
  return (await upsertOrder(db, testActor, order)).id;
}
