import { describe, expect, it } from "vitest";
import { demoProducts, demoShops, demoWarehouses, ean13CheckDigit, isValidEan13 } from "./catalog";
import { regionByCounty } from "./regions";

describe("EAN-13", () => {
  it("computes known check digits", () => {
    expect(ean13CheckDigit("690123456789")).toBe(2); // 6901234567892, the documentation example
    expect(ean13CheckDigit("400638133393")).toBe(1); // 4006381333931, Wikipedia's example
    expect(isValidEan13("6901234567892")).toBe(true);
    expect(isValidEan13("6901234567893")).toBe(false);
    expect(isValidEan13("690123456789")).toBe(false);
  });
});

describe("catalog", () => {
  it("demo-shop is the first shop and every shop ships from a known warehouse", () => {
    expect(demoShops[0]).toMatchObject({ code: "demo-shop", platform: "tmall" });
    expect(new Set(demoShops.map((s) => s.platform))).toEqual(
      new Set(["tmall", "jd", "pdd", "douyin", "own"]),
    );
    const warehouses = new Set(demoWarehouses.map((w) => w.code));
    for (const s of demoShops) expect(warehouses.has(s.warehouseCode)).toBe(true);
  });

  it("warehouses sit in real counties with consistent codes", () => {
    const expected = { "wh-hangzhou": "余杭区", "wh-guangzhou": "白云区", "wh-beijing": "大兴区" };
    for (const w of demoWarehouses) {
      const region = regionByCounty(w.countyCode);
      expect(region?.countyName).toBe(expected[w.code as keyof typeof expected]);
      expect(region?.cityCode).toBe(w.cityCode);
      expect(region?.provinceCode).toBe(w.provinceCode);
      expect(w.mobile).toMatch(/^1[3-9]\d{9}$/);
    }
  });

  it("products have unique SKUs and valid 69x barcodes", () => {
    expect(demoProducts.length).toBeGreaterThanOrEqual(38);
    expect(new Set(demoProducts.map((p) => p.sku)).size).toBe(demoProducts.length);
    expect(new Set(demoProducts.map((p) => p.barcode)).size).toBe(demoProducts.length);
    for (const p of demoProducts) {
      expect(isValidEan13(p.barcode), p.barcode).toBe(true);
      expect(p.barcode).toMatch(/^69\d{11}$/);
      expect(Number.isInteger(p.unitPriceFen) && p.unitPriceFen > 0).toBe(true);
    }
  });

  it("virtual goods weigh nothing and have no dimensions; physical ones have all", () => {
    const virtual = demoProducts.filter((p) => p.isVirtual);
    expect(virtual.map((p) => p.sku)).toEqual([
      "MT-GC-100",
      "MT-VIP-YEAR",
      "MT-INS-RETURN",
      "MT-COURSE-POUR",
    ]);
    for (const p of virtual) {
      expect(p).toMatchObject({ weightG: 0, lengthMm: null, widthMm: null, heightMm: null });
    }
    for (const p of demoProducts.filter((x) => !x.isVirtual)) {
      expect(p.weightG).toBeGreaterThan(0);
      for (const d of [p.lengthMm, p.widthMm, p.heightMm]) expect(d).toBeGreaterThan(0);
    }
  });
});
