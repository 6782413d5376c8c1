import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText, encodeText, type TextEncodingName } from "./decode";

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | Uint8Array)[]) =>
  Uint8Array.from(parts.flatMap((p) => [...p]));

describe("decodeText", () => {
  it.each([
    {
      name: "plain UTF-8",
      input: utf8("订单号,收件人\n1,张三"),
      text: "订单号,收件人\n1,张三",
      encoding: "utf-8",
    },
    {
      name: "short UTF-8 is not mistaken for GBK",
      input: utf8("张三"),
      text: "张三",
      encoding: "utf-8",
    },
    { name: "one UTF-8 char", input: utf8("浙"), text: "浙", encoding: "utf-8" },
    { name: "ASCII only", input: utf8("a,b\n1,2"), text: "a,b\n1,2", encoding: "utf-8" },
    {
      name: "UTF-8 BOM is stripped",
      input: bytes([0xef, 0xbb, 0xbf], utf8("省,市")),
      text: "省,市",
      encoding: "utf-8-bom",
    },
    {
      name: "GBK bytes of 浙江省杭州市",
      input: new Uint8Array(iconv.encode("浙江省杭州市", "gbk")),
      text: "浙江省杭州市",
      encoding: "gb18030",
    },
    {
      name: "short GBK (two chars)",
      input: new Uint8Array(iconv.encode("张三", "gbk")),
      text: "张三",
      encoding: "gb18030",
    },
    {
      name: "GB18030-only characters 𠮷 and 䶮",
      input: new Uint8Array(iconv.encode("𠮷野家,刘䶮", "gb18030")),
      text: "𠮷野家,刘䶮",
      encoding: "gb18030",
    },
    {
      name: "UTF-16LE with BOM (Excel Unicode text)",
      input: bytes([0xff, 0xfe], iconv.encode("订单号\t数量\r\n1\t2", "utf-16le")),
      text: "订单号\t数量\r\n1\t2",
      encoding: "utf-16le",
    },
    {
      name: "UTF-16BE with BOM",
      input: bytes([0xfe, 0xff], iconv.encode("收件人", "utf-16be")),
      text: "收件人",
      encoding: "utf-16be",
    },
  ])("$name", ({ input, text, encoding }) => {
    expect(decodeText(input)).toEqual({ text, encoding });
  });

  it("keeps a mid-text U+FEFF that is content, not a BOM", () => {
    expect(decodeText(utf8("a\uFEFFb")).text).toBe("a\uFEFFb");
  });

  it("decodes a large GBK export without mojibake", () => {
    const line = "订单编号,收货人姓名,收货地址\n";
    const text = line + "1,王五,浙江省 杭州市 西湖区 文三路\n".repeat(5000);
    const decoded = decodeText(new Uint8Array(iconv.encode(text, "gbk")));
    expect(decoded.encoding).toBe("gb18030");
    expect(decoded.text).toBe(text);
  });
});

describe("encodeText", () => {
  const sample = "订单号,收件人,地址\r\n3712345678901234567,𠮷田,浙江省杭州市\r\n";
  it.each<TextEncodingName>(["utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16be"])(
    "%s round-trips through decodeText",
    (encoding) => {
      expect(decodeText(encodeText(sample, encoding))).toEqual({ text: sample, encoding });
    },
  );

  it("puts the BOM back for utf-8-bom and only then", () => {
    expect([...encodeText("a", "utf-8-bom")]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect([...encodeText("a", "utf-8")]).toEqual([0x61]);
  });

  it("writes GBK-compatible bytes for GBK characters", () => {
    expect(Buffer.from(encodeText("浙江省", "gb18030"))).toEqual(iconv.encode("浙江省", "gbk"));
  });
});
