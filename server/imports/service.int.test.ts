import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { and, eq, inArray, sql } from "drizzle-orm";
import { resultRows } from "@/db/client";
import { describe, expect, it } from "vitest";
import { importBatches, importFileParts, orderEvents, orders } from "@/db/schema";
import { withTestDb } from "@/db/testing/test-db";
import { getOrder } from "@/server/orders/service";
import { seedShop } from "@/server/orders/testing";
import { generateImportCsv } from "@/server/bench/imports";
import { clearAnalysisCache } from "./analysis-cache";
import { getImport } from "./queries";
import {
  commitImport,
  createImport,
  loadImportFile,
  previewImport,
  rejectedRowsFile,
  setImportMapping,
} from "./service";
import { readTable } from "./table";

const t = withTestDb();
const db = () => t.current.db;

const taobaoHeaders = [
  "订单编号",
  "买家会员名",
  "收货人姓名",
  "收货地址",
  "联系手机",
  "宝贝标题",
  "商家编码",
  "购买数量",
  "订单付款时间",
  "买家留言",
];
const goodRows = [
  [
    "3712000000000000001",
    "tb_buyer1",
    "张三",
    "浙江省 杭州市 西湖区 文三路100号",
    "13800138000",
    "意式拼配豆 500g",
    "MT-BEAN-500",
    "2",
    "2026-11-24 10:00:00",
    "尽快发货",
  ],
  [
    "3712000000000000001",
    "tb_buyer1",
    "张三",
    "浙江省 杭州市 西湖区 文三路100号",
    "13800138000",
    "陶瓷马克杯",
    "MT-MUG",
    "1",
    "2026-11-24 10:00:00",
    "尽快发货",
  ],
  [
    "3712000000000000002",
    "tb_buyer2",
    "李四",
    "广东省深圳市南山区科技园南区1栋",
    "13900139000",
    "挂耳咖啡 10片",
    "MT-DRIP-10",
    "3",
    "2026-11-24 11:30:00",
    "",
  ],
];
const badRows = [
  [
    "3712000000000000003",
    "tb_buyer3",
    "王五",
    "北京市朝阳区建国路88号",
    "138****5678",
    "冷萃咖啡",
    "MT-COLD",
    "1",
    "2026-11-24 12:00:00",
    "",
  ],
  [
    "3712000000000000004",
    "tb_buyer4",
    "赵六",
    "火星省奥林匹斯市1号",
    "13700137000",
    "冷萃咖啡",
    "MT-COLD",
    "1",
    "2026-11-24 12:00:00",
    "",
  ],
];

const csv = (rows: string[][]) =>
  [taobaoHeaders, ...rows].map((r) => r.map((c) => `"${c}"`).join(",")).join("\r\n");
const gbk = (text: string) => new Uint8Array(iconv.encode(text, "gbk"));

async function importFile(shopId: string, fileName: string, bytes: Uint8Array) {
  const { id } = await createImport(db(), null, { shopId, fileName, bytes });
  await previewImport(db(), id);
  return id;
}

async function ordersOfShop(shopId: string) {
  return db()
    .select({ id: orders.id, no: orders.platformOrderNo })
    .from(orders)
    .where(eq(orders.shopId, shopId));
}

