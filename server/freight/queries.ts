import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { courierAccounts, freightTemplates, regionSets, shops, warehouses } from "@/db/schema";
import type { FreightTemplate, RegionSet } from "./types";

/**
 * Freight rows in and out of the database. A template row keeps what lists and filters need in
 * columns and the pricing body (billing, divisor, rounding, zones, surcharges) as one JSON
 * document: `body` = the FreightTemplate minus id / name / courierAccountId / product. The
 * `is_example` column is authoritative for the example mark.
 */

type Conn = Db | Tx;

/** The pricing part of a template, as stored in `freight_templates.body`. */
export type TemplateBody = Omit<FreightTemplate, "id" | "name" | "courierAccountId" | "product">;

export type TemplateRow = typeof freightTemplates.$inferSelect;

/** A template with its row state and the courier account it prices. */
export type StoredTemplate = {
  template: FreightTemplate;
  enabled: boolean;
  updatedAt: Date;
  account: { id: string; name: string; courier: string; enabled: boolean };
};

export function bodyOf(t: FreightTemplate): TemplateBody {
  const { id: _id, name: _name, courierAccountId: _a, product: _p, ...body } = t;
  return body;
}

export function templateOf(row: TemplateRow): FreightTemplate {
  const body = row.body as TemplateBody;
  return {
    ...body,
    id: row.id,
    name: row.name,
    courierAccountId: row.courierAccountId,
    product: row.product,
    isExample: row.isExample,
  };
}

const storedColumns = {
  row: freightTemplates,
  accountName: courierAccounts.name,
  courier: courierAccounts.courier,
  accountEnabled: courierAccounts.enabled,
};

function toStored(r: {
  row: TemplateRow;
  accountName: string;
  courier: string;
  accountEnabled: boolean;
}): StoredTemplate {
  return {
    template: templateOf(r.row),
    enabled: r.row.enabled,
    updatedAt: r.row.updatedAt,
    account: {
      id: r.row.courierAccountId,
      name: r.accountName,
      courier: r.courier,
      enabled: r.accountEnabled,
    },
  };
}

/** Every template (or only enabled ones), by courier then name. */
export async function listStoredTemplates(
  db: Conn,
  opts: { enabledOnly?: boolean } = {},
): Promise<StoredTemplate[]> {
  const rows = await db
    .select(storedColumns)
    .from(freightTemplates)
    .innerJoin(courierAccounts, eq(courierAccounts.id, freightTemplates.courierAccountId))
    .where(opts.enabledOnly ? eq(freightTemplates.enabled, true) : undefined)
    .orderBy(asc(courierAccounts.courier), asc(freightTemplates.name), asc(freightTemplates.id));
  return rows.map(toStored);
}

export async function findStoredTemplate(db: Conn, id: string): Promise<StoredTemplate | null> {
  const [row] = await db
    .select(storedColumns)
    .from(freightTemplates)
    .innerJoin(courierAccounts, eq(courierAccounts.id, freightTemplates.courierAccountId))
    .where(eq(freightTemplates.id, id));
  return row ? toStored(row) : null;
}

/** Locks the row for the rest of the transaction (concurrent edits apply one after the other). */
export async function lockTemplateRow(tx: Tx, id: string): Promise<TemplateRow | null> {
  const [row] = await tx
    .select()
    .from(freightTemplates)
    .where(eq(freightTemplates.id, id))
    .for("update");
  return row ?? null;
}

