import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { encodeText, type TextEncodingName } from "./decode";
import { readError } from "./test-fixtures";
import { cleanCell, detectDelimiter, readTable, writeTable, type CsvDelimiter } from "./table";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("readTable: CSV quirks", () => {
  it.each([
    {
      name: "trims header whitespace and keeps spreadsheet row numbers",
      csv: " 订单号 ,\t收件人\r\n1,张三\r\n2,李四\r\n",
      headers: ["订单号", "收件人"],
      rows: [
        ["1", "张三"],
        ["2", "李四"],
      ],
      rowNumbers: [2, 3],
    },
    {
      name: "quoted newlines and commas stay inside one cell (one spreadsheet row)",
      csv: 'a,b\n"第一行\n第二行","x,y"\n3,4\n',
      headers: ["a", "b"],
      rows: [
        ["第一行\n第二行", "x,y"],
        ["3", "4"],
      ],
      rowNumbers: [2, 3],
    },
    {
      name: '="..." wrappers, raw and CSV-escaped',
      csv: 'a,b\n="3712345678901234567",x\n"=""057188886666""",y\n',
      headers: ["a", "b"],
      rows: [
        ["3712345678901234567", "x"],
        ["057188886666", "y"],
      ],
      rowNumbers: [2, 3],
    },
    {
      name: "leading tab and apostrophe before numbers are dropped, other apostrophes kept",
      csv: "a,b,c\n\t3712345678901234567\t,'13800138000,'好的'\n",
      headers: ["a", "b", "c"],
      rows: [["3712345678901234567", "13800138000", "'好的'"]],
      rowNumbers: [2],
    },
    {
      name: "tab-delimited",
      csv: "订单号\t商品名称\n1\t杯子, 白色\n",
      headers: ["订单号", "商品名称"],
      rows: [["1", "杯子, 白色"]],
      rowNumbers: [2],
    },
    {
      name: "semicolon-delimited",
      csv: "a;b\n1;2,5\n",
      headers: ["a", "b"],
      rows: [["1", "2,5"]],
      rowNumbers: [2],
    },
    {
      name: "ragged rows are padded; trailing empty cells are not data",
      csv: "a,b,c\n1\n1,2,3,,,\n",
      headers: ["a", "b", "c"],
      rows: [
        ["1", "", ""],
        ["1", "2", "3"],
      ],
      rowNumbers: [2, 3],
    },
    {
      name: "a row longer than the header keeps its data under a blank header",
      csv: "a,b\n1,2,extra\n",
      headers: ["a", "b", ""],
      rows: [["1", "2", "extra"]],
      rowNumbers: [2],
    },
    {
      name: "fully empty rows (blank or only separators) are skipped",
      csv: "\n a , b \n\n,,\n1,2\n \t \n3,4",
      headers: ["a", "b"],
      rows: [
        ["1", "2"],
        ["3", "4"],
      ],
      rowNumbers: [5, 7],
    },
    {
      name: "mixed CRLF/LF/CR line endings",
      csv: "a,b\r\n1,2\n3,4\r5,6\r\n",
      headers: ["a", "b"],
      rows: [
        ["1", "2"],
        ["3", "4"],
        ["5", "6"],
      ],
      rowNumbers: [2, 3, 4],
    },
    {
      name: "a stray quote inside an unquoted cell is kept",
      csv: 'a,b\n12" 显示器,2\n',
      headers: ["a", "b"],
      rows: [['12" 显示器', "2"]],
      rowNumbers: [2],
    },
  ])("$name", async ({ csv, headers, rows, rowNumbers }) => {
    const table = await readTable(utf8(csv), "orders.csv");
    expect(table).toMatchObject({ format: "csv", encoding: "utf-8", headers, rows, rowNumbers });
  });

  it.each<{ name: string; bytes: Uint8Array; encoding: TextEncodingName; delimiter: CsvDelimiter }>(
    [
      {
        name: "GBK Taobao export",
        bytes: new Uint8Array(iconv.encode("订单编号,收货地址\n1,浙江省杭州市\n", "gbk")),
        encoding: "gb18030",
        delimiter: ",",
      },
      {
        name: "UTF-8 with BOM",
        bytes: encodeText("订单编号,收货地址\n1,浙江省杭州市\n", "utf-8-bom"),
        encoding: "utf-8-bom",
        delimiter: ",",
      },
      {
        name: "Excel Unicode text (UTF-16LE, tabs)",
        bytes: encodeText("订单编号\t收货地址\r\n1\t浙江省杭州市\r\n", "utf-16le"),
        encoding: "utf-16le",
        delimiter: "\t",
      },
    ],
  )("decodes $name", async ({ bytes, encoding, delimiter }) => {
    const table = await readTable(bytes, "x.csv");
    expect(table).toMatchObject({
      encoding,
      delimiter,
      headers: ["订单编号", "收货地址"],
      rows: [["1", "浙江省杭州市"]],
    });
  });

  it.each([
    { name: "empty file", bytes: new Uint8Array(), code: "empty_file" },
    { name: "header-less blank file", bytes: utf8("\n,,\n"), code: "empty_file" },
    {
      name: "old binary .xls",
      bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]),
      code: "legacy_xls",
    },
    {
      name: "HTML disguised as a spreadsheet",
      bytes: utf8("<html><table><tr><td>1</td></tr></table>"),
      code: "unsupported_format",
    },
    { name: "unclosed quote", bytes: utf8('a,b\n1,"never closed\n2,3\n'), code: "bad_csv" },
  ])("rejects $name", async ({ bytes, code }) => {
    expect((await readError(readTable(bytes, "f.csv"))).code).toBe(code);
  });

  it("keeps header-only files as an empty table", async () => {
    expect((await readTable(utf8("a,b\n"), "a.csv")).rows).toEqual([]);
  });
});

