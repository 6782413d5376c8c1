import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { courierAccounts, shops, warehouses } from "@/db/schema";
import { writeAudit } from "@/server/audit/queries";
import { DomainError } from "@/server/errors";
import { regionPath } from "@/server/regions/data";
import type { ShopInput, WarehouseInput } from "./schemas";

/** Shops (sales channels) and warehouses (ship-from addresses): settings, audited. */
export function listWarehouses(db: Db) {
  return db.select().from(warehouses).orderBy(asc(warehouses.name));
}

export function listShops(db: Db) {
  return db
    .select({ shop: shops, warehouseName: warehouses.name })
    .from(shops)
    .innerJoin(warehouses, eq(warehouses.id, shops.defaultWarehouseId))
    .orderBy(asc(shops.name))
    .then((rows) => rows.map((r) => ({ ...r.shop, warehouseName: r.warehouseName })));
}

export async function saveWarehouse(db: Db, actorId: string | null, input: WarehouseInput) {
  const path = regionPath(input.countyCode);
  if (!path?.province || !path.city) {
    throw new DomainError("INVALID", `Unknown region ${input.countyCode}`, {
      fields: { countyCode: "shops.errors.region" },
    });
  }
  const values = {
    ...input,
    provinceCode: path.province.code,
    cityCode: path.city.code,
    countyCode: path.county?.code ?? null,
    regionText: [path.province.name, path.city.name, path.county?.name].filter(Boolean).join(" "),
  };
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(warehouses).where(eq(warehouses.id, input.id));
    const [row] = await tx
      .insert(warehouses)
      .values(values)
      .onConflictDoUpdate({ target: warehouses.id, set: { ...values, updatedAt: new Date() } })
      .returning();
    await writeAudit(tx, {
      actorId,
      action: before ? "warehouse.update" : "warehouse.create",
      entityType: "warehouse",
      entityId: input.id,
      before: before ? { name: before.name, address: before.address, active: before.active } : null,
      after: { name: row!.name, address: row!.address, active: row!.active },
    });
    return row!;
  });
}

export async function saveShop(db: Db, actorId: string | null, input: ShopInput) {
  return db.transaction(async (tx) => {
    const [wh] = await tx
      .select()
      .from(warehouses)
      .where(eq(warehouses.id, input.defaultWarehouseId));
    if (!wh) {
      throw new DomainError("INVALID", "Unknown warehouse", {
        fields: { defaultWarehouseId: "shops.errors.warehouse" },
      });
    }
    if (input.defaultCourierAccountId) {
      const [account] = await tx
        .select({ id: courierAccounts.id })
        .from(courierAccounts)
        .where(eq(courierAccounts.id, input.defaultCourierAccountId));
      if (!account) {
        throw new DomainError("INVALID", "Unknown courier account", {
          messageKey: "waybills.errors.unknownAccount",
          fields: { defaultCourierAccountId: "waybills.errors.unknownAccount" },
        });
      }
    }
    const [before] = await tx.select().from(shops).where(eq(shops.id, input.id));
    const [row] = await tx
      .insert(shops)
      .values(input)
      .onConflictDoUpdate({ target: shops.id, set: { ...input, updatedAt: new Date() } })
      .returning();
    const snap = (s: typeof row) =>
      s && {
        name: s.name,
        platform: s.platform,
        defaultWarehouseId: s.defaultWarehouseId,
        autoShip: s.autoShip,
        active: s.active,
        defaultCourierAccountId: s.defaultCourierAccountId,
      };
    await writeAudit(tx, {
      actorId,
      action: before ? "shop.update" : "shop.create",
      entityType: "shop",
      entityId: input.id,
      before: snap(before) ?? null,
      after: snap(row) ?? null,
    });
    return row!;
  });
}
