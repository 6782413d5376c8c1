import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { splitCsv } from "./csv";

/** csv-parse with the options readTable uses: the reference splitCsv must agree with. */
function reference(text: string, delimiter: string): string[][] | "error" {
  try {
    return parse(Buffer.from(text), {
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_quotes: true,
      relax_column_count: true,
      bom: false,
    });
  } catch {
    return "error";
  }
}

describe("splitCsv", () => {
  it.each([
    [
      "a,b\r\nc,d\r\n",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "a,b\nc,d",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    ["a,b\rc", [["a", "b"], ["c"]]],
    ['"x, y","say ""hi"""\n', [["x, y", 'say "hi"']]],
    ['"line\r\nbreak",2', [["line\r\nbreak", "2"]]],
    ['="3712000000000000001",a""b', [['="3712000000000000001"', 'a""b']]],
    ["a,,\n\nb,", [["a", "", ""], [""], ["b", ""]]],
  ])("%j", (text, records) => {
    expect(splitCsv(text, ",")).toEqual(records);
    expect(reference(text, ",")).toEqual(records);
  });

  it("leaves unusual quoting to csv-parse (null)", () => {
    expect(splitCsv('"never closed,a\n', ",")).toBeNull();
    expect(splitCsv('"closed"then text,a\n', ",")).toBeNull();
  });

  it("agrees with csv-parse on random input whenever it answers", () => {
    const alphabet = ["a", "中", '"', ",", "\t", "\r", "\n", "\r\n", " ", "=", "bb"];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    let answered = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = "";
      const length = Math.floor(random() * (n % 2 ? 40 : 12));
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const delimiter = n % 3 === 0 ? "\t" : ",";
      const mine = splitCsv(text, delimiter);
      if (mine === null) continue;
      answered++;
      expect({ text, records: mine }).toEqual({ text, records: reference(text, delimiter) });
    }
    expect(answered).toBeGreaterThan(10_000);
  });
});