describe("detectDelimiter / cleanCell", () => {
  it.each([
    ["a,b,c", ","],
    ["a\tb\tc", "\t"],
    ["a;b;c", ";"],
    ['"x;y;z",b', ","],
    ["\n\na\tb", "\t"],
    ["single", ","],
  ] as const)("%j -> %j", (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it.each([
    ['="0086"', "0086"],
    ['  ="1"  ', "1"],
    ["'+86 138 0013 8000", "+86 138 0013 8000"],
    ["'abc", "'abc"],
    ["\u3000张三\u3000", "张三"],
    ['=""', ""],
  ])("%j -> %j", (raw, clean) => {
    expect(cleanCell(raw)).toBe(clean);
  });
});

describe("writeTable round trips", () => {
  const headers = ["订单号", "收件人", "备注", "错误"];
  const rows = [
    ["3712345678901234567", "𠮷田 太郎", '说"快点", 谢谢\n第二行', '=HYPERLINK("http://evil")'],
    ["0571", "张三", "+86 138", "-5"],
    ["12", "", "@mention", " "],
  ];
  const expectedRows = rows.map((r) => r.map((c) => c.trim()));

  it.each<{ encoding: TextEncodingName; delimiter: CsvDelimiter }>([
    { encoding: "utf-8", delimiter: "," },
    { encoding: "utf-8-bom", delimiter: "," },
    { encoding: "gb18030", delimiter: "," },
    { encoding: "gb18030", delimiter: ";" },
    { encoding: "utf-16le", delimiter: "\t" },
  ])("CSV in $encoding with $delimiter", async ({ encoding, delimiter }) => {
    const bytes = await writeTable({ format: "csv", encoding, delimiter, headers, rows });
    const back = await readTable(bytes, "rejected.csv");
    expect(back).toMatchObject({ format: "csv", encoding, delimiter, headers, rows: expectedRows });
  });

  it("CSV output defuses formulas and protects long numbers for Excel", async () => {
    const bytes = await writeTable({ format: "csv", encoding: "utf-8", headers, rows });
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"=""3712345678901234567"""');
    expect(text).toContain('"=""0571"""');
    expect(text).not.toMatch(/(^|,)"?[=+\-@][^"]/m);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("defaults an unknown CSV encoding to UTF-8 with BOM", async () => {
    const bytes = await writeTable({
      format: "csv",
      encoding: null,
      headers: ["a"],
      rows: [["张"]],
    });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("XLSX keeps every cell as text", async () => {
    const bytes = await writeTable({ format: "xlsx", encoding: null, headers, rows });
    const back = await readTable(bytes, "rejected.xlsx");
    expect(back).toMatchObject({
      format: "xlsx",
      headers,
      rows: expectedRows,
      rowNumbers: [2, 3, 4],
    });
  });
});
