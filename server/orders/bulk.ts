import { sql } from "drizzle-orm";
import { unnestArrays, withSetCheckedReferences, type BulkColumnType } from "@/db/bulk";
import { resultRows, sqlState, type Tx } from "@/db/client";
import type { NewOrder } from "./queries";
import { initialOrderStatus, recipientKey } from "./rules";

/**
 * From this many orders a statement checks its foreign keys as a set: three more round trips,
 * worth it for an import chunk (a third of its database time), not for an order from the API.
 */
export const SET_CHECK_MIN_ORDERS = 50;

type Column = { name: string; type: BulkColumnType; values: unknown[] };
const column = (name: string, type: BulkColumnType): Column => ({ name, type, values: [] });

/**
 * Stores orders with their items and first parcel in ONE statement: the rows travel as one array
 * parameter per column (see db/bulk.ts) and data-modifying CTEs fan them out:
 *
 * - `d`: every input order with a fresh order id and, when it has physical goods, a parcel id;
 * - `o`: the orders insert; a (shop, platform order no) that already exists is skipped, never
 *   overwritten: this is what makes a re-import change nothing;
 * - `k`: the orders actually inserted; items, parcel and parcel links are written for these only,
 *   joined by the order's position in `input` (never by RETURNING order, which PostgreSQL does not
 *   guarantee). A parcel made with its order carries it whole, so it has no lines of its own
 *   (parcelItems in db/schema/orders.ts reads them from the order).
 *
 * Foreign keys between the CTEs hold because PostgreSQL checks them at the end of the statement.
 * From SET_CHECK_MIN_ORDERS orders on they are checked as a set (withSetCheckedReferences): the
 * rows reference each other by construction, and the shops and warehouses are locked and checked
 * in one query instead of once per row.
 * One round trip instead of one per table, and the parcel and link rows are derived on the server
 * instead of being serialised again. The creation (by `actor`) is recorded on the order row itself
 * (`created_by`); the status history reads it as its first line, so no event row per order.
 * Returns the ids of the orders inserted, by position in `input` (null where skipped). Callers
 * keep batches to a few thousand orders.
 */
