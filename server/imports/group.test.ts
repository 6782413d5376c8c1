import { describe, expect, it } from "vitest";
import { groupLines, validateRows, type ImportLine, type LineEntry } from "./rows";
import { expectedLine, fakeParser, mapping, row } from "./test-fixtures";

const line = (
  over: Partial<ImportLine> = {},
  item: Partial<ImportLine["item"]> = {},
): ImportLine => ({
  ...expectedLine,
  ...over,
  item: { ...expectedLine.item, ...item },
});
const entry = (rowNumber: number, l: ImportLine, cells?: string[]): LineEntry => ({
  rowNumber,
  line: l,
  cells: cells ?? [l.orderNo, l.item.sku, String(rowNumber)],
});

describe("groupLines", () => {
  it("groups rows of one order into items and keeps first-seen order", () => {
    const { orders, rejected } = groupLines([
      entry(2, line({ orderNo: "A", paidAt: null }, { sku: "S1" })),
      entry(3, line({ orderNo: "B" }, { sku: "S9" })),
      entry(4, line({ orderNo: "A", buyerRemark: "快" }, { sku: "S2", quantity: 3 })),
    ]);
    expect(rejected).toEqual([]);
    expect(orders.map((o) => [o.orderNo, o.rowNumbers, o.items.map((i) => i.sku)])).toEqual([
      ["A", [2, 4], ["S1", "S2"]],
      ["B", [3], ["S9"]],
    ]);
    expect(orders[0]).toMatchObject({
      paidAt: expectedLine.paidAt,
      buyerRemark: "快",
      recipient: expectedLine.recipient,
    });
  });

  it("drops an exactly repeated row as duplicate_in_file on the later copy", () => {
    const cells = ["A", "S1", "2"];
    const { orders, rejected } = groupLines([
      entry(2, line({ orderNo: "A" }), cells),
      entry(3, line({ orderNo: "A" }, { sku: "S2" })),
      entry(7, line({ orderNo: "A" }), [...cells]),
    ]);
    expect(orders).toHaveLength(1);
    expect(orders[0]?.rowNumbers).toEqual([2, 3]);
    expect(rejected).toEqual([
      {
        rowNumber: 7,
        errors: [
          {
            field: null,
            code: "duplicate_in_file",
            message: "This row repeats row 2 exactly; the copy is skipped.",
          },
        ],
      },
    ]);
  });

  it("finds repeats in orders with many rows too (keyed comparison)", () => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      entry(i + 2, line({ orderNo: "BIG" }, { sku: `S${i}` }), ["BIG", `S${i}`]),
    );
    const { orders, rejected } = groupLines([
      ...rows,
      entry(20, line({ orderNo: "BIG" }, { sku: "S3" }), [" BIG", "S3 "]),
      entry(21, line({ orderNo: "BIG" }, { sku: "S99" }), ["BIG", "S99"]),
      entry(22, line({ orderNo: "BIG" }, { sku: "S99" }), ["BIG", "S99"]),
    ]);
    expect(orders[0]?.rowNumbers).toEqual([...rows.map((r) => r.rowNumber), 21]);
    expect(rejected.map((r) => [r.rowNumber, r.errors[0]?.message])).toEqual([
      [20, "This row repeats row 5 exactly; the copy is skipped."],
      [22, "This row repeats row 21 exactly; the copy is skipped."],
    ]);
  });

  it("keeps same-SKU rows that differ in another cell as separate items", () => {
    const { orders } = groupLines([
      entry(2, line({ orderNo: "A" }), ["A", "S1", "2"]),
      entry(3, line({ orderNo: "A" }, { quantity: 5 }), ["A", "S1", "5"]),
    ]);
    expect(orders[0]?.items.map((i) => i.quantity)).toEqual([2, 5]);
  });

  it.each([
    { what: "recipient names", change: { name: "李四" } },
    { what: "mobiles", change: { mobileExt: "9999" } },
    { what: "addresses", change: { detail: "文二路1号" } },
  ])("marks every row of an order whose $what differ as conflicting_order", ({ what, change }) => {
    const { orders, rejected } = groupLines([
      entry(2, line({ orderNo: "A" })),
      entry(3, line({ orderNo: "A" }, { sku: "S2" })),
      entry(
        4,
        line({ orderNo: "A", recipient: { ...expectedLine.recipient, ...change } }, { sku: "S3" }),
      ),
      entry(5, line({ orderNo: "B" })),
    ]);
    expect(orders.map((o) => o.orderNo)).toEqual(["B"]);
    expect(rejected.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(rejected[0]?.errors).toEqual([
      {
        field: null,
        code: "conflicting_order",
        message: `Order A appears on rows 2, 3, 4 with different ${what}; all rows of one order must have the same recipient and address.`,
      },
    ]);
  });

  it("holds back orders that have an invalid row elsewhere", () => {
    const { orders, rejected } = groupLines(
      [entry(2, line({ orderNo: "A" })), entry(3, line({ orderNo: "B" }))],
      new Set(["A"]),
    );
    expect(orders.map((o) => o.orderNo)).toEqual(["B"]);
    expect(rejected).toMatchObject([
      { rowNumber: 2, errors: [{ field: "orderNo", code: "order_has_errors" }] },
    ]);
  });
});

describe("validateRows", () => {
  it("validates, groups and reports rejected rows by spreadsheet row number", () => {
    const rows = [
      row({ 订单号: "A", SKU: "S1" }),
      row({ 订单号: "A", SKU: "S2", 数量: "0" }),
      row({ 订单号: "B" }),
      row({ 订单号: "B" }),
      row({ 订单号: "", SKU: "S3" }),
    ];
    const { orders, rejected } = validateRows(rows, [2, 3, 5, 6, 9], mapping, fakeParser());
    expect(orders.map((o) => [o.orderNo, o.rowNumbers])).toEqual([["B", [5]]]);
    expect(rejected.map((r) => [r.rowNumber, r.errors.map((e) => e.code)])).toEqual([
      [2, ["order_has_errors"]],
      [3, ["bad_quantity"]],
      [6, ["duplicate_in_file"]],
      [9, ["missing_field"]],
    ]);
  });
});
