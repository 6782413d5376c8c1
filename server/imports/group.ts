import type {
  Grouped,
  ImportLine,
  ImportOrder,
  ImportRecipient,
  LineEntry,
  RejectedRow,
} from "./row-types";

/**
 * Builds orders from valid rows. Rows sharing an order number become one order's items.
 * - A row identical in every cell to an earlier one is a `duplicate_in_file` (a double export
 *   or a copy-paste) and is dropped; the first copy stays.
 * - If the rows of an order disagree on recipient or address, every row of it is a
 *   `conflicting_order`: we cannot know which one is right, and must not ship to both.
 * - Orders in `failedOrderNos` (an invalid row elsewhere) are held back whole: `order_has_errors`.
 */
export function groupLines(
  entries: LineEntry[],
  failedOrderNos: ReadonlySet<string> = new Set(),
): Grouped {
  const rejected: RejectedRow[] = [];
  const byOrder = new Map<string, LineEntry[]>();
  // Duplicates are looked for within the rows of the same order only: the order number is one of
  // the cells, so two rows identical in every cell always share it. This avoids building a key of
  // every row's cells (for a 100k-row file that was a third of the validation time).
  const keysOf = new Map<LineEntry[], Map<string, number>>();
  for (const entry of entries) {
    const group = byOrder.get(entry.line.orderNo);
    if (!group) {
      byOrder.set(entry.line.orderNo, [entry]);
      continue;
    }
    const first = repeatedRow(group, entry.cells, keysOf);
    if (first !== undefined) {
      rejected.push({
        rowNumber: entry.rowNumber,
        errors: [
          {
            field: null,
            code: "duplicate_in_file",
            message: `This row repeats row ${first} exactly; the copy is skipped.`,
          },
        ],
      });
      continue;
    }
    group.push(entry);
    keysOf.get(group)?.set(rowKey(entry.cells), entry.rowNumber);
  }

  const orders: ImportOrder[] = [];
  for (const [orderNo, group] of byOrder) {
    if (failedOrderNos.size > 0 && failedOrderNos.has(orderNo)) {
      const message =
        `Order ${orderNo} has an invalid row elsewhere in the file; ` +
        "fix it and import all rows of the order together.";
      for (const e of group)
        rejected.push({
          rowNumber: e.rowNumber,
          errors: [{ field: "orderNo", code: "order_has_errors", message }],
        });
      continue;
    }
    const head = group[0];
    if (!head) continue;
    if (group.length === 1) {
      // Most orders have one row: nothing to compare, nothing to pick.
      const { line } = head;
      orders.push({
        orderNo,
        recipient: line.recipient,
        paidAt: line.paidAt ?? null,
        buyerRemark: line.buyerRemark ?? null,
        sellerRemark: line.sellerRemark ?? null,
        shopName: line.shopName ?? null,
        items: [line.item],
        rowNumbers: [head.rowNumber],
      });
      continue;
    }
    const rows = group.map((e) => e.rowNumber);
    const differing = new Set<string>();
    for (let k = 1; k < group.length; k++) {
      for (const d of recipientDifferences(head.line.recipient, group[k]!.line.recipient))
        differing.add(d);
    }
    if (differing.size > 0) {
      const message =
        `Order ${orderNo} appears on rows ${rows.join(", ")} ` +
        `with different ${[...differing].join(" and ")}; ` +
        "all rows of one order must have the same recipient and address.";
      for (const e of group)
        rejected.push({
          rowNumber: e.rowNumber,
          errors: [{ field: null, code: "conflicting_order", message }],
        });
      continue;
    }
    orders.push({
      orderNo,
      recipient: head.line.recipient,
      paidAt: firstSet(group, "paidAt"),
      buyerRemark: firstSet(group, "buyerRemark"),
      sellerRemark: firstSet(group, "sellerRemark"),
      shopName: firstSet(group, "shopName"),
      items: group.map((e) => e.line.item),
      rowNumbers: rows,
    });
  }
  rejected.sort((a, b) => a.rowNumber - b.rowNumber);
  return { orders, rejected };
}

/** The first value of `key` that a row of the order has (rows may leave it blank). */
function firstSet<K extends "paidAt" | "buyerRemark" | "sellerRemark" | "shopName">(
  group: LineEntry[],
  key: K,
): ImportLine[K] | null {
  for (const e of group) if (e.line[key] !== null) return e.line[key] ?? null;
  return null;
}

function recipientDifferences(a: ImportRecipient, b: ImportRecipient): string[] {
  const out: string[] = [];
  if (a.name !== b.name) out.push("recipient names");
  if (a.mobile !== b.mobile || a.mobileExt !== b.mobileExt) out.push("mobiles");
  if (
    a.provinceCode !== b.provinceCode ||
    a.cityCode !== b.cityCode ||
    a.countyCode !== b.countyCode ||
    a.detail !== b.detail
  ) {
    out.push("addresses");
  }
  return out;
}

/** Cells compared as the user sees them: surrounding blanks do not make a row different. */
const rowKey = (cells: string[]) => JSON.stringify(cells.map((c) => c.trim()));

function sameCells(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i] && a[i]!.trim() !== b[i]!.trim()) return false;
  return true;
}

/** Orders with this many rows switch from comparing rows pairwise to a key per row. */
const PAIRWISE_LIMIT = 8;

/** The row number of an earlier row of the group identical to `cells`, if there is one. */
function repeatedRow(
  group: LineEntry[],
  cells: string[],
  keysOf: Map<LineEntry[], Map<string, number>>,
): number | undefined {
  let keys = keysOf.get(group);
  if (!keys) {
    if (group.length < PAIRWISE_LIMIT)
      return group.find((e) => sameCells(e.cells, cells))?.rowNumber;
    keys = new Map(group.map((e) => [rowKey(e.cells), e.rowNumber]));
    keysOf.set(group, keys);
  }
  return keys.get(rowKey(cells));
}
