import { type DemoShop, demoShops } from "./catalog";
import { hashString } from "./random";
import type { DemoOrder, DemoRecipient } from "./orders";
import { fullAddress } from "./regions";
import { shanghaiDateTime } from "./shanghai";

/**
 * Demo orders as spreadsheets: our own import template and a Taobao (千牛) style export, so
 * imports, e2e tests and the benchmark read files shaped like the ones merchants upload.
 * Both are one row per item; rows of one order share the order number, which is how the
 * importer groups them.
 */

export const ourTemplateHeaders = [
  "订单号",
  "店铺",
  "收件人",
  "手机号",
  "省",
  "市",
  "区",
  "详细地址",
  "SKU",
  "商品名称",
  "条码",
  "数量",
  "单价(元)",
  "重量(克)",
  "虚拟商品",
  "买家留言",
  "付款时间",
] as const;

/** Rows for ourTemplateHeaders (header row not included). 店铺 is the shop's display name. */
export function ordersToCsvRows(
  orders: Iterable<DemoOrder>,
  shops: readonly DemoShop[] = demoShops,
): string[][] {
  const shopName = shopNames(shops);
  const rows: string[][] = [];
  for (const order of orders) {
    const r = order.recipient;
    const shop = shopName(order.shopCode);
    const paid = shanghaiDateTime(order.paidAt);
    for (const item of order.items) {
      rows.push([
        order.platformOrderNo,
        shop,
        r.name,
        r.mobile,
        r.provinceName,
        r.cityName,
        r.countyName,
        r.detail,
        item.sku,
        item.name,
        item.barcode,
        String(item.quantity),
        yuan(item.unitPriceFen),
        String(item.weightG),
        item.isVirtual ? "是" : "否",
        order.buyerRemark ?? "",
        paid,
      ]);
    }
  }
  return rows;
}

export const taobaoExportHeaders = [
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
] as const;

/**
 * Rows for taobaoExportHeaders, shaped like a 千牛 order report merged with its item report:
 * 收货地址 is one space-separated string "浙江省 杭州市 西湖区 文三路100号" that the importer
 * has to parse. For municipalities the city is written once ("北京市 朝阳区 …").
 */
export function taobaoExportRows(orders: Iterable<DemoOrder>): string[][] {
  const rows: string[][] = [];
  for (const order of orders) {
    const r = order.recipient;
    const nick = buyerNick(r);
    const address = fullAddress(r, " ");
    const paid = shanghaiDateTime(order.paidAt);
    for (const item of order.items) {
      rows.push([
        order.platformOrderNo,
        nick,
        r.name,
        address,
        r.mobile,
        item.name,
        item.sku,
        String(item.quantity),
        paid,
        order.buyerRemark ?? "",
      ]);
    }
  }
  return rows;
}

/**
 * One CSV record (RFC 4180) without the line ending. Cells with a comma, quote, CR/LF or
 * leading/trailing whitespace are quoted, quotes doubled; others stay bare so files diff well.
 */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(",");
}

/** A whole CSV document, CRLF line endings as Excel writes them. */
export function csvDocument(headers: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [csvLine(headers)];
  for (const row of rows) lines.push(csvLine(row));
  return lines.join("\r\n") + "\r\n";
}

function csvCell(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Integer fen as a yuan amount with two decimals: 1250 → "12.50". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(Math.round(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

function shopNames(shops: readonly DemoShop[]): (code: string) => string {
  const byCode = new Map(shops.map((s) => [s.code, s.name]));
  // An order from a shop not in the list keeps its code: visible, and still maps to a shop id.
  return (code) => byCode.get(code) ?? code;
}

/**
 * Taobao member names ("tb" + digits for accounts that never chose one, otherwise a nickname)
 * derived from the recipient, so a repeat customer keeps the same member name across orders.
 */
function buyerNick(r: DemoRecipient): string {
  const h = hashString(`${r.name}|${r.mobile}`);
  if (h % 3 === 0) return `tb${String(h).padStart(10, "0")}`;
  const stems = ["爱喝咖啡的", "快乐的", "小", "阿", "追风的", "晴天", "早起的"];
  return `${stems[h % stems.length] ?? ""}${r.name.slice(-1)}${(h >>> 8) % 1000}`;
}