export async function insertOrderGraphs(
  tx: Tx,
  input: NewOrder[],
  actor: string,
  options: {
    /**
     * "skip" (the default) leaves an order that already exists untouched. "fail" is for callers
     * that checked just before that none exists: a plain insert, without the speculative insertion
     * ON CONFLICT needs (a fifth of the cost of inserting orders), that fails with a unique
     * violation should one have arrived since (see insertNewOrderGraphs).
     */
    existing?: "skip" | "fail";
    /** How foreign keys are checked; by default "set" from SET_CHECK_MIN_ORDERS orders on. */
    references?: "row" | "set";
  } = {},
): Promise<(number | null)[]> {
  if (input.length === 0) return [];
  const o = {
    shopId: column("shop_id", "text"),
    platformOrderNo: column("platform_order_no", "text"),
    status: column("status", "text"),
    source: column("source", "text"),
    warehouseId: column("warehouse_id", "text"),
    recipientName: column("recipient_name", "text"),
    recipientMobile: column("recipient_mobile", "text"),
    recipientMobileExt: column("recipient_mobile_ext", "text"),
    provinceCode: column("province_code", "text"),
    cityCode: column("city_code", "text"),
    countyCode: column("county_code", "text"),
    regionText: column("region_text", "text"),
    addressDetail: column("address_detail", "text"),
    buyerRemark: column("buyer_remark", "text"),
    sellerRemark: column("seller_remark", "text"),
    totalFen: column("total_fen", "bigint"),
    paidAt: column("paid_at", "timestamptz"),
    importBatchId: column("import_batch_id", "bigint"),
    recipientKey: column("recipient_key", "text"),
  };
  const it = {
    n: column("n", "int"),
    lineNo: column("line_no", "int"),
    sku: column("sku", "text"),
    name: column("name", "text"),
    barcode: column("barcode", "text"),
    quantity: column("quantity", "int"),
    unitPriceFen: column("unit_price_fen", "bigint"),
    weightG: column("weight_g", "int"),
    lengthMm: column("length_mm", "int"),
    widthMm: column("width_mm", "int"),
    heightMm: column("height_mm", "int"),
    isVirtual: column("is_virtual", "boolean"),
  };
  // Plain loops: this runs for every order and item of an import.
  for (let index = 0; index < input.length; index++) {
    const r = input[index]!;
    const status = initialOrderStatus(r.items);
    let total = 0;
    for (let line = 0; line < r.items.length; line++) {
      const item = r.items[line]!;
      total += item.unitPriceFen * item.quantity;
      it.n.values.push(index + 1);
      it.lineNo.values.push(line + 1);
      it.sku.values.push(item.sku);
      it.name.values.push(item.name);
      it.barcode.values.push(item.barcode);
      it.quantity.values.push(item.quantity);
      it.unitPriceFen.values.push(item.unitPriceFen);
      it.weightG.values.push(item.weightG);
      it.lengthMm.values.push(item.lengthMm);
      it.widthMm.values.push(item.widthMm);
      it.heightMm.values.push(item.heightMm);
      it.isVirtual.values.push(item.isVirtual);
    }
    o.shopId.values.push(r.shopId);
    o.platformOrderNo.values.push(r.platformOrderNo);
    o.status.values.push(status);
    o.source.values.push(r.source);
    o.warehouseId.values.push(r.warehouseId);
    o.recipientName.values.push(r.recipientName);
    o.recipientMobile.values.push(r.recipientMobile);
    o.recipientMobileExt.values.push(r.recipientMobileExt);
    o.provinceCode.values.push(r.provinceCode);
    o.cityCode.values.push(r.cityCode);
    o.countyCode.values.push(r.countyCode);
    o.regionText.values.push(r.regionText);
    o.addressDetail.values.push(r.addressDetail);
    o.buyerRemark.values.push(r.buyerRemark);
    o.sellerRemark.values.push(r.sellerRemark);
    o.totalFen.values.push(total);
    o.paidAt.values.push(r.paidAt.toISOString());
    o.importBatchId.values.push(r.importBatchId);
    // Only a parcel needs the key; virtual-only orders get none.
    o.recipientKey.values.push(status === "AWAITING_SHIPMENT" ? recipientKey(r) : null);
  }
  const orderCols = Object.values(o);
  const itemCols = Object.values(it);
  const names = (cols: Column[]) => sql.raw(cols.map((c) => c.name).join(", "));

  const statement = sql`
    with d as materialized (
      select nextval('orders_id_seq') as id,
        case when u.status = 'AWAITING_SHIPMENT' then nextval('shipments_id_seq') end as parcel_id,
        u.*
      from unnest(${unnestArrays(orderCols)}) with ordinality as u(${names(orderCols)}, n)
    ), o as (
      insert into orders (id, shop_id, platform_order_no, status, source, warehouse_id,
        recipient_name, recipient_mobile, recipient_mobile_ext, province_code, city_code,
        county_code, region_text, address_detail, buyer_remark, seller_remark, total_fen, paid_at,
        import_batch_id, created_by)
      select id, shop_id, platform_order_no, status, source, warehouse_id,
        recipient_name, recipient_mobile, recipient_mobile_ext, province_code, city_code,
        county_code, region_text, address_detail, buyer_remark, seller_remark, total_fen, paid_at,
        import_batch_id, ${actor}::text
      from d
      ${options.existing === "fail" ? sql`` : sql`on conflict (shop_id, platform_order_no) do nothing`}
      returning id
    ), k as materialized (
      select d.* from d join o on o.id = d.id
    ), l as materialized (
      select nextval('order_items_id_seq') as id, k.id as order_id, u.*
      from unnest(${unnestArrays(itemCols)}) as u(${names(itemCols)})
      join k on k.n = u.n
    ), i as (
      insert into order_items (id, order_id, line_no, sku, name, barcode, quantity, unit_price_fen,
        weight_g, length_mm, width_mm, height_mm, is_virtual)
      select id, order_id, line_no, sku, name, barcode, quantity, unit_price_fen,
        weight_g, length_mm, width_mm, height_mm, is_virtual
      from l
    ), s as (
      insert into shipments (id, warehouse_id, recipient_name, recipient_mobile,
        recipient_mobile_ext, province_code, city_code, county_code, region_text, address_detail,
        recipient_key)
      select parcel_id, warehouse_id, recipient_name, recipient_mobile,
        recipient_mobile_ext, province_code, city_code, county_code, region_text, address_detail,
        recipient_key
      from k where parcel_id is not null
    ), so as (
      insert into shipment_orders (shipment_id, order_id)
      select parcel_id, id from k where parcel_id is not null
    )
    select n, id from k`;
  const bySet =
    (options.references ?? (input.length >= SET_CHECK_MIN_ORDERS ? "set" : "row")) === "set";
  const result = bySet
    ? (
        await withSetCheckedReferences(
          tx,
          [
            { table: "shops", column: "id", values: o.shopId.values as string[] },
            { table: "warehouses", column: "id", values: o.warehouseId.values as string[] },
          ],
          (sp) => sp.execute(statement),
        )
      ).result
    : await tx.execute(statement);
  const ids: (number | null)[] = input.map(() => null);
  for (const row of resultRows<{ n: string | number; id: string | number }>(result)) {
    ids[Number(row.n) - 1] = Number(row.id);
  }
  return ids;
}

/** PostgreSQL's unique_violation, as postgres.js and PGlite report it (drizzle may wrap it). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}

/**
 * insertOrderGraphs for orders checked absent just before, in a transaction: the plain insert in a
 * savepoint, and, should one of them have arrived meanwhile (an API push, another import), the
 * same orders again skipping those that exist. Same result as insertOrderGraphs, faster.
 */
export async function insertNewOrderGraphs(
  tx: Tx,
  input: NewOrder[],
  actor: string,
): Promise<(number | null)[]> {
  try {
    return await tx.transaction((sp) => insertOrderGraphs(sp, input, actor, { existing: "fail" }));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return insertOrderGraphs(tx, input, actor);
  }
}
