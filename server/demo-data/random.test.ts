import { describe, expect, it } from "vitest";
import { Rng, WeightedTable, hashString } from "./random";

const draw = (seed: number | string, n = 20) => {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => rng.uint32());
};

describe("Rng", () => {
  it("is deterministic per seed and differs between seeds", () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw("demo")).toEqual(draw("demo"));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0)).not.toEqual(draw(1));
    expect(draw("a")).not.toEqual(draw("b"));
  });

  it("int stays within inclusive bounds and reaches both ends", () => {
    const rng = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.int(-2, 3);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThanOrEqual(3);
      seen.add(v);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(() => rng.int(3, 2)).toThrow(RangeError);
  });

  it("next is in [0, 1) with a sane mean", () => {
    const rng = new Rng(7);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });

  it("weighted and WeightedTable follow the weights", () => {
    const rng = new Rng(3);
    const pairs = [
      ["a", 1],
      ["b", 3],
      ["never", 0],
    ] as const;
    const table = new WeightedTable(pairs);
    const counts = { a: 0, b: 0, never: 0, ta: 0, tb: 0, tnever: 0 };
    for (let i = 0; i < 8000; i++) {
      counts[rng.weighted(pairs)]++;
      counts[`t${table.sample(rng)}`]++;
    }
    expect(counts.never + counts.tnever).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.6);
    expect(counts.b / counts.a).toBeLessThan(3.4);
    expect(counts.tb / counts.ta).toBeGreaterThan(2.6);
    expect(counts.tb / counts.ta).toBeLessThan(3.4);
    expect(() => rng.weighted([["x", 0]])).toThrow(RangeError);
  });

  it("chance, pick, shuffle and digits behave", () => {
    const rng = new Rng(9);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (rng.chance(0.2)) hits++;
    expect(hits / 10_000).toBeCloseTo(0.2, 1);
    expect(() => rng.pick([])).toThrow(RangeError);
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = rng.shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(input);
    expect(rng.digits(19)).toMatch(/^\d{19}$/);
  });

  it("hashString is stable", () => {
    expect(hashString("demo")).toBe(hashString("demo"));
    expect(hashString("demo")).not.toBe(hashString("demp"));
  });
});