export async function upsertTemplateRow(
  tx: Conn,
  t: FreightTemplate,
  enabled: boolean,
): Promise<TemplateRow> {
  const values = {
    id: t.id,
    name: t.name,
    courierAccountId: t.courierAccountId,
    product: t.product,
    enabled,
    isExample: t.isExample,
    body: bodyOf(t),
  };
  const [row] = await tx
    .insert(freightTemplates)
    .values(values)
    .onConflictDoUpdate({
      target: freightTemplates.id,
      set: { ...values, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

export async function setTemplateEnabledRow(tx: Conn, id: string, enabled: boolean) {
  const [row] = await tx
    .update(freightTemplates)
    .set({ enabled, updatedAt: new Date() })
    .where(eq(freightTemplates.id, id))
    .returning();
  return row ?? null;
}

export async function deleteTemplateRow(tx: Conn, id: string): Promise<boolean> {
  const rows = await tx
    .delete(freightTemplates)
    .where(eq(freightTemplates.id, id))
    .returning({ id: freightTemplates.id });
  return rows.length > 0;
}

export async function templateIdExists(db: Conn, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: freightTemplates.id })
    .from(freightTemplates)
    .where(eq(freightTemplates.id, id));
  return !!row;
}

// ── Region sets ────────────────────────────────────────────────────────────────────────────────

export type RegionSetRow = typeof regionSets.$inferSelect;

export async function listRegionSetRows(db: Conn): Promise<RegionSetRow[]> {
  return db.select().from(regionSets).orderBy(asc(regionSets.name), asc(regionSets.id));
}

export async function loadRegionSets(db: Conn): Promise<RegionSet[]> {
  const rows = await listRegionSetRows(db);
  return rows.map((r) => ({ id: r.id, name: r.name, codes: r.codes }));
}

export async function findRegionSetRow(db: Conn, id: string): Promise<RegionSetRow | null> {
  const [row] = await db.select().from(regionSets).where(eq(regionSets.id, id));
  return row ?? null;
}

export async function upsertRegionSetRow(tx: Conn, set: RegionSet): Promise<RegionSetRow> {
  const [row] = await tx
    .insert(regionSets)
    .values(set)
    .onConflictDoUpdate({
      target: regionSets.id,
      set: { name: set.name, codes: set.codes, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

export async function deleteRegionSetRow(tx: Conn, id: string): Promise<boolean> {
  const rows = await tx
    .delete(regionSets)
    .where(eq(regionSets.id, id))
    .returning({ id: regionSets.id });
  return rows.length > 0;
}

// ── Courier accounts, warehouses, shops (read-only here) ─────────────────────────────────────

export type AccountRef = { id: string; name: string; courier: string; enabled: boolean };

export async function listAccountRefs(db: Conn): Promise<AccountRef[]> {
  return db
    .select({
      id: courierAccounts.id,
      name: courierAccounts.name,
      courier: courierAccounts.courier,
      enabled: courierAccounts.enabled,
    })
    .from(courierAccounts)
    .orderBy(asc(courierAccounts.courier), asc(courierAccounts.id));
}

export async function findAccountRef(db: Conn, id: string): Promise<AccountRef | null> {
  const [row] = await db
    .select({
      id: courierAccounts.id,
      name: courierAccounts.name,
      courier: courierAccounts.courier,
      enabled: courierAccounts.enabled,
    })
    .from(courierAccounts)
    .where(eq(courierAccounts.id, id));
  return row ?? null;
}

export type WarehouseOrigin = {
  id: string;
  name: string;
  /** The most specific region of the warehouse: its county, or its city when it has none. */
  code: string;
  regionText: string;
};

const originColumns = {
  id: warehouses.id,
  name: warehouses.name,
  countyCode: warehouses.countyCode,
  cityCode: warehouses.cityCode,
  regionText: warehouses.regionText,
};

const toOrigin = (w: {
  id: string;
  name: string;
  countyCode: string | null;
  cityCode: string;
  regionText: string;
}): WarehouseOrigin => ({
  id: w.id,
  name: w.name,
  code: w.countyCode ?? w.cityCode,
  regionText: w.regionText,
});

export async function findWarehouseOrigin(db: Conn, id: string): Promise<WarehouseOrigin | null> {
  const [row] = await db.select(originColumns).from(warehouses).where(eq(warehouses.id, id));
  return row ? toOrigin(row) : null;
}

/** The default warehouse of each of these shops. */
export async function shopWarehouseOrigins(
  db: Conn,
  shopIds: readonly string[],
): Promise<{ shopId: string; warehouse: WarehouseOrigin }[]> {
  if (shopIds.length === 0) return [];
  const rows = await db
    .select({ shopId: shops.id, ...originColumns })
    .from(shops)
    .innerJoin(warehouses, eq(warehouses.id, shops.defaultWarehouseId))
    .where(inArray(shops.id, [...shopIds]));
  return rows.map(({ shopId, ...w }) => ({ shopId, warehouse: toOrigin(w) }));
}
