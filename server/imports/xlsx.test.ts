import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readTable, writeTable } from "./table";
import { readError } from "./test-fixtures";
import { cellText, plainNumber } from "./xlsx";

const utf8 = (s: string) => new TextEncoder().encode(s);

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readTable: XLSX", () => {
  it("reads the first worksheet with exact text order numbers, dates and rich text", async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("订单");
      ws.addRow(["订单号", "数量", "单价", "付款时间", "备注", "链接", "合计", "虚拟"]);
      ws.addRow([
        "3712345678901234567",
        2,
        19.9,
        new Date(Date.UTC(2024, 5, 18, 20, 15, 0)),
        { richText: [{ text: "易碎" }, { text: "轻放", font: { bold: true } }] },
        { text: "详情", hyperlink: "https://example.com" },
        { formula: "B2*C2", result: 39.800000000000004 },
        true,
      ]);
      ws.addRow([]);
      ws.addRow(["100000000000000000001", 1e21, 0.0000001, null, "", "", "", false]);
      wb.addWorksheet("其他").addRow(["不要读我"]);
    });
    const table = await readTable(bytes, "upload.bin");
    expect(table).toMatchObject({
      format: "xlsx",
      encoding: null,
      headers: ["订单号", "数量", "单价", "付款时间", "备注", "链接", "合计", "虚拟"],
      rows: [
        [
          "3712345678901234567",
          "2",
          "19.9",
          "2024-06-18 20:15:00",
          "易碎轻放",
          "详情",
          "39.8",
          "TRUE",
        ],
        ["100000000000000000001", "1000000000000000000000", "0.0000001", "", "", "", "", "FALSE"],
      ],
      rowNumbers: [2, 4],
    });
  });

  it("warns when a long order number was stored as a number and lost digits", async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("S");
      ws.addRow(["订单号"]);
      ws.addRow([3712345678901234567]);
    });
    const table = await readTable(bytes, "a.xlsx");
    expect(table.rows).toEqual([["3712345678901234700"]]);
    expect(table.warnings).toHaveLength(1);
    expect(table.warnings[0]).toMatch(/^Row 2, column 1: .*format the column as Text/);
  });

  it("takes the first tab even when it is not the first sheet file", async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet("后加的").addRow(["wrong"]);
      const first = wb.addWorksheet("订单");
      first.addRow(["right"]);
      Object.assign(first, { orderNo: -1 }); // exceljs reads this but does not type it
    });
    expect((await readTable(bytes, "a.xlsx")).headers).toEqual(["right"]);
  });

  it("rejects a .xlsx name whose content is not a workbook", async () => {
    expect((await readError(readTable(utf8("a,b\n1,2"), "orders.xlsx"))).code).toBe("bad_xlsx");
  });
});

describe("readTable: XLSX multi-byte text", () => {
  // exceljs' streaming reader decodes each zip chunk on its own, which turns a Chinese character
  // split across two chunks into U+FFFD; big sheets cross many chunk boundaries.
  it.each([
    { name: "shared strings (Excel-style)", sharedStrings: true },
    { name: "inline strings (streaming writer)", sharedStrings: false },
  ])("keeps every character of a large Chinese sheet: $name", async ({ sharedStrings }) => {
    const rows = Array.from({ length: 3000 }, (_, i) => [
      `订单${i}`,
      `收件人𠮷${i % 7}`,
      `浙江省杭州市西湖区文三路${i}号东部软件园`,
      `商品名称${"测试".repeat(i % 9)}`,
    ]);
    const headers = ["订单号", "收件人", "地址", "商品"];
    let bytes: Uint8Array;
    if (sharedStrings) {
      bytes = await xlsxBytes((wb) => {
        const ws = wb.addWorksheet("订单");
        ws.addRow(headers);
        for (const r of rows) ws.addRow(r);
      });
    } else {
      bytes = await writeTable({ format: "xlsx", encoding: null, headers, rows });
    }
    const table = await readTable(bytes, "big.xlsx");
    expect(table.rows.filter((r) => r.some((c) => c.includes("\uFFFD")))).toEqual([]);
    expect(table.rows).toEqual(rows);
  });
});

describe("plainNumber", () => {
  it.each([
    [0, "0"],
    [19.9, "19.9"],
    [59.699999999999996, "59.7"],
    [-0.5, "-0.5"],
    [13800138000, "13800138000"],
    [1e21, "1000000000000000000000"],
    [1.5e-7, "0.00000015"],
    [-2.5e22, "-25000000000000000000000"],
    [123456789012345680000, "123456789012345680000"],
  ])("%d -> %s", (n, text) => {
    expect(plainNumber(n)).toBe(text);
  });
});

describe("cellText", () => {
  const noWarn = () => {
    throw new Error("unexpected warning");
  };
  it.each([
    [null, ""],
    ["文本", "文本"],
    [false, "FALSE"],
    [{ error: "#N/A" as const }, "#N/A"],
    [
      { formula: "A1", result: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 600)) },
      "2024-01-02 03:04:06",
    ],
    [{ sharedFormula: "A1", result: "x" }, "x"],
    [{ formula: "A1" }, ""],
    [{ text: "链接", hyperlink: "https://example.com" }, "链接"],
  ] as const)("%j -> %j", (value, text) => {
    expect(cellText(value, noWarn)).toBe(text);
  });
});
