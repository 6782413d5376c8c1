import { describe, expect, it } from "vitest";
import { courierCatalog, findCourier, routesTo } from "./catalog";

describe("courier catalog", () => {
  const couriers = courierCatalog.filter((c) => c.kind === "courier");

  it("has at least 20 couriers, including the seed ones", () => {
    expect(couriers.length).toBeGreaterThanOrEqual(20);
    for (const code of [
      "sf",
      "zto",
      "yto",
      "yunda",
      "jt",
      "ems",
      "deppon",
      "sto",
      "jd",
      "chinapost",
      "best",
      "zjs",
    ]) {
      expect(findCourier(code), code).toBeDefined();
    }
  });

  it("uses unique URL-safe lower-case slugs", () => {
    const codes = courierCatalog.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9]{1,15}$/);
  });

  it("can reach every courier: directly or through an aggregator", () => {
    for (const c of couriers) {
      const r = routesTo(c.code);
      expect(Boolean(r.direct) || r.via.length > 0, c.code).toBe(true);
    }
  });

  it("gives aggregator codes per aggregator without collisions", () => {
    for (const agg of ["kdniao", "kuaidi100", "cainiao"] as const) {
      const codes = couriers.flatMap((c) =>
        c.aggregatorCodes[agg] ? [c.aggregatorCodes[agg]] : [],
      );
      expect(new Set(codes).size, agg).toBe(codes.length);
    }
  });

  it("has names in both languages, a label size and a volumetric divisor", () => {
    for (const c of courierCatalog) {
      expect(c.nameZh.length).toBeGreaterThan(0);
      expect(c.nameEn.length).toBeGreaterThan(0);
      expect(["76x130", "100x150", "100x180"]).toContain(c.defaultLabelSize);
      expect([6000, 8000, 12000]).toContain(c.volumetricDivisor);
      expect(c.color).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it("routes JD through aggregators and SF directly", () => {
    expect(routesTo("jd")).toEqual({
      direct: undefined,
      via: [
        { aggregator: "kdniao", code: "JD" },
        { aggregator: "kuaidi100", code: "jd" },
        { aggregator: "cainiao", code: "JD" },
      ],
    });
    expect(routesTo("sf").direct).toBe("sf");
  });
});