describe("batch import", () => {
  it("previews and commits a GBK Taobao export; rejected rows come back as GBK with an error column; re-import changes nothing", async () => {
    const { shopId } = await seedShop(db());
    const bytes = gbk(csv([...goodRows, ...badRows]));
    const id = await importFile(shopId, "淘宝订单.csv", bytes);
    const preview = (await getImport(db(), id))!;
    expect(preview).toMatchObject({
      status: "previewed",
      encoding: "gb18030",
      preset: "taobao",
      totalRows: 5,
      validRows: 3,
      rejectedRows: 2,
      skippedRows: 0,
      error: null,
    });
    expect(preview.rejected.map((r) => [r.rowNumber, r.errors.map((e) => e.code)])).toEqual([
      [5, ["invalid_mobile"]],
      [6, ["unknown_region"]],
    ]);

    await commitImport(db(), id);
    const created = await ordersOfShop(shopId);
    expect(created.map((o) => o.no).sort()).toEqual(["3712000000000000001", "3712000000000000002"]);
    const first = await getOrder(db(), created.find((o) => o.no.endsWith("1"))!.id);
    expect(first.items.map((i) => [i.sku, i.quantity])).toEqual([
      ["MT-BEAN-500", 2],
      ["MT-MUG", 1],
    ]);
    expect(first).toMatchObject({
      source: "import",
      importBatchId: id,
      regionText: "浙江省 杭州市 西湖区",
      status: "AWAITING_SHIPMENT",
    });

    const rejected = await rejectedRowsFile(db(), id, "zh-CN");
    const back = await readTable(rejected.bytes, rejected.fileName);
    expect(back.encoding).toBe("gb18030");
    expect(back.headers.at(-1)).toBe("错误原因");
    expect(back.rows.map((r) => r[0])).toEqual(["3712000000000000003", "3712000000000000004"]);
    expect(back.rows[0]!.at(-1)).toMatch(/^手机号无效/);

    const again = await importFile(shopId, "淘宝订单.csv", bytes);
    expect(await getImport(db(), again)).toMatchObject({
      validRows: 0,
      skippedRows: 3,
      rejectedRows: 2,
    });
    await commitImport(db(), again);
    expect(await ordersOfShop(shopId)).toHaveLength(2);

    const fixed = back.rows.map((r) => r.slice(0, -1));
    fixed[0]![4] = "13800001234";
    fixed[1]![3] = "北京市海淀区中关村大街1号";
    const fixedId = await importFile(shopId, "淘宝订单-rejected.csv", gbk(csv(fixed)));
    expect(await getImport(db(), fixedId)).toMatchObject({ validRows: 2, rejectedRows: 0 });
    await commitImport(db(), fixedId);
    expect(await ordersOfShop(shopId)).toHaveLength(4);
  });

  it("imports an XLSX file in our template, with a virtual-only order completing at once", async () => {
    const { shopId } = await seedShop(db());
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("订单");
    ws.addRow([
      "订单号",
      "收件人",
      "手机号",
      "完整地址",
      "SKU",
      "商品名称",
      "数量",
      "单价(元)",
      "虚拟商品(是/否)",
    ]);
    ws.addRow([
      "EC001",
      "孙七",
      "13600136000",
      "四川省成都市武侯区天府大道100号",
      "MT-BEAN-500",
      "咖啡豆",
      1,
      "88.00",
      "否",
    ]);
    ws.addRow([
      "EC002",
      "周八",
      "13500135000",
      "湖北省武汉市洪山区珞喻路1号",
      "GIFT-100",
      "电子礼品卡",
      1,
      "100",
      "是",
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const id = await importFile(shopId, "orders.xlsx", bytes);
    expect(await getImport(db(), id)).toMatchObject({
      format: "xlsx",
      validRows: 2,
      rejectedRows: 0,
    });
    await commitImport(db(), id);
    const rows = await db()
      .select({ no: orders.platformOrderNo, status: orders.status, total: orders.totalFen })
      .from(orders)
      .where(eq(orders.shopId, shopId));
    expect(rows.sort((a, b) => a.no.localeCompare(b.no))).toEqual([
      { no: "EC001", status: "AWAITING_SHIPMENT", total: 8800 },
      { no: "EC002", status: "COMPLETED", total: 10000 },
    ]);
  });

  it("asks for a column mapping when headers are unknown, and remembers it for the shop", async () => {
    const { shopId } = await seedShop(db());
    const file = [
      "单号,姓名,电话,地址,货号,品名,件数",
      "X1,吴九,13300133000,上海市浦东新区世纪大道100号,MT-MUG,马克杯,2",
    ].join("\n");
    const id = await importFile(shopId, "custom.csv", new TextEncoder().encode(file));
    const first = (await getImport(db(), id))!;
    expect(first.error).toMatch(/^Missing columns/);
    await setImportMapping(
      db(),
      id,
      {
        orderNo: "单号",
        recipientName: "姓名",
        recipientMobile: "电话",
        fullAddress: "地址",
        sku: "货号",
        itemName: "品名",
        quantity: "件数",
      },
      true,
    );
    await previewImport(db(), id);
    expect(await getImport(db(), id)).toMatchObject({
      status: "previewed",
      error: null,
      validRows: 1,
    });
    const next = await importFile(shopId, "custom-2.csv", new TextEncoder().encode(file));
    expect(await getImport(db(), next)).toMatchObject({ preset: "saved", validRows: 1 });
  });

  it("keeps the raw file and refuses to commit twice", async () => {
    const { shopId } = await seedShop(db());
    const bytes = gbk(csv(goodRows));
    const id = await importFile(shopId, "a.csv", bytes);
    await commitImport(db(), id);
    const [row] = await db().select().from(importBatches).where(eq(importBatches.id, id));
    expect((await loadImportFile(db(), id)).equals(Buffer.from(bytes))).toBe(true);
    expect(row).toMatchObject({ status: "committed", ordersCreated: 2 });
    await expect(commitImport(db(), id)).rejects.toThrow(/committed/);
    // Each order's history starts with its creation by this import, read from the order row:
    // the import writes no event rows.
    const created = await db()
      .select({ id: orders.id, createdBy: orders.createdBy })
      .from(orders)
      .where(eq(orders.importBatchId, id));
    expect(created.map((o) => o.createdBy)).toEqual([`import:${id}`, `import:${id}`]);
    const events = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(orderEvents)
      .where(
        inArray(
          orderEvents.orderId,
          created.map((o) => o.id),
        ),
      );
    expect(events).toEqual([{ n: 0 }]);
    const order = await getOrder(db(), created[0]!.id);
    expect(order.events).toMatchObject([
      { fromStatus: "PAID", toStatus: "AWAITING_SHIPMENT", actor: `import:${id}` },
    ]);
  });

  it("commits with two chunks in flight exactly the orders a one-at-a-time commit makes", async () => {
    const file = generateImportCsv(400);
    const bytes = new TextEncoder().encode(file.text);
    const one = await seedShop(db());
    const two = await seedShop(db());
    const a = await importFile(one.shopId, "a.csv", bytes);
    const b = await importFile(two.shopId, "b.csv", bytes);
    expect(await commitImport(db(), a, { chunkSize: 7 })).toEqual(
      await commitImport(db(), b, { chunkSize: 7, concurrency: 2 }),
    );
    const graphA = await orderGraphs(one.shopId);
    expect(graphA.length).toBeGreaterThan(200);
    expect(await orderGraphs(two.shopId)).toEqual(graphA);
    expect(await getImport(db(), b)).toMatchObject({
      status: "committed",
      validRows: file.rows,
      processedRows: file.rows,
      ordersCreated: graphA.length,
    });
    // The chunks committed without waiting for the disk, each for its own transaction only: the
    // pooled connections are back to waiting (the default) for whatever they run next.
    const settings = await Promise.all(
      Array.from({ length: 4 }, () =>
        db().transaction(async (tx) =>
          resultRows<{ s: string }>(
            await tx.execute(sql`select current_setting('synchronous_commit') as s`),
          ),
        ),
      ),
    );
    expect(settings.flat().map((r) => r.s)).toEqual(["on", "on", "on", "on"]);
  });

  it("commits with the mapping in force, not the one a cached preview used", async () => {
    const { shopId } = await seedShop(db());
    const id = await importFile(shopId, "a.csv", gbk(csv(goodRows)));
    const previewed = (await getImport(db(), id))!;
    expect(previewed.mapping).toMatchObject({ sku: "商家编码", itemName: "宝贝标题" });
    await setImportMapping(
      db(),
      id,
      { ...previewed.mapping, sku: "宝贝标题", itemName: "商家编码" },
      false,
    );
    await commitImport(db(), id);
    const [order] = await db()
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.shopId, shopId), eq(orders.platformOrderNo, "3712000000000000001")));
    const stored = await getOrder(db(), order!.id);
    expect(stored.items.map((i) => [i.sku, i.name])).toEqual([
      ["意式拼配豆 500g", "MT-BEAN-500"],
      ["陶瓷马克杯", "MT-MUG"],
    ]);
  });

  it("commits from the stored file when the preview ran elsewhere (no cached analysis)", async () => {
    const { shopId } = await seedShop(db());
    const bytes = gbk(csv([...goodRows, ...badRows]));
    const id = await importFile(shopId, "a.csv", bytes);
    clearAnalysisCache();
    expect(await commitImport(db(), id)).toEqual({ ordersCreated: 2 });
    expect(await getImport(db(), id)).toMatchObject({ processedRows: 3, ordersCreated: 2 });
  });

  it("stores a large upload byte for byte", async () => {
    const { shopId } = await seedShop(db());
    const file = generateImportCsv(6000);
    const bytes = new TextEncoder().encode(file.text);
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const { id } = await createImport(db(), null, { shopId, fileName: "big.csv", bytes });
    expect((await loadImportFile(db(), id)).equals(Buffer.from(bytes))).toBe(true);
    // In parts of at most 1 MiB, so no message to or from the database carries the whole file.
    const parts = await db()
      .select({ part: importFileParts.part, size: sql<number>`length(${importFileParts.bytes})` })
      .from(importFileParts)
      .where(eq(importFileParts.batchId, id))
      .orderBy(importFileParts.part);
    expect(parts.map((p) => p.part)).toEqual([0, 1]);
    expect(parts.map((p) => Number(p.size))).toEqual([1 << 20, bytes.length - (1 << 20)]);
    await previewImport(db(), id);
    expect(await getImport(db(), id)).toMatchObject({ status: "previewed", totalRows: file.rows });
  });
});

/** Everything an import writes for a shop's orders, without ids, timestamps and batch ids. */
async function orderGraphs(shopId: string) {
  const result = await db().execute(sql`
    select o.platform_order_no, o.status, o.total_fen, o.recipient_name, o.recipient_mobile,
      o.region_text, o.address_detail, o.buyer_remark, o.paid_at,
      (select json_agg(json_build_array(i.line_no, i.sku, i.name, i.quantity, i.unit_price_fen,
          i.weight_g, i.is_virtual) order by i.line_no)
        from order_items i where i.order_id = o.id) as items,
      (select json_agg(json_build_array(s.status, s.recipient_key, s.region_text,
          (select json_agg(json_build_array(oi.line_no, si.quantity) order by oi.line_no)
            from parcel_items si join order_items oi on oi.id = si.order_item_id
            where si.shipment_id = s.id)))
        from shipment_orders so join shipments s on s.id = so.shipment_id
        where so.order_id = o.id) as parcels,
      (select json_agg(json_build_array(e.from_status, e.to_status, e.note, e.at))
        from order_events e where e.order_id = o.id) as events
    from orders o where o.shop_id = ${shopId} order by o.platform_order_no`);
  return resultRows<Record<string, unknown>>(result);
}
