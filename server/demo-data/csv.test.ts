import { describe, expect, it } from "vitest";
import { demoProducts } from "./catalog";
import {
  csvDocument,
  csvLine,
  ordersToCsvRows,
  ourTemplateHeaders,
  taobaoExportHeaders,
  taobaoExportRows,
  yuan,
} from "./csv";
import { type DemoOrder, generateOrders } from "./orders";

const product = (sku: string) => {
  const p = demoProducts.find((x) => x.sku === sku);
  if (!p) throw new Error(sku);
  return { ...p, quantity: 2 };
};

const beijing: DemoOrder = {
  shopCode: "demo-shop",
  platformOrderNo: "3123456789012345678",
  // 2026-11-11 00:00:05 in Shanghai is 2026-11-10 16:00:05 UTC.
  paidAt: new Date("2026-11-10T16:00:05Z"),
  recipient: {
    name: "王芳",
    mobile: "13800138000",
    provinceCode: "110000",
    cityCode: "110100",
    countyCode: "110105",
    provinceName: "北京市",
    cityName: "北京市",
    countyName: "朝阳区",
    detail: "建国路88号SOHO现代城5号楼1201室",
  },
  buyerRemark: '请放丰巢,谢谢 "急"',
  items: [product("MT-BEAN-500"), product("MT-GC-100")],
};

describe("csvLine", () => {
  it("quotes only when needed and doubles quotes", () => {
    expect(csvLine(["a", "b c", "12.50"])).toBe("a,b c,12.50");
    expect(csvLine(["a,b", 'say "hi"', "x\ny", "r\r", " lead", "trail ", ""])).toBe(
      '"a,b","say ""hi""","x\ny","r\r"," lead","trail ",',
    );
  });

  it("builds a CRLF document", () => {
    expect(csvDocument(["h1", "h2"], [["1", "2"]])).toBe("h1,h2\r\n1,2\r\n");
  });
});

describe("ordersToCsvRows", () => {
  it("writes one row per item in template order", () => {
    const rows = ordersToCsvRows([beijing]);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toHaveLength(ourTemplateHeaders.length);
    const [bean, card] = rows;
    const col = (row: string[] | undefined, h: (typeof ourTemplateHeaders)[number]) =>
      row?.[ourTemplateHeaders.indexOf(h)];
    expect(col(bean, "订单号")).toBe("3123456789012345678");
    expect(col(bean, "店铺")).toBe("码头咖啡旗舰店");
    expect(col(bean, "市")).toBe("北京市");
    expect(col(bean, "单价(元)")).toBe("88.00");
    expect(col(bean, "数量")).toBe("2");
    expect(col(bean, "虚拟商品")).toBe("否");
    expect(col(card, "虚拟商品")).toBe("是");
    expect(col(card, "重量(克)")).toBe("0");
    expect(col(bean, "付款时间")).toBe("2026-11-11 00:00:05");
    expect(col(bean, "条码")).toBe(demoProducts[0]?.barcode);
    expect(csvLine(bean ?? [])).toContain('"请放丰巢,谢谢 ""急"""');
  });

  it("formats fen as yuan", () => {
    expect([yuan(0), yuan(5), yuan(1250), yuan(199900), yuan(-30)]).toEqual([
      "0.00",
      "0.05",
      "12.50",
      "1999.00",
      "-0.30",
    ]);
  });

  it("keeps generated rows distinct (the importer drops identical rows)", () => {
    const orders = generateOrders({
      count: 2000,
      seed: 5,
      startAt: new Date("2026-11-01T00:00:00+08:00"),
      endAt: new Date("2026-11-02T00:00:00+08:00"),
    });
    const rows = ordersToCsvRows(orders);
    expect(rows.length).toBe(orders.reduce((n, o) => n + o.items.length, 0));
    expect(new Set(rows.map((r) => csvLine(r))).size).toBe(rows.length);
  });
});

describe("taobaoExportRows", () => {
  it("writes the space-separated full address and keeps the member name per customer", () => {
    const rows = taobaoExportRows([
      beijing,
      { ...beijing, platformOrderNo: "4000000000000000001" },
    ]);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toHaveLength(taobaoExportHeaders.length);
    const first = rows[0] ?? [];
    expect(first[3]).toBe("北京市 朝阳区 建国路88号SOHO现代城5号楼1201室");
    expect(first[6]).toBe("MT-BEAN-500");
    expect(first[8]).toBe("2026-11-11 00:00:05");
    expect(new Set(rows.map((r) => r[1])).size).toBe(1);
  });

  it("writes province, city and county for ordinary provinces", () => {
    const zhejiang: DemoOrder = {
      ...beijing,
      recipient: {
        ...beijing.recipient,
        provinceName: "浙江省",
        cityName: "杭州市",
        countyName: "西湖区",
        detail: "文三路100号",
      },
    };
    expect(taobaoExportRows([zhejiang])[0]?.[3]).toBe("浙江省 杭州市 西湖区 文三路100号");
  });
});
